# t-callforms.sh: "helperlink report" counts every form a call takes, in
# objects and in linked programs: x86-64 small, medium, large and kernel
# code models, PIC and not (direct, PLT, GOT, GOT64 + an indirect call,
# movabs + call *%rax); AArch64 BL and B, ADRP + LDR from the GOT + BLR,
# the tiny model's literal GOT load, the large model; programs linked as
# PIE, not, statically, and with the helpers in a shared library (PLT
# entries, GLOB_DAT and JUMP_SLOT slots, a canonical PLT address, an
# ifunc's PLT entry).  The fixture makes 3 calls; each program runs and
# must report 3.  And a call after a return in the middle of a function.
. "$top/tests/lib.sh"

fix=$FIXTURES/callforms

# count FILE: what report says of FILE, "helper calls left: N".
count() { $HL report "$1" --helper-prefix rust_helper_ 2>&1 | sed -n 3p; }

# forms ARCH CC RUN OBJECT...: each object, then linked each way and run.
forms() {
	_arch=$1 _cc=$2 _run=$3
	shift 3
	$_cc -O2 -c "$fix/helpers.c" -o h-$_arch.o
	$_cc -O2 -fPIC -shared "$fix/helpers.c" -o libh$_arch.so
	$_cc -O2 -c "$fix/main.c" -o main-$_arch.o
	for o in "$@"; do
		check "$o: 3 calls" test "$(count $o)" = "helper calls left: 3"
		for how in pie nopie static so; do
			case $how in
			pie) set -- -pie h-$_arch.o ;;
			nopie) set -- -no-pie h-$_arch.o ;;
			static) set -- -static h-$_arch.o ;;
			so) set -- -L. -lh$_arch -Wl,-rpath,"$PWD" ;;
			esac
			p=${o%.o}-$how
			$_cc main-$_arch.o "$o" "$@" -o $p 2>/dev/null || continue
			check "$p runs" sh -c "$_run ./$p >$p.out && grep -qx '32 18' $p.out"
			check "$p: 3 calls" test "$(count $p)" = "helper calls left: 3"
		done
	done
}

x86=
for m in small medium large kernel; do
	for r in pic static; do
		$RUSTC -O --crate-type=lib -C panic=abort -C code-model=$m \
			-C relocation-model=$r --emit=obj=x-$m-$r.o "$fix/calls.rs"
		x86="$x86 x-$m-$r.o"
	done
done
# shellcheck disable=SC2086  # one word per object
forms x86 cc "" $x86
check "the large model calls through GOT64 and a register" \
	sh -c "objdump -dr x-large-pic.o | grep -q 'R_X86_64_GOT64.*rust_helper_a' &&
	       objdump -d x-large-pic.o | grep -q 'call.*\*(%r15,%rax,1)'"

# A call after a return in the middle of a function: its register comes
# from a stack slot that the epilogue before it did not change.
$RUSTC --crate-type=lib -C panic=abort -C opt-level=0 -C code-model=large \
	-C relocation-model=pic --emit=obj=early.o "$fix/early.rs"
cc -O2 -c "$fix/early-main.c" -o early-main.o
cc early-main.o early.o h-x86.o -o early
check "early runs" sh -c "./early >early.out && grep -qx 245 early.out"
check "early: both calls, the one after the return too" \
	test "$(count early)" = "helper calls left: 2"

# Helpers that are ifuncs, in a program that is not PIC: each call goes
# to the PLT entry that stands for the function and bears its name (with
# no size), and in the large model through movabs of that address.
cc -O2 -c "$fix/ifunc.c" -o ifunc.o
for o in x-small-static.o x-large-static.o; do
	p=${o%.o}-ifunc
	cc main-x86.o $o ifunc.o -no-pie -o $p
	check "$p runs" sh -c "./$p >$p.out && grep -qx '32 18' $p.out"
	check "$p: 3 calls" test "$(count $p)" = "helper calls left: 3"
	check "$p: objdump finds them" test "$(refs 'rust_helper_[ab]' $p)" -eq 3
done

src=/usr/lib/rustlib/src/rust/library/core/src/lib.rs
if [ -x /usr/bin/rustc ] && [ -e $src ] && has_clang clang-22 &&
   command -v aarch64-linux-gnu-gcc >/dev/null && command -v qemu-aarch64 >/dev/null; then
	if sh "$top/tests/tools/a64-core" sysroot >a64-core.log 2>&1; then
		a64() {
			RUSTC_BOOTSTRAP=1 /usr/bin/rustc --sysroot sysroot \
				--target aarch64-unknown-linux-gnu -O --crate-type=lib \
				-C panic=abort "$@" "$fix/calls.rs"
		}
		a64 -C relocation-model=pic --emit=obj=a-pic.o
		a64 -C relocation-model=static --emit=obj=a-static.o
		a64 -C code-model=large -C relocation-model=static --emit=obj=a-large.o
		a64 -Z plt=no --emit=obj=a-noplt.o
		for m in small tiny; do
			clang-22 --target=aarch64-linux-gnu -O2 -fPIC -fno-plt \
				-mcmodel=$m -c "$fix/calls.c" -o a-c-$m.o
		done
		clang-22 --target=aarch64-linux-gnu -O2 -fno-pic -mcmodel=large \
			-c "$fix/calls.c" -o a-c-large.o
		forms a64 aarch64-linux-gnu-gcc "qemu-aarch64 -L /usr/aarch64-linux-gnu" \
			a-pic.o a-static.o a-large.o a-noplt.o a-c-small.o a-c-tiny.o a-c-large.o
		check "-Z plt=no calls through the GOT and blr" \
			sh -c "aarch64-linux-gnu-objdump -dr a-noplt.o | grep -q 'R_AARCH64_LD64_GOT_LO12_NC.*rust_helper_a' &&
			       aarch64-linux-gnu-objdump -d a-noplt.o | grep -q 'blr'"
		status_is 1 "  and --require-inlined fails on it" \
			sh -c "'$HL' report a-noplt.o --helper-prefix rust_helper_ --require-inlined >a-noplt.report 2>a-noplt.err"
		check "  naming the 3 calls" grep -q "3 helper calls are left" a-noplt.err
		detail a-noplt.err
	else
		notok "core for AArch64 builds"
		detail a64-core.log
	fi
else
	skip "AArch64" "needs rust-web-src, clang-22, gcc-aarch64-linux-gnu and qemu-user"
fi
