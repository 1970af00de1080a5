# lib.sh: what the test scripts share; they source it.  The runner sets
# top (the repository) and FX (the fixtures built by fixtures/build.sh),
# and runs each script in its own scratch directory.
HL=$top/helperlink
CLANG=${CLANG:-clang}
RUSTC=${RUSTC:-rustc}
FIXTURES=$top/tests/fixtures

ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; }
skip() { echo "skip - $1 ($2)"; }

# check NAME CMD...: the test passes when CMD succeeds.
check() {
	_name=$1
	shift
	if "$@"; then ok "$_name"; else notok "$_name"; fi
}

# status_is N NAME CMD...: the test passes when CMD exits with status N.
status_is() {
	_want=$1
	_name=$2
	shift 2
	"$@"
	_status=$?
	if [ $_status -eq "$_want" ]; then
		ok "$_name"
	else
		notok "$_name (exit status $_status, not $_want)"
	fi
}

# hl_link OUT ARGS...: "helperlink link ARGS -o OUT", itself a test: it
# passes when helperlink exits 0 and writes OUT.  Messages go to OUT.err.
hl_link() {
	_out=$1
	shift
	rm -f "$_out"
	if $HL link "$@" -o "$_out" 2>"$_out.err" && [ -s "$_out" ]; then
		ok "link $_out"
	else
		notok "link $_out"
		detail "$_out.err"
	fi
}

# detail FILE: show a file's content as details.
detail() { sed 's/^/# /' "$1"; }

# same NAME EXPECTED ACTUAL: compare two files with diff -u.
same() {
	if diff -u "$2" "$3" >diff.out 2>&1; then
		ok "$1"
	else
		notok "$1"
		detail diff.out
	fi
}

# refs SYMBOL OBJECT: how many times OBJECT's code refers to SYMBOL, an
# extended regular expression (see scripts/refs).
refs() { "$top/scripts/refs" "$@"; }

# refs_prefix PREFIX OBJECT: the same for every symbol starting with PREFIX.
refs_prefix() {
	refs "$1[A-Za-z0-9_]*" "$2"
}

# new_symbols PLAIN NEW: the symbols object NEW leaves undefined that
# object PLAIN does not, sorted, one a line.
new_symbols() {
	{ nm -u "$1" | sed 's/^/P /'; nm -u "$2" | sed 's/^/N /'; } |
		awk '$1 == "P" {p[$NF] = 1; next} !($NF in p) {print $NF}' | sort
}

# report_symbols REPORT: the symbols a report says helper code makes the
# object use, sorted, one a line.
report_symbols() {
	sed -n '/^symbols that helper code makes it use/,/^$/p' "$1" |
		awk 'NR > 2 && NF {print $1}' | sort
}

# has_clang NAME: whether a clang of that name can be run.
has_clang() { command -v "$1" >/dev/null 2>&1; }

# clang_major NAME: its major version.
clang_major() {
	"$1" --version | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -n 1
}
