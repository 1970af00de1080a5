//! Compiles the C side with clang into a static library.  When rustc is
//! asked for bitcode (-C linker-plugin-lto, as helperlink-cc needs), the C
//! side is bitcode too (clang -flto=thin), so that helperlink can inline it;
//! otherwise it is native, and the helpers are called.
use std::env;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    let cc = env::var("CC").unwrap_or_else(|_| "clang".into());
    let bitcode = env::var("CARGO_ENCODED_RUSTFLAGS")
        .map(|f| f.split('\x1f').any(|f| f.contains("linker-plugin-lto")))
        .unwrap_or(false);
    let mut objects = Vec::new();
    for name in ["helpers", "refcount"] {
        let src = format!("csrc/{name}.c");
        let obj = out.join(format!("{name}.o"));
        let mut cmd = Command::new(&cc);
        cmd.args(["-O2", "-fPIC", "-c", &src, "-o"]).arg(&obj);
        if bitcode {
            cmd.arg("-flto=thin");
        }
        let status = cmd.status().expect("cannot run the C compiler");
        assert!(status.success(), "{cc} failed on {src}");
        println!("cargo:rerun-if-changed={src}");
        objects.push(obj);
    }
    println!("cargo:rerun-if-changed=csrc/refcount.h");
    println!("cargo:rerun-if-env-changed=CC");
    let lib = out.join("libcrefcount.a");
    let _ = std::fs::remove_file(&lib);
    let status = Command::new("ar").arg("crs").arg(&lib).args(&objects).status()
        .expect("cannot run ar");
    assert!(status.success(), "ar failed");
    println!("cargo:rustc-link-search=native={}", out.display());
    println!("cargo:rustc-link-lib=static=crefcount");
}
