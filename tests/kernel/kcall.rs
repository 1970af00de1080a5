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
    AuxiliaryDevice = "struct auxiliary_device",
    CallbackHead = "struct callback_head",
    Cpumask = "struct cpumask",
    Cred = "struct cred",
    Device = "struct device",
    File = "struct file",
    FwnodeHandle = "struct fwnode_handle",
    Kunit = "struct kunit",
    ListLru = "struct list_lru",
    ListLruOne = "struct list_lru_one",
    LockClassKey = "struct lock_class_key",
    MapleTree = "struct maple_tree",
    MmStruct = "struct mm_struct",
    Mutex = "struct mutex",
    Page = "struct page",
    PciDev = "struct pci_dev",
    PidNamespace = "struct pid_namespace",
    PlatformDevice = "struct platform_device",
    PollTable = "poll_table",
    RbNode = "struct rb_node",
    RbRoot = "struct rb_root",
    Request = "struct request",
    Resource = "struct resource",
    Scatterlist = "struct scatterlist",
    SgTable = "struct sg_table",
    Spinlock = "spinlock_t",
    SrcuStruct = "struct srcu_struct",
    TaskStruct = "struct task_struct",
    UserNamespace = "struct user_namespace",
    VmAreaStruct = "struct vm_area_struct",
    WaitQueueEntry = "struct wait_queue_entry",
    WaitQueueHead = "wait_queue_head_t",
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

/// `task_work_func_t`.
pub type TaskWorkFunc = Option<unsafe extern "C" fn(*mut CallbackHead)>;

/// `list_lru_walk_cb` (6.12's, with the lock); returns an `enum lru_status`.
pub type ListLruWalkCb =
    Option<unsafe extern "C" fn(*mut ListHead, *mut ListLruOne, *mut Spinlock, *mut c_void) -> c_uint>;

/// `irq_handler_t`; returns an `irqreturn_t`.
pub type IrqHandler = Option<unsafe extern "C" fn(c_int, *mut c_void) -> c_uint>;

/// A devm action, `void (*)(void *)`.
pub type DevmAction = Option<unsafe extern "C" fn(*mut c_void)>;

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
    fn rust_helper_atomic_read_acquire(v: *const Atomic) -> c_int;
    fn rust_helper_atomic_set(v: *mut Atomic, i: c_int);
    fn rust_helper_atomic_set_release(v: *mut Atomic, i: c_int);
    fn rust_helper_atomic_add(i: c_int, v: *mut Atomic);
    fn rust_helper_atomic_add_return(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_add_return_acquire(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_add_return_release(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_add_return_relaxed(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_add(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_add_acquire(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_add_release(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_add_relaxed(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_sub(i: c_int, v: *mut Atomic);
    fn rust_helper_atomic_sub_return(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_sub_return_acquire(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_sub_return_release(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_sub_return_relaxed(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_sub(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_sub_acquire(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_sub_release(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_sub_relaxed(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_inc(v: *mut Atomic);
    fn rust_helper_atomic_inc_return(v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_inc_return_acquire(v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_inc_return_release(v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_inc_return_relaxed(v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_inc(v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_inc_acquire(v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_inc_release(v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_inc_relaxed(v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_dec(v: *mut Atomic);
    fn rust_helper_atomic_dec_return(v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_dec_return_acquire(v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_dec_return_release(v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_dec_return_relaxed(v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_dec(v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_dec_acquire(v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_dec_release(v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_dec_relaxed(v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_and(i: c_int, v: *mut Atomic);
    fn rust_helper_atomic_fetch_and(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_and_acquire(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_and_release(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_and_relaxed(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_andnot(i: c_int, v: *mut Atomic);
    fn rust_helper_atomic_fetch_andnot(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_andnot_acquire(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_andnot_release(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_andnot_relaxed(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_or(i: c_int, v: *mut Atomic);
    fn rust_helper_atomic_fetch_or(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_or_acquire(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_or_release(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_or_relaxed(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_xor(i: c_int, v: *mut Atomic);
    fn rust_helper_atomic_fetch_xor(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_xor_acquire(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_xor_release(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_fetch_xor_relaxed(i: c_int, v: *mut Atomic) -> c_int;
    fn rust_helper_atomic_xchg(v: *mut Atomic, new: c_int) -> c_int;
    fn rust_helper_atomic_xchg_acquire(v: *mut Atomic, new: c_int) -> c_int;
    fn rust_helper_atomic_xchg_release(v: *mut Atomic, new: c_int) -> c_int;
    fn rust_helper_atomic_xchg_relaxed(v: *mut Atomic, new: c_int) -> c_int;
    fn rust_helper_atomic_cmpxchg(v: *mut Atomic, old: c_int, new: c_int) -> c_int;
    fn rust_helper_atomic_cmpxchg_acquire(v: *mut Atomic, old: c_int, new: c_int) -> c_int;
    fn rust_helper_atomic_cmpxchg_release(v: *mut Atomic, old: c_int, new: c_int) -> c_int;
    fn rust_helper_atomic_cmpxchg_relaxed(v: *mut Atomic, old: c_int, new: c_int) -> c_int;
    fn rust_helper_atomic_try_cmpxchg(v: *mut Atomic, old: *mut c_int, new: c_int) -> bool;
    fn rust_helper_atomic_try_cmpxchg_acquire(v: *mut Atomic, old: *mut c_int, new: c_int) -> bool;
    fn rust_helper_atomic_try_cmpxchg_release(v: *mut Atomic, old: *mut c_int, new: c_int) -> bool;
    fn rust_helper_atomic_try_cmpxchg_relaxed(v: *mut Atomic, old: *mut c_int, new: c_int) -> bool;
    fn rust_helper_atomic_sub_and_test(i: c_int, v: *mut Atomic) -> bool;
    fn rust_helper_atomic_dec_and_test(v: *mut Atomic) -> bool;
    fn rust_helper_atomic_inc_and_test(v: *mut Atomic) -> bool;
    fn rust_helper_atomic_add_negative(i: c_int, v: *mut Atomic) -> bool;
    fn rust_helper_atomic_add_negative_acquire(i: c_int, v: *mut Atomic) -> bool;
    fn rust_helper_atomic_add_negative_release(i: c_int, v: *mut Atomic) -> bool;
    fn rust_helper_atomic_add_negative_relaxed(i: c_int, v: *mut Atomic) -> bool;
    fn rust_helper_atomic_fetch_add_unless(v: *mut Atomic, a: c_int, u: c_int) -> c_int;
    fn rust_helper_atomic_add_unless(v: *mut Atomic, a: c_int, u: c_int) -> bool;
    fn rust_helper_atomic_inc_not_zero(v: *mut Atomic) -> bool;
    fn rust_helper_atomic_inc_unless_negative(v: *mut Atomic) -> bool;
    fn rust_helper_atomic_dec_unless_positive(v: *mut Atomic) -> bool;
    fn rust_helper_atomic_dec_if_positive(v: *mut Atomic) -> c_int;
    fn rust_helper_atomic64_read(v: *const Atomic64) -> i64;
    fn rust_helper_atomic64_read_acquire(v: *const Atomic64) -> i64;
    fn rust_helper_atomic64_set(v: *mut Atomic64, i: i64);
    fn rust_helper_atomic64_set_release(v: *mut Atomic64, i: i64);
    fn rust_helper_atomic64_add(i: i64, v: *mut Atomic64);
    fn rust_helper_atomic64_add_return(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_add_return_acquire(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_add_return_release(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_add_return_relaxed(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_add(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_add_acquire(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_add_release(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_add_relaxed(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_sub(i: i64, v: *mut Atomic64);
    fn rust_helper_atomic64_sub_return(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_sub_return_acquire(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_sub_return_release(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_sub_return_relaxed(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_sub(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_sub_acquire(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_sub_release(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_sub_relaxed(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_inc(v: *mut Atomic64);
    fn rust_helper_atomic64_inc_return(v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_inc_return_acquire(v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_inc_return_release(v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_inc_return_relaxed(v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_inc(v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_inc_acquire(v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_inc_release(v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_inc_relaxed(v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_dec(v: *mut Atomic64);
    fn rust_helper_atomic64_dec_return(v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_dec_return_acquire(v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_dec_return_release(v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_dec_return_relaxed(v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_dec(v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_dec_acquire(v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_dec_release(v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_dec_relaxed(v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_and(i: i64, v: *mut Atomic64);
    fn rust_helper_atomic64_fetch_and(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_and_acquire(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_and_release(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_and_relaxed(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_andnot(i: i64, v: *mut Atomic64);
    fn rust_helper_atomic64_fetch_andnot(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_andnot_acquire(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_andnot_release(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_andnot_relaxed(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_or(i: i64, v: *mut Atomic64);
    fn rust_helper_atomic64_fetch_or(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_or_acquire(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_or_release(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_or_relaxed(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_xor(i: i64, v: *mut Atomic64);
    fn rust_helper_atomic64_fetch_xor(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_xor_acquire(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_xor_release(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_fetch_xor_relaxed(i: i64, v: *mut Atomic64) -> i64;
    fn rust_helper_atomic64_xchg(v: *mut Atomic64, new: i64) -> i64;
    fn rust_helper_atomic64_xchg_acquire(v: *mut Atomic64, new: i64) -> i64;
    fn rust_helper_atomic64_xchg_release(v: *mut Atomic64, new: i64) -> i64;
    fn rust_helper_atomic64_xchg_relaxed(v: *mut Atomic64, new: i64) -> i64;
    fn rust_helper_atomic64_cmpxchg(v: *mut Atomic64, old: i64, new: i64) -> i64;
    fn rust_helper_atomic64_cmpxchg_acquire(v: *mut Atomic64, old: i64, new: i64) -> i64;
    fn rust_helper_atomic64_cmpxchg_release(v: *mut Atomic64, old: i64, new: i64) -> i64;
    fn rust_helper_atomic64_cmpxchg_relaxed(v: *mut Atomic64, old: i64, new: i64) -> i64;
    fn rust_helper_atomic64_try_cmpxchg(v: *mut Atomic64, old: *mut i64, new: i64) -> bool;
    fn rust_helper_atomic64_try_cmpxchg_acquire(v: *mut Atomic64, old: *mut i64, new: i64) -> bool;
    fn rust_helper_atomic64_try_cmpxchg_release(v: *mut Atomic64, old: *mut i64, new: i64) -> bool;
    fn rust_helper_atomic64_try_cmpxchg_relaxed(v: *mut Atomic64, old: *mut i64, new: i64) -> bool;
    fn rust_helper_atomic64_sub_and_test(i: i64, v: *mut Atomic64) -> bool;
    fn rust_helper_atomic64_dec_and_test(v: *mut Atomic64) -> bool;
    fn rust_helper_atomic64_inc_and_test(v: *mut Atomic64) -> bool;
    fn rust_helper_atomic64_add_negative(i: i64, v: *mut Atomic64) -> bool;
    fn rust_helper_atomic64_add_negative_acquire(i: i64, v: *mut Atomic64) -> bool;
    fn rust_helper_atomic64_add_negative_release(i: i64, v: *mut Atomic64) -> bool;
    fn rust_helper_atomic64_add_negative_relaxed(i: i64, v: *mut Atomic64) -> bool;
    fn rust_helper_atomic64_fetch_add_unless(v: *mut Atomic64, a: i64, u: i64) -> i64;
    fn rust_helper_atomic64_add_unless(v: *mut Atomic64, a: i64, u: i64) -> bool;
    fn rust_helper_atomic64_inc_not_zero(v: *mut Atomic64) -> bool;
    fn rust_helper_atomic64_inc_unless_negative(v: *mut Atomic64) -> bool;
    fn rust_helper_atomic64_dec_unless_positive(v: *mut Atomic64) -> bool;
    fn rust_helper_atomic64_dec_if_positive(v: *mut Atomic64) -> i64;
    fn rust_helper_atomic_i8_read(ptr: *mut i8) -> i8;
    fn rust_helper_atomic_i8_read_acquire(ptr: *mut i8) -> i8;
    fn rust_helper_atomic_i16_read(ptr: *mut i16) -> i16;
    fn rust_helper_atomic_i16_read_acquire(ptr: *mut i16) -> i16;
    fn rust_helper_atomic_i8_set(ptr: *mut i8, val: i8);
    fn rust_helper_atomic_i8_set_release(ptr: *mut i8, val: i8);
    fn rust_helper_atomic_i16_set(ptr: *mut i16, val: i16);
    fn rust_helper_atomic_i16_set_release(ptr: *mut i16, val: i16);
    fn rust_helper_atomic_i8_xchg(ptr: *mut i8, new: i8) -> i8;
    fn rust_helper_atomic_i16_xchg(ptr: *mut i16, new: i16) -> i16;
    fn rust_helper_atomic_i8_xchg_acquire(ptr: *mut i8, new: i8) -> i8;
    fn rust_helper_atomic_i16_xchg_acquire(ptr: *mut i16, new: i16) -> i16;
    fn rust_helper_atomic_i8_xchg_release(ptr: *mut i8, new: i8) -> i8;
    fn rust_helper_atomic_i16_xchg_release(ptr: *mut i16, new: i16) -> i16;
    fn rust_helper_atomic_i8_xchg_relaxed(ptr: *mut i8, new: i8) -> i8;
    fn rust_helper_atomic_i16_xchg_relaxed(ptr: *mut i16, new: i16) -> i16;
    fn rust_helper_atomic_i8_try_cmpxchg(ptr: *mut i8, old: *mut i8, new: i8) -> bool;
    fn rust_helper_atomic_i16_try_cmpxchg(ptr: *mut i16, old: *mut i16, new: i16) -> bool;
    fn rust_helper_auxiliary_device_uninit(adev: *mut AuxiliaryDevice);
    fn rust_helper_auxiliary_device_delete(adev: *mut AuxiliaryDevice);
    fn rust_helper_smp_mb();
    fn rust_helper_smp_wmb();
    fn rust_helper_smp_rmb();
    fn rust_helper_list_lru_count(lru: *mut ListLru) -> c_ulong;
    fn rust_helper_list_lru_walk(lru: *mut ListLru, isolate: ListLruWalkCb, cb_arg: *mut c_void, nr_to_walk: c_ulong) -> c_ulong;
    fn rust_helper_init_task_work(twork: *mut CallbackHead, func: TaskWorkFunc);
    fn rust_helper___set_bit(nr: c_ulong, addr: *mut c_ulong);
    fn rust_helper___clear_bit(nr: c_ulong, addr: *mut c_ulong);
    fn rust_helper_set_bit(nr: c_ulong, addr: *mut c_ulong);
    fn rust_helper_clear_bit(nr: c_ulong, addr: *mut c_ulong);
    fn rust_helper_WARN_ON(cond: bool) -> bool;
    fn rust_helper_raw_smp_processor_id() -> c_uint;
    fn rust_helper_cpumask_set_cpu(cpu: c_uint, dstp: *mut Cpumask);
    fn rust_helper___cpumask_set_cpu(cpu: c_uint, dstp: *mut Cpumask);
    fn rust_helper_cpumask_clear_cpu(cpu: c_int, dstp: *mut Cpumask);
    fn rust_helper___cpumask_clear_cpu(cpu: c_int, dstp: *mut Cpumask);
    fn rust_helper_cpumask_test_cpu(cpu: c_int, srcp: *mut Cpumask) -> bool;
    fn rust_helper_cpumask_setall(dstp: *mut Cpumask);
    fn rust_helper_cpumask_empty(srcp: *mut Cpumask) -> bool;
    fn rust_helper_cpumask_full(srcp: *mut Cpumask) -> bool;
    fn rust_helper_cpumask_weight(srcp: *mut Cpumask) -> c_uint;
    fn rust_helper_cpumask_copy(dstp: *mut Cpumask, srcp: *const Cpumask);
    fn rust_helper_alloc_cpumask_var(mask: *mut Cpumask, flags: u32) -> bool;
    fn rust_helper_zalloc_cpumask_var(mask: *mut Cpumask, flags: u32) -> bool;
    // more_helpers.c has this helper only without CONFIG_CPUMASK_OFFSTACK
    // (arm64's defconfig sets it), as rust/helpers/cpumask.c does; with
    // it, free_cpumask_var() is a function of the kernel's, called as the
    // kernel crate's bindings call it.
    #[cfg_attr(CONFIG_CPUMASK_OFFSTACK, link_name = "free_cpumask_var")]
    fn rust_helper_free_cpumask_var(mask: *mut Cpumask);
    fn rust_helper_get_cred(cred: *const Cred) -> *const Cred;
    fn rust_helper_put_cred(cred: *const Cred);
    fn rust_helper_devm_add_action(dev: *mut Device, action: DevmAction, data: *mut c_void) -> c_int;
    fn rust_helper_devm_add_action_or_reset(dev: *mut Device, action: DevmAction, data: *mut c_void) -> c_int;
    fn rust_helper_dev_get_drvdata(dev: *const Device) -> *mut c_void;
    fn rust_helper_dev_set_drvdata(dev: *mut Device, data: *mut c_void);
    fn rust_helper_dev_name(dev: *const Device) -> *const c_char;
    fn rust_helper_dma_alloc_attrs(dev: *mut Device, size: usize, dma_handle: *mut u64, flag: u32, attrs: c_ulong) -> *mut c_void;
    fn rust_helper_dma_free_attrs(dev: *mut Device, size: usize, cpu_addr: *mut c_void, dma_handle: u64, attrs: c_ulong);
    fn rust_helper_dma_set_mask_and_coherent(dev: *mut Device, mask: u64) -> c_int;
    fn rust_helper_dma_set_mask(dev: *mut Device, mask: u64) -> c_int;
    fn rust_helper_dma_set_coherent_mask(dev: *mut Device, mask: u64) -> c_int;
    fn rust_helper_dma_map_sgtable(dev: *mut Device, sgt: *mut SgTable, dir: c_uint, attrs: c_ulong) -> c_int;
    fn rust_helper_dma_max_mapping_size(dev: *mut Device) -> usize;
    fn rust_helper_dma_set_max_seg_size(dev: *mut Device, size: c_uint);
    fn rust_helper_ioremap(offset: u64, size: usize) -> *mut c_void;
    fn rust_helper_ioremap_np(offset: u64, size: usize) -> *mut c_void;
    fn rust_helper_iounmap(addr: *mut c_void);
    fn rust_helper_memcpy_fromio(dst: *mut c_void, src: *const c_void, count: usize);
    fn rust_helper_memcpy_toio(dst: *mut c_void, src: *const c_void, count: usize);
    fn rust_helper_readb(addr: *const c_void) -> u8;
    fn rust_helper_readw(addr: *const c_void) -> u16;
    fn rust_helper_readl(addr: *const c_void) -> u32;
    fn rust_helper_readq(addr: *const c_void) -> u64;
    fn rust_helper_writeb(value: u8, addr: *mut c_void);
    fn rust_helper_writew(value: u16, addr: *mut c_void);
    fn rust_helper_writel(value: u32, addr: *mut c_void);
    fn rust_helper_writeq(value: u64, addr: *mut c_void);
    fn rust_helper_readb_relaxed(addr: *const c_void) -> u8;
    fn rust_helper_readw_relaxed(addr: *const c_void) -> u16;
    fn rust_helper_readl_relaxed(addr: *const c_void) -> u32;
    fn rust_helper_readq_relaxed(addr: *const c_void) -> u64;
    fn rust_helper_writeb_relaxed(value: u8, addr: *mut c_void);
    fn rust_helper_writew_relaxed(value: u16, addr: *mut c_void);
    fn rust_helper_writel_relaxed(value: u32, addr: *mut c_void);
    fn rust_helper_writeq_relaxed(value: u64, addr: *mut c_void);
    fn rust_helper_resource_size(res: *mut Resource) -> u64;
    fn rust_helper_request_mem_region(start: u64, n: u64, name: *const c_char) -> *mut Resource;
    fn rust_helper_release_mem_region(start: u64, n: u64);
    fn rust_helper_request_region(start: u64, n: u64, name: *const c_char) -> *mut Resource;
    fn rust_helper_request_muxed_region(start: u64, n: u64, name: *const c_char) -> *mut Resource;
    fn rust_helper_release_region(start: u64, n: u64);
    fn rust_helper_request_irq(irq: c_uint, handler: IrqHandler, flags: c_ulong, name: *const c_char, dev: *mut c_void) -> c_int;
    fn rust_helper_INIT_LIST_HEAD(list: *mut ListHead);
    fn rust_helper_list_add_tail(new: *mut ListHead, head: *mut ListHead);
    fn rust_helper_mt_init_flags(mt: *mut MapleTree, flags: c_uint);
    fn rust_helper_mmgrab(mm: *mut MmStruct);
    fn rust_helper_mmdrop(mm: *mut MmStruct);
    fn rust_helper_mmget(mm: *mut MmStruct);
    fn rust_helper_mmget_not_zero(mm: *mut MmStruct) -> bool;
    fn rust_helper_mmap_read_lock(mm: *mut MmStruct);
    fn rust_helper_mmap_read_trylock(mm: *mut MmStruct) -> bool;
    fn rust_helper_mmap_read_unlock(mm: *mut MmStruct);
    fn rust_helper_vma_lookup(mm: *mut MmStruct, addr: c_ulong) -> *mut VmAreaStruct;
    fn rust_helper_vma_end_read(vma: *mut VmAreaStruct);
    fn rust_helper_mutex_trylock(lock: *mut Mutex) -> c_int;
    fn rust_helper_mutex_assert_is_held(mutex: *mut Mutex);
    fn rust_helper_mutex_destroy(lock: *mut Mutex);
    fn rust_helper_is_of_node(fwnode: *const FwnodeHandle) -> bool;
    fn rust_helper_page_to_nid(page: *const Page) -> c_int;
    fn rust_helper_pci_resource_len(pdev: *mut PciDev, bar: c_int) -> u64;
    fn rust_helper_dev_is_pci(dev: *const Device) -> bool;
    fn rust_helper_get_pid_ns(ns: *mut PidNamespace) -> *mut PidNamespace;
    fn rust_helper_put_pid_ns(ns: *mut PidNamespace);
    fn rust_helper_task_get_pid_ns(task: *mut TaskStruct) -> *mut PidNamespace;
    fn rust_helper_platform_get_drvdata(pdev: *const PlatformDevice) -> *mut c_void;
    fn rust_helper_platform_set_drvdata(pdev: *mut PlatformDevice, data: *mut c_void);
    fn rust_helper_poll_wait(filp: *mut File, wait_address: *mut WaitQueueHead, p: *mut PollTable);
    fn rust_helper_cpu_relax();
    fn rust_helper_fwnode_handle_put(fwnode: *mut FwnodeHandle);
    fn rust_helper_rb_first(root: *const RbRoot) -> *mut RbNode;
    fn rust_helper_rb_last(root: *const RbRoot) -> *mut RbNode;
    fn rust_helper_rcu_read_lock();
    fn rust_helper_rcu_read_unlock();
    fn rust_helper_refcount_set(r: *mut Refcount, n: c_int);
    fn rust_helper_refcount_dec(r: *mut Refcount);
    fn rust_helper_sg_dma_address(sg: *mut Scatterlist) -> u64;
    fn rust_helper_sg_dma_len(sg: *mut Scatterlist) -> c_uint;
    fn rust_helper_sg_next(sg: *mut Scatterlist) -> *mut Scatterlist;
    fn rust_helper_dma_unmap_sgtable(dev: *mut Device, sgt: *mut SgTable, dir: c_uint, attrs: c_ulong);
    fn rust_helper_spin_trylock(lock: *mut Spinlock) -> c_int;
    fn rust_helper_spin_assert_is_held(lock: *mut Spinlock);
    fn rust_helper_srcu_read_lock(ssp: *mut SrcuStruct) -> c_int;
    fn rust_helper_srcu_read_unlock(ssp: *mut SrcuStruct, idx: c_int);
    fn rust_helper_srcu_barrier(ssp: *mut SrcuStruct);
    fn rust_helper_synchronize_srcu_expedited(ssp: *mut SrcuStruct);
    fn rust_helper_memchr(s: *const c_void, c: c_int, n: usize) -> *mut c_void;
    fn rust_helper_lockdep_register_key(k: *mut LockClassKey);
    fn rust_helper_lockdep_unregister_key(k: *mut LockClassKey);
    fn rust_helper_might_resched();
    fn rust_helper_task_uid(task: *mut TaskStruct) -> Kuid;
    fn rust_helper_task_euid(task: *mut TaskStruct) -> Kuid;
    // Likewise: only without CONFIG_USER_NS (set for arm64, not x86_64).
    #[cfg_attr(CONFIG_USER_NS, link_name = "from_kuid")]
    fn rust_helper_from_kuid(to: *mut UserNamespace, uid: Kuid) -> u32;
    fn rust_helper_uid_eq(left: Kuid, right: Kuid) -> bool;
    fn rust_helper_current_euid() -> Kuid;
    fn rust_helper_current_user_ns() -> *mut UserNamespace;
    fn rust_helper_task_tgid_nr_ns(tsk: *mut TaskStruct, ns: *mut PidNamespace) -> c_int;
    fn rust_helper_fsleep(usecs: c_ulong);
    fn rust_helper_ktime_get_real() -> i64;
    fn rust_helper_ktime_get_boottime() -> i64;
    fn rust_helper_ktime_get_clocktai() -> i64;
    fn rust_helper_ktime_to_us(kt: i64) -> i64;
    fn rust_helper_ktime_to_ms(kt: i64) -> i64;
    fn rust_helper_is_vmalloc_addr(x: *const c_void) -> bool;
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

/// Whether the rbtree `root` has a single node (its first and last are
/// the same, and not null).
///
/// # Safety
///
/// `root` must be a valid rbtree root.
#[no_mangle]
pub unsafe extern "C" fn kcall_rb_single(root: *const RbRoot) -> bool {
    // SAFETY: the caller passes a valid root.
    unsafe {
        let first = rust_helper_rb_first(root);
        !first.is_null() && first == rust_helper_rb_last(root)
    }
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

/// Every operation of upstream's atomic.c on `v`, in its order; returns
/// the results folded together.
///
/// # Safety
///
/// `v` must point to an `atomic_t`.
#[no_mangle]
pub unsafe extern "C" fn kcall_atomic_all(v: *mut Atomic, i: c_int) -> c_int {
    let mut r: c_int = 0;
    let mut old: c_int = 0;
    // SAFETY: the caller passes a valid pointer.
    unsafe {
        r ^= rust_helper_atomic_read(v);
        r ^= rust_helper_atomic_read_acquire(v);
        rust_helper_atomic_set(v, i);
        rust_helper_atomic_set_release(v, i);
        rust_helper_atomic_add(i, v);
        r ^= rust_helper_atomic_add_return(i, v);
        r ^= rust_helper_atomic_add_return_acquire(i, v);
        r ^= rust_helper_atomic_add_return_release(i, v);
        r ^= rust_helper_atomic_add_return_relaxed(i, v);
        r ^= rust_helper_atomic_fetch_add(i, v);
        r ^= rust_helper_atomic_fetch_add_acquire(i, v);
        r ^= rust_helper_atomic_fetch_add_release(i, v);
        r ^= rust_helper_atomic_fetch_add_relaxed(i, v);
        rust_helper_atomic_sub(i, v);
        r ^= rust_helper_atomic_sub_return(i, v);
        r ^= rust_helper_atomic_sub_return_acquire(i, v);
        r ^= rust_helper_atomic_sub_return_release(i, v);
        r ^= rust_helper_atomic_sub_return_relaxed(i, v);
        r ^= rust_helper_atomic_fetch_sub(i, v);
        r ^= rust_helper_atomic_fetch_sub_acquire(i, v);
        r ^= rust_helper_atomic_fetch_sub_release(i, v);
        r ^= rust_helper_atomic_fetch_sub_relaxed(i, v);
        rust_helper_atomic_inc(v);
        r ^= rust_helper_atomic_inc_return(v);
        r ^= rust_helper_atomic_inc_return_acquire(v);
        r ^= rust_helper_atomic_inc_return_release(v);
        r ^= rust_helper_atomic_inc_return_relaxed(v);
        r ^= rust_helper_atomic_fetch_inc(v);
        r ^= rust_helper_atomic_fetch_inc_acquire(v);
        r ^= rust_helper_atomic_fetch_inc_release(v);
        r ^= rust_helper_atomic_fetch_inc_relaxed(v);
        rust_helper_atomic_dec(v);
        r ^= rust_helper_atomic_dec_return(v);
        r ^= rust_helper_atomic_dec_return_acquire(v);
        r ^= rust_helper_atomic_dec_return_release(v);
        r ^= rust_helper_atomic_dec_return_relaxed(v);
        r ^= rust_helper_atomic_fetch_dec(v);
        r ^= rust_helper_atomic_fetch_dec_acquire(v);
        r ^= rust_helper_atomic_fetch_dec_release(v);
        r ^= rust_helper_atomic_fetch_dec_relaxed(v);
        rust_helper_atomic_and(i, v);
        r ^= rust_helper_atomic_fetch_and(i, v);
        r ^= rust_helper_atomic_fetch_and_acquire(i, v);
        r ^= rust_helper_atomic_fetch_and_release(i, v);
        r ^= rust_helper_atomic_fetch_and_relaxed(i, v);
        rust_helper_atomic_andnot(i, v);
        r ^= rust_helper_atomic_fetch_andnot(i, v);
        r ^= rust_helper_atomic_fetch_andnot_acquire(i, v);
        r ^= rust_helper_atomic_fetch_andnot_release(i, v);
        r ^= rust_helper_atomic_fetch_andnot_relaxed(i, v);
        rust_helper_atomic_or(i, v);
        r ^= rust_helper_atomic_fetch_or(i, v);
        r ^= rust_helper_atomic_fetch_or_acquire(i, v);
        r ^= rust_helper_atomic_fetch_or_release(i, v);
        r ^= rust_helper_atomic_fetch_or_relaxed(i, v);
        rust_helper_atomic_xor(i, v);
        r ^= rust_helper_atomic_fetch_xor(i, v);
        r ^= rust_helper_atomic_fetch_xor_acquire(i, v);
        r ^= rust_helper_atomic_fetch_xor_release(i, v);
        r ^= rust_helper_atomic_fetch_xor_relaxed(i, v);
        r ^= rust_helper_atomic_xchg(v, r);
        r ^= rust_helper_atomic_xchg_acquire(v, r);
        r ^= rust_helper_atomic_xchg_release(v, r);
        r ^= rust_helper_atomic_xchg_relaxed(v, r);
        r ^= rust_helper_atomic_cmpxchg(v, old, r);
        r ^= rust_helper_atomic_cmpxchg_acquire(v, old, r);
        r ^= rust_helper_atomic_cmpxchg_release(v, old, r);
        r ^= rust_helper_atomic_cmpxchg_relaxed(v, old, r);
        r ^= rust_helper_atomic_try_cmpxchg(v, &mut old, r) as c_int;
        r ^= rust_helper_atomic_try_cmpxchg_acquire(v, &mut old, r) as c_int;
        r ^= rust_helper_atomic_try_cmpxchg_release(v, &mut old, r) as c_int;
        r ^= rust_helper_atomic_try_cmpxchg_relaxed(v, &mut old, r) as c_int;
        r ^= rust_helper_atomic_sub_and_test(i, v) as c_int;
        r ^= rust_helper_atomic_dec_and_test(v) as c_int;
        r ^= rust_helper_atomic_inc_and_test(v) as c_int;
        r ^= rust_helper_atomic_add_negative(i, v) as c_int;
        r ^= rust_helper_atomic_add_negative_acquire(i, v) as c_int;
        r ^= rust_helper_atomic_add_negative_release(i, v) as c_int;
        r ^= rust_helper_atomic_add_negative_relaxed(i, v) as c_int;
        r ^= rust_helper_atomic_fetch_add_unless(v, i, 0);
        r ^= rust_helper_atomic_add_unless(v, i, 0) as c_int;
        r ^= rust_helper_atomic_inc_not_zero(v) as c_int;
        r ^= rust_helper_atomic_inc_unless_negative(v) as c_int;
        r ^= rust_helper_atomic_dec_unless_positive(v) as c_int;
        r ^= rust_helper_atomic_dec_if_positive(v);
    }
    r ^ old
}

/// The same for `atomic64_t`.
///
/// # Safety
///
/// `v` must point to an `atomic64_t`.
#[no_mangle]
pub unsafe extern "C" fn kcall_atomic64_all(v: *mut Atomic64, i: i64) -> i64 {
    let mut r: i64 = 0;
    let mut old: i64 = 0;
    // SAFETY: the caller passes a valid pointer.
    unsafe {
        r ^= rust_helper_atomic64_read(v);
        r ^= rust_helper_atomic64_read_acquire(v);
        rust_helper_atomic64_set(v, i);
        rust_helper_atomic64_set_release(v, i);
        rust_helper_atomic64_add(i, v);
        r ^= rust_helper_atomic64_add_return(i, v);
        r ^= rust_helper_atomic64_add_return_acquire(i, v);
        r ^= rust_helper_atomic64_add_return_release(i, v);
        r ^= rust_helper_atomic64_add_return_relaxed(i, v);
        r ^= rust_helper_atomic64_fetch_add(i, v);
        r ^= rust_helper_atomic64_fetch_add_acquire(i, v);
        r ^= rust_helper_atomic64_fetch_add_release(i, v);
        r ^= rust_helper_atomic64_fetch_add_relaxed(i, v);
        rust_helper_atomic64_sub(i, v);
        r ^= rust_helper_atomic64_sub_return(i, v);
        r ^= rust_helper_atomic64_sub_return_acquire(i, v);
        r ^= rust_helper_atomic64_sub_return_release(i, v);
        r ^= rust_helper_atomic64_sub_return_relaxed(i, v);
        r ^= rust_helper_atomic64_fetch_sub(i, v);
        r ^= rust_helper_atomic64_fetch_sub_acquire(i, v);
        r ^= rust_helper_atomic64_fetch_sub_release(i, v);
        r ^= rust_helper_atomic64_fetch_sub_relaxed(i, v);
        rust_helper_atomic64_inc(v);
        r ^= rust_helper_atomic64_inc_return(v);
        r ^= rust_helper_atomic64_inc_return_acquire(v);
        r ^= rust_helper_atomic64_inc_return_release(v);
        r ^= rust_helper_atomic64_inc_return_relaxed(v);
        r ^= rust_helper_atomic64_fetch_inc(v);
        r ^= rust_helper_atomic64_fetch_inc_acquire(v);
        r ^= rust_helper_atomic64_fetch_inc_release(v);
        r ^= rust_helper_atomic64_fetch_inc_relaxed(v);
        rust_helper_atomic64_dec(v);
        r ^= rust_helper_atomic64_dec_return(v);
        r ^= rust_helper_atomic64_dec_return_acquire(v);
        r ^= rust_helper_atomic64_dec_return_release(v);
        r ^= rust_helper_atomic64_dec_return_relaxed(v);
        r ^= rust_helper_atomic64_fetch_dec(v);
        r ^= rust_helper_atomic64_fetch_dec_acquire(v);
        r ^= rust_helper_atomic64_fetch_dec_release(v);
        r ^= rust_helper_atomic64_fetch_dec_relaxed(v);
        rust_helper_atomic64_and(i, v);
        r ^= rust_helper_atomic64_fetch_and(i, v);
        r ^= rust_helper_atomic64_fetch_and_acquire(i, v);
        r ^= rust_helper_atomic64_fetch_and_release(i, v);
        r ^= rust_helper_atomic64_fetch_and_relaxed(i, v);
        rust_helper_atomic64_andnot(i, v);
        r ^= rust_helper_atomic64_fetch_andnot(i, v);
        r ^= rust_helper_atomic64_fetch_andnot_acquire(i, v);
        r ^= rust_helper_atomic64_fetch_andnot_release(i, v);
        r ^= rust_helper_atomic64_fetch_andnot_relaxed(i, v);
        rust_helper_atomic64_or(i, v);
        r ^= rust_helper_atomic64_fetch_or(i, v);
        r ^= rust_helper_atomic64_fetch_or_acquire(i, v);
        r ^= rust_helper_atomic64_fetch_or_release(i, v);
        r ^= rust_helper_atomic64_fetch_or_relaxed(i, v);
        rust_helper_atomic64_xor(i, v);
        r ^= rust_helper_atomic64_fetch_xor(i, v);
        r ^= rust_helper_atomic64_fetch_xor_acquire(i, v);
        r ^= rust_helper_atomic64_fetch_xor_release(i, v);
        r ^= rust_helper_atomic64_fetch_xor_relaxed(i, v);
        r ^= rust_helper_atomic64_xchg(v, r);
        r ^= rust_helper_atomic64_xchg_acquire(v, r);
        r ^= rust_helper_atomic64_xchg_release(v, r);
        r ^= rust_helper_atomic64_xchg_relaxed(v, r);
        r ^= rust_helper_atomic64_cmpxchg(v, old, r);
        r ^= rust_helper_atomic64_cmpxchg_acquire(v, old, r);
        r ^= rust_helper_atomic64_cmpxchg_release(v, old, r);
        r ^= rust_helper_atomic64_cmpxchg_relaxed(v, old, r);
        r ^= rust_helper_atomic64_try_cmpxchg(v, &mut old, r) as i64;
        r ^= rust_helper_atomic64_try_cmpxchg_acquire(v, &mut old, r) as i64;
        r ^= rust_helper_atomic64_try_cmpxchg_release(v, &mut old, r) as i64;
        r ^= rust_helper_atomic64_try_cmpxchg_relaxed(v, &mut old, r) as i64;
        r ^= rust_helper_atomic64_sub_and_test(i, v) as i64;
        r ^= rust_helper_atomic64_dec_and_test(v) as i64;
        r ^= rust_helper_atomic64_inc_and_test(v) as i64;
        r ^= rust_helper_atomic64_add_negative(i, v) as i64;
        r ^= rust_helper_atomic64_add_negative_acquire(i, v) as i64;
        r ^= rust_helper_atomic64_add_negative_release(i, v) as i64;
        r ^= rust_helper_atomic64_add_negative_relaxed(i, v) as i64;
        r ^= rust_helper_atomic64_fetch_add_unless(v, i, 0);
        r ^= rust_helper_atomic64_add_unless(v, i, 0) as i64;
        r ^= rust_helper_atomic64_inc_not_zero(v) as i64;
        r ^= rust_helper_atomic64_inc_unless_negative(v) as i64;
        r ^= rust_helper_atomic64_dec_unless_positive(v) as i64;
        r ^= rust_helper_atomic64_dec_if_positive(v);
    }
    r ^ old
}

/// Upstream's atomic_ext.c: 8- and 16-bit atomics on `b` and `h`.
///
/// # Safety
///
/// The pointers must be valid and aligned.
#[no_mangle]
pub unsafe extern "C" fn kcall_atomic_ext(b: *mut i8, h: *mut i16, x: i8, y: i16) -> i32 {
    // SAFETY: the caller passes valid pointers.
    unsafe {
        rust_helper_atomic_i8_set(b, x);
        rust_helper_atomic_i8_set_release(b, x);
        rust_helper_atomic_i16_set(h, y);
        rust_helper_atomic_i16_set_release(h, y);
        let mut r = rust_helper_atomic_i8_read(b) as i32 ^ rust_helper_atomic_i8_read_acquire(b) as i32;
        r ^= rust_helper_atomic_i16_read(h) as i32 ^ rust_helper_atomic_i16_read_acquire(h) as i32;
        r ^= rust_helper_atomic_i8_xchg(b, x) as i32 ^ rust_helper_atomic_i16_xchg(h, y) as i32;
        r ^= rust_helper_atomic_i8_xchg_acquire(b, x) as i32 ^ rust_helper_atomic_i16_xchg_acquire(h, y) as i32;
        r ^= rust_helper_atomic_i8_xchg_release(b, x) as i32 ^ rust_helper_atomic_i16_xchg_release(h, y) as i32;
        r ^= rust_helper_atomic_i8_xchg_relaxed(b, x) as i32 ^ rust_helper_atomic_i16_xchg_relaxed(h, y) as i32;
        let mut ob = x;
        let mut oh = y;
        r ^= rust_helper_atomic_i8_try_cmpxchg(b, &mut ob, 0) as i32;
        r ^= rust_helper_atomic_i16_try_cmpxchg(h, &mut oh, 0) as i32;
        r ^ ob as i32 ^ oh as i32
    }
}

/// Finds the first byte `c` of `buf`, warning when `len` is 0.
///
/// # Safety
///
/// `buf` must hold `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn kcall_memchr(buf: *const c_void, c: c_int, len: usize) -> *mut c_void {
    // SAFETY: the caller passes a valid buffer.
    unsafe {
        if rust_helper_WARN_ON(len == 0) {
            return null_mut();
        }
        rust_helper_memchr(buf, c, len)
    }
}

/// Fills `mask` (a `cpumask_var_t`), copies it to `copy`, clears and sets
/// `cpu` non-atomically, and returns whether it ends empty or full.
///
/// # Safety
///
/// `mask` and `copy` must be cpumasks; `cpu` must be below `nr_cpu_ids`.
#[no_mangle]
pub unsafe extern "C" fn kcall_cpumask_var(mask: *mut Cpumask, copy: *mut Cpumask, cpu: c_uint, gfp: u32) -> c_int {
    // SAFETY: the caller passes valid masks.
    unsafe {
        if !rust_helper_zalloc_cpumask_var(mask, gfp) || !rust_helper_alloc_cpumask_var(copy, gfp) {
            return -1;
        }
        let empty = rust_helper_cpumask_empty(mask);
        rust_helper_cpumask_setall(mask);
        rust_helper___cpumask_clear_cpu(cpu as c_int, mask);
        rust_helper___cpumask_set_cpu(cpu, mask);
        rust_helper_cpumask_copy(copy, mask);
        let full = rust_helper_cpumask_full(copy);
        rust_helper_free_cpumask_var(copy);
        rust_helper_free_cpumask_var(mask);
        empty as c_int | (full as c_int) << 1
    }
}

/// Binder's helpers: counts and walks `lru`, and prepares `twork`.
///
/// # Safety
///
/// The pointers must be valid.
#[no_mangle]
pub unsafe extern "C" fn kcall_binder(
    lru: *mut ListLru,
    isolate: ListLruWalkCb,
    twork: *mut CallbackHead,
    func: TaskWorkFunc,
) -> c_ulong {
    // SAFETY: the caller passes valid pointers.
    unsafe {
        rust_helper_init_task_work(twork, func);
        let n = rust_helper_list_lru_count(lru);
        rust_helper_list_lru_walk(lru, isolate, null_mut(), n)
    }
}

/// A devm action, so that the devm helpers get a real one.
///
/// # Safety
///
/// None: it does nothing with `data`.
#[no_mangle]
pub unsafe extern "C" fn kcall_devm_action(data: *mut c_void) {
    let _ = data;
}

/// Device helpers: sets and reads back driver data, registers devm
/// actions, and sets the DMA masks and segment size; returns the first
/// error.
///
/// # Safety
///
/// `dev` must be a live device.
#[no_mangle]
pub unsafe extern "C" fn kcall_device(dev: *mut Device, data: *mut c_void, mask: u64) -> c_int {
    // SAFETY: the caller passes a device.
    unsafe {
        rust_helper_dev_set_drvdata(dev, data);
        if rust_helper_dev_get_drvdata(dev) != data || rust_helper_dev_name(dev).is_null() {
            return -22;
        }
        let mut e = rust_helper_devm_add_action(dev, Some(kcall_devm_action), data);
        if e == 0 {
            e = rust_helper_devm_add_action_or_reset(dev, Some(kcall_devm_action), data);
        }
        if e == 0 {
            e = rust_helper_dma_set_mask_and_coherent(dev, mask);
        }
        if e == 0 {
            e = rust_helper_dma_set_mask(dev, mask);
        }
        if e == 0 {
            e = rust_helper_dma_set_coherent_mask(dev, mask);
        }
        if e == 0 {
            rust_helper_dma_set_max_seg_size(dev, 65536);
        }
        e
    }
}

/// Allocates a coherent DMA buffer of `size` bytes (at most the device's
/// mapping size), clears its first byte and frees it.
///
/// # Safety
///
/// `dev` must be a DMA-capable device.
#[no_mangle]
pub unsafe extern "C" fn kcall_dma_coherent(dev: *mut Device, size: usize, gfp: u32) -> u64 {
    // SAFETY: the buffer is used while allocated.
    unsafe {
        let max = rust_helper_dma_max_mapping_size(dev);
        let size = if size > max { max } else { size };
        let mut handle: u64 = 0;
        let cpu = rust_helper_dma_alloc_attrs(dev, size, &mut handle, gfp, 0);
        if cpu.is_null() {
            return 0;
        }
        *(cpu as *mut u8) = 0;
        rust_helper_dma_free_attrs(dev, size, cpu, handle, 0);
        handle
    }
}

/// Maps `sgt` for `dev`, sums the DMA lengths of its entries (adding
/// their addresses to `*addrs`), and unmaps it.
///
/// # Safety
///
/// `sgt` must be a table of `nents` entries for `dev`.
#[no_mangle]
pub unsafe extern "C" fn kcall_sgtable(
    dev: *mut Device,
    sgt: *mut SgTable,
    first: *mut Scatterlist,
    nents: c_uint,
    addrs: *mut u64,
) -> c_uint {
    // SAFETY: the caller passes a valid table.
    unsafe {
        // DMA_BIDIRECTIONAL.
        let dir = 0;
        if rust_helper_dma_map_sgtable(dev, sgt, dir, 0) != 0 {
            return 0;
        }
        let mut len = 0;
        let mut sg = first;
        let mut i = 0;
        while !sg.is_null() && i < nents {
            len += rust_helper_sg_dma_len(sg);
            *addrs ^= rust_helper_sg_dma_address(sg);
            sg = rust_helper_sg_next(sg);
            i += 1;
        }
        rust_helper_dma_unmap_sgtable(dev, sgt, dir, 0);
        len
    }
}

/// Maps `size` bytes of MMIO at `phys` (claiming the region), reads and
/// writes each width, ordered and relaxed, copies `buf` to and from it,
/// and unmaps it; returns the values read, folded together.
///
/// # Safety
///
/// `phys` must be device memory of at least `size` (>= 8) bytes; `buf`
/// must hold `size` bytes.
#[no_mangle]
pub unsafe extern "C" fn kcall_mmio(phys: u64, size: usize, buf: *mut c_void, nonposted: bool) -> u64 {
    // SAFETY: the caller passes MMIO space and a buffer.
    unsafe {
        let res = rust_helper_request_mem_region(phys, size as u64, c"kcall".as_ptr());
        if res.is_null() || rust_helper_resource_size(res) < 8 {
            return 0;
        }
        let io = if nonposted { rust_helper_ioremap_np(phys, size) } else { rust_helper_ioremap(phys, size) };
        let mut r = 0;
        if !io.is_null() {
            rust_helper_writeb(1, io);
            rust_helper_writew(2, io);
            rust_helper_writel(3, io);
            rust_helper_writeq(4, io);
            rust_helper_writeb_relaxed(5, io);
            rust_helper_writew_relaxed(6, io);
            rust_helper_writel_relaxed(7, io);
            rust_helper_writeq_relaxed(8, io);
            r = rust_helper_readb(io) as u64 ^ rust_helper_readw(io) as u64;
            r ^= rust_helper_readl(io) as u64 ^ rust_helper_readq(io);
            r ^= rust_helper_readb_relaxed(io) as u64 ^ rust_helper_readw_relaxed(io) as u64;
            r ^= rust_helper_readl_relaxed(io) as u64 ^ rust_helper_readq_relaxed(io);
            rust_helper_memcpy_toio(io, buf, size);
            rust_helper_memcpy_fromio(buf, io, size);
            rust_helper_iounmap(io);
        }
        rust_helper_release_mem_region(phys, size as u64);
        r
    }
}

/// Claims `n` I/O ports at `start`, shared or not, and releases them.
///
/// # Safety
///
/// None beyond the ports' owner's consent.
#[no_mangle]
pub unsafe extern "C" fn kcall_ioports(start: u64, n: u64, muxed: bool) -> bool {
    // SAFETY: the region is released again.
    unsafe {
        let name = c"kcall".as_ptr();
        let res = if muxed { rust_helper_request_muxed_region(start, n, name) } else { rust_helper_request_region(start, n, name) };
        if res.is_null() {
            return false;
        }
        rust_helper_release_region(start, n);
        true
    }
}

/// An interrupt handler, so that `request_irq` gets a real one.
///
/// # Safety
///
/// None: it only says that the interrupt was not its.
#[no_mangle]
pub unsafe extern "C" fn kcall_irq_handler(irq: c_int, dev: *mut c_void) -> c_uint {
    let _ = (irq, dev);
    // IRQ_NONE.
    0
}

/// Requests `irq` for `dev` with `kcall_irq_handler`.
///
/// # Safety
///
/// `dev` must outlive the request.
#[no_mangle]
pub unsafe extern "C" fn kcall_request_irq(irq: c_uint, dev: *mut c_void) -> c_int {
    // SAFETY: the handler and name live forever.
    unsafe { rust_helper_request_irq(irq, Some(kcall_irq_handler), 0, c"kcall".as_ptr(), dev) }
}

/// Initializes a maple tree with `flags`.
///
/// # Safety
///
/// `mt` must point to writable memory for a maple tree.
#[no_mangle]
pub unsafe extern "C" fn kcall_maple_tree(mt: *mut MapleTree, flags: c_uint) {
    // SAFETY: the caller passes a valid pointer.
    unsafe { rust_helper_mt_init_flags(mt, flags) }
}

/// Takes a user of `mm`, and, when its mmap lock can be taken, looks up
/// the VMA at `addr`; returns whether there is one.
///
/// # Safety
///
/// `mm` must be a live mm, `vma` a VMA locked for reading (or null).
#[no_mangle]
pub unsafe extern "C" fn kcall_vma(mm: *mut MmStruct, addr: c_ulong, vma: *mut VmAreaStruct) -> bool {
    // SAFETY: the reference and lock taken are dropped.
    unsafe {
        if !vma.is_null() {
            rust_helper_vma_end_read(vma);
        }
        rust_helper_mmget(mm);
        let mut found = false;
        if rust_helper_mmap_read_trylock(mm) {
            found = !rust_helper_vma_lookup(mm, addr).is_null();
            rust_helper_mmap_read_unlock(mm);
        }
        rust_helper_mmdrop(mm);
        found
    }
}

/// Asserts that `mutex` and `lock` are held and destroys `dead` (an
/// unused mutex); when `try_spin`, tries `lock` and, when that succeeds,
/// unlocks it again.
///
/// # Safety
///
/// The pointers must be initialized locks.
#[no_mangle]
pub unsafe extern "C" fn kcall_lock_asserts(mutex: *mut Mutex, lock: *mut Spinlock, dead: *mut Mutex, try_spin: bool) -> c_int {
    // SAFETY: the caller passes valid locks.
    unsafe {
        rust_helper_mutex_assert_is_held(mutex);
        rust_helper_spin_assert_is_held(lock);
        rust_helper_mutex_destroy(dead);
        if try_spin {
            let got = rust_helper_spin_trylock(lock);
            if got != 0 {
                rust_helper_spin_unlock(lock);
            }
            got
        } else {
            0
        }
    }
}

/// Whether `fwnode` is an OF node; drops the reference on it otherwise.
///
/// # Safety
///
/// `fwnode` must be a referenced firmware node.
#[no_mangle]
pub unsafe extern "C" fn kcall_fwnode(fwnode: *mut FwnodeHandle) -> bool {
    // SAFETY: the caller passes a reference, dropped here.
    unsafe {
        let of = rust_helper_is_of_node(fwnode);
        if !of {
            rust_helper_fwnode_handle_put(fwnode);
        }
        of
    }
}

/// The NUMA node of `page`.
///
/// # Safety
///
/// `page` must be a valid page.
#[no_mangle]
pub unsafe extern "C" fn kcall_page_nid(page: *const Page) -> c_int {
    // SAFETY: the caller passes a page.
    unsafe { rust_helper_page_to_nid(page) }
}

/// The length of BAR `bar` of `dev` when it is a PCI device, 0 otherwise.
///
/// # Safety
///
/// `dev` must be the `struct device` inside `pdev` when it is a PCI device.
#[no_mangle]
pub unsafe extern "C" fn kcall_pci_bar_len(dev: *const Device, pdev: *mut PciDev, bar: c_int) -> u64 {
    // SAFETY: see above.
    unsafe {
        if rust_helper_dev_is_pci(dev) {
            rust_helper_pci_resource_len(pdev, bar)
        } else {
            0
        }
    }
}

/// The tgid of `task` in its own pid namespace (0 when it has none).
///
/// # Safety
///
/// `task` must be a live task.
#[no_mangle]
pub unsafe extern "C" fn kcall_task_pid_ns(task: *mut TaskStruct) -> c_int {
    // SAFETY: a reference on the namespace is held while it is used.
    unsafe {
        let ns = rust_helper_task_get_pid_ns(task);
        if ns.is_null() {
            return 0;
        }
        let nr = rust_helper_task_tgid_nr_ns(task, ns);
        rust_helper_put_pid_ns(ns);
        nr
    }
}

/// Swaps the driver data of `pdev` for `data` and returns the old one.
///
/// # Safety
///
/// `pdev` must be a live platform device.
#[no_mangle]
pub unsafe extern "C" fn kcall_platform_drvdata(pdev: *mut PlatformDevice, data: *mut c_void) -> *mut c_void {
    // SAFETY: the caller passes a device.
    unsafe {
        let old = rust_helper_platform_get_drvdata(pdev);
        rust_helper_platform_set_drvdata(pdev, data);
        old
    }
}

/// A file's poll: registers on `wq` with `p`.
///
/// # Safety
///
/// The pointers must be those a `poll` file operation gets.
#[no_mangle]
pub unsafe extern "C" fn kcall_poll(filp: *mut File, wq: *mut WaitQueueHead, p: *mut PollTable) {
    // SAFETY: the caller passes valid pointers.
    unsafe { rust_helper_poll_wait(filp, wq, p) }
}

/// Reads `*p` in an SRCU read-side critical section of `ssp`; waits for
/// the readers and callbacks of `ssp` when `sync`.
///
/// # Safety
///
/// `ssp` must be an initialized SRCU structure, `p` valid under it.
#[no_mangle]
pub unsafe extern "C" fn kcall_srcu(ssp: *mut SrcuStruct, p: *const c_long, sync: bool) -> c_long {
    // SAFETY: the caller passes valid pointers.
    unsafe {
        let idx = rust_helper_srcu_read_lock(ssp);
        let v = p.read_volatile();
        rust_helper_srcu_read_unlock(ssp, idx);
        if sync {
            rust_helper_synchronize_srcu_expedited(ssp);
            rust_helper_srcu_barrier(ssp);
        }
        v
    }
}

/// Registers and unregisters a dynamic lock class key.
///
/// # Safety
///
/// `key` must point to a lock class key outside static storage.
#[no_mangle]
pub unsafe extern "C" fn kcall_lockdep_key(key: *mut LockClassKey) {
    // SAFETY: the caller passes a valid key.
    unsafe {
        rust_helper_lockdep_register_key(key);
        rust_helper_lockdep_unregister_key(key);
    }
}

/// The current task's euid as seen from its user namespace.
///
/// # Safety
///
/// None.
#[no_mangle]
pub unsafe extern "C" fn kcall_current_uid() -> u32 {
    // SAFETY: no argument.
    unsafe { rust_helper_from_kuid(rust_helper_current_user_ns(), rust_helper_current_euid()) }
}

/// Sleeps `usecs` microseconds and returns the boot and TAI clocks'
/// difference in milliseconds.
///
/// # Safety
///
/// The context must be allowed to sleep when `usecs` > 10.
#[no_mangle]
pub unsafe extern "C" fn kcall_sleep(usecs: c_ulong) -> i64 {
    // SAFETY: the caller may sleep.
    unsafe {
        rust_helper_fsleep(usecs);
        rust_helper_ktime_to_ms(rust_helper_ktime_get_clocktai()) - rust_helper_ktime_to_ms(rust_helper_ktime_get_boottime())
    }
}

/// Whether `p` is a vmalloc address.
///
/// # Safety
///
/// None: only the value is looked at.
#[no_mangle]
pub unsafe extern "C" fn kcall_is_vmalloc(p: *const c_void) -> bool {
    // SAFETY: see above.
    unsafe { rust_helper_is_vmalloc_addr(p) }
}

/// Removes an auxiliary device: deletes it, then drops its reference.
///
/// # Safety
///
/// `adev` must be an added auxiliary device.
#[no_mangle]
pub unsafe extern "C" fn kcall_auxiliary_remove(adev: *mut AuxiliaryDevice) {
    // SAFETY: the caller passes an added device.
    unsafe {
        rust_helper_auxiliary_device_delete(adev);
        rust_helper_auxiliary_device_uninit(adev);
    }
}

#[panic_handler]
fn panic(_info: &core::panic::PanicInfo<'_>) -> ! {
    loop {}
}
