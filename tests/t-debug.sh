# t-debug.sh: --strip-helper-debug drops the helpers' debug info and keeps
# the crate's: the crate's DWARF survives, and no C compile unit appears.
# (The kernel builds its helpers with -g0 so that BTF, made from DWARF,
# sees no C types twice.)
. "$top/tests/lib.sh"
U=$FIXTURES/user
DWARFDUMP=
for d in llvm-dwarfdump-22 llvm-dwarfdump; do
	command -v $d >/dev/null 2>&1 && { DWARFDUMP=$d; break; }
done
if [ -z "$DWARFDUMP" ]; then
	skip "debug info" "no llvm-dwarfdump"
	exit 0
fi

$RUSTC -g -O --crate-type=lib -C panic=abort -C codegen-units=1 \
	--emit=llvm-bc=app.bc "$U/app.rs"
$CLANG -g -O2 -c -emit-llvm -I"$U" "$U/helpers.c" -o helpers.bc

hl_link kept.o app.bc --helpers helpers.bc --verify
hl_link stripped.o app.bc --helpers helpers.bc --strip-helper-debug --verify
for v in kept stripped; do
	$DWARFDUMP --debug-info $v.o >$v.info
	$DWARFDUMP --debug-line $v.o >$v.line
done
check "without it, the helpers bring a C compile unit" \
	grep -q 'DW_AT_language.*DW_LANG_C' kept.info
check "without it, helpers.c is in the line table" grep -q 'helpers\.c' kept.line
check "with it, no C compile unit" sh -c "! grep -q 'DW_AT_language.*DW_LANG_C' stripped.info"
check "with it, helpers.c is not in the line table" sh -c "! grep -q 'helpers\.c' stripped.line"
check "with it, the crate's compile unit stays" \
	grep -q 'DW_AT_language.*DW_LANG_Rust' stripped.info
check "with it, the crate's functions keep their DWARF" \
	grep -q 'DW_AT_name.*"app_run"' stripped.info
check "with it, the crate's lines stay" grep -q 'app\.rs' stripped.line
check "both ways, only the helper with static state stays a call" \
	test "$(refs_prefix rust_helper_ kept.o)" -eq 1 -a \
	     "$(refs_prefix rust_helper_ stripped.o)" -eq 1
