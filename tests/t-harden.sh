# t-harden.sh: bad input, as a build meets it: damaged files, files that
# are not files, outputs that are inputs or devices, signals.  Every case
# must end in exit status 0 or 1 (2 for usage), one line per error that
# names the file, no output and no temporary file left, and no input or
# device changed.  The damaged files are made here, by scripts
# (tests/tools, tests/fuzz/drive.py mutate), from the fixtures.
. "$top/tests/lib.sh"

tools=$top/tests/tools
cp "$FX/user-app.bc" crate.bc
cp "$FX/user-helpers.bc" h.bc
cp "$FX/user-app.o" plain.o
$HL link crate.bc --helpers h.bc -o linked.o 2>/dev/null

# no_leftovers NAME: nothing of helperlink's is left in the directory.
no_leftovers() {
	left=$(ls -a | grep -E '\.tmp|\.helperlink-' || true)
	if [ -z "$left" ]; then ok "$1: no temporary file left"; else
		notok "$1: no temporary file left"; echo "# $left"; fi
}

# one_error NAME FILE STDERR: STDERR holds one error line, no other line
# but warnings and table rows, and it names FILE.
one_error() {
	n=$(grep -c '^helperlink: [^w]' "$3" || true)
	other=$(grep -v -e '^helperlink: ' -e '^  ' "$3" || true)
	if [ "$n" -eq 1 ] && [ -z "$other" ] &&
	   grep '^helperlink: [^w]' "$3" | grep -qF "$2"; then
		ok "$1: one error line, naming '$2'"
	else
		notok "$1: one error line, naming '$2'"
		detail "$3"
	fi
}

# fails NAME FILE CMD...: CMD exits 1, with one error naming FILE, and
# leaves out.o and temporaries alone.
fails() {
	_n=$1 _f=$2
	shift 2
	rm -f out.o
	timeout 60 "$@" >/dev/null 2>err.txt
	_st=$?
	check "$_n: exit status 1" test $_st -eq 1
	one_error "$_n" "$_f" err.txt
	check "$_n: no output" test ! -e out.o
	no_leftovers "$_n"
}

# 1. Stripped objects, stripped programs and libraries: a clear error or
# the dynamic symbols, never a crash.
$HL report /bin/true --helper-prefix=rust_helper_ >true.txt 2>true.err
check "report on a stripped program: exit 0, by its dynamic symbols" \
	grep -q '^helper calls left: 0$' true.txt
strip -o stripped.o plain.o
fails "report on a stripped object" stripped.o \
	$HL report stripped.o --helper-prefix=rust_helper_
fails "report --diff with a stripped object" stripped.o \
	$HL report --diff plain.o stripped.o
$CLANG -O2 -fPIC -c "$FIXTURES/user/helpers.c" -o pic.o
cc -shared -o libh.so pic.o && strip libh.so
$HL report --diff libh.so libh.so >so.txt 2>so.err
check "report --diff of a stripped library: exit 0" test $? -eq 0

# 2. Bit flips in a valid crate or helper file: handled, whatever they
# hit (the reader, the verifier, the IR linker, the optimizer).
bad=0
for seed in $(seq 1 25); do
	for what in crate h; do
		python3 "$top/tests/fuzz/drive.py" mutate $seed $what.bc m.bc
		if [ $what = crate ]; then set -- m.bc --helpers h.bc; else
			set -- crate.bc --helpers m.bc; fi
		rm -f out.o
		timeout 60 $HL link "$@" -o out.o 2>m.err
		st=$?
		errs=$(grep -c '^helperlink: [^w]' m.err || true)
		if [ $st -gt 1 ] || { [ $st -eq 1 ] && { [ -e out.o ] ||
		   ! grep '^helperlink: [^w]' m.err | grep -q "m\.bc"; }; } ||
		   [ "$errs" -gt 1 ] || grep -qv -e '^helperlink: ' -e '^  ' m.err; then
			bad=$((bad + 1))
			echo "# seed $seed, $what: exit $st"
			sed 's/^/#   /' m.err | head -n 3
		fi
	done
done
check "50 damaged crates and helpers: exit 0 or 1, one error naming the file, no output" \
	test $bad -eq 0
no_leftovers "damaged bitcode"

# 3. A helper of appending linkage, which LLVM's reader accepts: the
# verifier refuses the file before it is used.
if cc -I/usr/lib/llvm-22/include "$tools/appending.c" -L/usr/lib/llvm-22/lib \
	-lLLVM-22 -o appending 2>/dev/null &&
   ./appending h.bc appending.bc rust_helper_ring_len; then
	fails "a helper of appending linkage" appending.bc \
		$HL link crate.bc --helpers appending.bc -o out.o
	grep -q "'appending.bc': invalid bitcode: Only global variables can have appending linkage" err.txt
	check "... is invalid bitcode, by the verifier's first line" test $? -eq 0
else
	skip "a helper of appending linkage" "no llvm-22-dev to make one"
fi

# 3b. A crate whose target-cpu was damaged (a fuzzing find): refused,
# naming the crate, before LLVM compiles a helper for that CPU.
# damaged NAME WHAT SED ERROR: crate.bc edited by SED as NAME.bc must
# fail to link with one error that matches ERROR.
damaged() {
	llvm-dis-22 crate.bc -o - | sed "$3" | llvm-as-22 -o $1.bc
	fails "a crate with a damaged $2" $1.bc $HL link $1.bc --helpers h.bc -o out.o
	grep -q "$4" err.txt
	check "... says what" test $? -eq 0
}
if command -v llvm-dis-22 >/dev/null; then
	damaged badcpu target-cpu 's/"target-cpu"="x86-64"/"target-cpu"="x\\0164"/' \
		"'badcpu.bc': its functions' target-cpu '.*' is no name LLVM can know"
	# And one whose triple was (a fuzzing find in an rlib's member).
	damaged badtriple triple 's/^target triple = "x86_64/target triple = "x84_64/' \
		"'badtriple.bc': cannot compile for 'x84_64-"
else
	skip "a crate with a damaged target-cpu" "no llvm-22"
fi

# 4. A count that the file cannot hold (LLVM's reader would allocate for
# it and abort: out of memory).
python3 "$tools/mkbc.py" huge.bc $((1 << 40))
fails "a type table of 2^40 types" huge.bc $HL link huge.bc -o out.o
fails "... as a helper file" huge.bc $HL link crate.bc --helpers huge.bc -o out.o

# 5. What is not a regular file, and what is too big to be read whole
# before its magic number says it is not what it should be.
mkfifo fifo
truncate -s 8G sparse.bc
fails "/dev/zero as the crate" /dev/zero $HL link /dev/zero -o out.o
fails "/dev/zero as --helpers" /dev/zero $HL link crate.bc --helpers /dev/zero -o out.o
fails "/dev/zero as --exports" /dev/zero \
	$HL link crate.bc --helpers h.bc --exports /dev/zero -o out.o
fails "/dev/zero as --helper-list" /dev/zero \
	$HL report linked.o --helper-list /dev/zero
fails "/dev/zero as compat's input" /dev/zero $HL compat /dev/zero
fails "cc @/dev/zero" /dev/zero $HL cc @/dev/zero -o out.o
fails "a FIFO as the crate" fifo $HL link fifo -o out.o
fails "a directory as the crate" . $HL link . -o out.o
fails "an 8 GiB sparse file as the crate" sparse.bc $HL link sparse.bc -o out.o
fails "an 8 GiB sparse file as --exports" sparse.bc \
	$HL link crate.bc --helpers h.bc --exports sparse.bc -o out.o

# 6. Devices as outputs are written in place, never replaced.
$HL link crate.bc --helpers h.bc -o /dev/null 2>/dev/null
check "-o /dev/null: exit 0" test $? -eq 0
check "... and /dev/null is still a device" test -c /dev/null
$HL link crate.bc --helpers h.bc -o /dev/full 2>full.err
check "-o /dev/full: exit 1" test $? -eq 1
check "... saying why" grep -q "cannot write '/dev/full': No space left on device" full.err
check "... and /dev/full is still a device" test -c /dev/full
$HL link crate.bc --helpers h.bc -o /dev/stdout >stdout.o 2>/dev/null
check "-o /dev/stdout: the object goes to standard output" cmp -s stdout.o linked.o

# 7. An output that is an input is refused, and the input stays whole.
cp h.bc h-copy.bc
cp crate.bc crate-copy.bc
ln -sf h.bc h-link.bc
fails "-o naming the helpers" h.bc $HL link crate.bc --helpers h.bc -o h.bc
fails "-o naming the crate" crate.bc $HL link crate.bc --helpers h.bc -o crate.bc
fails "-o a symbolic link to the helpers" h.bc \
	$HL link crate.bc --helpers h.bc -o h-link.bc
fails "ld -r -o naming its input" crate.bc \
	$HL ld -r --helpers h.bc -o crate.bc crate.bc "$FX/user-lib.o"
fails "-o and --report naming one file" same.o \
	$HL link crate.bc --helpers h.bc -o same.o --report=same.o
check "... the inputs are unchanged" cmp -s h.bc h-copy.bc
check "... and the crate too" cmp -s crate.bc crate-copy.bc
check "... the link is a link still" test -L h-link.bc
printf 'static inline int g(int x) { return x; }\n' >g.h
cp g.h g-copy.h
fails "gen -o naming its header" g.h $HL gen g.h -o g.h
check "... the header is unchanged" cmp -s g.h g-copy.h
rm -f real.o
ln -sf real.o sym.o
$HL link crate.bc --helpers h.bc -o sym.o 2>/dev/null
check "-o a symbolic link writes through it" sh -c 'test -L sym.o && cmp -s real.o linked.o'

# 8. Stopped while working: the temporaries go.  Each program below says
# it is running (started), then waits; helperlink is stopped meanwhile.
cat >slow <<'EOF'
#!/bin/sh
: >started
sleep 30
EOF
chmod +x slow
# stopped NAME SIGNAL CMD...: CMD, stopped by SIGNAL once slow runs.  (A
# shell starts a background command with SIGINT ignored, nohup ignores
# SIGHUP, and helperlink leaves a signal ignored as it found it: the
# command gets them back.)
stopped() {
	_n=$1 _sig=$2
	shift 2
	rm -f started out.o prog
	python3 -c 'import os, signal, sys
for sig in (signal.SIGINT, signal.SIGHUP, signal.SIGTERM):
    signal.signal(sig, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])' "$@" >/dev/null 2>stop.err &
	_pid=$!
	_i=0
	while [ ! -e started ] && [ $_i -lt 300 ]; do sleep 0.1; _i=$((_i + 1)); done
	kill -$_sig $_pid
	wait $_pid
	_st=$?
	pkill -f "$PWD/slow" 2>/dev/null || pkill -x sleep 2>/dev/null || true
	check "$_n: stopped by SIG$_sig" test $_st -gt 128
	check "$_n: no output" test ! -e out.o -a ! -e prog
	no_leftovers "$_n"
}
stopped "cc while the linker runs" TERM \
	env HELPERLINK_LINKER="$PWD/slow" HELPERLINK_CACHE="$PWD/cache" \
	$HL cc -o prog crate.bc h.bc
stopped "ld while the linker runs" INT \
	$HL ld -r --ld="$PWD/slow" --helpers h.bc -o out.o crate.bc
stopped "link --header while the C compiler runs" HUP \
	env CC="$PWD/slow" $HL link crate.bc --header g.h -o out.o
check "... and no cache lock is left" sh -c "! ls cache 2>/dev/null | grep -q lock"

# An error inside LLVM that ends the process (report_fatal_error): here,
# an AVX-512 intrinsic (which helperlink has no table for, so that
# --allow-feature-mismatch inlines it) inlined, against the warning, into
# code whose CPU lacks it, which LLVM then cannot select.
printf '#include <immintrin.h>\nunsigned\nrust_helper_ring_len(void *r)\n{\n\treturn _mm512_reduce_add_pd(_mm512_sqrt_round_pd(_mm512_set1_pd(*(double *)r), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));\n}\n' >crc.c
$CLANG -O2 -mavx512f -c -emit-llvm crc.c -o crc.bc
rm -f out.o out.txt
$HL link crate.bc --helpers crc.bc --allow-feature-mismatch -o out.o \
	--report=out.txt 2>fatal.err
st=$?
check "an LLVM fatal error: exit status 1 (not $st)" test $st -eq 1
check "... saying what LLVM said, naming the helpers" \
	grep -q "^helperlink: 'crate.bc', 'crc.bc': LLVM error: " fatal.err
check "... no output, no report" test ! -e out.o -a ! -e out.txt
no_leftovers "an LLVM fatal error"

# 9. Objects whose relocations do not fit: refused, so that no report
# says "0 calls left" about what it did not read.
for how in offset info type symbol symtab; do
	python3 "$tools/elfmut.py" plain.o damaged-$how.o $how
	fails "report on an object with a damaged relocation ($how)" damaged-$how.o \
		$HL report damaged-$how.o --helper-prefix=rust_helper_ --require-inlined
done

# 10. A header too deep for libclang's parser: one line, nothing written.
python3 -c "print('static inline int deep(int x) { return ' + ' + '.join(['x'] * 50000) + '; }')" >deep.h
rm -f deep.c
fails "gen on a 50,000-term expression" deep.h $HL gen deep.h -o deep.c
check "... writes nothing" test ! -e deep.c

# 11. cc names what the user gave: an archive's member, not a temporary.
python3 "$top/tests/fuzz/drive.py" mutate 7 h.bc hm.bc
head -c 600 h.bc >hm.bc
cp h.bc member.bc
ar rcs libm.a member.bc hm.bc
fails "cc with a damaged archive member" "libm.a(hm.bc)" \
	env HELPERLINK_LINKER=true HELPERLINK_CACHE="$PWD/cache" \
	$HL cc -o out.o crate.bc libm.a
check "... naming no temporary file" sh -c "! grep -q helperlink- err.txt"
rm -f prog
env HELPERLINK_LINKER=false HELPERLINK_CACHE="$PWD/cache" $HL cc -o prog crate.bc h.bc 2>/dev/null
check "cc: a linker that fails leaves no output" test ! -e prog
no_leftovers "cc with a failing linker"

# 12. Usage errors are one line too.
$HL link crate.bc -o out.o --emit=exe 2>usage.err
check "a usage error: exit 2" test $? -eq 2
check "... in one line, pointing to --help" \
	sh -c "test \$(wc -l <usage.err) -eq 1 && grep -q \"see 'helperlink link --help'\" usage.err"
