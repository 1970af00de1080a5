# t-unique.sh: what must exist once stays in the C object, and a helper
# that would copy it stays out of line, with a warning; weak aliases stay
# overridable; addresses keep their identity; helpers that must not or
# cannot be inlined say so.
. "$top/tests/lib.sh"

fix=$FIXTURES/unique
$CLANG -O2 -c "$fix/unique.c" -o unique.o
$CLANG -O2 -c -emit-llvm "$fix/unique.c" -o unique.bc
$CLANG -O2 -c "$fix/main.c" -o main.o
$RUSTC -O --crate-type=lib -C panic=abort -C codegen-units=1 \
	--emit=obj=rustc.o,llvm-bc=crate.bc "$fix/unique.rs"
cc main.o unique.o rustc.o -o plain && ./plain >plain.out

check "no endless walk over a static that refers to itself" \
	timeout 60 $HL link crate.bc --helpers unique.bc -o hl.o 2>hl.err
cat hl.err
if cc main.o unique.o hl.o -o inlined 2>ld.err; then
	./inlined >inlined.out
	same "same output as with rustc's object" plain.out inlined.out
else
	notok "links with the helpers' object"
	detail ld.err
fi

for h in call_hook target sq pool_get; do
	check "rust_helper_$h is inlined" test "$(refs rust_helper_$h hl.o)" -eq 0
done
check "the weak alias is called, not inlined" test "$(refs hook hl.o)" -gt 0
check "pool_get stays the C object's" sh -c "nm hl.o | grep -qx ' *U pool_get'"
check "rust_helper_cb: the call is inlined, the address is the C object's" \
	sh -c "nm hl.o | grep -qx ' *U rust_helper_cb' && ! nm hl.o | grep -q 'rust_helper_cb\.'"

# name VARIABLE-PART-OF-THE-REASON: the helper stays a call, with a warning.
out_of_line() {
	check "rust_helper_$1 stays a call" test "$(refs rust_helper_$1 hl.o)" -gt 0
	check "rust_helper_$1: the warning says why" \
		grep -qF "not inlining 'rust_helper_$1': $2" hl.err
}
out_of_line list_empty "it uses the static variable 'head'"
out_of_line stagged "it uses 'stagged' in section 'mystatic'"
out_of_line asm "its inline asm names 'secret', which is marked used"
check "rust_helper_asm_plain: inline asm that names no static is inlined" \
	test "$(refs rust_helper_asm_plain hl.o)" -eq 0
out_of_line get_open "it takes the address of the static 'impl_open'"
for h in tab_get tab_first; do
	check "rust_helper_$h (reads a constant table) is inlined" \
		test "$(refs rust_helper_$h hl.o)" -eq 0
done
check "tab_at, which returns the table's address, is the C object's" \
	sh -c "nm hl.o | grep -qx ' *U tab_at'"
out_of_line tab2_leak "it takes the address of the static 'tab2'"
out_of_line tab2_get "it takes the address of the static 'tab2'"
check "the address of tab2 is the C object's" grep -qx "tab2 same" inlined.out
check "rust_helper_slow (optnone) stays a call" test "$(refs rust_helper_slow hl.o)" -gt 0
check "rust_helper_slow: the warning says so" \
	grep -qF "'rust_helper_slow' is marked noinline; it stays a call" hl.err
check "a lone optnone function is not taken for a -O0 build" \
	sh -c "! grep -q 'built without optimization' hl.err"
check "rust_helper_fib: LLVM could not inline it, and it says so" \
	grep -qF "'rust_helper_fib' stays a call: recursion: LLVM could not inline it" hl.err
check "every message is helperlink's" sh -c "! grep -v '^helperlink: ' hl.err"
