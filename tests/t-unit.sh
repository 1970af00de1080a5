# t-unit.sh: the C unit tests of pure functions (tests/unit.c).
. "$top/tests/lib.sh"

if make -s -C "$top" tests/unit >build.log 2>&1; then
	ok "unit tests build"
	"$top/tests/unit"
else
	notok "unit tests build"
	detail build.log
fi
