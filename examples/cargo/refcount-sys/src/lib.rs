//! Raw bindings to the C refcount library, through its helpers.
#![no_std]

/// `refcount_t`.
#[repr(C)]
pub struct refcount_t {
    pub refs: core::ffi::c_int,
}

unsafe extern "C" {
    pub fn rust_helper_refcount_set(r: *mut refcount_t, n: core::ffi::c_int);
    pub fn rust_helper_refcount_read(r: *const refcount_t) -> core::ffi::c_int;
    pub fn rust_helper_refcount_inc(r: *mut refcount_t);
    pub fn rust_helper_refcount_dec_and_test(r: *mut refcount_t) -> bool;
    pub static refcount_saturations: core::ffi::c_ulong;
}
