# t-report.sh: "helperlink report" and the link's own report, against
# expected output.  Each case in tests/reports/NAME: "cmd" runs in a
# scratch copy of the inputs built below; its standard output must be
# "stdout", its standard error "stderr" (empty when absent), its status
# "status" (0 when absent); the files named in "absent" must not exist
# afterwards.  A case with a file "demangles" shows demangled Rust names
# and is skipped when helperlink has no demangler.  Rust symbol hashes
# are replaced by <hash>, as they change with rustc's version.
#
# The sizes in IR instructions are clang's: with another clang than
# Debian 12's clang 14, expect other numbers.  UPDATE=1 writes what the
# cases print as their expected output, to be read before it is committed.
. "$top/tests/lib.sh"

fix=$FIXTURES/report
mkdir inputs
(
	cd inputs
	ln -s "$FX" fx
	cp "$FIXTURES/kernel/Module.symvers" .
	$CLANG -O2 -c -emit-llvm "$fix/rhelpers.c" -o rh.bc
	$CLANG -Os -c "$fix/callers.c" -o callers-x86_64.o
	$CLANG --target=aarch64-linux-gnu -O2 -c "$fix/callers.c" \
		-o callers-aarch64.o
	$CLANG -O2 -msse4.2 -c -emit-llvm "$fix/rhelpers.c" -o rh-sse42.bc
	$RUSTC -O --crate-type=lib -C panic=abort -C codegen-units=1 \
		--emit=obj=rc.o,llvm-bc=rc.bc "$fix/rcrate.rs"
	$RUSTC -O --crate-type=lib -C panic=abort -C codegen-units=1 \
		-C symbol-mangling-version=v0 --emit=llvm-bc=rc-v0.bc "$fix/rcrate.rs"
	$HL link rc.bc --helpers rh.bc -o rl.o
	$HL link rc-v0.bc --helpers rh.bc -o rl-v0.o
	$HL link fx/kernel-crate.bc --helpers fx/kernel-helpers.bc -o k.o
	$HL link fx/kernel-crate.bc -o kplain.o
	$CLANG $(cat "$FX/kernel-cflags") -c -emit-llvm \
		"$FIXTURES/kernel/khelpers.c" -o kh.bc
	$HL link fx/kernel-crate.bc --helpers kh.bc --no-force-inline \
		--emit=bc -o knf.bc
) 2>inputs.err
if test -s inputs/rl.o -a -s inputs/rl-v0.o -a -s inputs/k.o \
	-a -s inputs/kplain.o -a -s inputs/knf.bc -a -s inputs/callers-aarch64.o; then
	ok "the inputs build"
else
	notok "the inputs build"
	detail inputs.err
fi

demangler=$($HL --version | sed -n 's/^demangler: //p')
normalize() {
	sed -e 's/17h[0-9a-f]\{16\}E/17h<hash>E/g' \
	    -e 's/Cs[0-9A-Za-z]*_6rcrate/Cs<hash>_6rcrate/g' "$@"
}

for case in "$top"/tests/reports/*/; do
	name=$(basename "$case")
	if [ -f "$case/demangles" ] && [ "$demangler" = none ]; then
		skip "$name" "no demangler: built without libiberty"
		continue
	fi
	rm -rf run && cp -R inputs run
	status=0
	(cd run && HL=$HL sh "$case/cmd") >stdout.raw 2>stderr.raw || status=$?
	normalize stdout.raw >stdout
	normalize stderr.raw >stderr
	want=0
	[ -f "$case/status" ] && want=$(cat "$case/status")
	if [ "${UPDATE:-}" = 1 ]; then
		cp stdout "$case/stdout"
		if [ -s stderr ]; then cp stderr "$case/stderr"; else rm -f "$case/stderr"; fi
	fi
	[ -f "$case/stderr" ] && cp "$case/stderr" expect-stderr || : >expect-stderr
	check "$name: exit status $want" test "$status" -eq "$want"
	same "$name: output" "$case/stdout" stdout
	same "$name: messages" expect-stderr stderr
	if [ -f "$case/absent" ]; then
		for f in $(cat "$case/absent"); do
			check "$name: no $f" test ! -e "run/$f"
		done
	fi
done

# The report agrees with the object code: a helper has calls left in the
# report exactly when objdump -dr shows references to it in code (these
# objects use no helper's address in code).
cd inputs
for obj in rl.o k.o kplain.o fx/user-app.o; do
	case $obj in
	rl.o) helpers=rh.bc ;;
	k*) helpers=fx/kernel-helpers.bc ;;
	*) helpers=fx/user-helpers.bc ;;
	esac
	$HL report $obj --helpers $helpers |
		awk '/^helpers:/ {on = 1; next} /^$/ {on = 0} on && $1 != "helper" {print $1, $3}' \
		>../left
	disagree=
	while read -r helper left; do
		n=$(refs "$helper" $obj)
		if [ $((left > 0)) -ne $((n > 0)) ]; then
			disagree="$disagree $helper($left/$n)"
		fi
	done <../left
	check "$obj: the report's calls left agree with objdump" \
		test -s ../left -a -z "$disagree"
	[ -z "$disagree" ] || echo "# report/objdump:$disagree"
done

# What the report tells is what the program does: with the helpers'
# static state copied (--allow-static-copies), the crate counts on its own.
$CLANG -O2 -c "$fix/rhelpers.c" -o rh.o
$CLANG -O2 -c "$fix/main.c" -o main.o
$HL link rc.bc --helpers rh.bc --allow-static-copies -o rs.o 2>/dev/null
for v in rc rl rs; do
	cc main.o rh.o $v.o -o $v && ./$v >$v.out
done
same "linked: the program runs as rustc's" rc.out rl.out
check "shared: C and Rust count together, and warn once" \
	sh -c "grep -qx '.* 8' rc.out && test \$(grep -c warned rc.out) -eq 1"
check "static copies: the crate counts, and warns, on its own" \
	sh -c "grep -qx '.* 4' rs.out && test \$(grep -c warned rs.out) -eq 2"
