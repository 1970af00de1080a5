# t-clangs.sh: helper bitcode from clang 14, 19 and 22 (rustc's LLVM is
# 22): each is read by rustc's LLVM and inlined.  A clang that is not
# installed is skipped, and counted as skipped.
. "$top/tests/lib.sh"

cc "$FX/user-main.o" "$FX/user-lib.o" "$FX/user-helpers.o" "$FX/user-app.o" \
	-o plain && ./plain 500 >plain.out

for major in 14 19 22; do
	cc=
	for c in clang-$major clang; do
		if has_clang $c && [ "$(clang_major $c)" = $major ]; then
			cc=$c
			break
		fi
	done
	if [ -z "$cc" ]; then
		skip "clang $major helpers" "clang-$major is not installed"
		continue
	fi
	$cc -O2 -c -emit-llvm "$FIXTURES/user/helpers.c" -o user-$major.bc
	hl_link user-$major.o "$FX/user-app.bc" --helpers user-$major.bc
	check "clang $major: userspace helpers inlined" \
		test "$(refs 'rust_helper_ring_(push|pop|len)|rust_helper_add_total' user-$major.o)" -eq 0
	cc "$FX/user-main.o" "$FX/user-lib.o" "$FX/user-helpers.o" \
		user-$major.o -o user-$major && ./user-$major 500 >user-$major.out
	same "clang $major: same program output" plain.out user-$major.out

	$cc $(cat "$FX/kernel-cflags") -c -emit-llvm \
		"$FIXTURES/kernel/khelpers.c" -o kernel-$major.bc
	hl_link kernel-$major.o "$FX/kernel-crate.bc" --helpers kernel-$major.bc
	check "clang $major: kernel helpers inlined" \
		test "$(refs_prefix rust_helper_ kernel-$major.o)" -eq 0
	check "clang $major: no SSE or MMX" sh -c \
		"! objdump -d kernel-$major.o | grep -qE '%[xyz]mm[0-9]|%mm[0-7]'"
done
