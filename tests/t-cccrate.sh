# t-cccrate.sh: the workspace examples/cc-crate, whose -sys crate builds
# real C (xxHash, from the installed xxhash.h) with Debian's cc crate
# (librust-cc-dev, 1.0.73), its build script knowing nothing of
# helperlink.  With only .cargo/config.toml (clang -fembed-bitcode through
# [env] CFLAGS), the C's bitcode reaches helperlink-cc inside the native
# objects: the small functions are inlined, the large ones left to LLVM,
# the program prints what the plain build prints, cargo test passes both
# ways, and report counts the call that the linker relaxed from a GOT call.
. "$top/tests/lib.sh"

command -v cargo >/dev/null || { skip "cc crate example" "no cargo"; exit 0; }
[ -f /usr/share/cargo/registry/cc-1.0.73/Cargo.toml ] ||
	{ skip "cc crate example" "no librust-cc-dev"; exit 0; }
[ -f /usr/include/xxhash.h ] || { skip "cc crate example" "no libxxhash-dev"; exit 0; }
ex=$top/examples/cc-crate
w=$PWD
log=$PWD/hl.log
# cargo_in DIR SUBCOMMAND ARGS...: cargo in the workspace, target dir DIR.
cargo_in() {
	_t=$PWD/$1
	shift
	(cd "$ex" && HELPERLINK_LOG=$log cargo "$@" --target-dir "$_t") >>cargo.log 2>&1
}

check "cargo build --release" cargo_in t build --release
check "HELPERLINK_LOG: the C's bitcode came embedded in its object" \
	grep -qE 'release/deps/app-[0-9a-f]+: 2 bitcode modules, .* 1 C helper files, 1 of them embedded in objects' "$log"
detail "$log"
check "cargo test --release" cargo_in t test --release -q
t/release/app 200000 >run.out 2>run.err
check "it runs" grep -q '^xxhash [0-9]* keys 200000 result [0-9a-f]*$' run.out

# Without helperlink: the same objects link natively (the bitcode in them
# is a section the linker does not load).
(cd "$ex" && CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER=cc RUSTFLAGS=-Cdebuginfo=0 \
	cargo build --release --target-dir "$w/plain") >>cargo.log 2>&1
check "the plain build links" test -x plain/release/app
plain/release/app 200000 >plain.out 2>/dev/null
same "the output equals the plain build's" plain.out run.out
(cd "$ex" && CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER=cc RUSTFLAGS=-Cdebuginfo=0 \
	cargo test --release -q --target-dir "$w/plain") >>cargo.log 2>&1
check "cargo test --release passes without helperlink too" test $? -eq 0

# The calls from app::main, by objdump: the plain build calls the three
# hash functions (through the GOT); the inlined one only XXH3_64bits,
# which is kept (it takes the address of a static, XXH3_kSecret), as a
# direct call that the linker relaxed from a GOT call (addr32 call).
main_calls() {
	objdump -d --no-show-raw-insn "$1" | awk '
		/^[0-9a-f]+ <.*>:$/ { f = ($2 ~ /^<_ZN3app4main/) }
		f && /call/ { print }'
}
main_calls t/release/app >calls.inlined
main_calls plain/release/app >calls.plain
check "plain: app::main makes 3 calls through the GOT or more" \
	test "$(grep -c 'call  *\*' calls.plain)" -ge 3
check "inlined: app::main calls no XXH function but XXH3_64bits" \
	sh -c "! grep '<XXH' calls.inlined | grep -qv XXH3_64bits"
check "inlined: XXH3_64bits is called, relaxed to a direct call" \
	grep -q 'addr32 call .*<XXH3_64bits>' calls.inlined
detail calls.inlined
# report, given the C's bitcode (objcopy out of the cc crate's object).
obj=$(ls t/release/build/xxhash-sys-*/out/csrc/xxhash.o | head -n 1)
objcopy --dump-section .llvmbc=xxhash.bc "$obj" xxhash-copy.o
"$HL" report t/release/app --helpers xxhash.bc >report.txt 2>&1
check "report: 1 helper call left, as objdump has it, with its reason" \
	sh -c "grep -qx 'helper calls left: 1' report.txt &&
	       grep -q '^  app::main  *XXH3_64bits  *call  *it takes the address of the static' report.txt"
detail report.txt

# Damaged embedded bitcode: one line naming the object, exit 1, no output.
printf 'BC\300\336\001\002\003\004damaged' >bad.bin
objcopy --update-section .llvmbc=bad.bin "$obj" bad.o
HELPERLINK_LINKER=false "$HL" cc -o prog bad.o 2>bad.err
check "damaged .llvmbc: exit 1, one line naming the object, no output" \
	sh -c "test $? -eq 1 && test \$(wc -l <bad.err) -eq 1 &&
	       grep -q \"cannot read the bitcode in 'bad.o' (.llvmbc)\" bad.err && ! test -e prog"
detail bad.err
