//! Hashes N short keys with xxHash's XXH32, XXH64 and XXH3 and prints
//! the combined result: the calls are in a hot loop, where inlining the C
//! pays, and the output is the same whether or not it is inlined.
use std::env;
use xxhash_sys::*;

fn main() {
    let n: u64 = env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
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
    let v = unsafe { XXH_versionNumber() };
    println!("xxhash {} keys {} result {:016x}", v, n, acc);
}

#[cfg(test)]
mod tests {
    use xxhash_sys::*;

    #[test]
    fn known_hashes() {
        // xxHash's published values for the empty input.
        unsafe {
            assert_eq!(XXH32(b"".as_ptr().cast(), 0, 0), 0x02cc5d05);
            assert_eq!(XXH64(b"".as_ptr().cast(), 0, 0), 0xef46db3751d8e999);
            assert_eq!(XXH3_64bits(b"".as_ptr().cast(), 0), 0x2d06800538d394c2);
        }
    }
}
