// SPDX-License-Identifier: GPL-2.0
/*
 * more_helpers.c: helpers that later upstream kernels added to
 * rust/helpers/, written against the 6.12 headers.  Linux 6.12 has only 31
 * rust_helper_* functions; the kernel test (tests/kernel/run) needs a crate
 * that calls many real helpers, so these wrap real 6.12 static inline
 * functions and macros.  Each has the name and signature of the upstream
 * helper of the same name (upstream file in the group comment; atomic.c is
 * upstream's generated file, all of it, in its order).
 *
 * tests/kernel/run compiles this file with exactly the flags kbuild uses
 * for rust/helpers/helpers.c (and -DMODULE for the module variant).
 *
 * Not copied, for static state that helperlink rightly keeps out of line
 * (see tests/kernel/README): init_completion() (completion.c), whose
 * init_swait_queue_head() has a static lock_class_key; get_file() (fs.c),
 * whose WARN_ONCE() has its flag in .data..once.  (WARN_ON_ONCE(), as in
 * dma_set_max_seg_size(), has none on x86: a flag in the bug table.)
 *
 * Not copied, as 6.12 or its x86_64 defconfig cannot express them:
 * - not in 6.12: slab.c's krealloc_node_align and kvrealloc_node_align,
 *   vmalloc.c's vrealloc_node_align, spinlock.c's spin_lock_irq_disable
 *   family, interrupt.c's local_interrupt_disable/enable;
 * - srcu.c: init_srcu_struct_with_key (6.12 declares __init_srcu_struct
 *   only with CONFIG_DEBUG_LOCK_ALLOC) and srcu_readers_active (static in
 *   6.12's srcutree.c);
 * - compiled out by their own #ifdef here: uaccess.c's _copy_from_user
 *   and _copy_to_user (INLINE_COPY_USER; x86 defines neither
 *   INLINE_COPY_*), security.c (!CONFIG_SECURITY) and jump_label.c
 *   (!CONFIG_JUMP_LABEL), as defconfig sets both options.
 * Not attempted: the driver and subsystem files (acpi.c, clk.c,
 * cpufreq.c, dma-resv.c, drm*.c, fwctl.c, gpu.c, net/genetlink.c, pwm.c,
 * regulator.c, serdev.c, usb.c).
 */

#include <linux/atomic.h>
#include <linux/auxiliary_bus.h>
#include <linux/bitops.h>
#include <linux/bug.h>
#include <linux/cpumask.h>
#include <linux/cred.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/ktime.h>
#include <linux/list.h>
#include <linux/list_lru.h>
#include <linux/lockdep.h>
#include <linux/maple_tree.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/pci.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/platform_device.h>
#include <linux/poll.h>
#include <linux/processor.h>
#include <linux/property.h>
#include <linux/rbtree.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/scatterlist.h>
#include <linux/sched/mm.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/srcu.h>
#include <linux/string.h>
#include <linux/task_work.h>
#include <linux/timekeeping.h>
#include <linux/uidgid.h>
#include <linux/vmalloc.h>
#include <linux/xarray.h>
#include <asm/barrier.h>
#include <asm/rwonce.h>

/* atomic.c */
int rust_helper_atomic_read(const atomic_t *v) { return atomic_read(v); }
int rust_helper_atomic_read_acquire(const atomic_t *v) { return atomic_read_acquire(v); }
void rust_helper_atomic_set(atomic_t *v, int i) { atomic_set(v, i); }
void rust_helper_atomic_set_release(atomic_t *v, int i) { atomic_set_release(v, i); }
void rust_helper_atomic_add(int i, atomic_t *v) { atomic_add(i, v); }
int rust_helper_atomic_add_return(int i, atomic_t *v) { return atomic_add_return(i, v); }
int rust_helper_atomic_add_return_acquire(int i, atomic_t *v) { return atomic_add_return_acquire(i, v); }
int rust_helper_atomic_add_return_release(int i, atomic_t *v) { return atomic_add_return_release(i, v); }
int rust_helper_atomic_add_return_relaxed(int i, atomic_t *v) { return atomic_add_return_relaxed(i, v); }
int rust_helper_atomic_fetch_add(int i, atomic_t *v) { return atomic_fetch_add(i, v); }
int rust_helper_atomic_fetch_add_acquire(int i, atomic_t *v) { return atomic_fetch_add_acquire(i, v); }
int rust_helper_atomic_fetch_add_release(int i, atomic_t *v) { return atomic_fetch_add_release(i, v); }
int rust_helper_atomic_fetch_add_relaxed(int i, atomic_t *v) { return atomic_fetch_add_relaxed(i, v); }
void rust_helper_atomic_sub(int i, atomic_t *v) { atomic_sub(i, v); }
int rust_helper_atomic_sub_return(int i, atomic_t *v) { return atomic_sub_return(i, v); }
int rust_helper_atomic_sub_return_acquire(int i, atomic_t *v) { return atomic_sub_return_acquire(i, v); }
int rust_helper_atomic_sub_return_release(int i, atomic_t *v) { return atomic_sub_return_release(i, v); }
int rust_helper_atomic_sub_return_relaxed(int i, atomic_t *v) { return atomic_sub_return_relaxed(i, v); }
int rust_helper_atomic_fetch_sub(int i, atomic_t *v) { return atomic_fetch_sub(i, v); }
int rust_helper_atomic_fetch_sub_acquire(int i, atomic_t *v) { return atomic_fetch_sub_acquire(i, v); }
int rust_helper_atomic_fetch_sub_release(int i, atomic_t *v) { return atomic_fetch_sub_release(i, v); }
int rust_helper_atomic_fetch_sub_relaxed(int i, atomic_t *v) { return atomic_fetch_sub_relaxed(i, v); }
void rust_helper_atomic_inc(atomic_t *v) { atomic_inc(v); }
int rust_helper_atomic_inc_return(atomic_t *v) { return atomic_inc_return(v); }
int rust_helper_atomic_inc_return_acquire(atomic_t *v) { return atomic_inc_return_acquire(v); }
int rust_helper_atomic_inc_return_release(atomic_t *v) { return atomic_inc_return_release(v); }
int rust_helper_atomic_inc_return_relaxed(atomic_t *v) { return atomic_inc_return_relaxed(v); }
int rust_helper_atomic_fetch_inc(atomic_t *v) { return atomic_fetch_inc(v); }
int rust_helper_atomic_fetch_inc_acquire(atomic_t *v) { return atomic_fetch_inc_acquire(v); }
int rust_helper_atomic_fetch_inc_release(atomic_t *v) { return atomic_fetch_inc_release(v); }
int rust_helper_atomic_fetch_inc_relaxed(atomic_t *v) { return atomic_fetch_inc_relaxed(v); }
void rust_helper_atomic_dec(atomic_t *v) { atomic_dec(v); }
int rust_helper_atomic_dec_return(atomic_t *v) { return atomic_dec_return(v); }
int rust_helper_atomic_dec_return_acquire(atomic_t *v) { return atomic_dec_return_acquire(v); }
int rust_helper_atomic_dec_return_release(atomic_t *v) { return atomic_dec_return_release(v); }
int rust_helper_atomic_dec_return_relaxed(atomic_t *v) { return atomic_dec_return_relaxed(v); }
int rust_helper_atomic_fetch_dec(atomic_t *v) { return atomic_fetch_dec(v); }
int rust_helper_atomic_fetch_dec_acquire(atomic_t *v) { return atomic_fetch_dec_acquire(v); }
int rust_helper_atomic_fetch_dec_release(atomic_t *v) { return atomic_fetch_dec_release(v); }
int rust_helper_atomic_fetch_dec_relaxed(atomic_t *v) { return atomic_fetch_dec_relaxed(v); }
void rust_helper_atomic_and(int i, atomic_t *v) { atomic_and(i, v); }
int rust_helper_atomic_fetch_and(int i, atomic_t *v) { return atomic_fetch_and(i, v); }
int rust_helper_atomic_fetch_and_acquire(int i, atomic_t *v) { return atomic_fetch_and_acquire(i, v); }
int rust_helper_atomic_fetch_and_release(int i, atomic_t *v) { return atomic_fetch_and_release(i, v); }
int rust_helper_atomic_fetch_and_relaxed(int i, atomic_t *v) { return atomic_fetch_and_relaxed(i, v); }
void rust_helper_atomic_andnot(int i, atomic_t *v) { atomic_andnot(i, v); }
int rust_helper_atomic_fetch_andnot(int i, atomic_t *v) { return atomic_fetch_andnot(i, v); }
int rust_helper_atomic_fetch_andnot_acquire(int i, atomic_t *v) { return atomic_fetch_andnot_acquire(i, v); }
int rust_helper_atomic_fetch_andnot_release(int i, atomic_t *v) { return atomic_fetch_andnot_release(i, v); }
int rust_helper_atomic_fetch_andnot_relaxed(int i, atomic_t *v) { return atomic_fetch_andnot_relaxed(i, v); }
void rust_helper_atomic_or(int i, atomic_t *v) { atomic_or(i, v); }
int rust_helper_atomic_fetch_or(int i, atomic_t *v) { return atomic_fetch_or(i, v); }
int rust_helper_atomic_fetch_or_acquire(int i, atomic_t *v) { return atomic_fetch_or_acquire(i, v); }
int rust_helper_atomic_fetch_or_release(int i, atomic_t *v) { return atomic_fetch_or_release(i, v); }
int rust_helper_atomic_fetch_or_relaxed(int i, atomic_t *v) { return atomic_fetch_or_relaxed(i, v); }
void rust_helper_atomic_xor(int i, atomic_t *v) { atomic_xor(i, v); }
int rust_helper_atomic_fetch_xor(int i, atomic_t *v) { return atomic_fetch_xor(i, v); }
int rust_helper_atomic_fetch_xor_acquire(int i, atomic_t *v) { return atomic_fetch_xor_acquire(i, v); }
int rust_helper_atomic_fetch_xor_release(int i, atomic_t *v) { return atomic_fetch_xor_release(i, v); }
int rust_helper_atomic_fetch_xor_relaxed(int i, atomic_t *v) { return atomic_fetch_xor_relaxed(i, v); }
int rust_helper_atomic_xchg(atomic_t *v, int new) { return atomic_xchg(v, new); }
int rust_helper_atomic_xchg_acquire(atomic_t *v, int new) { return atomic_xchg_acquire(v, new); }
int rust_helper_atomic_xchg_release(atomic_t *v, int new) { return atomic_xchg_release(v, new); }
int rust_helper_atomic_xchg_relaxed(atomic_t *v, int new) { return atomic_xchg_relaxed(v, new); }
int rust_helper_atomic_cmpxchg(atomic_t *v, int old, int new) { return atomic_cmpxchg(v, old, new); }
int rust_helper_atomic_cmpxchg_acquire(atomic_t *v, int old, int new) { return atomic_cmpxchg_acquire(v, old, new); }
int rust_helper_atomic_cmpxchg_release(atomic_t *v, int old, int new) { return atomic_cmpxchg_release(v, old, new); }
int rust_helper_atomic_cmpxchg_relaxed(atomic_t *v, int old, int new) { return atomic_cmpxchg_relaxed(v, old, new); }
bool rust_helper_atomic_try_cmpxchg(atomic_t *v, int *old, int new) { return atomic_try_cmpxchg(v, old, new); }
bool rust_helper_atomic_try_cmpxchg_acquire(atomic_t *v, int *old, int new) { return atomic_try_cmpxchg_acquire(v, old, new); }
bool rust_helper_atomic_try_cmpxchg_release(atomic_t *v, int *old, int new) { return atomic_try_cmpxchg_release(v, old, new); }
bool rust_helper_atomic_try_cmpxchg_relaxed(atomic_t *v, int *old, int new) { return atomic_try_cmpxchg_relaxed(v, old, new); }
bool rust_helper_atomic_sub_and_test(int i, atomic_t *v) { return atomic_sub_and_test(i, v); }
bool rust_helper_atomic_dec_and_test(atomic_t *v) { return atomic_dec_and_test(v); }
bool rust_helper_atomic_inc_and_test(atomic_t *v) { return atomic_inc_and_test(v); }
bool rust_helper_atomic_add_negative(int i, atomic_t *v) { return atomic_add_negative(i, v); }
bool rust_helper_atomic_add_negative_acquire(int i, atomic_t *v) { return atomic_add_negative_acquire(i, v); }
bool rust_helper_atomic_add_negative_release(int i, atomic_t *v) { return atomic_add_negative_release(i, v); }
bool rust_helper_atomic_add_negative_relaxed(int i, atomic_t *v) { return atomic_add_negative_relaxed(i, v); }
int rust_helper_atomic_fetch_add_unless(atomic_t *v, int a, int u) { return atomic_fetch_add_unless(v, a, u); }
bool rust_helper_atomic_add_unless(atomic_t *v, int a, int u) { return atomic_add_unless(v, a, u); }
bool rust_helper_atomic_inc_not_zero(atomic_t *v) { return atomic_inc_not_zero(v); }
bool rust_helper_atomic_inc_unless_negative(atomic_t *v) { return atomic_inc_unless_negative(v); }
bool rust_helper_atomic_dec_unless_positive(atomic_t *v) { return atomic_dec_unless_positive(v); }
int rust_helper_atomic_dec_if_positive(atomic_t *v) { return atomic_dec_if_positive(v); }
s64 rust_helper_atomic64_read(const atomic64_t *v) { return atomic64_read(v); }
s64 rust_helper_atomic64_read_acquire(const atomic64_t *v) { return atomic64_read_acquire(v); }
void rust_helper_atomic64_set(atomic64_t *v, s64 i) { atomic64_set(v, i); }
void rust_helper_atomic64_set_release(atomic64_t *v, s64 i) { atomic64_set_release(v, i); }
void rust_helper_atomic64_add(s64 i, atomic64_t *v) { atomic64_add(i, v); }
s64 rust_helper_atomic64_add_return(s64 i, atomic64_t *v) { return atomic64_add_return(i, v); }
s64 rust_helper_atomic64_add_return_acquire(s64 i, atomic64_t *v) { return atomic64_add_return_acquire(i, v); }
s64 rust_helper_atomic64_add_return_release(s64 i, atomic64_t *v) { return atomic64_add_return_release(i, v); }
s64 rust_helper_atomic64_add_return_relaxed(s64 i, atomic64_t *v) { return atomic64_add_return_relaxed(i, v); }
s64 rust_helper_atomic64_fetch_add(s64 i, atomic64_t *v) { return atomic64_fetch_add(i, v); }
s64 rust_helper_atomic64_fetch_add_acquire(s64 i, atomic64_t *v) { return atomic64_fetch_add_acquire(i, v); }
s64 rust_helper_atomic64_fetch_add_release(s64 i, atomic64_t *v) { return atomic64_fetch_add_release(i, v); }
s64 rust_helper_atomic64_fetch_add_relaxed(s64 i, atomic64_t *v) { return atomic64_fetch_add_relaxed(i, v); }
void rust_helper_atomic64_sub(s64 i, atomic64_t *v) { atomic64_sub(i, v); }
s64 rust_helper_atomic64_sub_return(s64 i, atomic64_t *v) { return atomic64_sub_return(i, v); }
s64 rust_helper_atomic64_sub_return_acquire(s64 i, atomic64_t *v) { return atomic64_sub_return_acquire(i, v); }
s64 rust_helper_atomic64_sub_return_release(s64 i, atomic64_t *v) { return atomic64_sub_return_release(i, v); }
s64 rust_helper_atomic64_sub_return_relaxed(s64 i, atomic64_t *v) { return atomic64_sub_return_relaxed(i, v); }
s64 rust_helper_atomic64_fetch_sub(s64 i, atomic64_t *v) { return atomic64_fetch_sub(i, v); }
s64 rust_helper_atomic64_fetch_sub_acquire(s64 i, atomic64_t *v) { return atomic64_fetch_sub_acquire(i, v); }
s64 rust_helper_atomic64_fetch_sub_release(s64 i, atomic64_t *v) { return atomic64_fetch_sub_release(i, v); }
s64 rust_helper_atomic64_fetch_sub_relaxed(s64 i, atomic64_t *v) { return atomic64_fetch_sub_relaxed(i, v); }
void rust_helper_atomic64_inc(atomic64_t *v) { atomic64_inc(v); }
s64 rust_helper_atomic64_inc_return(atomic64_t *v) { return atomic64_inc_return(v); }
s64 rust_helper_atomic64_inc_return_acquire(atomic64_t *v) { return atomic64_inc_return_acquire(v); }
s64 rust_helper_atomic64_inc_return_release(atomic64_t *v) { return atomic64_inc_return_release(v); }
s64 rust_helper_atomic64_inc_return_relaxed(atomic64_t *v) { return atomic64_inc_return_relaxed(v); }
s64 rust_helper_atomic64_fetch_inc(atomic64_t *v) { return atomic64_fetch_inc(v); }
s64 rust_helper_atomic64_fetch_inc_acquire(atomic64_t *v) { return atomic64_fetch_inc_acquire(v); }
s64 rust_helper_atomic64_fetch_inc_release(atomic64_t *v) { return atomic64_fetch_inc_release(v); }
s64 rust_helper_atomic64_fetch_inc_relaxed(atomic64_t *v) { return atomic64_fetch_inc_relaxed(v); }
void rust_helper_atomic64_dec(atomic64_t *v) { atomic64_dec(v); }
s64 rust_helper_atomic64_dec_return(atomic64_t *v) { return atomic64_dec_return(v); }
s64 rust_helper_atomic64_dec_return_acquire(atomic64_t *v) { return atomic64_dec_return_acquire(v); }
s64 rust_helper_atomic64_dec_return_release(atomic64_t *v) { return atomic64_dec_return_release(v); }
s64 rust_helper_atomic64_dec_return_relaxed(atomic64_t *v) { return atomic64_dec_return_relaxed(v); }
s64 rust_helper_atomic64_fetch_dec(atomic64_t *v) { return atomic64_fetch_dec(v); }
s64 rust_helper_atomic64_fetch_dec_acquire(atomic64_t *v) { return atomic64_fetch_dec_acquire(v); }
s64 rust_helper_atomic64_fetch_dec_release(atomic64_t *v) { return atomic64_fetch_dec_release(v); }
s64 rust_helper_atomic64_fetch_dec_relaxed(atomic64_t *v) { return atomic64_fetch_dec_relaxed(v); }
void rust_helper_atomic64_and(s64 i, atomic64_t *v) { atomic64_and(i, v); }
s64 rust_helper_atomic64_fetch_and(s64 i, atomic64_t *v) { return atomic64_fetch_and(i, v); }
s64 rust_helper_atomic64_fetch_and_acquire(s64 i, atomic64_t *v) { return atomic64_fetch_and_acquire(i, v); }
s64 rust_helper_atomic64_fetch_and_release(s64 i, atomic64_t *v) { return atomic64_fetch_and_release(i, v); }
s64 rust_helper_atomic64_fetch_and_relaxed(s64 i, atomic64_t *v) { return atomic64_fetch_and_relaxed(i, v); }
void rust_helper_atomic64_andnot(s64 i, atomic64_t *v) { atomic64_andnot(i, v); }
s64 rust_helper_atomic64_fetch_andnot(s64 i, atomic64_t *v) { return atomic64_fetch_andnot(i, v); }
s64 rust_helper_atomic64_fetch_andnot_acquire(s64 i, atomic64_t *v) { return atomic64_fetch_andnot_acquire(i, v); }
s64 rust_helper_atomic64_fetch_andnot_release(s64 i, atomic64_t *v) { return atomic64_fetch_andnot_release(i, v); }
s64 rust_helper_atomic64_fetch_andnot_relaxed(s64 i, atomic64_t *v) { return atomic64_fetch_andnot_relaxed(i, v); }
void rust_helper_atomic64_or(s64 i, atomic64_t *v) { atomic64_or(i, v); }
s64 rust_helper_atomic64_fetch_or(s64 i, atomic64_t *v) { return atomic64_fetch_or(i, v); }
s64 rust_helper_atomic64_fetch_or_acquire(s64 i, atomic64_t *v) { return atomic64_fetch_or_acquire(i, v); }
s64 rust_helper_atomic64_fetch_or_release(s64 i, atomic64_t *v) { return atomic64_fetch_or_release(i, v); }
s64 rust_helper_atomic64_fetch_or_relaxed(s64 i, atomic64_t *v) { return atomic64_fetch_or_relaxed(i, v); }
void rust_helper_atomic64_xor(s64 i, atomic64_t *v) { atomic64_xor(i, v); }
s64 rust_helper_atomic64_fetch_xor(s64 i, atomic64_t *v) { return atomic64_fetch_xor(i, v); }
s64 rust_helper_atomic64_fetch_xor_acquire(s64 i, atomic64_t *v) { return atomic64_fetch_xor_acquire(i, v); }
s64 rust_helper_atomic64_fetch_xor_release(s64 i, atomic64_t *v) { return atomic64_fetch_xor_release(i, v); }
s64 rust_helper_atomic64_fetch_xor_relaxed(s64 i, atomic64_t *v) { return atomic64_fetch_xor_relaxed(i, v); }
s64 rust_helper_atomic64_xchg(atomic64_t *v, s64 new) { return atomic64_xchg(v, new); }
s64 rust_helper_atomic64_xchg_acquire(atomic64_t *v, s64 new) { return atomic64_xchg_acquire(v, new); }
s64 rust_helper_atomic64_xchg_release(atomic64_t *v, s64 new) { return atomic64_xchg_release(v, new); }
s64 rust_helper_atomic64_xchg_relaxed(atomic64_t *v, s64 new) { return atomic64_xchg_relaxed(v, new); }
s64 rust_helper_atomic64_cmpxchg(atomic64_t *v, s64 old, s64 new) { return atomic64_cmpxchg(v, old, new); }
s64 rust_helper_atomic64_cmpxchg_acquire(atomic64_t *v, s64 old, s64 new) { return atomic64_cmpxchg_acquire(v, old, new); }
s64 rust_helper_atomic64_cmpxchg_release(atomic64_t *v, s64 old, s64 new) { return atomic64_cmpxchg_release(v, old, new); }
s64 rust_helper_atomic64_cmpxchg_relaxed(atomic64_t *v, s64 old, s64 new) { return atomic64_cmpxchg_relaxed(v, old, new); }
bool rust_helper_atomic64_try_cmpxchg(atomic64_t *v, s64 *old, s64 new) { return atomic64_try_cmpxchg(v, old, new); }
bool rust_helper_atomic64_try_cmpxchg_acquire(atomic64_t *v, s64 *old, s64 new) { return atomic64_try_cmpxchg_acquire(v, old, new); }
bool rust_helper_atomic64_try_cmpxchg_release(atomic64_t *v, s64 *old, s64 new) { return atomic64_try_cmpxchg_release(v, old, new); }
bool rust_helper_atomic64_try_cmpxchg_relaxed(atomic64_t *v, s64 *old, s64 new) { return atomic64_try_cmpxchg_relaxed(v, old, new); }
bool rust_helper_atomic64_sub_and_test(s64 i, atomic64_t *v) { return atomic64_sub_and_test(i, v); }
bool rust_helper_atomic64_dec_and_test(atomic64_t *v) { return atomic64_dec_and_test(v); }
bool rust_helper_atomic64_inc_and_test(atomic64_t *v) { return atomic64_inc_and_test(v); }
bool rust_helper_atomic64_add_negative(s64 i, atomic64_t *v) { return atomic64_add_negative(i, v); }
bool rust_helper_atomic64_add_negative_acquire(s64 i, atomic64_t *v) { return atomic64_add_negative_acquire(i, v); }
bool rust_helper_atomic64_add_negative_release(s64 i, atomic64_t *v) { return atomic64_add_negative_release(i, v); }
bool rust_helper_atomic64_add_negative_relaxed(s64 i, atomic64_t *v) { return atomic64_add_negative_relaxed(i, v); }
s64 rust_helper_atomic64_fetch_add_unless(atomic64_t *v, s64 a, s64 u) { return atomic64_fetch_add_unless(v, a, u); }
bool rust_helper_atomic64_add_unless(atomic64_t *v, s64 a, s64 u) { return atomic64_add_unless(v, a, u); }
bool rust_helper_atomic64_inc_not_zero(atomic64_t *v) { return atomic64_inc_not_zero(v); }
bool rust_helper_atomic64_inc_unless_negative(atomic64_t *v) { return atomic64_inc_unless_negative(v); }
bool rust_helper_atomic64_dec_unless_positive(atomic64_t *v) { return atomic64_dec_unless_positive(v); }
s64 rust_helper_atomic64_dec_if_positive(atomic64_t *v) { return atomic64_dec_if_positive(v); }

/* atomic_ext.c */
s8 rust_helper_atomic_i8_read(s8 *ptr) { return READ_ONCE(*ptr); }
s8 rust_helper_atomic_i8_read_acquire(s8 *ptr) { return smp_load_acquire(ptr); }
s16 rust_helper_atomic_i16_read(s16 *ptr) { return READ_ONCE(*ptr); }
s16 rust_helper_atomic_i16_read_acquire(s16 *ptr) { return smp_load_acquire(ptr); }
void rust_helper_atomic_i8_set(s8 *ptr, s8 val) { WRITE_ONCE(*ptr, val); }
void rust_helper_atomic_i8_set_release(s8 *ptr, s8 val) { smp_store_release(ptr, val); }
void rust_helper_atomic_i16_set(s16 *ptr, s16 val) { WRITE_ONCE(*ptr, val); }
void rust_helper_atomic_i16_set_release(s16 *ptr, s16 val) { smp_store_release(ptr, val); }
s8 rust_helper_atomic_i8_xchg(s8 *ptr, s8 new) { return xchg(ptr, new); }
s16 rust_helper_atomic_i16_xchg(s16 *ptr, s16 new) { return xchg(ptr, new); }
s8 rust_helper_atomic_i8_xchg_acquire(s8 *ptr, s8 new) { return xchg_acquire(ptr, new); }
s16 rust_helper_atomic_i16_xchg_acquire(s16 *ptr, s16 new) { return xchg_acquire(ptr, new); }
s8 rust_helper_atomic_i8_xchg_release(s8 *ptr, s8 new) { return xchg_release(ptr, new); }
s16 rust_helper_atomic_i16_xchg_release(s16 *ptr, s16 new) { return xchg_release(ptr, new); }
s8 rust_helper_atomic_i8_xchg_relaxed(s8 *ptr, s8 new) { return xchg_relaxed(ptr, new); }
s16 rust_helper_atomic_i16_xchg_relaxed(s16 *ptr, s16 new) { return xchg_relaxed(ptr, new); }
bool rust_helper_atomic_i8_try_cmpxchg(s8 *ptr, s8 *old, s8 new) { return try_cmpxchg(ptr, old, new); }
bool rust_helper_atomic_i16_try_cmpxchg(s16 *ptr, s16 *old, s16 new) { return try_cmpxchg(ptr, old, new); }

/* auxiliary.c */
void rust_helper_auxiliary_device_uninit(struct auxiliary_device *adev) { return auxiliary_device_uninit(adev); }
void rust_helper_auxiliary_device_delete(struct auxiliary_device *adev) { return auxiliary_device_delete(adev); }

/* barrier.c */
void rust_helper_smp_mb(void) { smp_mb(); }
void rust_helper_smp_wmb(void) { smp_wmb(); }
void rust_helper_smp_rmb(void) { smp_rmb(); }

/* binder.c */
unsigned long rust_helper_list_lru_count(struct list_lru *lru) { return list_lru_count(lru); }
unsigned long rust_helper_list_lru_walk(struct list_lru *lru, list_lru_walk_cb isolate, void *cb_arg,
					unsigned long nr_to_walk)
{
	return list_lru_walk(lru, isolate, cb_arg, nr_to_walk);
}
void rust_helper_init_task_work(struct callback_head *twork, task_work_func_t func) { init_task_work(twork, func); }

/* bitops.c */
void rust_helper___set_bit(unsigned long nr, unsigned long *addr) { __set_bit(nr, addr); }
void rust_helper___clear_bit(unsigned long nr, unsigned long *addr) { __clear_bit(nr, addr); }
void rust_helper_set_bit(unsigned long nr, volatile unsigned long *addr) { set_bit(nr, addr); }
void rust_helper_clear_bit(unsigned long nr, volatile unsigned long *addr) { clear_bit(nr, addr); }

/* bug.c */
bool rust_helper_WARN_ON(bool cond) { return WARN_ON(cond); }

/* cpu.c */
unsigned int rust_helper_raw_smp_processor_id(void) { return raw_smp_processor_id(); }

/* cpumask.c */
void rust_helper_cpumask_set_cpu(unsigned int cpu, struct cpumask *dstp) { cpumask_set_cpu(cpu, dstp); }
void rust_helper___cpumask_set_cpu(unsigned int cpu, struct cpumask *dstp) { __cpumask_set_cpu(cpu, dstp); }
void rust_helper_cpumask_clear_cpu(int cpu, struct cpumask *dstp) { cpumask_clear_cpu(cpu, dstp); }
void rust_helper___cpumask_clear_cpu(int cpu, struct cpumask *dstp) { __cpumask_clear_cpu(cpu, dstp); }
bool rust_helper_cpumask_test_cpu(int cpu, struct cpumask *srcp) { return cpumask_test_cpu(cpu, srcp); }
void rust_helper_cpumask_setall(struct cpumask *dstp) { cpumask_setall(dstp); }
bool rust_helper_cpumask_empty(struct cpumask *srcp) { return cpumask_empty(srcp); }
bool rust_helper_cpumask_full(struct cpumask *srcp) { return cpumask_full(srcp); }
unsigned int rust_helper_cpumask_weight(struct cpumask *srcp) { return cpumask_weight(srcp); }
void rust_helper_cpumask_copy(struct cpumask *dstp, const struct cpumask *srcp) { cpumask_copy(dstp, srcp); }
bool rust_helper_alloc_cpumask_var(cpumask_var_t *mask, gfp_t flags) { return alloc_cpumask_var(mask, flags); }
bool rust_helper_zalloc_cpumask_var(cpumask_var_t *mask, gfp_t flags) { return zalloc_cpumask_var(mask, flags); }
#ifndef CONFIG_CPUMASK_OFFSTACK
void rust_helper_free_cpumask_var(cpumask_var_t mask) { free_cpumask_var(mask); }
#endif

/* cred.c */
const struct cred *rust_helper_get_cred(const struct cred *cred) { return get_cred(cred); }
void rust_helper_put_cred(const struct cred *cred) { put_cred(cred); }

/* device.c */
int rust_helper_devm_add_action(struct device *dev, void (*action)(void *), void *data)
{
	return devm_add_action(dev, action, data);
}
int rust_helper_devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data)
{
	return devm_add_action_or_reset(dev, action, data);
}
void *rust_helper_dev_get_drvdata(const struct device *dev) { return dev_get_drvdata(dev); }
void rust_helper_dev_set_drvdata(struct device *dev, void *data) { dev_set_drvdata(dev, data); }
const char *rust_helper_dev_name(const struct device *dev) { return dev_name(dev); }

/* dma.c */
void *rust_helper_dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t flag,
				  unsigned long attrs)
{
	return dma_alloc_attrs(dev, size, dma_handle, flag, attrs);
}
void rust_helper_dma_free_attrs(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle,
				unsigned long attrs)
{
	dma_free_attrs(dev, size, cpu_addr, dma_handle, attrs);
}
int rust_helper_dma_set_mask_and_coherent(struct device *dev, u64 mask) { return dma_set_mask_and_coherent(dev, mask); }
int rust_helper_dma_set_mask(struct device *dev, u64 mask) { return dma_set_mask(dev, mask); }
int rust_helper_dma_set_coherent_mask(struct device *dev, u64 mask) { return dma_set_coherent_mask(dev, mask); }
int rust_helper_dma_map_sgtable(struct device *dev, struct sg_table *sgt, enum dma_data_direction dir,
				unsigned long attrs)
{
	return dma_map_sgtable(dev, sgt, dir, attrs);
}
size_t rust_helper_dma_max_mapping_size(struct device *dev) { return dma_max_mapping_size(dev); }
void rust_helper_dma_set_max_seg_size(struct device *dev, unsigned int size) { dma_set_max_seg_size(dev, size); }

/* io.c */
void __iomem *rust_helper_ioremap(phys_addr_t offset, size_t size) { return ioremap(offset, size); }
void __iomem *rust_helper_ioremap_np(phys_addr_t offset, size_t size) { return ioremap_np(offset, size); }
void rust_helper_iounmap(void __iomem *addr) { iounmap(addr); }
void rust_helper_memcpy_fromio(void *dst, const volatile void __iomem *src, size_t count) { memcpy_fromio(dst, src, count); }
void rust_helper_memcpy_toio(volatile void __iomem *dst, const void *src, size_t count) { memcpy_toio(dst, src, count); }
u8 rust_helper_readb(const void __iomem *addr) { return readb(addr); }
u16 rust_helper_readw(const void __iomem *addr) { return readw(addr); }
u32 rust_helper_readl(const void __iomem *addr) { return readl(addr); }
#ifdef CONFIG_64BIT
u64 rust_helper_readq(const void __iomem *addr) { return readq(addr); }
#endif
void rust_helper_writeb(u8 value, void __iomem *addr) { writeb(value, addr); }
void rust_helper_writew(u16 value, void __iomem *addr) { writew(value, addr); }
void rust_helper_writel(u32 value, void __iomem *addr) { writel(value, addr); }
#ifdef CONFIG_64BIT
void rust_helper_writeq(u64 value, void __iomem *addr) { writeq(value, addr); }
#endif
u8 rust_helper_readb_relaxed(const void __iomem *addr) { return readb_relaxed(addr); }
u16 rust_helper_readw_relaxed(const void __iomem *addr) { return readw_relaxed(addr); }
u32 rust_helper_readl_relaxed(const void __iomem *addr) { return readl_relaxed(addr); }
#ifdef CONFIG_64BIT
u64 rust_helper_readq_relaxed(const void __iomem *addr) { return readq_relaxed(addr); }
#endif
void rust_helper_writeb_relaxed(u8 value, void __iomem *addr) { writeb_relaxed(value, addr); }
void rust_helper_writew_relaxed(u16 value, void __iomem *addr) { writew_relaxed(value, addr); }
void rust_helper_writel_relaxed(u32 value, void __iomem *addr) { writel_relaxed(value, addr); }
#ifdef CONFIG_64BIT
void rust_helper_writeq_relaxed(u64 value, void __iomem *addr) { writeq_relaxed(value, addr); }
#endif
resource_size_t rust_helper_resource_size(struct resource *res) { return resource_size(res); }
struct resource *rust_helper_request_mem_region(resource_size_t start, resource_size_t n, const char *name)
{
	return request_mem_region(start, n, name);
}
void rust_helper_release_mem_region(resource_size_t start, resource_size_t n) { release_mem_region(start, n); }
struct resource *rust_helper_request_region(resource_size_t start, resource_size_t n, const char *name)
{
	return request_region(start, n, name);
}
struct resource *rust_helper_request_muxed_region(resource_size_t start, resource_size_t n, const char *name)
{
	return request_muxed_region(start, n, name);
}
void rust_helper_release_region(resource_size_t start, resource_size_t n) { release_region(start, n); }

/* irq.c */
int rust_helper_request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name,
			    void *dev)
{
	return request_irq(irq, handler, flags, name, dev);
}

/* list.c */
void rust_helper_INIT_LIST_HEAD(struct list_head *list) { INIT_LIST_HEAD(list); }
void rust_helper_list_add_tail(struct list_head *new, struct list_head *head) { list_add_tail(new, head); }

/* maple_tree.c */
void rust_helper_mt_init_flags(struct maple_tree *mt, unsigned int flags) { mt_init_flags(mt, flags); }

/* mm.c */
void rust_helper_mmgrab(struct mm_struct *mm) { mmgrab(mm); }
void rust_helper_mmdrop(struct mm_struct *mm) { mmdrop(mm); }
void rust_helper_mmget(struct mm_struct *mm) { mmget(mm); }
bool rust_helper_mmget_not_zero(struct mm_struct *mm) { return mmget_not_zero(mm); }
void rust_helper_mmap_read_lock(struct mm_struct *mm) { mmap_read_lock(mm); }
bool rust_helper_mmap_read_trylock(struct mm_struct *mm) { return mmap_read_trylock(mm); }
void rust_helper_mmap_read_unlock(struct mm_struct *mm) { mmap_read_unlock(mm); }
struct vm_area_struct *rust_helper_vma_lookup(struct mm_struct *mm, unsigned long addr) { return vma_lookup(mm, addr); }
void rust_helper_vma_end_read(struct vm_area_struct *vma) { vma_end_read(vma); }

/* mutex.c */
int rust_helper_mutex_trylock(struct mutex *lock) { return mutex_trylock(lock); }
void rust_helper_mutex_assert_is_held(struct mutex *mutex) { lockdep_assert_held(mutex); }
void rust_helper_mutex_destroy(struct mutex *lock) { mutex_destroy(lock); }

/* of.c */
bool rust_helper_is_of_node(const struct fwnode_handle *fwnode) { return is_of_node(fwnode); }

/* page.c */
#ifndef NODE_NOT_IN_PAGE_FLAGS
int rust_helper_page_to_nid(const struct page *page) { return page_to_nid(page); }
#endif

/* pci.c */
resource_size_t rust_helper_pci_resource_len(struct pci_dev *pdev, int bar) { return pci_resource_len(pdev, bar); }
bool rust_helper_dev_is_pci(const struct device *dev) { return dev_is_pci(dev); }

/* pid_namespace.c */
struct pid_namespace *rust_helper_get_pid_ns(struct pid_namespace *ns) { return get_pid_ns(ns); }
void rust_helper_put_pid_ns(struct pid_namespace *ns) { put_pid_ns(ns); }
/* Get a reference on a task's pid namespace. */
struct pid_namespace *rust_helper_task_get_pid_ns(struct task_struct *task)
{
	struct pid_namespace *pid_ns;

	guard(rcu)();
	pid_ns = task_active_pid_ns(task);
	if (pid_ns)
		get_pid_ns(pid_ns);
	return pid_ns;
}

/* platform.c */
void *rust_helper_platform_get_drvdata(const struct platform_device *pdev) { return platform_get_drvdata(pdev); }
void rust_helper_platform_set_drvdata(struct platform_device *pdev, void *data) { platform_set_drvdata(pdev, data); }

/* poll.c */
void rust_helper_poll_wait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p)
{
	poll_wait(filp, wait_address, p);
}

/* processor.c */
void rust_helper_cpu_relax(void) { cpu_relax(); }

/* property.c */
void rust_helper_fwnode_handle_put(struct fwnode_handle *fwnode) { fwnode_handle_put(fwnode); }

/* rbtree.c */
struct rb_node *rust_helper_rb_first(const struct rb_root *root) { return rb_first(root); }
struct rb_node *rust_helper_rb_last(const struct rb_root *root) { return rb_last(root); }

/* rcu.c */
void rust_helper_rcu_read_lock(void) { rcu_read_lock(); }
void rust_helper_rcu_read_unlock(void) { rcu_read_unlock(); }

/* refcount.c */
void rust_helper_refcount_set(refcount_t *r, int n) { refcount_set(r, n); }
void rust_helper_refcount_dec(refcount_t *r) { refcount_dec(r); }

/* scatterlist.c */
dma_addr_t rust_helper_sg_dma_address(struct scatterlist *sg) { return sg_dma_address(sg); }
unsigned int rust_helper_sg_dma_len(struct scatterlist *sg) { return sg_dma_len(sg); }
struct scatterlist *rust_helper_sg_next(struct scatterlist *sg) { return sg_next(sg); }
void rust_helper_dma_unmap_sgtable(struct device *dev, struct sg_table *sgt, enum dma_data_direction dir,
				   unsigned long attrs)
{
	return dma_unmap_sgtable(dev, sgt, dir, attrs);
}

/* spinlock.c */
int rust_helper_spin_trylock(spinlock_t *lock) { return spin_trylock(lock); }
void rust_helper_spin_assert_is_held(spinlock_t *lock) { lockdep_assert_held(lock); }

/* srcu.c */
int rust_helper_srcu_read_lock(struct srcu_struct *ssp) { return srcu_read_lock(ssp); }
void rust_helper_srcu_read_unlock(struct srcu_struct *ssp, int idx) { srcu_read_unlock(ssp, idx); }
void rust_helper_srcu_barrier(struct srcu_struct *ssp) { srcu_barrier(ssp); }
void rust_helper_synchronize_srcu_expedited(struct srcu_struct *ssp) { synchronize_srcu_expedited(ssp); }

/* string.c */
void *rust_helper_memchr(const void *s, int c, size_t n) { return memchr(s, c, n); }

/* sync.c */
void rust_helper_lockdep_register_key(struct lock_class_key *k) { lockdep_register_key(k); }
void rust_helper_lockdep_unregister_key(struct lock_class_key *k) { lockdep_unregister_key(k); }

/* task.c */
void rust_helper_might_resched(void) { might_resched(); }
kuid_t rust_helper_task_uid(struct task_struct *task) { return task_uid(task); }
kuid_t rust_helper_task_euid(struct task_struct *task) { return task_euid(task); }
#ifndef CONFIG_USER_NS
uid_t rust_helper_from_kuid(struct user_namespace *to, kuid_t uid) { return from_kuid(to, uid); }
#endif /* CONFIG_USER_NS */
bool rust_helper_uid_eq(kuid_t left, kuid_t right) { return uid_eq(left, right); }
kuid_t rust_helper_current_euid(void) { return current_euid(); }
struct user_namespace *rust_helper_current_user_ns(void) { return current_user_ns(); }
pid_t rust_helper_task_tgid_nr_ns(struct task_struct *tsk, struct pid_namespace *ns) { return task_tgid_nr_ns(tsk, ns); }

/* time.c */
void rust_helper_fsleep(unsigned long usecs) { fsleep(usecs); }
ktime_t rust_helper_ktime_get_real(void) { return ktime_get_real(); }
ktime_t rust_helper_ktime_get_boottime(void) { return ktime_get_boottime(); }
ktime_t rust_helper_ktime_get_clocktai(void) { return ktime_get_clocktai(); }
s64 rust_helper_ktime_to_us(const ktime_t kt) { return ktime_to_us(kt); }
s64 rust_helper_ktime_to_ms(const ktime_t kt) { return ktime_to_ms(kt); }

/* vmalloc.c */
bool rust_helper_is_vmalloc_addr(const void *x) { return is_vmalloc_addr(x); }

/* xarray.c */
int rust_helper_xa_err(void *entry) { return xa_err(entry); }
void rust_helper_xa_init_flags(struct xarray *xa, gfp_t flags) { xa_init_flags(xa, flags); }
int rust_helper_xa_trylock(struct xarray *xa) { return xa_trylock(xa); }
void rust_helper_xa_lock(struct xarray *xa) { xa_lock(xa); }
void rust_helper_xa_unlock(struct xarray *xa) { xa_unlock(xa); }
