# t-compat.sh: "helperlink compat" says whether helperlink can combine
# what rustc, the C compiler and bitcode files produce.
. "$top/tests/lib.sh"

llvm=$($HL --version | sed -n 's/^LLVM \([0-9.]*\) .*/\1/p')
major=${llvm%%.*}

$HL compat --cc "$CLANG" "$FX/user-helpers.bc" "$FX/user-app.bc" >out 2>err
check "rustc, clang and their bitcode: exit 0" test $? -eq 0
check "prints the loaded libLLVM" grep -q "^libLLVM *$llvm " out
check "prints rustc's LLVM" grep -q "^rustc *$llvm " out
check "prints the C compiler's LLVM" grep -q "^cc .* $CLANG\$" out
check "prints each producer" grep -q "^producer .*user-app.bc\$" out
check "nothing on stderr" test ! -s err

make -s -C "$top" tests/tools/bcpatch >/dev/null
cp "$top/tests/tools/bcpatch" bcpatch
./bcpatch "$FX/user-app.bc" newer.bc $((major + 1))
$HL compat --cc "$CLANG" newer.bc >out 2>err
check "newer producer: exit 1" test $? -eq 1
echo "helperlink: 'newer.bc' uses LLVM $((major + 1)).${llvm#*.}, newer than the loaded LLVM $llvm" >expect
same "newer producer: the reason" expect err

# The kernel's stricter rule: equal major versions.
cc_major=$(clang_major "$CLANG")
$HL compat --cc "$CLANG" --same-major >out 2>err
status=$?
if [ "$cc_major" = "$major" ]; then
	check "--same-major with clang $cc_major: exit 0" test $status -eq 0
else
	check "--same-major with clang $cc_major: exit 1" test $status -eq 1
	echo "helperlink: '$CLANG' uses LLVM $cc_major, the loaded LLVM is $major: the major versions differ" >expect
	same "--same-major: the reason" expect err
fi

# A C compiler that is not clang cannot make bitcode.
if command -v gcc >/dev/null 2>&1; then
	$HL compat --cc gcc >out 2>err
	check "gcc: exit 1" test $? -eq 1
	echo "helperlink: 'gcc' is not clang, so it cannot produce LLVM bitcode" >expect
	same "gcc: the reason" expect err
fi

# As Kconfig uses it.
cat >Kconfig <<EOK
config HELPERLINK_OK
	def_bool \$(success,$HL compat --rustc $RUSTC --cc $CLANG)
EOK
check "usable as \$(success,...): exit status only" \
	sh -c "$HL compat --rustc $RUSTC --cc $CLANG >/dev/null 2>&1"
status_is 1 "a rustc that is not there: exit 1" \
	sh -c "$HL compat --rustc /nonexistent/rustc --cc $CLANG >/dev/null 2>&1"

# A distribution's rustc: Debian's has the sysroot /usr and links the
# system libLLVM of its major version, in the multiarch directory.
if [ -x /usr/bin/rustc ] && /usr/bin/rustc -vV 2>/dev/null | grep -q '^LLVM version: '; then
	major=$(/usr/bin/rustc -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')
	RUSTC=/usr/bin/rustc $HL --version >debian.out 2>&1
	check "Debian's rustc: its libLLVM $major from the multiarch directory" \
		grep -q "^LLVM $major\.[0-9.]* (/usr/lib/[a-z0-9_]*-linux-gnu/libLLVM[-.]" debian.out
else
	skip "Debian's rustc: its libLLVM" "no /usr/bin/rustc (Debian's rustc-web)"
fi
