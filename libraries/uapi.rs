//! Calls 28 inline functions of the Linux UAPI headers <linux/swab.h> and
//! <linux/byteorder/little_endian.h> by their C names, with the
//! declarations "helperlink gen --rust" wrote, and checks each result
//! against Rust's own byte swapping.
#![no_std]
#![allow(non_snake_case)]

include!(concat!(env!("GEN_OUT"), "/uapi-decls.rs"));

/// Returns the number of wrong results; `calls` gets the number of checks.
#[unsafe(no_mangle)]
pub extern "C" fn uapi_run(seed: u64, calls: &mut u32) -> u32 {
    let mut bad = 0;
    let mut n = 0;
    let mut check = |ok: bool| {
        n += 1;
        bad += !ok as u32;
    };
    let x64 = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let (x32, x16) = (x64 as u32, x64 as u16);
    unsafe {
        check(__fswab16(x16) == x16.swap_bytes());
        check(__fswab32(x32) == x32.swap_bytes());
        check(__fswab64(x64) == x64.swap_bytes());
        check(__fswahw32(x32) == x32.rotate_left(16));
        check(__fswahb32(x32) == ((x32 & 0x00ff_00ff) << 8 | (x32 & 0xff00_ff00) >> 8));
        check(__swab(x64 as _) == x64.swap_bytes() as _);
        check(__swab16p(&x16) == x16.swap_bytes());
        check(__swab32p(&x32) == x32.swap_bytes());
        check(__swab64p(&x64) == x64.swap_bytes());
        check(__swahw32p(&x32) == x32.rotate_left(16));
        check(__swahb32p(&x32) == __fswahb32(x32));
        let mut v16 = x16;
        __swab16s(&mut v16);
        check(v16 == x16.swap_bytes());
        let mut v32 = x32;
        __swab32s(&mut v32);
        check(v32 == x32.swap_bytes());
        let mut v64 = x64;
        __swab64s(&mut v64);
        check(v64 == x64.swap_bytes());
        let mut w = x32;
        __swahw32s(&mut w);
        check(w == x32.rotate_left(16));
        let mut w = x32;
        __swahb32s(&mut w);
        check(w == __fswahb32(x32));
        check(__cpu_to_le16p(&x16) == x16.to_le());
        check(__cpu_to_le32p(&x32) == x32.to_le());
        check(__cpu_to_le64p(&x64) == x64.to_le());
        check(__le16_to_cpup(&x16) == u16::from_le(x16));
        check(__le32_to_cpup(&x32) == u32::from_le(x32));
        check(__le64_to_cpup(&x64) == u64::from_le(x64));
        check(__cpu_to_be16p(&x16) == x16.to_be());
        check(__cpu_to_be32p(&x32) == x32.to_be());
        check(__cpu_to_be64p(&x64) == x64.to_be());
        check(__be16_to_cpup(&x16) == u16::from_be(x16));
        check(__be32_to_cpup(&x32) == u32::from_be(x32));
        check(__be64_to_cpup(&x64) == u64::from_be(x64));
    }
    *calls = n;
    bad
}
