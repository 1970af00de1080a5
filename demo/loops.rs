//! The benchmark loops in Rust.  They reach the C inline functions the
//! only way Rust can: through the out-of-line helpers in helpers.c.
#![no_std]

#[repr(C)]
pub struct RefCount {
    refs: i32,
}

unsafe extern "C" {
    fn rust_helper_refcount_inc(r: *mut RefCount);
    fn rust_helper___test_and_change_bit(nr: u64, addr: *mut u64) -> bool;
}

/// Increments `r` `n` times.
///
/// # Safety
/// `r` must point to a live reference count.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rust_refcount_loop(r: *mut RefCount, n: u64) {
    for _ in 0..n {
        unsafe { rust_helper_refcount_inc(r) };
    }
}

/// Flips `n` pseudo-random bits of `map` (whose bit numbers `mask` covers)
/// and counts how many were set before.
///
/// # Safety
/// `map` must hold at least `mask + 1` bits.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rust_bitmap_loop(map: *mut u64, mask: u64, n: u64) -> u64 {
    let mut x: u64 = 1;
    let mut set = 0;
    for _ in 0..n {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        set += unsafe { rust_helper___test_and_change_bit((x >> 33) & mask, map) } as u64;
    }
    set
}
