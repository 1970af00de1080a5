# t-module.sh: "helperlink ld", module mode.  A module of three objects,
# Rust and C as bitcode and one assembly object, named in a response file
# as kbuild names them: the bitcode is linked with the helpers and
# compiled, the assembly goes to ld -r unchanged, and the program built
# from the result prints what the native build prints.
. "$top/tests/lib.sh"
M=$FIXTURES/module

$RUSTC -O --crate-type=lib -C panic=abort -C codegen-units=1 \
	--emit=llvm-bc=modrs.bc,obj=modrs.o "$M/modrs.rs"
$CLANG -O2 -c -emit-llvm "$M/modc.c" -o modc.bc
$CLANG -O2 -c "$M/modc.c" -o modc.o
$CLANG -O2 -c -emit-llvm "$M/helpers.c" -o helpers.bc
$CLANG -O2 -c "$M/helpers.c" -o helpers.o
$CLANG -c "$M/modasm.S" -o modasm.o
$CLANG -O2 -c "$M/main.c" -o main.o

# The native build: every helper stays a call.
ld -r -o native.o modrs.o modc.o modasm.o
check "native: the module calls the helpers" \
	test "$(refs_prefix rust_helper_ native.o)" -gt 0
$CLANG main.o native.o helpers.o -o native
./native 100 >native.out

printf 'modrs.bc\nmodc.bc modasm.o\n' >mod.mod
if $HL ld -r --helpers helpers.bc -o mod.o @mod.mod --report=mod.report \
	2>mod.err; then ok "ld -r of bitcode and assembly"; else notok "ld -r of bitcode and assembly"; detail mod.err; fi
check "no helper call left" test "$(refs_prefix rust_helper_ mod.o)" -eq 0
check "no helper copy left" sh -c "! nm mod.o | grep -q rust_helper_"
check "the assembly is in the module" sh -c "nm mod.o | grep -q ' T mod_checksum$'"
check "the C and Rust parts are in the module" \
	sh -c "nm mod.o | grep -q ' T mod_run$' && nm mod.o | grep -q ' T mod_rust_sum$'"
check "the report says 0 calls left" grep -q '^helper calls left: 0$' mod.report
check "ld -r kept it relocatable" sh -c "readelf -h mod.o | grep -q 'REL (Relocatable'"
$CLANG main.o mod.o -o inlined
./inlined 100 >inlined.out
same "the inlined module computes what the native one does" native.out inlined.out
check "and that is 395" grep -qx 395 inlined.out
$HL ld -r --helpers helpers.bc -o mod2.o @mod.mod 2>/dev/null
check "the result is byte-identical from run to run" cmp -s mod.o mod2.o

# Plain ld cannot take the bitcode: the problem module mode solves.
check "plain ld -r refuses the bitcode" \
	sh -c "! ld -r -o plain.o modrs.bc modc.bc modasm.o 2>/dev/null"

# The linker is a choice; lld reads the same arguments.
if command -v ld.lld-22 >/dev/null 2>&1; then
	if $HL ld --ld=ld.lld-22 -r --helpers helpers.bc -o lld.o modrs.bc \
		modc.bc modasm.o 2>lld.err; then ok "ld --ld=ld.lld-22"; else notok "ld --ld=ld.lld-22"; detail lld.err; fi
	$CLANG main.o lld.o -o lld-prog
	./lld-prog 100 >lld.out
	same "the lld-linked module computes the same" native.out lld.out
else
	skip "ld --ld=ld.lld-22" "no ld.lld-22"
fi

# Without bitcode it is the linker, and its output is the linker's.
ld -r -o direct.o modrs.o modc.o modasm.o
$HL ld -r -o passed.o modrs.o modc.o modasm.o
check "native inputs only: the linker's own output" cmp -s direct.o passed.o

# Failures: one line, exit 1, no output and no temporary file left.
mkdir fail
$HL ld -r --helpers helpers.bc --frobnicate -o fail/m.o modrs.bc modasm.o \
	2>fail.err
check "a linker failure exits 1" test $? -eq 1
check "a linker failure names the linker" \
	grep -q "^helperlink: 'ld' failed (exit status 1); 'fail/m.o' not written$" fail.err
check "a linker failure leaves nothing" test -z "$(ls fail)"
$HL ld -r -o fail/m.o modrs.bc missing.o 2>missing.err
check "a missing input exits 1" test $? -eq 1
check "a missing input is named" \
	grep -qx "helperlink: cannot open 'missing.o': No such file or directory" missing.err
check "a missing input leaves nothing" test -z "$(ls fail)"
status_is 2 "--report needs bitcode" $HL ld -r --report=r.txt -o fail/m.o \
	modasm.o 2>/dev/null
status_is 2 "--emit is refused" $HL ld -r --emit=ll -o fail/m.o modrs.bc \
	2>/dev/null
printf '@nest.mod\n' >nest.mod
$HL ld -r -o fail/m.o @nest.mod 2>nest.err
check "a response file naming itself is refused" \
	grep -qx "helperlink: response file 'nest.mod': nested too deep" nest.err

# A whole program, with cc as the linker: the linker's file keeps its
# mode, so the program can run.
if $HL ld --ld=cc --helpers helpers.bc -o prog main.o modrs.bc modc.bc \
	modasm.o 2>prog.err && ./prog 100 >prog.out; then
	ok "ld --ld=cc: a program that runs"
else
	notok "ld --ld=cc: a program that runs"
	detail prog.err
fi
same "and computes what the native one does" native.out prog.out

# The linker's own options stay the linker's: --format is its input
# format (helperlink's is --report-format here).
if $HL ld -r --format elf64-x86-64 --helpers helpers.bc --report=fmt.json \
	--report-format=json -o fmt.o modrs.bc modc.bc modasm.o 2>fmt.err; then
	ok "ld: --format goes to the linker"
else
	notok "ld: --format goes to the linker"
	detail fmt.err
fi
check "ld: --report-format=json is helperlink's" grep -q '"calls_left": 0' fmt.json
status_is 2 "-Map would name temporary files: refused" \
	$HL ld -r -Map=m.map -o fail/m.o modrs.bc 2>/dev/null
status_is 2 "--redefine-sym needs bitcode" \
	$HL ld -r --redefine-sym a=b -o fail/m.o modasm.o 2>/dev/null
check "refusals leave nothing" test -z "$(ls fail)"
