# t-libcalls.sh: symbols that code generation makes inlined helper code
# use, which no IR names (#20): __udivti3 and memcpy on x86-64, a
# retpoline thunk, AArch64's outline atomics, a symbol named only in
# inline asm text (from a table entry).  The link's report and a
# report of its object list them, as nm finds them new against the plain
# object; --exports checks them; a copy whose size inlining makes known
# needs no memcpy and is not listed; the programs run and print what the
# plain builds print (AArch64 under qemu-user).
. "$top/tests/lib.sh"

fix=$FIXTURES/libcalls

# libcalls TAG HELPERS: the symbols that nm finds new in the linked TAG.o
# against the plain TAG-plain.o are what the link's report TAG.txt lists,
# and what a report of TAG.o with the helper bitcode HELPERS lists.
libcalls() {
	report_symbols $1.txt >$1.listed
	new_symbols $1-plain.o $1.o >$1.new
	same "$1: the link's report lists what nm finds new" $1.new $1.listed
	$HL report $1.o --helpers $2 >$1.report 2>&1
	report_symbols $1.report >$1.report-listed
	same "$1: so does a report of its object" $1.new $1.report-listed
}

$CLANG -O2 -emit-llvm -c "$fix/helpers.c" -o x.bc
$RUSTC -O --crate-type=lib -C panic=abort --emit=llvm-bc=xr.bc,obj=x-plain.o "$fix/crate.rs"
hl_link x.o xr.bc --helpers x.bc --report=x.txt
check "x86-64: no helper call left" test "$(refs_prefix rust_helper_ x.o)" -eq 0
libcalls x x.bc
check "  __udivti3 and memcpy among them, with their helpers" \
	sh -c "grep -q '__udivti3 *rust_helper_div' x.txt && grep -q 'memcpy *rust_helper_copy' x.txt"
check "  and hl_hook, which only the asm of rust_helper_noted names" \
	grep -q 'hl_hook *rust_helper_noted' x.txt
cc -O2 -c "$fix/main.c" -o main.o
cc -O2 -c "$fix/helpers.c" -o helpers.o
cc main.o x-plain.o helpers.o -o x-plain && ./x-plain >x-plain.out
cc main.o x.o -o x && ./x >x.out
check "  the program prints what the plain one prints" \
	sh -c "test -s x-plain.out && cmp -s x-plain.out x.out"
printf 'memcpy\nhl_hook\n' >exports-memcpy
status_is 1 "--exports without __udivti3 fails" \
	sh -c "'$HL' link xr.bc --helpers x.bc --exports=exports-memcpy -o x-ex.o 2>x-ex.err"
check "  in one line naming the symbol and its helper, and no object" \
	sh -c "test \$(wc -l <x-ex.err) -eq 1 && test ! -e x-ex.o &&
	       grep -q \"uses '__udivti3', which 'exports-memcpy' does not export, through the inlined helper 'rust_helper_div'\" x-ex.err"
detail x-ex.err
status_is 1 "and a report of the object with that list fails too" \
	sh -c "'$HL' report x.o --helpers x.bc --exports=exports-memcpy >/dev/null 2>&1"
printf 'memcpy\n__udivti3\n' >exports-nohook
status_is 1 "--exports without hl_hook fails" \
	sh -c "'$HL' link xr.bc --helpers x.bc --exports=exports-nohook -o x-nh.o 2>x-nh.err"
check "  naming it and its helper" \
	grep -q "uses 'hl_hook', which 'exports-nohook' does not export, through the inlined helper 'rust_helper_noted'" x-nh.err
printf 'memcpy\n__udivti3\nhl_hook\n' >exports-both
hl_link x-both.o xr.bc --helpers x.bc --exports=exports-both
check "  with both exported the object is the one without --exports" cmp -s x.o x-both.o

# Known size: the copy becomes moves, and memcpy is not listed.
$RUSTC -O --crate-type=lib -C panic=abort --cfg known_size \
	--emit=llvm-bc=kr.bc,obj=k-plain.o "$fix/crate.rs"
hl_link k.o kr.bc --helpers x.bc --report=k.txt
libcalls k x.bc
check "  an 8-byte copy needs no memcpy once inlined" \
	sh -c "! nm -u k.o | grep -q memcpy && ! grep -q memcpy k.txt"

# Retpolines: the indirect call inlined into a crate built with
# -Zretpoline-external-thunk calls the kernel's thunk.
RUSTC_BOOTSTRAP=1 $RUSTC -O --crate-type=lib -C panic=abort -Zretpoline-external-thunk \
	-Cunsafe-allow-abi-mismatch=retpoline-external-thunk,retpoline \
	--emit=llvm-bc=rr.bc "$fix/crate.rs"
hl_link r.o rr.bc --helpers x.bc --report=r.txt
check "retpoline: the thunk the inlined indirect call uses is listed" \
	sh -c "grep -q '__x86_indirect_thunk_[a-z0-9]* *rust_helper_apply' r.txt &&
	       nm -u r.o | grep -q __x86_indirect_thunk_"
status_is 1 "  and --exports holds it to the list" \
	sh -c "'$HL' link rr.bc --helpers x.bc --exports=exports-both -o r-ex.o 2>r-ex.err"
check "  naming it" grep -q "uses '__x86_indirect_thunk_" r-ex.err

# AArch64: outline atomics, with Debian's rustc and core built for it.
src=/usr/lib/rustlib/src/rust/library/core/src/lib.rs
if [ -x /usr/bin/rustc ] && [ -e $src ] && has_clang clang-22 &&
   command -v aarch64-linux-gnu-gcc >/dev/null && command -v qemu-aarch64 >/dev/null; then
	if sh "$top/tests/tools/a64-core" sysroot >a64-core.log 2>&1; then
		clang-22 --target=aarch64-linux-gnu -O2 -emit-llvm -c "$fix/helpers.c" -o a.bc
		RUSTC_BOOTSTRAP=1 /usr/bin/rustc --sysroot sysroot \
			--target aarch64-unknown-linux-gnu -O --crate-type=lib -C panic=abort \
			--emit=llvm-bc=ar.bc,obj=a-plain.o "$fix/crate.rs"
		hl_link a.o ar.bc --helpers a.bc --report=a.txt
		libcalls a a.bc
		check "  the outline atomics among them" \
			sh -c "grep -q '__aarch64_ldadd4_relax *rust_helper_inc' a.txt &&
			       grep -q '__aarch64_ldadd4_acq_rel *rust_helper_dec' a.txt"
		status_is 1 "  and --exports holds them to the list" \
			sh -c "'$HL' link ar.bc --helpers a.bc --exports=exports-both -o a-ex.o 2>a-ex.err"
		check "  naming them" grep -q "uses 2 symbols that 'exports-both' does not export" a-ex.err
		detail a-ex.err
		run="qemu-aarch64 -L /usr/aarch64-linux-gnu"
		aarch64-linux-gnu-gcc -O2 -c "$fix/main.c" -o a-main.o
		aarch64-linux-gnu-gcc -O2 -c "$fix/helpers.c" -o a-helpers.o
		aarch64-linux-gnu-gcc a-main.o a-plain.o a-helpers.o -o a-plain &&
			$run ./a-plain >a-plain.out
		aarch64-linux-gnu-gcc a-main.o a.o -o a && $run ./a >a.out
		check "  the program prints what the plain one prints, and x86-64's" \
			sh -c "test -s a-plain.out && cmp -s a-plain.out a.out && cmp -s a.out x.out"
	else
		notok "core for AArch64 builds"
		detail a64-core.log
	fi
else
	skip "AArch64" "needs rust-web-src, clang-22, gcc-aarch64-linux-gnu and qemu-user"
fi
