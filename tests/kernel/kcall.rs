// SPDX-License-Identifier: GPL-2.0

//! kcall: a module-style crate that calls the Linux 6.12 Rust helpers
//! (`rust/helpers/*.c`) and those of `tests/kernel/more_helpers.c`.
//!
//! tests/kernel/run builds it with kbuild's own rule for a Rust object of an
//! external module, then inlines the helpers with helperlink.  Every helper
//! is declared here with the signature of its C definition at the ABI
//! level (`bool` is `zeroext i1`, `int` is `i32`, `long` and `unsigned
//! long` are `i64`, `gfp_t` is `u32`, one-`int` structs are returned and
//! passed as `i32`), as a mismatch at the IR level would stop inlining.

#![no_std]

use core::ffi::{c_char, c_int, c_long, c_uint, c_ulong, c_void};
use core::ptr::null_mut;

macro_rules! opaque {
    ($($name:ident = $c:literal),* $(,)?) => {
        $(
            #[doc = concat!("The C `", $c, "`, only used through pointers.")]
            #[repr(C)]
            pub struct $name {
                _private: [u8; 0],
            }
        )*
    };
}

opaque! {
    Cpumask = "struct cpumask",
    Cred = "struct cred",
    Kunit = "struct kunit",
    LockClassKey = "struct lock_class_key",
    MmStruct = "struct mm_struct",
    Mutex = "struct mutex",
    Page = "struct page",
    PidNamespace = "struct pid_namespace",
    RbNode = "struct rb_node",
    Request = "struct request",
    Spinlock = "spinlock_t",
    TaskStruct = "struct task_struct",
    WaitQueueEntry = "struct wait_queue_entry",
    WorkStruct = "struct work_struct",
    Xarray = "struct xarray",
}

/// `atomic_t`.
#[repr(C)]
pub struct Atomic {
    counter: c_int,
}

/// `atomic64_t`.
#[repr(C)]
pub struct Atomic64 {
    counter: i64,
}

/// `refcount_t`.
#[repr(C)]
pub struct Refcount {
    refs: Atomic,
}

/// `struct list_head`.
#[repr(C)]
pub struct ListHead {
    next: *mut ListHead,
    prev: *mut ListHead,
}

/// `kuid_t`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Kuid {
    val: u32,
}

/// `work_func_t`.
pub type WorkFunc = Option<unsafe extern "C" fn(*mut WorkStruct)>;

#[allow(non_snake_case)]
extern "C" {
    // rust/helpers/ of Linux 6.12: all 31.
    fn rust_helper_blk_mq_rq_to_pdu(rq: *mut Request) -> *mut c_void;
    fn rust_helper_blk_mq_rq_from_pdu(pdu: *mut c_void) -> *mut Request;
    fn rust_helper_BUG() -> !;
    fn rust_helper_errname(err: c_int) -> *const c_char;
    fn rust_helper_ERR_PTR(err: c_long) -> *mut c_void;
    fn rust_helper_IS_ERR(ptr: *const c_void) -> bool;
    fn rust_helper_PTR_ERR(ptr: *const c_void) -> c_long;
    fn rust_helper_kunit_get_current_test() -> *mut Kunit;
    fn rust_helper_mutex_lock(lock: *mut Mutex);
    fn rust_helper___mutex_init(lock: *mut Mutex, name: *const c_char, key: *mut LockClassKey);
    fn rust_helper_alloc_pages(gfp: u32, order: c_uint) -> *mut Page;
    fn rust_helper_kmap_local_page(page: *mut Page) -> *mut c_void;
    fn rust_helper_kunmap_local(addr: *const c_void);
    fn rust_helper_rb_link_node(node: *mut RbNode, parent: *mut RbNode, link: *mut *mut RbNode);
    fn rust_helper_REFCOUNT_INIT(n: c_int) -> Refcount;
    fn rust_helper_refcount_inc(r: *mut Refcount);
    fn rust_helper_refcount_dec_and_test(r: *mut Refcount) -> bool;
    fn rust_helper_signal_pending(t: *mut TaskStruct) -> c_int;
    fn rust_helper_krealloc(p: *const c_void, size: usize, gfp: u32) -> *mut c_void;
    fn rust_helper_kvrealloc(p: *const c_void, size: usize, gfp: u32) -> *mut c_void;
    fn rust_helper___spin_lock_init(lock: *mut Spinlock, name: *const c_char, key: *mut LockClassKey);
    fn rust_helper_spin_lock(lock: *mut Spinlock);
    fn rust_helper_spin_unlock(lock: *mut Spinlock);
    fn rust_helper_get_current() -> *mut TaskStruct;
    fn rust_helper_get_task_struct(t: *mut TaskStruct);
    fn rust_helper_put_task_struct(t: *mut TaskStruct);
    fn rust_helper_copy_from_user(to: *mut c_void, from: *const c_void, n: c_ulong) -> c_ulong;
    fn rust_helper_copy_to_user(to: *mut c_void, from: *const c_void, n: c_ulong) -> c_ulong;
    fn rust_helper_vrealloc(p: *const c_void, size: usize, gfp: u32) -> *mut c_void;
    fn rust_helper_init_wait(entry: *mut WaitQueueEntry);
    fn rust_helper_init_work_with_key(
        work: *mut WorkStruct,
        func: WorkFunc,
        onstack: bool,
        name: *const c_char,
        key: *mut LockClassKey,
    );

    // tests/kernel/more_helpers.c.
    fn rust_helper_atomic_read(v: *const Atomic) -> c_int;
    fn rust_helper_atomic_set(v: *mut Atomic, i: c_int);
    fn rust_helper_atomic_inc(v: *mut Atomic);
    fn rust_helper_atomic_add_return(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_dec_and_test(v: *mut Atomic) -> bool;
    fn rust_helper_atomic_try_cmpxchg(v: *mut Atomic, old: *mut c_int, new: c_int) -> bool;
    fn rust_helper_atomic64_read(v: *const Atomic64) -> i64;
    fn rust_helper_atomic64_add_return(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_smp_mb();
    fn rust_helper_smp_rmb();
    fn rust_helper_smp_wmb();
    fn rust_helper___set_bit(nr: c_ulong, addr: *mut c_ulong);
    fn rust_helper___clear_bit(nr: c_ulong, addr: *mut c_ulong);
    fn rust_helper_set_bit(nr: c_ulong, addr: *mut c_ulong);
    fn rust_helper_clear_bit(nr: c_ulong, addr: *mut c_ulong);
    fn rust_helper_raw_smp_processor_id() -> c_uint;
    fn rust_helper_cpumask_set_cpu(cpu: c_uint, dstp: *mut Cpumask);
    fn rust_helper_cpumask_clear_cpu(cpu: c_int, dstp: *mut Cpumask);
    fn rust_helper_cpumask_test_cpu(cpu: c_int, srcp: *mut Cpumask) -> bool;
    fn rust_helper_cpumask_weight(srcp: *mut Cpumask) -> c_uint;
    fn rust_helper_get_cred(cred: *const Cred) -> *const Cred;
    fn rust_helper_put_cred(cred: *const Cred);
    fn rust_helper_INIT_LIST_HEAD(list: *mut ListHead);
    fn rust_helper_list_add_tail(new: *mut ListHead, head: *mut ListHead);
    fn rust_helper_mmgrab(mm: *mut MmStruct);
    fn rust_helper_mmdrop(mm: *mut MmStruct);
    fn rust_helper_mmget_not_zero(mm: *mut MmStruct) -> bool;
    fn rust_helper_mmap_read_lock(mm: *mut MmStruct);
    fn rust_helper_mmap_read_unlock(mm: *mut MmStruct);
    fn rust_helper_mutex_trylock(lock: *mut Mutex) -> c_int;
    fn rust_helper_get_pid_ns(ns: *mut PidNamespace) -> *mut PidNamespace;
    fn rust_helper_put_pid_ns(ns: *mut PidNamespace);
    fn rust_helper_cpu_relax();
    fn rust_helper_rcu_read_lock();
    fn rust_helper_rcu_read_unlock();
    fn rust_helper_refcount_set(r: *mut Refcount, n: c_int);
    fn rust_helper_refcount_dec(r: *mut Refcount);
    fn rust_helper_might_resched();
    fn rust_helper_task_uid(task: *mut TaskStruct) -> Kuid;
    fn rust_helper_task_euid(task: *mut TaskStruct) -> Kuid;
    fn rust_helper_current_euid() -> Kuid;
    fn rust_helper_uid_eq(left: Kuid, right: Kuid) -> bool;
    fn rust_helper_task_tgid_nr_ns(tsk: *mut TaskStruct, ns: *mut PidNamespace) -> c_int;
    fn rust_helper_ktime_get_real() -> i64;
    fn rust_helper_ktime_to_us(kt: i64) -> i64;
    fn rust_helper_ktime_to_ms(kt: i64) -> i64;
    fn rust_helper_xa_err(entry: *mut c_void) -> c_int;
    fn rust_helper_xa_init_flags(xa: *mut Xarray, flags: u32);
    fn rust_helper_xa_trylock(xa: *mut Xarray) -> c_int;
    fn rust_helper_xa_lock(xa: *mut Xarray);
    fn rust_helper_xa_unlock(xa: *mut Xarray);
}

/// `-ENOMEM`.
const ENOMEM: c_long = -12;

/// Turns `ptr` into an error code as `PTR_ERR_OR_ZERO()` does.
///
/// # Safety
///
/// None: the helpers only look at the value.
#[no_mangle]
pub unsafe extern "C" fn kcall_ptr_err_or_zero(ptr: *const c_void) -> c_long {
    // SAFETY: `IS_ERR` and `PTR_ERR` only look at the pointer's value.
    unsafe {
        if rust_helper_IS_ERR(ptr) {
            rust_helper_PTR_ERR(ptr)
        } else {
            0
        }
    }
}

/// Encodes `err` as a pointer and gives its name, or null when it is none.
///
/// # Safety
///
/// None: `ERR_PTR` and `errname` take any value.
#[no_mangle]
pub unsafe extern "C" fn kcall_err_name(err: c_long) -> *const c_char {
    // SAFETY: see above.
    unsafe {
        let p = rust_helper_ERR_PTR(err);
        if rust_helper_IS_ERR(p) {
            rust_helper_errname(rust_helper_PTR_ERR(p) as c_int)
        } else {
            core::ptr::null()
        }
    }
}

/// Checks that a request and its driver data convert both ways; `BUG()`
/// when they do not.
///
/// # Safety
///
/// `rq` must be a request of a blk-mq queue.
#[no_mangle]
pub unsafe extern "C" fn kcall_check_pdu(rq: *mut Request) -> *mut c_void {
    // SAFETY: the caller passes a request.
    unsafe {
        let pdu = rust_helper_blk_mq_rq_to_pdu(rq);
        if rust_helper_blk_mq_rq_from_pdu(pdu) != rq {
            rust_helper_BUG();
        }
        pdu
    }
}

/// Whether a KUnit test is running.
///
/// # Safety
///
/// None.
#[no_mangle]
pub unsafe extern "C" fn kcall_in_kunit() -> bool {
    // SAFETY: no argument.
    unsafe { !rust_helper_kunit_get_current_test().is_null() }
}

/// Initializes a mutex, takes it, and tries to take it again.
///
/// # Safety
///
/// `lock` must point to writable memory for a mutex, `key` to a lock class key.
#[no_mangle]
pub unsafe extern "C" fn kcall_mutex(lock: *mut Mutex, key: *mut LockClassKey) -> c_int {
    // SAFETY: the caller passes valid pointers.
    unsafe {
        rust_helper___mutex_init(lock, c"kcall".as_ptr(), key);
        rust_helper_mutex_lock(lock);
        rust_helper_mutex_trylock(lock)
    }
}

/// Allocates `1 << order` pages and writes `byte` to the first.
///
/// # Safety
///
/// `gfp` must be allowed in the calling context.
#[no_mangle]
pub unsafe extern "C" fn kcall_page_fill(gfp: u32, order: c_uint, byte: u8) -> *mut Page {
    // SAFETY: a fresh page is mapped, written and unmapped.
    unsafe {
        let page = rust_helper_alloc_pages(gfp, order);
        if !page.is_null() {
            let addr = rust_helper_kmap_local_page(page);
            *(addr as *mut u8) = byte;
            rust_helper_kunmap_local(addr);
        }
        page
    }
}

/// Links `node` into an rbtree below `parent`.
///
/// # Safety
///
/// The pointers must be those `rb_link_node()` expects.
#[no_mangle]
pub unsafe extern "C" fn kcall_rb_link(node: *mut RbNode, parent: *mut RbNode, link: *mut *mut RbNode) {
    // SAFETY: the caller passes valid pointers.
    unsafe { rust_helper_rb_link_node(node, parent, link) }
}

/// Takes and drops references; true when the last one went.
///
/// # Safety
///
/// `r` must point to writable memory for a `refcount_t`.
#[no_mangle]
pub unsafe extern "C" fn kcall_refcount(r: *mut Refcount, n: c_int) -> bool {
    // SAFETY: the caller passes a valid pointer.
    unsafe {
        r.write(rust_helper_REFCOUNT_INIT(1));
        rust_helper_refcount_set(r, n);
        rust_helper_refcount_inc(r);
        rust_helper_refcount_dec(r);
        rust_helper_refcount_dec_and_test(r)
    }
}

/// The thread group id of the current task in `ns`, when its uid and
/// euid are those of the caller and no signal is pending; -1 otherwise.
///
/// # Safety
///
/// `ns` must be a pid namespace (or null).
#[no_mangle]
pub unsafe extern "C" fn kcall_current_tgid(ns: *mut PidNamespace) -> c_int {
    // SAFETY: `current` is valid, and a reference is held while it is used.
    unsafe {
        let t = rust_helper_get_current();
        rust_helper_get_task_struct(t);
        let me = rust_helper_current_euid();
        let ok = rust_helper_uid_eq(rust_helper_task_uid(t), me)
            && rust_helper_uid_eq(rust_helper_task_euid(t), me)
            && rust_helper_signal_pending(t) == 0;
        let nr = if ok { rust_helper_task_tgid_nr_ns(t, ns) } else { -1 };
        rust_helper_put_task_struct(t);
        nr
    }
}

/// Grows `p` to `size` bytes with each of the kernel's allocators.
///
/// # Safety
///
/// `p` must come from the allocator that `which` names (0: kmalloc,
/// 1: kvmalloc, 2: vmalloc).
#[no_mangle]
pub unsafe extern "C" fn kcall_realloc(which: c_int, p: *const c_void, size: usize, gfp: u32) -> *mut c_void {
    // SAFETY: the caller matches `which` to `p`.
    unsafe {
        match which {
            0 => rust_helper_krealloc(p, size, gfp),
            1 => rust_helper_kvrealloc(p, size, gfp),
            _ => rust_helper_vrealloc(p, size, gfp),
        }
    }
}

/// Initializes a spinlock and adds `n` to `counter` under it.
///
/// # Safety
///
/// `lock` must point to writable memory for a spinlock.
#[no_mangle]
pub unsafe extern "C" fn kcall_spin_add(lock: *mut Spinlock, key: *mut LockClassKey, counter: *mut c_long, n: c_long) {
    // SAFETY: the caller passes valid pointers.
    unsafe {
        rust_helper___spin_lock_init(lock, c"kcall".as_ptr(), key);
        rust_helper_spin_lock(lock);
        *counter += n;
        rust_helper_spin_unlock(lock);
    }
}

/// Copies `n` bytes in from user space and back out; `-EFAULT` style
/// count of bytes not copied.
///
/// # Safety
///
/// `buf` must hold `n` bytes; `user` is a user-space address.
#[no_mangle]
pub unsafe extern "C" fn kcall_user_roundtrip(user: *mut c_void, buf: *mut c_void, n: c_ulong) -> c_ulong {
    // SAFETY: the uaccess helpers check the user address.
    unsafe {
        let left = rust_helper_copy_from_user(buf, user, n);
        if left != 0 {
            return left;
        }
        rust_helper_copy_to_user(user, buf, n)
    }
}

/// Initializes a wait queue entry and a work item.
///
/// # Safety
///
/// The pointers must point to writable memory of those types.
#[no_mangle]
pub unsafe extern "C" fn kcall_init_wait_work(
    entry: *mut WaitQueueEntry,
    work: *mut WorkStruct,
    func: WorkFunc,
    key: *mut LockClassKey,
) {
    // SAFETY: the caller passes valid pointers.
    unsafe {
        rust_helper_init_wait(entry);
        rust_helper_init_work_with_key(work, func, false, c"kcall_work".as_ptr(), key);
    }
}

/// Atomic operations on `v` and `v64`; returns a mix of their results.
///
/// # Safety
///
/// The pointers must point to atomics.
#[no_mangle]
pub unsafe extern "C" fn kcall_atomics(v: *mut Atomic, v64: *mut Atomic64, n: c_int) -> i64 {
    // SAFETY: the caller passes valid pointers.
    unsafe {
        rust_helper_atomic_set(v, n);
        rust_helper_atomic_inc(v);
        let mut old = rust_helper_atomic_read(v);
        while !rust_helper_atomic_try_cmpxchg(v, &mut old, old * 2) {
            rust_helper_cpu_relax();
        }
        let sum = rust_helper_atomic_add_return(n, v);
        let last = rust_helper_atomic_dec_and_test(v);
        rust_helper_smp_mb();
        rust_helper_atomic64_add_return(sum as i64, v64) + rust_helper_atomic64_read(v64) + last as i64
    }
}

/// Publishes `value` to `slot` and reads `flag` back with barriers.
///
/// # Safety
///
/// The pointers must be valid.
#[no_mangle]
pub unsafe extern "C" fn kcall_publish(slot: *mut c_long, value: c_long, flag: *const c_long) -> c_long {
    // SAFETY: the caller passes valid pointers.
    unsafe {
        slot.write_volatile(value);
        rust_helper_smp_wmb();
        let f = flag.read_volatile();
        rust_helper_smp_rmb();
        f
    }
}

/// Sets bit `set` and clears bit `clear` of `bits`, atomically or not.
///
/// # Safety
///
/// `bits` must hold both bits.
#[no_mangle]
pub unsafe extern "C" fn kcall_bits(bits: *mut c_ulong, set: c_ulong, clear: c_ulong, atomic: bool) {
    // SAFETY: the caller passes a valid bitmap.
    unsafe {
        if atomic {
            rust_helper_set_bit(set, bits);
            rust_helper_clear_bit(clear, bits);
        } else {
            rust_helper___set_bit(set, bits);
            rust_helper___clear_bit(clear, bits);
        }
    }
}

/// Marks the current CPU in `mask`, and returns the mask's weight; the
/// CPU is cleared again when it was set before.
///
/// # Safety
///
/// `mask` must be a cpumask; preemption must be off.
#[no_mangle]
pub unsafe extern "C" fn kcall_cpumask(mask: *mut Cpumask) -> c_uint {
    // SAFETY: the caller passes a valid mask.
    unsafe {
        let cpu = rust_helper_raw_smp_processor_id();
        let was = rust_helper_cpumask_test_cpu(cpu as c_int, mask);
        rust_helper_cpumask_set_cpu(cpu, mask);
        let w = rust_helper_cpumask_weight(mask);
        if was {
            rust_helper_cpumask_clear_cpu(cpu as c_int, mask);
        }
        w
    }
}

/// Takes and drops a reference on `cred`.
///
/// # Safety
///
/// `cred` must be a live credential.
#[no_mangle]
pub unsafe extern "C" fn kcall_cred(cred: *const Cred) -> bool {
    // SAFETY: the reference taken is dropped.
    unsafe {
        let c = rust_helper_get_cred(cred);
        let same = c == cred;
        rust_helper_put_cred(c);
        same
    }
}

/// Initializes `head` and appends `a` and `b`.
///
/// # Safety
///
/// The pointers must point to writable list heads.
#[no_mangle]
pub unsafe extern "C" fn kcall_list(head: *mut ListHead, a: *mut ListHead, b: *mut ListHead) -> bool {
    // SAFETY: the caller passes valid pointers.
    unsafe {
        rust_helper_INIT_LIST_HEAD(head);
        rust_helper_list_add_tail(a, head);
        rust_helper_list_add_tail(b, head);
        (*head).next == a && (*head).prev == b && (*a).next == b
    }
}

/// Pins `mm`, reads under its mmap lock, and drops it again.
///
/// # Safety
///
/// `mm` must be a live mm; `read` is called under the mmap lock.
#[no_mangle]
pub unsafe extern "C" fn kcall_mm(mm: *mut MmStruct, read: unsafe extern "C" fn(*mut MmStruct) -> c_long) -> c_long {
    // SAFETY: the mm is grabbed while it is used.
    unsafe {
        rust_helper_mmgrab(mm);
        let mut r = ENOMEM;
        if rust_helper_mmget_not_zero(mm) {
            rust_helper_mmap_read_lock(mm);
            r = read(mm);
            rust_helper_mmap_read_unlock(mm);
        }
        rust_helper_mmdrop(mm);
        r
    }
}

/// Takes and drops a reference on `ns`.
///
/// # Safety
///
/// `ns` must be a live pid namespace.
#[no_mangle]
pub unsafe extern "C" fn kcall_pid_ns(ns: *mut PidNamespace) -> *mut PidNamespace {
    // SAFETY: the reference taken is dropped.
    unsafe {
        let n = rust_helper_get_pid_ns(ns);
        rust_helper_put_pid_ns(n);
        n
    }
}

/// Reads `*p` inside an RCU read-side critical section, then offers to
/// reschedule.
///
/// # Safety
///
/// `p` must be valid under RCU.
#[no_mangle]
pub unsafe extern "C" fn kcall_rcu_read(p: *const *mut c_void) -> *mut c_void {
    // SAFETY: the caller passes a valid pointer.
    unsafe {
        rust_helper_rcu_read_lock();
        let v = p.read_volatile();
        rust_helper_rcu_read_unlock();
        rust_helper_might_resched();
        v
    }
}

/// The wall-clock time in microseconds plus milliseconds (a checksum).
///
/// # Safety
///
/// None.
#[no_mangle]
pub unsafe extern "C" fn kcall_time() -> i64 {
    // SAFETY: no argument.
    unsafe {
        let t = rust_helper_ktime_get_real();
        rust_helper_ktime_to_us(t) + rust_helper_ktime_to_ms(t)
    }
}

/// Initializes `xa` and, under its lock, reports the error in `entry`.
///
/// # Safety
///
/// `xa` must point to writable memory for an xarray.
#[no_mangle]
pub unsafe extern "C" fn kcall_xarray(xa: *mut Xarray, entry: *mut c_void, flags: u32) -> c_int {
    // SAFETY: the caller passes a valid pointer.
    unsafe {
        rust_helper_xa_init_flags(xa, flags);
        if rust_helper_xa_trylock(xa) == 0 {
            rust_helper_xa_lock(xa);
        }
        let e = rust_helper_xa_err(entry);
        rust_helper_xa_unlock(xa);
        e
    }
}

/// A work function, so that `init_work_with_key` gets a real one.
///
/// # Safety
///
/// None: it does nothing with `work`.
#[no_mangle]
pub unsafe extern "C" fn kcall_work_fn(work: *mut WorkStruct) {
    let _ = work;
}

/// Initializes `work` with `kcall_work_fn`.
///
/// # Safety
///
/// `work` must point to writable memory for a work item.
#[no_mangle]
pub unsafe extern "C" fn kcall_init_work(work: *mut WorkStruct, key: *mut LockClassKey) {
    // SAFETY: the caller passes valid pointers.
    unsafe { rust_helper_init_work_with_key(work, Some(kcall_work_fn), false, null_mut(), key) }
}

#[panic_handler]
fn panic(_info: &core::panic::PanicInfo<'_>) -> ! {
    loop {}
}
