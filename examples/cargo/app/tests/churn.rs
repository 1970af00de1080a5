//! The binary's behaviour, run as a program.
use std::process::Command;

#[test]
fn counts_back_to_one() {
    let out = Command::new(env!("CARGO_BIN_EXE_app")).arg("1000").output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "count 1 last 0 saturations 0\n");
}
