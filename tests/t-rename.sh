# t-rename.sh: --redefine-sym and --redefine-syms, with objcopy's
# semantics: the symbol table of helperlink's object equals what objcopy
# makes of the object without renaming; objcopy itself cannot rename
# inside bitcode.
. "$top/tests/lib.sh"
app=$FX/user-app.bc
h=$FX/user-helpers.bc

# symbols OBJECT: the symbol table, sorted, without addresses.
symbols() { nm "$1" | sed 's/^[0-9a-f]* *//' | sort; }

hl_link plain.o "$app" --helpers "$h"
renames="--redefine-sym app_run=app_go --redefine-sym rust_helper_ring_len=rust_helper_stamp --redefine-sym rust_helper_stamp=rust_helper_ring_len"
hl_link renamed.o "$app" --helpers "$h" $renames
objcopy $renames plain.o objcopied.o
symbols renamed.o >renamed.syms
symbols objcopied.o >objcopied.syms
same "the symbol table is objcopy's, swaps included" objcopied.syms renamed.syms
check "the definition is renamed" grep -qx 'T app_go' renamed.syms
check "the old name is gone" sh -c "! grep -q 'app_run' renamed.syms"
objdump -d plain.o | sed 1,3d >plain.dis
objdump -d renamed.o | sed 1,3d | sed 's/app_go/app_run/' >renamed.dis
same "the code is unchanged" plain.dis renamed.dis
check "objcopy cannot rename inside bitcode" \
	sh -c "! objcopy --redefine-sym app_run=app_go '$app' x.bc 2>/dev/null"

# A file of renamings, with comments and blank lines.
printf '# as the kernel renames core.o\n\napp_run  app_go # the entry\n' >syms
hl_link file.o "$app" --helpers "$h" --redefine-syms syms
symbols file.o >file.syms
check "--redefine-syms renames" grep -qx 'T app_go' file.syms

# Calls that code generation creates are renamed too.
RUSTC_BOOTSTRAP=1 $RUSTC -O --crate-type=lib -C panic=abort \
	--emit=llvm-bc=wide.bc "$FIXTURES/module/wide.rs"
check "the bitcode does not name __udivti3" sh -c "! grep -q __udivti3 wide.bc"
hl_link wide.o wide.bc --redefine-sym __udivti3=__rust__udivti3
check "a library call is renamed" sh -c "nm wide.o | grep -qx ' *U __rust__udivti3'"
check "its old name is gone" sh -c "! nm wide.o | grep -q ' __udivti3'"

# In bitcode and IR the values themselves are renamed.
hl_link renamed.ll "$app" --helpers "$h" --emit=ll $renames
check "IR: the definition is renamed" grep -q '^define .*@app_go(' renamed.ll
# rust_helper_ring_len is inlined; rust_helper_stamp (static state) is not.
check "IR: the call left takes the swapped name" \
	sh -c "grep -q 'call .*@rust_helper_ring_len()' renamed.ll && ! grep -q '@rust_helper_stamp' renamed.ll"
hl_link wide.ll wide.bc --emit=ll --redefine-sym wide_div=wide_quot
check "IR: a function is renamed" \
	sh -c "grep -q '^define .*@wide_quot(' wide.ll && ! grep -q wide_div wide.ll"
$HL link wide.bc --emit=ll --redefine-sym wide_twice=wide_div -o merged.ll \
	2>merged.ll.err
check "IR: renaming onto a defined name is refused" \
	sh -c "test $? -eq 1 && ! test -e merged.ll"
check "... with a message naming the file" grep -qx \
	"helperlink: cannot rename a symbol to 'wide_div' in 'wide.bc': it is defined already" \
	merged.ll.err

# Mistakes: one line, exit 1, no output.
err_case() {
	_name=$1
	_want=$2
	shift 2
	rm -f bad.o
	$HL link "$app" "$@" -o bad.o 2>bad.err
	_st=$?
	if [ $_st -eq 1 ] && [ ! -e bad.o ] && [ "$(cat bad.err)" = "$_want" ]; then
		ok "$_name"
	else
		notok "$_name (status $_st)"
		detail bad.err
	fi
}
$HL link "$app" --redefine-sym app_run -o bad.o 2>bad.err
check "OLD=NEW is required: a usage error (exit status 2)" test $? -eq 2 -a ! -e bad.o
check "... saying so in one line" \
	sh -c "test \$(wc -l <bad.err) -eq 1 && grep -qx \"helperlink: link: --redefine-sym: 'app_run' is not OLD=NEW; see 'helperlink link --help'\" bad.err"
err_case "a name renamed twice" \
	"helperlink: --redefine-sym: 'a' is renamed more than once" \
	--redefine-sym a=b --redefine-sym a=c
err_case "two names renamed to one" \
	"helperlink: --redefine-sym: more than one symbol is renamed to 'c'" \
	--redefine-sym a=c --redefine-sym b=c
printf 'a b\nc\n' >short
err_case "a line without a new name" "helperlink: 'short' line 2: expected 'OLD NEW'" \
	--redefine-syms short
printf 'a b\nc b\n' >twice
err_case "a file's duplicate is named by line" \
	"helperlink: 'twice' line 2: more than one symbol is renamed to 'b'" \
	--redefine-syms twice
err_case "a missing file" \
	"helperlink: cannot open 'nosuch': No such file or directory" --redefine-syms nosuch
