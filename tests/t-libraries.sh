# t-libraries.sh: helperlink gen on real libraries (libraries/run --check):
# a Rust crate for each of liburing, CPython and the Linux UAPI byte-order
# headers calls 20 or more of their inline functions by their C names; the
# objects call no helper and leave no C name undefined, and the programs
# compute what the same calls compute in C (or in Rust).
. "$top/tests/lib.sh"

if [ ! -e /usr/include/liburing.h ] || ! command -v python3-config >/dev/null; then
	skip "libraries" "needs liburing-dev and python3-dev"
	exit 0
fi
check "three crates call their libraries' inline functions by C name, inlined" \
	sh -c "'$top/libraries/run' --check '$PWD/libraries' >libraries.log 2>&1"
grep -q 'libraries check' libraries.log || detail libraries.log
for c in uring py uapi; do
	check "$c.rs: the program's results agree" \
		grep -qE "^\| $c.rs \| [0-9]+ \| 0 \| 0 \| (same|ok) " libraries/libraries.md
done
check "liburing: every function wrapped" \
	grep -qE '^\| liburing .* \| 100\.0 \|' libraries/libraries.md
