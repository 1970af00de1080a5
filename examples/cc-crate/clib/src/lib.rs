//! The hashing loop of app, also a C function (clib/cmain.c).
use xxhash_sys::*;

/// Hashes the keys 0..n as app does and returns the combined result.
#[no_mangle]
pub extern "C" fn clib_hash(n: u64) -> u64 {
    let mut acc: u64 = 0;
    for i in 0..n {
        let key = i.to_le_bytes();
        let p = key.as_ptr().cast();
        unsafe {
            acc = acc.wrapping_add(XXH32(p, key.len(), 7) as u64);
            acc ^= XXH64(p, key.len(), acc);
            acc = acc.rotate_left(5) ^ XXH3_64bits(p, key.len());
        }
    }
    acc
}
