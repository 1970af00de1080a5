//! bzip2's own test, from its Makefile: the samples compress, at levels 1
//! and 3, to exactly the .bz2 files that come with bzip2, and decompress
//! to the .ref files.
use bzip2::read::{BzDecoder, BzEncoder};
use bzip2::Compression;
use std::io::Read;

fn sample(name: &str) -> Vec<u8> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../bzip2-sys/bzip2-1.0.8/");
    std::fs::read(format!("{}{}", dir, name)).unwrap()
}

fn check(n: u32) {
    let packed = sample(&format!("sample{}.bz2", n));
    let text = sample(&format!("sample{}.ref", n));
    let mut out = Vec::new();
    BzDecoder::new(&packed[..]).read_to_end(&mut out).unwrap();
    assert!(out == text, "sample{}.bz2 does not decompress to sample{}.ref", n, n);
    out.clear();
    BzEncoder::new(&text[..], Compression::new(n)).read_to_end(&mut out).unwrap();
    assert!(out == packed, "sample{}.ref does not compress to sample{}.bz2", n, n);
}

#[test]
fn sample1() {
    check(1);
}

#[test]
fn sample3() {
    check(3);
}
