//! The few xxHash functions the example calls (xxhash.h).
#![no_std]
use core::ffi::{c_uint, c_void};

extern "C" {
    pub fn XXH_versionNumber() -> c_uint;
    pub fn XXH32(input: *const c_void, len: usize, seed: u32) -> u32;
    pub fn XXH64(input: *const c_void, len: usize, seed: u64) -> u64;
    pub fn XXH3_64bits(input: *const c_void, len: usize) -> u64;
}
