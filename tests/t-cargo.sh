# t-cargo.sh: the Cargo workspace in examples/cargo, whose .cargo/config.toml
# makes rustc hand bitcode to helperlink-cc: cargo build, run and test work;
# the binary calls no helper (helperlink report, nm) and prints what the
# build without helperlink prints, which does call them; a relink with no
# change compiles nothing, through the cache; without -C linker-plugin-lto
# the link fails, saying why (HELPERLINK_NATIVE=1: it warns and links).
. "$top/tests/lib.sh"

command -v cargo >/dev/null || { skip "cargo example" "no cargo"; exit 0; }
ex=$top/examples/cargo
w=$PWD
t=$w/target
log=$PWD/hl.log
# build SUBCOMMAND ARGS...: cargo in the workspace, with our target directory.
build() {
	_sub=$1
	shift
	(cd "$ex" && HELPERLINK_LOG=$log cargo "$_sub" --target-dir "$t" "$@") >>cargo.log 2>&1
}

check "cargo build --release" build build --release
check "cargo run --release" sh -c "cd '$ex' &&
	cargo run --target-dir '$t' --release -q -- 100000 >'$w/run.out' 2>'$w/run.err'"
check "it counts" grep -qx 'count 1 last 0 saturations 0' run.out
check "cargo test" build test -q
check "cargo test --release" build test --release -q
"$HL" report --helper-prefix rust_helper_ "$t/release/app" >report.txt 2>&1
check "helperlink report: 0 helper calls in the binary" \
	grep -qx 'helper calls left: 0' report.txt
check "no helper is left in the binary at all" sh -c "! nm '$t/release/app' | grep -q rust_helper_"
check "the driver compiled the bitcode modules" grep -q 'release/deps/app-.*compiled' "$log"

# The same workspace without helperlink: its .cargo/config.toml is found
# from the working directory only.
(cd / && cargo build --release -q --manifest-path "$ex/Cargo.toml" --target-dir "$w/plain") \
	>>cargo.log 2>&1
check "the plain build links" test -x plain/release/app
plain/release/app 100000 >plain.out 2>/dev/null
same "the output equals the plain build's" plain.out run.out
"$HL" report --helper-prefix rust_helper_ plain/release/app >plain-report.txt 2>&1
check "the plain build calls the helpers (through the GOT)" \
	grep -qx 'helper calls left: 4' plain-report.txt
detail plain-report.txt

# A relink with nothing changed: every module comes from the cache.
rm -f "$t"/release/deps/app-*[!.d] "$t"/release/app
: >"$log"
check "a relink" build build --release
check "a relink compiles nothing: all from the cache" \
	grep -qE 'release/deps/app-[0-9a-f]+: [0-9]+ bitcode modules, 0 compiled, [1-9][0-9]* from the cache' "$log"
detail "$log"

# rustc without -C linker-plugin-lto (RUSTFLAGS in the environment
# replaces the config's rustflags): no bitcode arrives, and the link fails
# saying so, where Cargo shows it (rustc shows a linker's warnings only
# with -W linker-messages); HELPERLINK_NATIVE=1 links anyway.
: >"$log"
(cd "$ex" && HELPERLINK_LOG=$log RUSTFLAGS=-Cdebuginfo=0 cargo build --release \
	--target-dir "$w/nolto") >nolto.log 2>&1
check "RUSTFLAGS without linker-plugin-lto: the build fails" test $? -ne 0
check "and Cargo's output says why" grep -q 'no LLVM bitcode on the link line' nolto.log
check "HELPERLINK_LOG has the link that was not inlined" \
	grep -q ': passed to the linker as it is: no LLVM bitcode$' "$log"
(cd "$ex" && HELPERLINK_NATIVE=1 RUSTFLAGS=-Wlinker-messages cargo build --release \
	--target-dir "$w/nolto") >native.log 2>&1
check "HELPERLINK_NATIVE=1: it links" test -x nolto/release/app
check "and says that nothing is inlined" grep -q 'no LLVM bitcode on the link line' native.log
