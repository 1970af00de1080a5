# tests/kernel/lib.sh: what tests/kernel/run and tests/kernel/boot share,
# sourced after they set KWORK: the check functions, the results file,
# and the installation of Debian packages.
#
# Each check prints "ok - NAME" or "not ok - NAME", details on lines
# starting with "#"; finish prints "N passed, N failed" and exits 0 when
# nothing failed.

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# make check-kernel* must not hand its own make state to kbuild.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES

mkdir -p "$KWORK"
KWORK=$(cd "$KWORK" && pwd)
results=$KWORK/results
: >"$results"
ok() { echo "ok - $1"; echo "ok - $1" >>"$results"; }
notok() { echo "not ok - $1"; echo "not ok - $1" >>"$results"; }
detail() { sed 's/^/# /' "$@"; }
# check NAME CMD...: passes when CMD succeeds.
check() {
	_name=$1
	shift
	if "$@"; then ok "$_name"; else notok "$_name"; fi
}
# same NAME EXPECTED ACTUAL: the two files are equal.
same() {
	if diff -u "$2" "$3" >"$KWORK/diff.out" 2>&1; then
		ok "$1"
	else
		notok "$1"
		detail "$KWORK/diff.out"
	fi
}
finish() {
	passed=$(grep -c '^ok - ' "$results")
	failed=$(grep -c '^not ok - ' "$results")
	echo
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}
# fatal MESSAGE [LOG]: a step that later checks need failed.
fatal() {
	notok "$1"
	[ $# -gt 1 ] && [ -f "$2" ] && tail -n 40 "$2" | detail
	finish
}
# packages PACKAGE...: install the Debian packages that are missing (as
# root), or stop saying which.
packages() {
	_missing=
	for _p in "$@"; do
		dpkg-query -W -f='${Status}\n' "$_p" 2>/dev/null | grep -q 'ok installed' ||
			_missing="$_missing $_p"
	done
	[ -z "$_missing" ] && return
	if [ "$(id -u)" -ne 0 ]; then
		fatal "packages installed (missing:$_missing; run as root to install them)"
	fi
	echo "installing:$_missing"
	# shellcheck disable=SC2086
	{ apt-get update && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y --no-install-recommends $_missing; } \
		>"$KWORK/apt.log" 2>&1 ||
		fatal "apt-get install$_missing" "$KWORK/apt.log"
}
# cmd_of FILE: the command that a kbuild .cmd file records.
cmd_of() { sed -n 's/^savedcmd_[^ ]* := //p' "$1"; }
# flagged ERRORS [REPORT]: the symbols that helperlink flags as not exported,
# from its messages (one symbol: its own line; several: the rows of a
# table) and, given, from a REPORT's rows marked NO.
flagged() {
	{
		sed -n "s/^helperlink: .* uses '\([^']*\)', which .* does not export.*/\1/p" "$1"
		sed -n 's/^  \([A-Za-z_][A-Za-z0-9_.]*\)  *[A-Za-z_][A-Za-z0-9_.]*$/\1/p' "$1" |
			grep -vx symbol
		[ -n "${2:-}" ] && sed -n 's/^  \([A-Za-z_][A-Za-z0-9_.]*\)  .*  NO$/\1/p' "$2"
	} | sort -u
}
# calls OBJ [NAMES]: the calls and jumps to rust_helper_* in OBJ's code
# (objdump -dr: relocations against a helper on a call or jump
# instruction, x86-64's or AArch64's), or to the functions the file NAMES
# lists, one a line.  $OBJDUMP is the objdump.
calls() {
	${OBJDUMP:-objdump} -dr "$1" | awk -v names="${2:-}" '
		BEGIN { while (names != "" && (getline l <names) > 0) want[l] = 1 }
		/^ *[0-9a-f]+:\t/ {
			n = split($0, f, "\t")
			if (n >= 3 && f[3] != "") {
				m = f[3]
				while (m ~ /^(cs|ds|notrack|bnd|rex[.A-Z]*|addr32|data16) /) sub(/^[^ ]* /, "", m)
				sub(/ .*/, "", m)
			}
			next
		}
		/R_(X86_64|AARCH64)_[A-Z0-9_]+[ \t]/ {
			s = $NF
			sub(/[-+]0x[0-9a-f]+$/, "", s)
			if (names == "" ? s ~ /^rust_helper_/ : s in want)
				if (m ~ /^(call|jmp|j[a-z]+|bl|b|b\.[a-z]+|cbn?z|tbn?z)$/) c++
		}
		END { print c + 0 }'
}
