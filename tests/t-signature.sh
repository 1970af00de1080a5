# t-signature.sh: a call whose IR type differs from the helper's only in
# how rustc and clang spell the same registers (a struct returned as
# { i64, i64 } against { ptr, i64 }, a usize for a pointer, a struct
# passed in memory) is inlined, and the program computes what it computed
# with the helpers out of line.  A call whose declaration really differs
# (an f64 for a uint64_t) stays a call, and the report gives both types.
. "$top/tests/lib.sh"

src=$FIXTURES/signature
$CLANG -O2 -c -emit-llvm "$src/sig.c" -o sig.bc
$CLANG -O2 -c -DSIG_MAIN "$src/sig.c" -o sig.o
$RUSTC -O --crate-type=lib -C panic=abort -C codegen-units=1 \
	--emit=obj=rs.o,llvm-bc=rs.bc "$src/sig.rs"
check "rustc's call of rust_helper_span_at has a type of its own" \
	sh -c "llvm-dis-22 rs.bc -o - | grep -q 'call { i64, i64 } @rust_helper_span_at'"

hl_link hl.o rs.bc --helpers sig.bc --report=hl.txt
for h in span_at triple_sum store; do
	check "rust_helper_$h is inlined" test "$(refs rust_helper_$h hl.o sig_run)" -eq 0
done
check "rust_helper_bits stays a call" test "$(refs rust_helper_bits hl.o sig_mismatch)" -gt 0
check "the warning gives both types" grep -qF \
	"'rust_helper_bits' stays a call: Rust calls it as 'i64 (double)', C defines it as 'i64 (i64)'" hl.o.err
check "the report gives the reason" grep -qF "Rust calls it as 'i64 (double)'" hl.txt

$CLANG sig.o rs.o -o native
$CLANG sig.o hl.o -o inlined
./native >native.out
./inlined >inlined.out
check "the native program runs" test -s native.out
same "the inlined program prints what the native one prints" native.out inlined.out
hl_link verified.o rs.bc --helpers sig.bc --verify
