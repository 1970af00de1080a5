//! The runtime suite's loops in Rust (see loops.h).  Each has the same
//! body as its C twin in c_loops.c, but reaches the C inline functions
//! the only way Rust can: through the helpers in helpers.c.
#![no_std]

use core::ffi::c_void;

#[repr(C)]
pub struct RefCount {
    refs: i32,
}

#[repr(C)]
pub struct ListHead {
    next: *mut ListHead,
    prev: *mut ListHead,
}

#[repr(C)]
pub struct BioVec {
    page: *mut c_void,
    len: u32,
    offset: u32,
}

#[repr(C)]
#[derive(Clone, Copy)]
pub struct BvecIter {
    sector: u64,
    size: u32,
    idx: u32,
    bvec_done: u32,
}

/// `struct bio`, `struct io_uring` and so on: only pointed to.
#[repr(C)]
pub struct Opaque {
    _private: [u8; 0],
}

unsafe extern "C" {
    fn rust_helper_refcount_inc(r: *mut RefCount);
    fn rust_helper_refcount_inc_plain(r: *mut RefCount);
    fn rust_helper_list_add_tail(new: *mut ListHead, head: *mut ListHead);
    fn rust_helper_list_del(entry: *mut ListHead);
    fn rust_helper_test_bit(nr: u64, addr: *const u64) -> bool;
    fn rust_helper___set_bit(nr: u64, addr: *mut u64);
    fn rust_helper___clear_bit(nr: u64, addr: *mut u64);
    fn rust_helper_bio_iter_iovec(bio: *const Opaque, iter: BvecIter) -> BioVec;
    fn rust_helper_bio_advance_iter_single(bio: *const Opaque, iter: *mut BvecIter, bytes: u32);
    fn rust_helper_io_uring_get_sqe(ring: *mut Opaque) -> *mut Opaque;
    fn rust_helper_io_uring_prep_read(sqe: *mut Opaque, fd: i32, buf: *mut c_void, nbytes: u32, offset: u64);
    fn rust_helper_io_uring_sqe_set_data64(sqe: *mut Opaque, data: u64);
    fn rust_helper_Py_INCREF(op: *mut Opaque);
    fn rust_helper_Py_DECREF(op: *mut Opaque);
    fn rust_helper_XXH3_64bits(input: *const u8, length: usize) -> u64;
    fn bench_uring_consume(ring: *mut Opaque);
}

fn lcg(x: u64) -> u64 {
    x.wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407)
}

/// # Safety
/// `r` must point to a live reference count.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rust_refcount(r: *mut RefCount, n: u64) -> u64 {
    for _ in 0..n {
        unsafe { rust_helper_refcount_inc(r) };
    }
    unsafe { (*r).refs as u64 }
}

/// # Safety
/// `r` must point to a live reference count.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rust_refcount_plain(r: *mut RefCount, n: u64) -> u64 {
    for _ in 0..n {
        unsafe { rust_helper_refcount_inc_plain(r) };
    }
    unsafe { (*r).refs as u64 }
}

/// # Safety
/// `nodes` must be 64 entries of the list `head`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rust_list(head: *mut ListHead, nodes: *mut ListHead, n: u64) -> u64 {
    for i in 0..n {
        unsafe {
            let node = nodes.add((i.wrapping_mul(37) & 63) as usize);
            rust_helper_list_del(node);
            rust_helper_list_add_tail(node, head);
        }
    }
    unsafe { (*head).next.offset_from(nodes) as u64 }
}

/// # Safety
/// `map` must hold at least `mask + 1` bits.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rust_bitmap(map: *mut u64, mask: u64, n: u64) -> u64 {
    let mut x: u64 = 1;
    let mut set = 0;
    for _ in 0..n {
        x = lcg(x);
        let nr = (x >> 33) & mask;
        unsafe {
            if rust_helper_test_bit(nr, map) {
                rust_helper___clear_bit(nr, map);
            } else {
                rust_helper___set_bit(nr, map);
                set += 1;
            }
        }
    }
    set
}

/// # Safety
/// `start` must be an iterator over `bio`, of at least one byte.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rust_bio(bio: *const Opaque, start: *const BvecIter, n: u64) -> u64 {
    let mut iter = unsafe { *start };
    let mut sum: u64 = 0;
    for _ in 0..n {
        if iter.size == 0 {
            iter = unsafe { *start };
        }
        let bv = unsafe { rust_helper_bio_iter_iovec(bio, iter) };
        sum = sum.wrapping_add(bv.len.wrapping_add(bv.offset) as u64);
        unsafe { rust_helper_bio_advance_iter_single(bio, &mut iter, bv.len) };
    }
    sum.wrapping_add(iter.sector)
}

/// # Safety
/// `ring` must be a set-up ring and `buf` a 4096-byte buffer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rust_uring(ring: *mut Opaque, buf: *mut c_void, n: u64) -> u64 {
    for i in 0..n {
        unsafe {
            let mut sqe = rust_helper_io_uring_get_sqe(ring);
            if sqe.is_null() {
                bench_uring_consume(ring);
                sqe = rust_helper_io_uring_get_sqe(ring);
            }
            rust_helper_io_uring_prep_read(sqe, (i & 7) as i32, buf, 4096, i << 12);
            rust_helper_io_uring_sqe_set_data64(sqe, i);
        }
    }
    0
}

/// # Safety
/// `objs` must be 8 live Python objects, which the loop must not free.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rust_pyref(objs: *const *mut Opaque, n: u64) -> u64 {
    let mut x: u64 = 1;
    for _ in 0..n {
        x = lcg(x);
        unsafe {
            rust_helper_Py_INCREF(*objs.add((x >> 61) as usize));
            rust_helper_Py_DECREF(*objs.add(((x >> 58) & 7) as usize));
        }
    }
    x
}

/// # Safety
/// `bytes` must hold 32 bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rust_xxh3(bytes: *const u8, n: u64) -> u64 {
    let mut h: u64 = 0;
    for i in 0..n {
        let len = (i & 15) as usize;
        h = h.wrapping_add(unsafe { rust_helper_XXH3_64bits(bytes.add(len), len) });
    }
    h
}
