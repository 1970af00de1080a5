# t-difftest.sh: the differential tester (make difftest) on a few seeds:
# random helpers and Rust callers, built plain and through helperlink
# (a library crate and helperlink link, a binary crate and helperlink-cc),
# run and compared, the calls left checked against the reasons the
# generator made them for and against objdump.  Seed 33 once showed a
# miscompile (a mismatched call whose byval argument LLVM took for dead),
# seed 5 a byval that rustc aligns to 4 and clang to 8 (both in an 8-byte
# slot), seed 7 a call through a stack slot after rbp was used as a
# plain register, seed 144 a GOT offset added to a GOT base in a stack
# slot (-Oz, the large code model).
# And the tester itself can fail: a helperlink whose report says no call
# is left is caught.  With --arch aarch64 the same on AArch64.
. "$top/tests/lib.sh"

dt() { python3 "$top/tests/difftest/run.py" --jobs 2 "$@" >/dev/null 2>&1; }

if dt --count 6 --first 30 --out "$PWD/out"; then
	ok "difftest: seeds 30 to 35"
else
	notok "difftest: seeds 30 to 35"
	detail out/summary.md
fi
check "difftest: six programs compared, all ok" grep -qx '| ok | 6 |' out/summary.md
for s in 5:3 144:1; do
	if dt --count ${s#*:} --first ${s%:*} --out "$PWD/out${s%:*}"; then
		ok "difftest: $((${s#*:})) from seed ${s%:*}"
	else
		notok "difftest: $((${s#*:})) from seed ${s%:*}"
		detail out${s%:*}/summary.md
	fi
done
check "difftest: the generator made some calls stay, each with its reason" \
	sh -c "grep -q '^| total | [1-9][0-9]* | [1-9]' out/summary.md &&
	       awk -F'|' '/^\| total/ { exit !(\$3 == \$4) }' out/summary.md"

# AArch64 (#20): library crates for aarch64-unknown-linux-gnu under
# qemu-user.  Seeds 2 and 6 return a struct of 2 and 3 bytes, which
# rustc returns as an i64 and clang as an i16 and i24: they stayed calls.
src=/usr/lib/rustlib/src/rust/library/core/src/lib.rs
if [ -x /usr/bin/rustc ] && [ -e $src ] &&
   command -v aarch64-linux-gnu-gcc >/dev/null && command -v qemu-aarch64 >/dev/null; then
	if dt --arch aarch64 --count 8 --first 1 --out "$PWD/a64"; then
		ok "difftest --arch aarch64: seeds 1 to 8"
	else
		notok "difftest --arch aarch64: seeds 1 to 8"
		detail a64/summary.md
	fi
	check "difftest --arch aarch64: eight programs compared, all ok" grep -qx '| ok | 8 |' a64/summary.md
else
	skip "difftest --arch aarch64" "needs rust-web-src, gcc-aarch64-linux-gnu and qemu-user"
fi

# A report that says 0 calls where objdump finds them.
mkdir -p liar
cat >liar/helperlink <<EOS
#!/bin/sh
if [ "\$1" = report ]; then
	"$HL" "\$@" | sed 's/"count": *[0-9]*/"count": 0/g'
else
	exec "$HL" "\$@"
fi
EOS
chmod +x liar/helperlink
ln -sf "$top/helperlink-cc" liar/helperlink-cc
if dt --count 1 --first 31 --helperlink "$PWD/liar/helperlink" --out "$PWD/liar-out"; then
	notok "difftest: a report that hides calls is caught"
else
	check "difftest: a report that hides calls is caught" \
		grep -q 'report says 0 calls, objdump finds' liar-out/summary.md
fi
