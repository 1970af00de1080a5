//! bunzip: bzip2 through the bzip2 crate, whose -sys crate compiles
//! bzip2's own C.
//!
//!     bunzip FILE.bz2          decompress FILE.bz2 to standard output
//!     bunzip -LEVEL FILE       compress FILE (LEVEL 1 to 9) to standard output
//!     bunzip --streams N       compress and decompress N short messages, one
//!                              stream each, and print a checksum of them
use bzip2::{Action, Compress, Compression, Decompress, Status};
use std::io::{self, Read, Write};
use std::process::exit;

fn usage() -> ! {
    eprintln!("usage: bunzip FILE.bz2 | bunzip -LEVEL FILE | bunzip --streams N");
    exit(2)
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| {
        eprintln!("bunzip: cannot read '{}': {}", path, e);
        exit(1)
    })
}

/// Compress and decompress `n` messages of a few dozen bytes, a stream
/// each: the work is mostly bzip2's stream set-up and tear-down, the small
/// functions a program calls most often.
fn streams(n: u32) -> u64 {
    let mut sum = 0u64;
    let mut packed = vec![0u8; 256];
    let mut unpacked = vec![0u8; 256];
    for i in 0..n {
        let msg = format!("message {} of {}: {}", i, n, "ab".repeat((i % 7) as usize));
        let mut c = Compress::new(Compression::new(1 + i % 9), 0);
        let status = c.compress(msg.as_bytes(), &mut packed, Action::Finish).unwrap();
        assert!(matches!(status, Status::StreamEnd));
        let len = c.total_out() as usize;
        let mut d = Decompress::new(false);
        let status = d.decompress(&packed[..len], &mut unpacked).unwrap();
        assert!(matches!(status, Status::StreamEnd));
        assert_eq!(&unpacked[..d.total_out() as usize], msg.as_bytes());
        sum = sum.wrapping_mul(31).wrapping_add(len as u64);
    }
    sum
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = io::stdout();
    let mut out = out.lock();
    match args.as_slice() {
        [flag, n] if flag == "--streams" => {
            let n = n.parse().unwrap_or_else(|_| usage());
            println!("streams {} checksum {:016x}", n, streams(n));
        }
        [level, path] if level.len() == 2 && level.starts_with('-') => {
            let level = level[1..].parse().ok().filter(|l| (1..=9).contains(l));
            let level = level.unwrap_or_else(|| usage());
            let mut enc = bzip2::write::BzEncoder::new(&mut out, Compression::new(level));
            enc.write_all(&read(path)).and_then(|_| enc.finish().map(|_| ())).unwrap_or_else(|e| {
                eprintln!("bunzip: {}", e);
                exit(1)
            });
        }
        [path] if !path.starts_with('-') => {
            let data = read(path);
            let mut text = Vec::new();
            if let Err(e) = bzip2::read::BzDecoder::new(&data[..]).read_to_end(&mut text) {
                eprintln!("bunzip: '{}': {}", path, e);
                exit(1)
            }
            out.write_all(&text).unwrap();
        }
        _ => usage(),
    }
}
