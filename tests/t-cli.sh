# t-cli.sh: help, version and usage errors.
. "$top/tests/lib.sh"

check "--help: exit 0" sh -c "$HL --help >help.out"
check "--help lists the commands" grep -q '^  link ' help.out
check "-h: exit 0" sh -c "$HL -h >/dev/null"
for c in link report compat; do
	check "$c --help: exit 0, on stdout" sh -c "$HL $c --help >$c.out 2>$c.err"
	check "$c --help: usage" grep -q "^usage: helperlink $c" $c.out
	check "$c --help: nothing on stderr" test ! -s $c.err
done
$HL --version >version.out
check "--version: exit 0" test $? -eq 0
check "--version names helperlink" grep -qE '^helperlink [0-9]+\.[0-9]+\.[0-9]+$' version.out
check "--version names the loaded LLVM and its path" \
	grep -qE '^LLVM [0-9]+\.[0-9]+\.[0-9]+ \(/.*libLLVM.*\)$' version.out
check "--version names the demangler" grep -qE '^demangler: (libiberty|none)$' version.out
lib=$(sed -n 's/^LLVM .* (\(.*\))$/\1/p' version.out)
HELPERLINK_LLVM=$lib $HL --version >env.out
same "HELPERLINK_LLVM picks the library" version.out env.out
check "--llvm picks the library" sh -c "$HL --llvm '$lib' --version | grep -qF '$lib'"
status_is 1 "RUSTC that is not there, no override: exit 1" \
	sh -c "RUSTC=/nonexistent/rustc $HL --version >/dev/null 2>&1"
$HL 2>noargs.err
check "no command: exit 2" test $? -eq 2
$HL link 2>link.err
check "link without arguments: exit 2" test $? -eq 2
check "link without arguments: says what is missing" \
	grep -q "^helperlink: link: no crate bitcode given; see 'helperlink link --help'$" link.err
check "man page exists" test -s "$top/doc/helperlink.1"
check "man page formats" sh -c "man -l '$top/doc/helperlink.1' >/dev/null 2>&1 || groff -man -Tascii '$top/doc/helperlink.1' >/dev/null"

make -s -C "$top" install PREFIX="$PWD/prefix" >install.log 2>&1
check "make install PREFIX=..." test -x prefix/bin/helperlink -a -f prefix/share/man/man1/helperlink.1
check "the installed helperlink runs" sh -c "prefix/bin/helperlink --version >/dev/null"
