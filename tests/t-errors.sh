# t-errors.sh: every error case in tests/errors/NAME: "cmd" is run in a
# scratch directory holding the inputs below; its standard error must be
# "stderr" exactly (@LLVM@ is the loaded LLVM's version), its status
# "status" (1 when absent), and it must leave no new file behind, no
# output and no temporary, but those it makes itself, listed in "creates".
. "$top/tests/lib.sh"

# The inputs.
mkdir inputs
cp "$FX/user-app.bc" inputs/crate.bc
cp "$FX/user-helpers.bc" inputs/helpers.bc
cp "$FX/kernel-crate.bc" inputs/kcrate.bc
make -s -C "$top" tests/tools/bcpatch >/dev/null
cp "$top/tests/tools/bcpatch" bcpatch
./bcpatch inputs/helpers.bc inputs/newer.bc 99 2>/dev/null ||
	./bcpatch inputs/helpers.bc inputs/newer.bc 9
size=$(wc -c <inputs/helpers.bc)
head -c $((size / 2)) inputs/helpers.bc >inputs/truncated.bc
echo "not bitcode" >inputs/notbc.bc
$CLANG $(cat "$FX/kernel-cflags") -mcmodel=large -c -emit-llvm \
	"$FIXTURES/kernel/khelpers.c" -o inputs/large.bc
printf 'long app_run(void *r, int n) { return n; }\n' >clash.c
$CLANG -O2 -c -emit-llvm clash.c -o inputs/clash.bc
printf 'int rust_helper_dup(int x) { return x + %s; }\n' 1 >dup1.c
printf 'int rust_helper_dup(int x) { return x + %s; }\n' 2 >dup2.c
$CLANG -O2 -c -emit-llvm dup1.c -o inputs/dup1.bc
$CLANG -O2 -c -emit-llvm dup2.c -o inputs/dup2.bc
$CLANG --target=aarch64-linux-gnu -O2 -c -emit-llvm \
	"$FIXTURES/user/helpers.c" -o inputs/arm64.bc
$CLANG --target=x86_64-linux-gnux32 -O2 -c -emit-llvm \
	"$FIXTURES/user/helpers.c" -o inputs/x32.bc
# Files that are not relocatable x86-64 or AArch64 ELF objects.
$CLANG -O2 -fPIC -c "$FIXTURES/user/helpers.c" -o helpers.o
ar rcs inputs/lib.a helpers.o
cc -shared helpers.o -o inputs/lib.so
$CLANG --target=riscv64-linux-gnu -O2 -c "$FIXTURES/user/helpers.c" \
	-o inputs/riscv64.o
for f in bad_asm error_attr; do
	$CLANG -O2 -c -emit-llvm "$FIXTURES/errors/$f.c" -o inputs/$f.bc
done

llvm=$($HL --version | sed -n 's/^LLVM \([0-9.]*\) .*/\1/p')
helpers_version=$($CLANG --version | sed -n 's/.*clang version \([0-9.]*\).*/\1/p')

for case in "$top"/tests/errors/*/; do
	name=$(basename "$case")
	rm -rf run && cp -r inputs run
	(cd run && ls -a) >before
	status=0
	(cd run && HL=$HL sh "$case/cmd") >stdout 2>stderr || status=$?
	(cd run && ls -a) >after
	want=1
	[ -f "$case/status" ] && want=$(cat "$case/status")
	sed -e "s/@LLVM@/$llvm/g" \
	    -e "s/@HELPERS_MINOR_PATCH@/${helpers_version#*.}/g" \
	    "$case/stderr" >expect
	check "$name: exit status $want" test "$status" -eq "$want"
	same "$name: message" expect stderr
	if [ -f "$case/creates" ]; then
		cat "$case/creates" >>before
		sort before -o before
	fi
	same "$name: no file left behind" before after
done
