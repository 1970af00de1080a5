// SPDX-License-Identifier: GPL-2.0
/*
 * more_helpers.c: helpers that later upstream kernels added to
 * rust/helpers/, written against the 6.12 headers.  Linux 6.12 has only 31
 * rust_helper_* functions; the kernel test (tests/kernel/run) needs a crate
 * that calls at least 40 real helpers, so these wrap real 6.12 static
 * inline functions and macros.  Each has the name and signature of the
 * upstream helper of the same name (upstream file in the group comment).
 *
 * tests/kernel/run compiles this file with exactly the flags kbuild uses
 * for rust/helpers/helpers.c (and -DMODULE for the module variant).
 * Not copied: init_completion() and get_file(), whose static state
 * (a lock_class_key in init_swait_queue_head(), the WARN_ONCE() flag)
 * helperlink rightly keeps out of line; see tests/kernel/README.
 */

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/cpumask.h>
#include <linux/cred.h>
#include <linux/ktime.h>
#include <linux/list.h>
#include <linux/mmap_lock.h>
#include <linux/mutex.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/processor.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/sched/mm.h>
#include <linux/smp.h>
#include <linux/timekeeping.h>
#include <linux/uidgid.h>
#include <linux/xarray.h>
#include <asm/barrier.h>

/* atomic.c */
int rust_helper_atomic_read(const atomic_t *v) { return atomic_read(v); }
void rust_helper_atomic_set(atomic_t *v, int i) { atomic_set(v, i); }
void rust_helper_atomic_inc(atomic_t *v) { atomic_inc(v); }
int rust_helper_atomic_add_return(int i, atomic_t *v) { return atomic_add_return(i, v); }
bool rust_helper_atomic_dec_and_test(atomic_t *v) { return atomic_dec_and_test(v); }
bool rust_helper_atomic_try_cmpxchg(atomic_t *v, int *old, int new) { return atomic_try_cmpxchg(v, old, new); }
s64 rust_helper_atomic64_read(const atomic64_t *v) { return atomic64_read(v); }
s64 rust_helper_atomic64_add_return(s64 i, atomic64_t *v) { return atomic64_add_return(i, v); }

/* barrier.c */
void rust_helper_smp_mb(void) { smp_mb(); }
void rust_helper_smp_rmb(void) { smp_rmb(); }
void rust_helper_smp_wmb(void) { smp_wmb(); }

/* bitops.c */
void rust_helper___set_bit(unsigned long nr, unsigned long *addr) { __set_bit(nr, addr); }
void rust_helper___clear_bit(unsigned long nr, unsigned long *addr) { __clear_bit(nr, addr); }
void rust_helper_set_bit(unsigned long nr, volatile unsigned long *addr) { set_bit(nr, addr); }
void rust_helper_clear_bit(unsigned long nr, volatile unsigned long *addr) { clear_bit(nr, addr); }

/* cpu.c */
unsigned int rust_helper_raw_smp_processor_id(void) { return raw_smp_processor_id(); }

/* cpumask.c */
void rust_helper_cpumask_set_cpu(unsigned int cpu, struct cpumask *dstp) { cpumask_set_cpu(cpu, dstp); }
void rust_helper_cpumask_clear_cpu(int cpu, struct cpumask *dstp) { cpumask_clear_cpu(cpu, dstp); }
bool rust_helper_cpumask_test_cpu(int cpu, struct cpumask *srcp) { return cpumask_test_cpu(cpu, srcp); }
unsigned int rust_helper_cpumask_weight(struct cpumask *srcp) { return cpumask_weight(srcp); }

/* cred.c */
const struct cred *rust_helper_get_cred(const struct cred *cred) { return get_cred(cred); }
void rust_helper_put_cred(const struct cred *cred) { put_cred(cred); }

/* list.c */
void rust_helper_INIT_LIST_HEAD(struct list_head *list) { INIT_LIST_HEAD(list); }
void rust_helper_list_add_tail(struct list_head *new, struct list_head *head) { list_add_tail(new, head); }

/* mm.c */
void rust_helper_mmgrab(struct mm_struct *mm) { mmgrab(mm); }
void rust_helper_mmdrop(struct mm_struct *mm) { mmdrop(mm); }
bool rust_helper_mmget_not_zero(struct mm_struct *mm) { return mmget_not_zero(mm); }
void rust_helper_mmap_read_lock(struct mm_struct *mm) { mmap_read_lock(mm); }
void rust_helper_mmap_read_unlock(struct mm_struct *mm) { mmap_read_unlock(mm); }

/* mutex.c */
int rust_helper_mutex_trylock(struct mutex *lock) { return mutex_trylock(lock); }

/* pid_namespace.c */
struct pid_namespace *rust_helper_get_pid_ns(struct pid_namespace *ns) { return get_pid_ns(ns); }
void rust_helper_put_pid_ns(struct pid_namespace *ns) { put_pid_ns(ns); }

/* processor.c */
void rust_helper_cpu_relax(void) { cpu_relax(); }

/* rcu.c */
void rust_helper_rcu_read_lock(void) { rcu_read_lock(); }
void rust_helper_rcu_read_unlock(void) { rcu_read_unlock(); }

/* refcount.c */
void rust_helper_refcount_set(refcount_t *r, int n) { refcount_set(r, n); }
void rust_helper_refcount_dec(refcount_t *r) { refcount_dec(r); }

/* task.c */
void rust_helper_might_resched(void) { might_resched(); }
kuid_t rust_helper_task_uid(struct task_struct *task) { return task_uid(task); }
kuid_t rust_helper_task_euid(struct task_struct *task) { return task_euid(task); }
kuid_t rust_helper_current_euid(void) { return current_euid(); }
bool rust_helper_uid_eq(kuid_t left, kuid_t right) { return uid_eq(left, right); }
pid_t rust_helper_task_tgid_nr_ns(struct task_struct *tsk, struct pid_namespace *ns) { return task_tgid_nr_ns(tsk, ns); }

/* time.c */
ktime_t rust_helper_ktime_get_real(void) { return ktime_get_real(); }
s64 rust_helper_ktime_to_us(const ktime_t kt) { return ktime_to_us(kt); }
s64 rust_helper_ktime_to_ms(const ktime_t kt) { return ktime_to_ms(kt); }

/* xarray.c */
int rust_helper_xa_err(void *entry) { return xa_err(entry); }
void rust_helper_xa_init_flags(struct xarray *xa, gfp_t flags) { xa_init_flags(xa, flags); }
int rust_helper_xa_trylock(struct xarray *xa) { return xa_trylock(xa); }
void rust_helper_xa_lock(struct xarray *xa) { xa_lock(xa); }
void rust_helper_xa_unlock(struct xarray *xa) { xa_unlock(xa); }
