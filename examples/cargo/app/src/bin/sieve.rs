//! A benchmark with no helper at all: counts primes below N with a sieve,
//! and prints the count and the time it took.  Built through
//! helperlink-cc, it must be as fast as a normal release build.
use std::hint::black_box;
use std::time::Instant;

fn sieve(n: usize) -> usize {
    let mut composite = vec![false; n];
    let mut count = 0;
    for i in 2..n {
        if !composite[i] {
            count += 1;
            let mut j = i * i;
            while j < n {
                composite[j] = true;
                j += i;
            }
        }
    }
    count
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20_000_000);
    let start = Instant::now();
    let count = sieve(black_box(n));
    println!("primes below {n}: {count}");
    eprintln!("{:.1} ms", start.elapsed().as_secs_f64() * 1e3);
}
