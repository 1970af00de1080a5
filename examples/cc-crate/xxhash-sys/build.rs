//! What a -sys crate's build script does: the cc crate compiles the C.
fn main() {
    cc::Build::new().file("csrc/xxhash.c").compile("xxhash");
    println!("cargo:rerun-if-changed=csrc/xxhash.c");
}
