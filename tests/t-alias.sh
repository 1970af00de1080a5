# t-alias.sh: helpers that are aliases are inlined: of a static function,
# of an external one the crate also calls by name, two of one function,
# one a helper calls; a weak alias and an ifunc stay calls, each with its
# reason.  The program prints what the plain one prints, and report finds
# every call in both programs, under the helpers' names.
. "$top/tests/lib.sh"

fix=$FIXTURES/alias
$CLANG -O2 -c -emit-llvm "$fix/helpers.c" -o h.bc
$CLANG -O2 -c "$fix/helpers.c" -o h.o
$RUSTC -O --crate-type=lib -C panic=abort --emit=llvm-bc=a.bc,obj=a.o "$fix/alias.rs"
hl_link hl.o a.bc --helpers h.bc --report=link.txt
for h in add3 add3b mul sub twice; do
	check "rust_helper_$h (an alias) inlined" test "$(refs rust_helper_$h hl.o)" -eq 0
done
check "mul_impl, called by its own name too, inlined" test "$(refs mul_impl hl.o)" -eq 0
check "the weak alias stays a call" test "$(refs rust_helper_weak hl.o)" -eq 1
check "the ifunc stays a call" test "$(refs rust_helper_ifunc hl.o)" -eq 1
check "the weak alias's reason" grep -q "rust_helper_weak  *call  it is a weak alias, so the linker may replace it" link.txt
check "the ifunc's reason" grep -q "rust_helper_ifunc  *call  it is an ifunc, whose code is chosen when the program is loaded" link.txt
check "link --report: 2 calls left" grep -qx "helper calls left: 2" link.txt

cc "$fix/main.c" a.o h.o -o plain
cc "$fix/main.c" hl.o h.o -o prog
./plain >plain.out
./prog >prog.out
check "the plain program prints something" test -s plain.out
same "the program prints what the plain one prints" plain.out prog.out

# In a linked program the aliases share an address, and the ifunc is
# called through a GOT slot set by R_X86_64_IRELATIVE.
$HL report prog --helpers h.bc >prog.txt 2>&1
check "report on the program: the 2 calls" grep -qx "helper calls left: 2" prog.txt
check "  under the helpers' names" sh -c "grep -q '^  alias_run  rust_helper_weak ' prog.txt && grep -q '^  alias_run  rust_helper_ifunc ' prog.txt"
$HL report plain --helpers h.bc >plain.txt 2>&1
check "report on the plain program: all 8 calls" grep -qx "helper calls left: 8" plain.txt
detail plain.txt
