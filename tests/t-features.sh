# t-features.sh: a helper whose target features its Rust caller has
# (named, implied, or by the CPU) is inlined; one LLVM keeps out of line is
# called in the helpers' object, never copied; one that needs more is
# refused, naming what is missing.
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

# Really missing features: refused, with nothing written.
for m in "sse4.2:-msse4.2" "haswell:-march=haswell"; do
	name=${m%%:*}
	$CLANG -O2 ${m#*:} -c -emit-llvm "$FIXTURES/user/helpers.c" -o $name.bc
	status_is 1 "$name helpers: refused" \
		sh -c "$HL link '$FX/user-app.bc' --helpers $name.bc -o $name.o 2>$name.err"
	check "$name helpers: one line naming the helper, the caller, the features" \
		sh -c "test \$(grep -vc '^helperlink: warning: ' $name.err) -eq 1 && grep -q \"needs target features .*+sse4.2.*, which its caller 'app_run' does not have\" $name.err"
	check "$name helpers: no output" test ! -e $name.o
	hl_link $name-allowed.o "$FX/user-app.bc" --helpers $name.bc --allow-feature-mismatch
	check "$name helpers: --allow-feature-mismatch inlines, with a warning" \
		grep -q 'inlined all the same' $name-allowed.o.err
done
grep -q 'avx2' haswell.err
check "haswell helpers: avx2 is among the missing features" test $? -eq 0
