# t-abi.sh: helpers whose C signatures rustc and clang lower to different
# IR types that the calling convention passes in the same registers
# (structs of 9-16 bytes, float structs, _Complex, __int128, a narrower
# last eightbyte, arguments in memory once the registers run out) are inlined on x86-64 and AArch64, with helpers from
# clang 14, 19 and 22; real mismatches stay calls, with both types in the
# warning and the reason in every report; the programs print what the
# plain builds print.  Calls with invoke (extern "C-unwind") are rebuilt
# the same way.
. "$top/tests/lib.sh"

fix=$FIXTURES/abi
equal="p2_sum p2_make pn_len pn_advance tail_make ff_dot ff_swap df_scale
mix_sum mix_make three_sum three_make hfa_sum cmul i128_mul seven
big_sum big_make p2_late i128_late rgb_sum one_make one_get"

# left OBJECT: the helpers OBJECT still calls, one line, sorted.
left() {
	for _h in $equal bits lo32 wide; do
		[ "$(refs "rust_helper_$_h" "$1")" -eq 0 ] || printf '%s ' $_h
	done
	echo
}

# calls FILE: the calls table of a report, without its header line.
calls() { sed -n '/^helper calls left/,/^$/p' "$1" | sed '1,2d;/^$/d'; }

# abi ARCH OBJDUMP CC RUN CCFLAGS...: with the objects abi-ARCH.bc/.o,
# the helpers from each clang: every ABI-equal call inlined, the two
# mismatches left, the same output as the plain program, every report
# with the same reasons.
abi() {
	_arch=$1 _objdump=$2 _cc=$3 _run=$4
	shift 4
	$_cc -O2 -c "$fix/main.c" -o main-$_arch.o
	for c in clang clang-19 clang-22; do
		has_clang $c || continue
		n=$_arch-$c
		$c "$@" -O2 -c -emit-llvm "$fix/helpers.c" -o h-$n.bc
		$c "$@" -O2 -c "$fix/helpers.c" -o h-$n.o
		hl_link hl-$n.o abi-$_arch.bc --helpers h-$n.bc --report=link-$n.txt
		check "$n: only the three real mismatches stay calls" \
			test "$(OBJDUMP=$_objdump left hl-$n.o)" = "bits lo32 wide "
		check "$n: the plain object calls all 26" \
			test "$(OBJDUMP=$_objdump left abi-$_arch.o | wc -w)" -eq 26
		check "$n: one warning per mismatch, with both types" sh -c "
			grep -qx \"helperlink: warning: 'h-$n.bc': 'rust_helper_bits' stays a call: Rust calls it as 'i64 (double)', C defines it as 'i64 (i64)'\" hl-$n.o.err &&
			grep -qx \"helperlink: warning: 'h-$n.bc': 'rust_helper_wide' stays a call: Rust calls it as 'i32 (i32)', C defines it as 'i64 (i64)'\" hl-$n.o.err &&
			grep -qx \"helperlink: warning: 'h-$n.bc': 'rust_helper_lo32' stays a call: Rust calls it as 'i64 (i32)', C defines it as 'i32 (i32)'\" hl-$n.o.err &&
			test \$(wc -l <hl-$n.o.err) -eq 3"
		$_cc main-$_arch.o abi-$_arch.o h-$n.o -o plain-$n
		$_cc main-$_arch.o hl-$n.o h-$n.o -o prog-$n
		$_run ./plain-$n >plain-$n.out
		$_run ./prog-$n >prog-$n.out
		check "$n: the plain program prints something" test -s plain-$n.out
		same "$n: the program prints what the plain one prints" plain-$n.out prog-$n.out
		# The reasons: link --report, report --helpers, and report on the
		# object alone, from the notes the link left in it.
		$HL report hl-$n.o --helpers h-$n.bc >report-$n.txt 2>&1
		$HL report hl-$n.o --helper-prefix rust_helper_ >notes-$n.txt 2>&1
		calls link-$n.txt >want-$n
		check "$n: link --report names the three reasons" \
			test "$(grep -c "Rust calls it as" want-$n)" -eq 3
		calls report-$n.txt >got-$n
		same "$n: report --helpers gives link's reasons" want-$n got-$n
		calls notes-$n.txt >got-notes-$n
		same "$n: report on the object alone gives them too" want-$n got-notes-$n
		check "$n: the helpers table names them in its note column" \
			test "$(grep -c "^  rust_helper_[a-z0-9]* .*Rust calls it as" report-$n.txt)" -eq 3
		check "$n: the reasons are an ELF note of owner helperlink (readelf -n)" \
			sh -c "readelf -SW hl-$n.o | grep -q ' \.note\.helperlink  *NOTE ' &&
			       readelf -nW hl-$n.o | grep -q '^  helperlink '"
		check "$n: the linked program has no notes section" \
			sh -c "! $_objdump -h prog-$n | grep -q helperlink"
	done
}

$RUSTC -O --crate-type=lib -C panic=abort --emit=llvm-bc=abi-x86.bc,obj=abi-x86.o \
	"$fix/abi.rs"
abi x86 objdump cc "" 

# A mismatched call that stays, its argument in memory: it calls the C
# object's helper, with the bytes of its struct (LLVM, had it seen the
# definition behind it, would have dropped the stores as dead).
$RUSTC -O --crate-type=lib -C panic=abort --emit=llvm-bc=stays.bc,obj=stays.o \
	"$fix/stays.rs"
$CLANG -O2 -c -emit-llvm "$fix/stays.c" -o stays-h.bc
$CLANG -O2 -c "$fix/stays.c" -o stays-h.o
cc -O2 -c "$fix/stays-main.c" -o stays-main.o
hl_link stays-hl.o stays.bc --helpers stays-h.bc
check "stays: the mismatched call stays" test "$(refs rust_helper_late_sum stays-hl.o)" -eq 1
check "stays: with a warning" grep -q "'rust_helper_late_sum' stays a call: Rust calls it as" stays-hl.o.err
check "stays: a struct passed in memory is no pointer" \
	test "$(refs rust_helper_by_pointer stays-hl.o)" -eq 1
check "... with a warning" grep -q \
	"'rust_helper_by_pointer' stays a call: Rust calls it as 'i64 (ptr)' with arguments in memory" stays-hl.o.err
cc stays-main.o stays.o stays-h.o -o stays-plain
cc stays-main.o stays-hl.o stays-h.o -o stays-prog
./stays-plain >stays-plain.out
./stays-prog >stays-prog.out
check "stays: the plain program prints something" test -s stays-plain.out
same "stays: the program prints what the plain one prints" stays-plain.out stays-prog.out

# A helper that stays a call after --opt=O3, whose interprocedural passes
# change the calls of a copy along with the copy: the calls go to the
# copy, which takes what they pass, not to the C object's helper.
$RUSTC -O --crate-type=lib -C panic=abort --emit=llvm-bc=promote.bc,obj=promote.o \
	"$fix/promote.rs"
$CLANG -O2 -c -emit-llvm "$fix/promote.c" -o promote-h.bc
$CLANG -O2 -c "$fix/promote.c" -o promote-h.o
cc -O2 -c "$fix/promote-main.c" -o promote-main.o
hl_link promote-hl.o --opt=O3 promote.bc --helpers promote-h.bc
cc promote-main.o promote.o promote-h.o -o promote-plain
cc promote-main.o promote-hl.o promote-h.o -o promote-prog
./promote-plain >promote-plain.out
./promote-prog >promote-prog.out 2>&1
check "promote: the plain program prints something" test -s promote-plain.out
same "promote: the --opt=O3 program prints what the plain one prints" \
	promote-plain.out promote-prog.out
check "promote: the call stays" test "$(refs rust_helper_peek promote-hl.o)" -ge 1
$HL link promote.bc --helpers promote-h.bc --emit=ll -o promote-hl.ll 2>/dev/null
check "promote: the rebuilt call keeps the extensions the callee relies on" \
	grep -Eq 'call .*@rust_helper_widen\(i64 [^,]*, i64 [^,]*, i16 [a-z ]*signext [^,]*, i8 [a-z ]*zeroext ' promote-hl.ll

# AArch64: Debian's rustc with a core built from Debian's sources, the
# cross gcc to link, qemu-user to run.
src=/usr/lib/rustlib/src/rust/library/core/src/lib.rs
if [ -x /usr/bin/rustc ] && [ -e $src ] &&
   command -v aarch64-linux-gnu-gcc >/dev/null && command -v qemu-aarch64 >/dev/null; then
	if sh "$top/tests/tools/a64-core" sysroot >a64-core.log 2>&1; then
		RUSTC_BOOTSTRAP=1 /usr/bin/rustc --sysroot sysroot \
			--target aarch64-unknown-linux-gnu -O --crate-type=lib \
			-C panic=abort --emit=llvm-bc=abi-a64.bc,obj=abi-a64.o "$fix/abi.rs"
		abi a64 aarch64-linux-gnu-objdump aarch64-linux-gnu-gcc \
			"qemu-aarch64 -L /usr/aarch64-linux-gnu" \
			--target=aarch64-linux-gnu -ffreestanding
	else
		notok "core for AArch64 builds"
		detail a64-core.log
	fi
else
	skip "AArch64" "needs rust-web-src, gcc-aarch64-linux-gnu and qemu-user"
fi

# invoke: a bin crate through helperlink-cc, its helpers in a static
# archive of bitcode, as Cargo would link a -sys crate's.
$CLANG -O2 -flto=thin -c "$fix/invoke.c" -o invoke-lto.o
ar rcs libinvh.a invoke-lto.o
$CLANG -O2 -c "$fix/invoke.c" -o invoke.o
mkdir plain && ar rcs plain/libinvh.a invoke.o
$RUSTC -O --emit=llvm-ir=invoke.ll "$fix/invoke.rs"
check "rustc calls the helpers with invoke" \
	test "$(grep -c 'invoke .*@rust_helper_' invoke.ll)" -eq 3
check "invoke: links through helperlink-cc" \
	$RUSTC -O -C linker-plugin-lto -C linker="$top/helperlink-cc" -L . \
	-l static=invh "$fix/invoke.rs" -o invoke
$RUSTC -O -L plain -l static=invh "$fix/invoke.rs" -o invoke-plain
./invoke >invoke.out 2>&1
./invoke-plain >invoke-plain.out 2>&1
same "invoke: the program prints what the plain one prints" invoke-plain.out invoke.out
check "invoke: no helper is left in the program" sh -c "! nm invoke | grep -q rust_helper_"
$HL report --helper-prefix rust_helper_ invoke-plain >invoke-plain.txt 2>&1
check "invoke: the plain program calls all three" grep -qx 'helper calls left: 3' invoke-plain.txt

# An object with no call left has no notes section.
$RUSTC -O --emit=llvm-bc=invoke.bc "$fix/invoke.rs"
$CLANG -O2 -c -emit-llvm "$fix/invoke.c" -o invoke-h.bc
hl_link invoke-hl.o invoke.bc --helpers invoke-h.bc
check "no call left: no notes section" sh -c "! objdump -h invoke-hl.o | grep -q helperlink"
check "and no call" test "$(refs_prefix rust_helper_ invoke-hl.o)" -eq 0
