# t-cccrate.sh: the workspace examples/cc-crate, whose -sys crate builds
# real C (xxHash, from the installed xxhash.h) with Debian's cc crate
# (librust-cc-dev, 1.0.73), its build script knowing nothing of
# helperlink.  With only .cargo/config.toml (clang -fembed-bitcode through
# [env] CFLAGS; rustc's bitcode kept in and beside its objects), the C's
# bitcode reaches helperlink-cc inside the native objects: the small
# functions are inlined, the large ones left to LLVM, the program prints
# what the plain build prints, cargo test passes both ways, report counts
# the call that the linker relaxed from a GOT call, and sieve, which calls
# no C, is the plain build's program, instruction for instruction.
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
	grep -qE 'release/deps/app-[0-9a-f]+: [0-9]+ bitcode modules, .* 1 C helper files, 1 of them embedded in objects' "$log"
detail "$log"
check "cargo test --release" cargo_in t test --release -q
t/release/app 200000 >run.out 2>run.err
check "it runs" grep -q '^xxhash [0-9]* keys 200000 result [0-9a-f]*$' run.out

# Without helperlink: the same objects link natively (the bitcode in them
# is a section the linker does not load).  plain_cargo SUBCOMMAND ARGS...:
# cargo without the config's linker and rustflags, target dir plain.
plain_cargo() {
	(cd "$ex" && CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER=cc RUSTFLAGS=-Cdebuginfo=0 \
		cargo "$@" --target-dir "$w/plain") >>cargo.log 2>&1
}
plain_cargo build --release
check "the plain build links" test -x plain/release/app
plain/release/app 200000 >plain.out 2>/dev/null
same "the output equals the plain build's" plain.out run.out
check "cargo test --release passes without helperlink too" plain_cargo test --release -q

# Pure Rust: rustc's own objects, linked as they are.
check "HELPERLINK_LOG: sieve, which calls no C, went to the linker as it was" \
	grep -qE 'release/deps/sieve-[0-9a-f]+: passed to the linker as it is' "$log"
# code PROGRAM: its instructions; the linker may order the GOT's slots
# and name promoted locals (.llvm.N) otherwise from one link to the next.
code() {
	objdump -d --no-show-raw-insn "$1" | tail -n +3 |
		sed 's/\.llvm\.[0-9]*//g; s/0x[0-9a-f]*(%rip)/GOT(%rip)/; s/ *#.*//'
}
code t/release/sieve >sieve.code
code plain/release/sieve >sieve-plain.code
same "sieve: the plain build's code, instruction for instruction" sieve-plain.code sieve.code
# instructions PROGRAM ARGS...: callgrind's count, in an empty environment.
instructions() {
	env -i valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
		sed -n 's/.*Collected : //p'
}
if command -v valgrind >/dev/null; then
	# callgrind counts the start-up too, which depends on the program's
	# path and environment (the same for both here), and moves from run to
	# run: by a few dozen instructions, once by 1,807 of 36.9 million.  A
	# helper call per operation would add millions: within 1 in 10,000.
	cp t/release/sieve sieve-hl
	cp plain/release/sieve sieve-pl
	a=$(instructions ./sieve-hl 2000000) b=$(instructions ./sieve-pl 2000000)
	check "sieve: the plain build's instruction count ($a against $b)" \
		awk -v a="$a" -v b="$b" 'BEGIN { d = a - b; t = a / 10000; exit !(a > 0 && d * d < t * t) }'
else
	skip "sieve's instructions" "no valgrind"
fi
# And at other codegen-unit settings.
for cgu in 1 4; do
	(cd "$ex" && CARGO_PROFILE_RELEASE_CODEGEN_UNITS=$cgu cargo build --release \
		--bin sieve --target-dir "$w/t$cgu") >>cargo.log 2>&1
	(cd "$ex" && CARGO_PROFILE_RELEASE_CODEGEN_UNITS=$cgu \
		CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER=cc RUSTFLAGS=-Cdebuginfo=0 \
		cargo build --release --bin sieve --target-dir "$w/plain$cgu") >>cargo.log 2>&1
	code t$cgu/release/sieve >sieve$cgu.code
	code plain$cgu/release/sieve >sieve-plain$cgu.code
	same "sieve, $cgu codegen units: the plain build's code" sieve-plain$cgu.code sieve$cgu.code
done
check "rustc's bitcode files beside app's and sieve's objects are gone after the link" \
	sh -c "! ls t/release/deps/app-*.bc t/release/deps/sieve-*.bc 2>/dev/null | grep -q ."
# app's main calls XXH_versionNumber: from the bitcode that rustc wrote
# beside app's own object (--emit=llvm-bc), it is inlined.
# calls_in REGEX PROGRAM: the calls of the functions whose <name>: matches.
calls_in() {
	objdump -d --no-show-raw-insn "$2" | awk -v re="$1" '
		/^[0-9a-f]+ <.*>:$/ { f = ($2 ~ re) }
		f && /call/ { print }'
}
main_calls() {
	calls_in '^<_ZN3app4main17h[0-9a-f]+E>:$' "$1"
}
main_calls plain/release/app >main.plain
main_calls t/release/app >main.inlined
check "app::main: the plain build calls XXH_versionNumber, through the GOT" \
	test "$(grep -c 'call  *\*' main.plain)" -ge 1
check "app::main: inlined, it makes one call fewer" \
	test "$(wc -l <main.inlined)" -eq "$(($(wc -l <main.plain) - 1))"
detail main.inlined

# RUSTFLAGS in the environment replaces the config's rustflags: no Rust
# bitcode, and the build fails, saying why, where Cargo shows it.
(cd "$ex" && HELPERLINK_LOG=$log RUSTFLAGS=-Cdebuginfo=0 cargo build --release \
	--target-dir "$w/override") >override.log 2>&1
check "RUSTFLAGS replacing rustflags: the build fails, saying so" \
	sh -c "test $? -ne 0 && grep -q 'no LLVM bitcode on the link line.*RUSTFLAGS in the environment replaces' override.log"

# The calls from clib_hash (app's loop), by objdump: the plain build calls
# the three hash functions (through the GOT); the inlined one only XXH3_64bits,
# which is kept (it takes the address of a static, XXH3_kSecret), as a
# direct call that the linker relaxed from a GOT call (addr32 call).
hash_calls() {
	calls_in '^<clib_hash>:$' "$1"
}
hash_calls t/release/app >calls.inlined
hash_calls plain/release/app >calls.plain
check "plain: clib_hash makes 3 calls through the GOT" \
	test "$(grep -c 'call  *\*' calls.plain)" -eq 3
check "inlined: clib_hash calls no XXH function but XXH3_64bits" \
	sh -c "! grep '<XXH' calls.inlined | grep -qv XXH3_64bits"
check "inlined: XXH3_64bits is called, relaxed to a direct call" \
	grep -q 'addr32 call .*<XXH3_64bits>' calls.inlined
detail calls.inlined
# report, given the C's bitcode (objcopy out of the cc crate's object).
obj=$(ls t/release/build/xxhash-sys-*/out/csrc/xxhash.o | head -n 1)
objcopy --dump-section .llvmbc=xxhash.bc "$obj" xxhash-copy.o
"$HL" report t/release/app --helpers xxhash.bc >report.txt 2>&1
check "report: 1 helper call left (clib_hash to XXH3_64bits), as objdump has it, with its reason" \
	sh -c "grep -qx 'helper calls left: 1' report.txt &&
	       grep -q '^  clib_hash  *XXH3_64bits  *call  *it takes the address of the static' report.txt"
detail report.txt

# Damaged embedded bitcode: one line naming the object, exit 1, no output.
printf 'BC\300\336\001\002\003\004damaged' >bad.bin
objcopy --update-section .llvmbc=bad.bin "$obj" bad.o
HELPERLINK_LINKER=false "$HL" cc -o prog bad.o 2>bad.err
check "damaged .llvmbc: exit 1, one line naming the object, no output" \
	sh -c "test $? -eq 1 && test \$(wc -l <bad.err) -eq 1 &&
	       grep -q \"cannot read the bitcode in 'bad.o' (.llvmbc)\" bad.err && ! test -e prog"
detail bad.err

# A staticlib for C programs: rustc's is native, and gcc links it as it
# is, the C called; helperlink cc --staticlib makes one with the C inlined
# into clib_hash, which computes what app prints.
check "cargo build --release -p clib (a staticlib)" cargo_in t build --release -p clib
lib=t/release/libclib.a
gcc "$ex/clib/cmain.c" "$lib" -o cmain-native -lpthread -ldl -lm >gcc-native.log 2>&1
check "gcc links rustc's staticlib as it is" test $? -eq 0
./cmain-native 200000 >cmain-native.out
"$HL" cc --staticlib "$lib" -o libclib-c.a 2>staticlib.err
check "helperlink cc --staticlib" test $? -eq 0 -a -s libclib-c.a
# helperlink writes the archive itself: GNU ar, given its members, writes
# the same bytes (D: dates and owners 0).
mkdir -p members
(cd members && ar x ../libclib-c.a && ar qcsD ../libclib-ar.a $(ar t ../libclib-c.a)) 2>/dev/null
check "the archive is what GNU ar makes of its members, byte for byte" cmp -s libclib-ar.a libclib-c.a
gcc "$ex/clib/cmain.c" libclib-c.a -o cmain -lpthread -ldl -lm >gcc.log 2>&1
check "gcc links the C program with it" test $? -eq 0
grep -v 'bfd plugin' gcc.log | head -n 5 | detail
./cmain 200000 >cmain.out
check "the C program computes what app does" \
	test "$(sed -n 's/^keys 200000 result //p' cmain.out)" = "$(sed -n 's/^xxhash [0-9]* keys 200000 result //p' run.out)"
same "and what it computes with rustc's staticlib" cmain-native.out cmain.out
check "with rustc's staticlib, clib_hash makes the 3 calls, through the GOT" \
	test "$(hash_calls cmain-native | grep -c 'call  *\*')" -eq 3
"$HL" report cmain --helpers xxhash.bc >cmain-report.txt 2>&1
check "report on the C program: clib_hash calls only XXH3_64bits" \
	sh -c "test \$(awk '\$1 == \"clib_hash\" && \$3 ~ /^call/' cmain-report.txt | wc -l) -eq 1 &&
	       awk '\$1 == \"clib_hash\"' cmain-report.txt | grep -q XXH3_64bits"
"$HL" cc --staticlib cmain.out -o nothing.a 2>notarchive.err
check "--staticlib on a file that is no such archive: exit 1, one line, no output" \
	test $? -eq 1 -a "$(wc -l <notarchive.err)" -eq 1 -a ! -e nothing.a
"$HL" cc --staticlib "$lib" 2>usage.err
check "--staticlib without -o: exit 2" test $? -eq 2

# The same crate as a cdylib: rustc links it through helperlink-cc, and a C
# program uses it.
so=t/release/libclib.so
check "cargo builds the cdylib through helperlink-cc" \
	sh -c "test -s '$so' && grep -q 'release/deps/libclib.so: .* 1 of them embedded in objects' '$log'"
gcc "$ex/clib/cmain.c" -Lt/release -lclib -o cmain-so >gcc-so.log 2>&1
LD_LIBRARY_PATH=t/release ./cmain-so 200000 >cmain-so.out 2>&1
same "the C program with the shared library computes the same" cmain.out cmain-so.out
hash_calls "$so" >calls.so
"$HL" report "$so" --helpers xxhash.bc >so-report.txt 2>&1
check "the cdylib's clib_hash calls only XXH3_64bits, by objdump and by report" \
	sh -c "test \$(grep -c '<XXH' calls.so) -eq 1 && grep -q '<XXH3_64bits' calls.so &&
	       grep -qx 'helper calls left: 1' so-report.txt &&
	       grep -q '^  clib_hash  *XXH3_64bits  *call' so-report.txt"
detail calls.so

# An empty .llvmbc (clang -fembed-bitcode=marker) is no bitcode, not damage.
echo 'int main(void) { return 0; }' >marker.c
clang -O2 -Xclang -fembed-bitcode=marker -c marker.c -o marker.o
HELPERLINK_NATIVE=1 "$HL" cc -o marker-prog marker.o 2>marker.err
check "an empty .llvmbc (a marker) is no bitcode: the program links" \
	sh -c "test $? -eq 0 && ./marker-prog && ! grep -q 'cannot read' marker.err"

# rustc's bitcode beside its objects, without Cargo: rustc keeps its
# objects (-C save-temps) and a linker that only records the link line
# stands in, so that helperlink cc can run the link again.
mkdir -p side && cd side
cat >m.rs <<'RS'
extern "C" { fn c_twice(x: i32) -> i32; }
fn main() { std::process::exit(unsafe { c_twice(std::env::args().count() as i32) } - 4) }
RS
echo 'int c_twice(int x) { return 2 * x; }' >c.c
clang -O2 -Xclang -fembed-bitcode=all -c c.c -o c.o
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >link.args\n' >record
chmod +x record
side_rustc() {
	rm -f ./*.rcgu.* link.args
	rustc -O -Ccodegen-units=2 -Csave-temps --emit=link --emit=llvm-bc \
		-Clinker=./record -Clink-arg=c.o m.rs >rustc.log 2>&1
}
side_rustc
# The libLLVM is that of the rustc whose std is on the link line; the
# rustc of $RUSTC is not asked (it names none here).
(unset HELPERLINK_LLVM; RUSTC=/nonexistent/rustc "$HL" cc @link.args) 2>side.err
check "a program whose bitcode is beside its objects: linked, and it runs" \
	sh -c "test $? -eq 0 && ./m x"
objcopy --dump-section .llvmbc=c.bc c.o c-copy.o
"$HL" report m --helpers c.bc >m-report.txt 2>&1
check "its call to the C is inlined (report), and objdump finds no call to c_twice" \
	sh -c "grep -qx 'helper calls left: 0' m-report.txt &&
	       ! objdump -d --no-show-raw-insn m | grep -q 'call.*<c_twice>'"
check "the bitcode files beside the objects are gone" \
	sh -c "! ls m.m.*-cgu.*.rcgu.bc 2>/dev/null | grep -q ."
side_rustc
cc @link.args -o m-plain
"$HL" report m-plain --helpers c.bc >plain-report.txt 2>&1
check "linked without helperlink, main calls c_twice (report)" \
	grep -qx 'helper calls left: 1' plain-report.txt
rm -f m
for f in m.m.*-cgu.*.rcgu.bc; do printf 'BC\300\336damaged' >"$f"; done
"$HL" cc @link.args 2>damaged.err
check "a damaged bitcode file beside an object: exit 1, one line naming it, no output" \
	sh -c "test $? -eq 1 && test \$(wc -l <damaged.err) -eq 1 &&
	       grep -q \"cannot read 'm.m.*rcgu.bc', rustc's bitcode for 'm.m.*rcgu.o'\" damaged.err &&
	       ! test -e m"
detail damaged.err
cd ..
