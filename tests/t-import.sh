# t-import.sh: the import rules, on helpers that call each other, hand out
# function pointers, are weak, aliased, C++ inline, or built with -O0;
# and a crate built at opt-level=0.
. "$top/tests/lib.sh"

fix=$FIXTURES/import
$CLANG -O2 -c "$fix/chain.c" -o chain.o
$CLANG -O2 -c -emit-llvm "$fix/chain.c" -o chain.bc
$CLANG -O0 -c -emit-llvm "$fix/chain.c" -o chain-O0.bc
clang++ -O2 -c "$fix/odr.cpp" -o odr.o
clang++ -O2 -c -emit-llvm "$fix/odr.cpp" -o odr.bc
$CLANG -O2 -c "$fix/main.c" -o main.o
$CLANG -O2 -c "$fix/override.c" -o override.o
$RUSTC -O --crate-type=lib -C panic=abort -C codegen-units=1 \
	--emit=obj=chain-rustc.o,llvm-bc=chain-O3.bc "$fix/chain.rs"
$RUSTC -C opt-level=0 -C overflow-checks=off --crate-type=lib \
	-C panic=abort -C codegen-units=1 --emit=llvm-bc=chain-c0.bc "$fix/chain.rs"

cc main.o chain.o odr.o chain-rustc.o -o plain && ./plain >plain.out
check "the plain program runs" test -s plain.out

# name CRATE HELPERS [OPTIONS]: link, build the program, compare.
variant() {
	name=$1 crate=$2 helpers=$3
	shift 3
	hl_link $name.o $crate --helpers $helpers --helpers odr.bc "$@"
	if cc main.o chain.o odr.o $name.o -o $name 2>$name.ld; then
		./$name >$name.out
		same "$name: same output" plain.out $name.out
	else
		notok "$name: links with the helpers' own object"
		detail $name.ld
	fi
}

variant o2 chain-O3.bc chain.bc
check "o2: helpers calling helpers are all inlined" \
	test "$(refs 'rust_helper_(a|b|odr|via_alias|get_cb)' o2.o)" -eq 0
check "o2: a weak helper stays a call" test "$(refs rust_helper_weak o2.o)" -gt 0
check "o2: the C++ inline (linkonce_odr) helper is inlined" \
	test "$(refs rust_helper_odr o2.o)" -eq 0
check "o2: top-level asm is not copied" sh -c "! nm o2.o | grep -q chain_marker"
check "o2: default_cb is referenced, not copied" \
	sh -c "nm o2.o | grep -qx ' *U default_cb'"
grep -q '^callback same$' o2.out
check "o2: a function pointer keeps its identity" test $? -eq 0

# The weak helper really can be replaced.
if cc main.o chain.o odr.o override.o o2.o -o overridden 2>/dev/null; then
	./overridden | sed -n 's/^sum //p' >override.out
	./plain | sed -n 's/^sum //p' >plain.sum
	check "a strong definition replaces the weak helper" \
		test "$(cat override.out)" -eq $(($(cat plain.sum) - 200))
else
	notok "a strong definition replaces the weak helper"
fi

variant helpers-O0 chain-O3.bc chain-O0.bc
# (scaled stays a call: it is called through an alias, not directly.)
check "helpers-O0: all inlined" \
	test "$(refs 'rust_helper_(a|b|odr|via_alias|get_cb)' helpers-O0.o)" -eq 0
check "helpers-O0: a warning says to build them with -O2" \
	grep -q "'chain-O0.bc' was built without optimization" helpers-O0.o.err

variant crate-O0 chain-c0.bc chain.bc
check "crate-O0: no helper call left" \
	test "$(refs 'rust_helper_(a|b|odr|via_alias|get_cb)' crate-O0.o)" -eq 0
variant crate-O0-noforce chain-c0.bc chain.bc --no-force-inline

# -O0 user helpers: the fixture's static inline functions are inlined too.
$CLANG -O0 -c -emit-llvm "$FIXTURES/user/helpers.c" -o user-O0.bc
hl_link user-O0.o "$FX/user-app.bc" --helpers user-O0.bc
check "user helpers at -O0: static inline callees are inlined too" \
	test "$(refs 'ring_(push|pop|len)' user-O0.o)" -eq 0
check "user helpers at -O0: only the stateful helper is still called" \
	test "$(refs 'rust_helper_[a-z_]+' user-O0.o)" -eq "$(refs rust_helper_stamp user-O0.o)"

# --force-inline-max: helpers above it are not forced, and the report
# says so; at 1 IR instruction none is forced, yet LLVM's own inliner
# still inlines these small ones, and the program is the same.
variant forcemax chain-O3.bc chain.bc --force-inline-max=1 --report=forcemax.report
check "--force-inline-max=1: the report notes the helpers not forced" \
	grep -q 'not forced: [0-9]* IR instructions, more than --force-inline-max=1' forcemax.report
check "--force-inline-max=1: LLVM's inliner still inlines the small helpers" \
	test "$(refs 'rust_helper_(a|b)' forcemax.o)" -eq 0
detail forcemax.report
