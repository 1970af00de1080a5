//! Calls 30 of Concurrency Kit's inline atomic operations (ck_pr.h) by
//! their C names (ck_pr_load_32 is a macro for ck_pr_md_load_32: the
//! latter), with the declarations "helperlink gen --rust" wrote, on
//! words that ck-main.c gives it; ck-main.c makes the same calls in C on
//! a second set of words, and compares the two.
#![no_std]
#![allow(non_camel_case_types)]

include!(concat!(env!("GEN_OUT"), "/ck-decls.rs"));

/// One round of operations on `w` (two 32-bit words) and `d` (two 64-bit
/// words) with `x`; returns a digest of what the operations returned.
///
/// # Safety
/// `w` and `d` must point to two words each.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ck_run(w: *mut u32, d: *mut u64, x: u64) -> u64 {
    let mut h: u64 = 0;
    let mut mix = |v: u64| h = (h ^ v).wrapping_mul(0x100_0000_01b3);
    let (x32, w1, d1) = (x as u32, unsafe { w.add(1) }, unsafe { d.add(1) });
    unsafe {
        ck_pr_md_store_32(w, x32);
        ck_pr_add_32(w, 7);
        ck_pr_inc_32(w);
        ck_pr_dec_32(w1);
        mix(ck_pr_md_load_32(w) as u64);
        mix(ck_pr_faa_32(w, x32 >> 3) as u64);
        mix(ck_pr_fas_32(w1, x32 ^ 0x5a5a) as u64);
        mix(ck_pr_cas_32(w, ck_pr_md_load_32(w), x32.rotate_left(5)) as u64);
        let mut old = 0;
        mix(ck_pr_cas_32_value(w1, 1, 2, &mut old) as u64);
        mix(old as u64);
        ck_pr_and_32(w, 0xfff0_fff0);
        ck_pr_or_32(w1, 0x0101);
        ck_pr_xor_32(w, x32);
        ck_pr_not_32(w1);
        ck_pr_neg_32(w);
        mix(ck_pr_bts_32(w, (x32 & 31) as u32) as u64);
        mix(ck_pr_btr_32(w1, 3) as u64);
        mix(ck_pr_btc_32(w, 17) as u64);
        ck_pr_sub_32(w1, 11);
        mix(ck_pr_md_load_32(w1) as u64);
        ck_pr_md_store_64(d, x);
        ck_pr_add_64(d, x >> 7);
        ck_pr_inc_64(d1);
        mix(ck_pr_faa_64(d, 3));
        mix(ck_pr_fas_64(d1, !x));
        mix(ck_pr_cas_64(d, ck_pr_md_load_64(d), x.rotate_left(13)) as u64);
        ck_pr_xor_64(d1, x);
        ck_pr_dec_64(d);
        mix(ck_pr_md_load_64(d) ^ ck_pr_md_load_64(d1));
        mix(ck_cc_popcount(x32) as u64);
        mix(ck_cc_ffs(x32) as u64);
        mix(ck_cc_ctz(x32 | 1) as u64);
    }
    h
}
