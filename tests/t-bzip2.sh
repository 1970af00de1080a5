# t-bzip2.sh: examples/bzip2, a workspace on a real -sys crate with its
# bundled C: bzip2-sys 0.1.11 as released, whose unchanged build.rs
# compiles bzip2 1.0.8 with Debian's cc crate, under Debian's bzip2 crate.
# With only .cargo/config.toml, the C's bitcode reaches helperlink-cc in
# its objects; cargo test (bzip2's own samples) passes built both ways,
# the output is the same, the small functions (the streams' tear-down)
# are inlined into the Rust, the large ones stay calls, and report counts
# what objdump finds, call for call.
. "$top/tests/lib.sh"

command -v cargo >/dev/null || { skip "bzip2 example" "no cargo"; exit 0; }
[ -f /usr/share/cargo/registry/bzip2-0.4.4/Cargo.toml ] ||
	{ skip "bzip2 example" "no librust-bzip2-dev"; exit 0; }
ex=$top/examples/bzip2
src=$ex/bzip2-sys/bzip2-1.0.8
w=$PWD
log=$PWD/hl.log
# build DIR SUBCOMMAND ARGS...: cargo with the configuration, target dir DIR.
build() {
	_t=$w/$1
	shift
	(cd "$ex" && HELPERLINK_LOG=$log cargo "$@" --target-dir "$_t") >>cargo.log 2>&1
}
# plain SUBCOMMAND ARGS...: without the configuration's linker and
# rustflags (the same C compiler and flags), target dir plain.
plain() {
	(cd "$ex" && CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER=cc RUSTFLAGS=-Cdebuginfo=0 \
		cargo "$@" --target-dir "$w/plain") >>cargo.log 2>&1
}

check "cargo build --release" build t build --release
check "HELPERLINK_LOG: bzip2's 7 C files came embedded in their objects" \
	grep -qE 'release/deps/bunzip-[0-9a-f]+: [0-9]+ bitcode modules, .* 7 C helper files, 7 of them embedded in objects' "$log"
check "cargo test --release: bzip2's samples, to the byte" build t test --release -q
check "the plain build" plain build --release
check "cargo test --release passes without helperlink too" plain test --release -q

# The same output, program for program.
for run in "$src/sample1.bz2" "-3 $src/sample3.ref" "--streams 3000"; do
	# shellcheck disable=SC2086
	t/release/bunzip $run >hl.out 2>&1
	# shellcheck disable=SC2086
	plain/release/bunzip $run >plain.out 2>&1
	same "bunzip $(echo "$run" | sed "s|$src/||"): the plain build's output" plain.out hl.out
done
t/release/bunzip "$src/sample1.bz2" | cmp -s - "$src/sample1.ref"
check "it decompresses sample1.bz2 to sample1.ref" test $? -eq 0

# The C's bitcode, for report: out of the cc crate's objects.
set --
for o in t/release/build/bzip2-sys-*/out/lib/bzip2-1.0.8/*.o; do
	b=$(basename "$o" .o).bc
	objcopy --dump-section .llvmbc="$b" "$o" copy.o
	set -- "$@" --helpers "$b"
done
"$HL" report t/release/bunzip --force-inline-max=100 "$@" >report.txt 2>&1
"$HL" report plain/release/bunzip "$@" >plain-report.txt 2>&1
detail report.txt
# rust_calls PROGRAM: the calls and jumps from the Rust (the functions
# named _ZN...) to a BZ2_ function, by objdump: direct, or through a GOT
# slot that a dynamic relocation fills with the function's address.
rust_calls() {
	nm --defined-only "$1" | awk '$3 ~ /^BZ2_/ { sub(/^0+/, "", $1); print $1, $3 }' >syms
	objdump -R "$1" | awk 'FILENAME == "syms" { name[$1] = $2; next }
		$3 ~ /^\*ABS\*\+0x/ { a = substr($3, 9); sub(/^0+/, "", a); sub(/^0+/, "", $1)
			if (a in name) print $1, name[a] }' syms - >slots
	objdump -d --no-show-raw-insn "$1" | awk '
		FILENAME == "slots" { slot[$1] = $2; next }
		/^[0-9a-f]+ <.*>:$/ { f = ($2 ~ /^<_ZN/); fn = $2; next }
		!f || !/(call|jmp)/ { next }
		match($0, /<BZ2_[A-Za-z]+>/) { print fn, substr($0, RSTART + 1, RLENGTH - 2); next }
		match($0, /# [0-9a-f]+ </) { s = substr($0, RSTART + 2, RLENGTH - 4); sub(/^0+/, "", s)
			if (s in slot) print fn, slot[s] }' slots -
}
rust_calls t/release/bunzip >calls.hl
rust_calls plain/release/bunzip >calls.plain
detail calls.hl
check "report counts what objdump finds, helperlink's build ($(wc -l <calls.hl) calls)" \
	grep -qx "helper calls left: $(wc -l <calls.hl)" report.txt
check "and the plain build's ($(wc -l <calls.plain), through the GOT)" \
	grep -qx "helper calls left: $(wc -l <calls.plain)" plain-report.txt
check "plain: the Rust calls BZ2_bzCompressEnd and BZ2_bzDecompressEnd" \
	sh -c "grep -q ' BZ2_bzCompressEnd\$' calls.plain && grep -q ' BZ2_bzDecompressEnd\$' calls.plain"
check "helperlink: no call to them is left, they are inlined" \
	sh -c "! grep -qE ' BZ2_bz(De)?compressEnd\$' calls.hl"
check "the calls left are the large functions, each with its size in the report" \
	sh -c "test -s calls.hl && ! awk '{ print \$2 }' calls.hl | sort -u | while read -r f; do
		grep -qE \"^  \$f  *[0-9]{3,} \" report.txt || echo \$f; done | grep -q ."
check "report gives why the ones with bzip2's statics stay calls" \
	grep -q 'BZ2_bzCompressInit .*it takes the address of the static .default_bzalloc' report.txt
check "and why the others do: larger than --force-inline-max, LLVM's inliner kept them" \
	grep -q "BZ2_bzDecompress  *call  *not forced: 207 IR instructions, more than --force-inline-max=100; LLVM's inliner kept the call" report.txt
status_is 2 "report --force-inline-max=x is a usage error" \
	sh -c "'$HL' report t/release/bunzip --force-inline-max=x --helpers bzlib.bc 2>/dev/null"

if command -v valgrind >/dev/null; then
	# instructions PROGRAM ARGS...: callgrind's count, in an empty environment.
	instructions() {
		env -i valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
			sed -n 's/.*Collected : //p'
	}
	cp t/release/bunzip bunzip-hl
	cp plain/release/bunzip bunzip-pl
	a=$(instructions ./bunzip-hl --streams 2000) b=$(instructions ./bunzip-pl --streams 2000)
	check "2000 streams: fewer instructions than the plain build ($a against $b)" \
		test "${a:-0}" -gt 0 -a "${a:-0}" -lt "${b:-0}"
else
	skip "bunzip's instructions" "no valgrind"
fi
