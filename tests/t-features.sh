# t-features.sh: a helper whose target features its Rust caller has
# (named, implied, or by the CPU) is inlined; one LLVM keeps out of line is
# called in the helpers' object, never copied; one that needs more is
# refused, naming what is missing.  On AArch64, outline-atomics (clang's
# default for Linux) is how atomics are compiled, not what the CPU has: a
# caller without it takes the helper, and the atomics become LL/SC.
. "$top/tests/lib.sh"

fix=$FIXTURES/features
$RUSTC -O --crate-type=lib -C panic=abort -C codegen-units=1 \
	--emit=llvm-bc=keep.bc "$fix/keep.rs"

# clang 14 writes +cx8,+fxsr,+mmx,+sse,+sse2,+x87; clang 19 and 22 add
# +cmov; rustc writes nothing: all the x86-64 baseline.
for cc in clang clang-19 clang-22; do
	has_clang $cc && [ -n "$(clang_major $cc)" ] || continue
	$cc -O2 -c -emit-llvm "$fix/keep.c" -o keep-$cc.bc
	hl_link keep-$cc.ll keep.bc --helpers keep-$cc.bc --emit=ll
	hl_link keep-$cc.o keep.bc --helpers keep-$cc.bc
	check "$cc: the noinline helper is called, not copied" \
		sh -c "grep -q '^declare.*@rust_helper_keep(' keep-$cc.ll && ! grep -q '^define.*@rust_helper_keep(' keep-$cc.ll"
	check "$cc: rust_helper_twice inlined" \
		test "$(refs rust_helper_twice keep-$cc.o)" -eq 0
done

# The kernel's helpers, built by clang 14 with -mno-sse and features LLVM
# 22 no longer knows (-3dnow): normalized, so LLVM has nothing to say.
hl_link k.o "$FX/kernel-crate.bc" --helpers "$FX/kernel-helpers.bc"
check "kernel helpers: no warning at all" test ! -s k.o.err

# What helper code needs, against what a crate has: generic code is
# compiled for the crate whatever the helper's flags added (clang's
# -msse4.2 adds +popcnt and +crc32, -mavx +xsave); an intrinsic or inline
# asm needs its features, and a crate without them refuses it, saying
# which and why, and writing nothing.
for crate in base:"" v2:"-C target-cpu=x86-64-v2" avx2:"-C target-feature=+avx2" \
	     haswell:"-C target-cpu=haswell"; do
	# shellcheck disable=SC2086  # the flags are words
	$RUSTC -O --crate-type=lib -C panic=abort ${crate#*:} \
		--emit=llvm-bc=needs-${crate%%:*}.bc "$fix/needs.rs"
done
# try NAME CFLAGS CRATE: link needs.c with -DNAME into the crate; 0 if it
# linked.  Messages in NAME-CRATE.err, the object NAME-CRATE.o.
try() {
	$CLANG -O2 $2 -D$1 -c -emit-llvm "$fix/needs.c" -o $1.bc
	$HL link needs-$3.bc --helpers $1.bc -o $1-$3.o 2>$1-$3.err
}
inlined() {
	check "$1 ($2) into the $3 crate: inlined" try "$1" "$2" "$3"
	check "$1 ($2) into the $3 crate: no call left" \
		test "$(refs "rust_helper_$(echo "$1" | tr A-Z a-z)" $1-$3.o)" -eq 0
	check "$1 ($2) into the $3 crate: no message" test ! -s $1-$3.err
}
refused() {
	status_is 1 "$1 ($2) into the $3 crate: refused" try "$1" "$2" "$3"
	check "$1 ($2) into the $3 crate: one line: $4" \
		sh -c "test \$(wc -l <$1-$3.err) -eq 1 && grep -qF \"$4\" $1-$3.err"
	check "$1 ($2) into the $3 crate: no output" test ! -e $1-$3.o
}
inlined POP -msse4.2 base
check "POP: compiled for the crate: no popcnt instruction" \
	sh -c "! objdump -d POP-base.o | grep -q popcnt"
inlined SUM -mavx2 base
check "SUM: compiled for the crate: no ymm register" \
	sh -c "! objdump -d SUM-base.o | grep -q ymm"
inlined SUM -mavx2 avx2
check "SUM into the avx2 crate: vectorized with ymm registers" \
	sh -c "objdump -d SUM-avx2.o | grep -q ymm"
refused CRC -msse4.2 base "'rust_helper_crc' needs target features +crc32 (for @llvm.x86.sse42.crc32.32.32), which its caller 'needs_crc' does not have"
inlined CRC -msse4.2 v2
inlined CRC -msse4.2 avx2
inlined ASM -msse4.2 base
refused VASM -msse4.2 base "needs target features +crc32,+popcnt,+sse3,+sse4.1,+sse4.2,+ssse3 (for its inline asm, which may use vector registers)"
inlined VASM -msse4.2 v2
refused XGETBV -mavx avx2 "'rust_helper_xgetbv' needs target features +xsave (for @llvm.x86.xgetbv), which its caller 'needs_xgetbv' does not have"
inlined XGETBV -mavx haswell
refused SHUF -mavx2 base "needs target features +avx2 (for @llvm.x86.avx2.pshuf.b)"
inlined SHUF -mavx2 avx2
inlined SHUF -mavx2 haswell
check "SHUF into the avx2 crate: vpshufb on ymm registers" \
	sh -c "objdump -d SHUF-avx2.o | grep -q 'vpshufb.*ymm'"
# --allow-feature-mismatch: presumed needs (inline asm) are inlined all
# the same; an intrinsic's stay a call, which LLVM can compile.
hl_link VASM-allowed.o needs-base.bc --helpers VASM.bc --allow-feature-mismatch
check "--allow-feature-mismatch inlines inline asm, with a warning" \
	grep -q 'inlined all the same' VASM-allowed.o.err
check "  and no call is left" test "$(refs rust_helper_vasm VASM-allowed.o)" -eq 0
hl_link SHUF-allowed.o needs-base.bc --helpers SHUF.bc --allow-feature-mismatch
check "--allow-feature-mismatch keeps an intrinsic's need a call, with a warning" \
	grep -qF "'rust_helper_shuf' stays a call: needs target features +avx2 (for @llvm.x86.avx2.pshuf.b), which 'needs_shuf' does not have" SHUF-allowed.o.err
check "  a call it is" test "$(refs rust_helper_shuf SHUF-allowed.o)" -eq 1
$HL report SHUF-allowed.o --helpers SHUF.bc >SHUF-report.txt 2>&1
check "and the report gives that reason" \
	grep -q "rust_helper_shuf  *call  it needs target features +avx2" SHUF-report.txt

# AArch64: a helper whose inline asm makes it need all its own features,
# +neon,+outline-atomics,+v8a, into an aarch64-unknown-none crate that has
# no outline-atomics.
if command -v llvm-as-22 >/dev/null && command -v llvm-objdump-22 >/dev/null; then
	llvm-as-22 "$fix/a64-none.ll" -o a64-none.bc
	sed 's/,+neon,+fp-armv8"/,-neon,-fp-armv8"/' "$fix/a64-none.ll" | llvm-as-22 -o a64-noneon.bc
	$CLANG --target=aarch64-linux-gnu -O2 -emit-llvm -c "$fix/a64-asm.c" -o a64-asm.bc
	check "clang's AArch64 helpers carry +outline-atomics" \
		sh -c "llvm-dis-22 a64-asm.bc -o - | grep -q '+outline-atomics'"
	hl_link a64.o a64-none.bc --helpers a64-asm.bc
	llvm-objdump-22 -dr a64.o >a64.dis
	check "outline-atomics is not a CPU feature: both helpers inlined" \
		sh -c "! grep -q 'R_AARCH64_.*rust_helper_' a64.dis"
	check "  and the atomic add is the caller's LL/SC, no __aarch64_ldadd call" \
		sh -c "grep -q ldaxr a64.dis && ! grep -q __aarch64_ a64.dis"
	status_is 1 "a caller without NEON still refuses the asm helper" \
		sh -c "'$HL' link a64-noneon.bc --helpers a64-asm.bc -o a64-noneon.o 2>a64-noneon.err"
	check "  naming +neon, not +outline-atomics" \
		sh -c "grep -q \"needs target features +neon \" a64-noneon.err && ! grep -q outline a64-noneon.err"
	detail a64-noneon.err
else
	skip "AArch64 outline-atomics" "no llvm-as-22 (llvm-22)"
fi
