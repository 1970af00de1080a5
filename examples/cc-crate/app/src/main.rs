//! Hashes N short keys with xxHash (clib::clib_hash: XXH32, XXH64 and
//! XXH3 in a hot loop, where inlining the C pays) and prints the result,
//! the same whether or not the C is inlined.
use std::env;

fn main() {
    let n: u64 = env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let acc = clib::clib_hash(n);
    let v = unsafe { xxhash_sys::XXH_versionNumber() };
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
