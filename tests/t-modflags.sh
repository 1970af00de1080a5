# t-modflags.sh: AArch64's branch protection module flags.  clang 14
# writes them with behaviour Error and 0 or 1; LLVM 22 upgrades them to
# Min with 0 or 2 when it reads the file (clang 19's Min with 1 too),
# after helperlink's check, which therefore compares what the upgrade
# makes of them: helpers built with the crate's -mbranch-protection link
# (from clang 14, 19 and 22) and the object keeps its BTI and PAC property
# note; helpers built without it (clang 14: 0; clang 22: no flag at all)
# are refused, as the link would take the minimum and the note away; a
# crate without branch protection takes helpers with it.
. "$top/tests/lib.sh"

fix=$top/tests/fixtures/modflags
if ! command -v llvm-as-22 >/dev/null || ! command -v llvm-readelf-22 >/dev/null; then
	skip "branch protection flags" "no llvm-as-22 (llvm-22)"
	exit 0
fi
llvm-as-22 "$fix/crate.ll" -o crate.bc
sed 's/i32 2}/i32 0}/' "$fix/crate.ll" | llvm-as-22 -o crate-none.bc
note() { llvm-readelf-22 -n "$1" | grep -c 'aarch64 feature: BTI, PAC'; }
# calls FILE: relocations against the helper (objdump -dr of LLVM 22,
# which reads AArch64 objects).
calls() { llvm-objdump-22 -dr "$1" | grep -c 'R_AARCH64_.*rust_helper_add'; }
for cc in clang clang-19 clang-22; do
	has_clang $cc || { skip "$cc helpers" "no $cc"; continue; }
	$cc --target=aarch64-linux-gnu -O2 -mbranch-protection=standard -emit-llvm \
		-c "$fix/helpers.c" -o $cc-bp.bc
	$cc --target=aarch64-linux-gnu -O2 -emit-llvm -c "$fix/helpers.c" -o $cc-none.bc
	hl_link $cc-bp.o crate.bc --helpers $cc-bp.bc
	check "$cc -mbranch-protection=standard helpers: inlined" \
		test "$(calls $cc-bp.o)" -eq 0
	check "  and the object keeps its BTI and PAC property note" test "$(note $cc-bp.o)" -eq 1
	status_is 1 "$cc helpers without branch protection are refused" \
		sh -c "'$HL' link crate.bc --helpers $cc-none.bc -o $cc-none.o 2>$cc-none.err"
	check "  in one line naming the file and the flag, and no object" \
		sh -c "test \$(wc -l <$cc-none.err) -eq 1 && test ! -e $cc-none.o &&
		       grep -q \"^helperlink: cannot link '$cc-none.bc' into 'crate.bc': module flag 'branch-target-enforcement' differs\" $cc-none.err"
	detail $cc-none.err
	hl_link $cc-plain.o crate-none.bc --helpers $cc-bp.bc
	check "a crate without branch protection takes $cc's helpers with it" \
		test "$(calls $cc-plain.o)" -eq 0 -a "$(note $cc-plain.o)" -eq 0
done
