//! Takes and drops references in a hot loop, and prints what it counted
//! and how long a reference took.
use refcount::Refcount;
use std::hint::black_box;
use std::time::Instant;

/// Takes `n` references to `r` and drops all but one; returns how many
/// drops found the count at zero.
pub fn churn(r: &Refcount, n: u64) -> u64 {
    let mut last = 0;
    for _ in 0..n {
        black_box(r).inc();
    }
    for _ in 0..n {
        last += black_box(r).dec_and_test() as u64;
    }
    last
}

fn main() {
    let n: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000_000);
    let r = Refcount::new(1);
    let start = Instant::now();
    let last = churn(&r, n);
    let ns = start.elapsed().as_nanos() as f64 / (2 * n) as f64;
    println!("count {} last {} saturations {}", r.get(), last, Refcount::saturations());
    eprintln!("{ns:.2} ns per operation");
}
