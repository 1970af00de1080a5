# t-plugin.sh: helperlink inside rustc.  "helperlink plugin" builds the
# pass plugin; rustc -Z llvm-plugins loads it and writes its own object,
# with the helpers inlined under link's rules (the static-state helper
# stays a call, as in t-user): the program prints what plain rustc's
# prints, objdump finds no other helper call, the report says so, the
# object has plain rustc's sections, relocation kinds and symbols; a
# crate that calls no helper gets plain rustc's object, byte for byte;
# Debian's rustc of the same LLVM major loads the same plugin, and so does
# Cargo through RUSTFLAGS; a bad
# helper file stops rustc with an error and no object; -o NAME-%h.so
# names the plugin by its content.
. "$top/tests/lib.sh"

fx=$FIXTURES/user
major=$($RUSTC -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')
if [ ! -e /usr/lib/llvm-$major/include/llvm/Passes/PassBuilder.h ]; then
	skip "the rustc plugin" "no LLVM $major C++ headers (llvm-$major-dev)"
	exit 0
fi
plugin() { RUSTC_BOOTSTRAP=1 $RUSTC -Z llvm-plugins="$PWD/hl.so" "$@"; }

status_is 0 "helperlink plugin builds the plugin" \
	"$HL" plugin --helpers "$FX/user-helpers.bc" -o "$PWD/hl.so"
check "beside it, the arguments, with the helpers' absolute path" \
	test "$(cat hl.args)" = "--helpers
$(cd "$FX" && pwd -P)/user-helpers.bc"
check "it exports its entry point and nothing of helperlink's" \
	test "$(nm -D --defined-only hl.so | awk '{print $3}')" = llvmGetPassPluginInfo

# The userspace fixture, through rustc with the plugin.
mkdir -p reports
HELPERLINK_REPORT_DIR=$PWD/reports plugin -O --crate-type=lib -C panic=abort \
	-C codegen-units=1 --emit=obj=app.o "$top/tests/fixtures/user/app.rs" 2>app.err
check "rustc with the plugin writes the object" test -s app.o
detail app.err
cc "$FX/user-main.o" "$FX/user-lib.o" "$FX/user-helpers.o" "$FX/user-app.o" -o plain &&
	./plain 1000 >plain.out
cc "$FX/user-main.o" "$FX/user-lib.o" "$FX/user-helpers.o" app.o -o inlined &&
	./inlined 1000 >inlined.out
check "both programs run" test -s plain.out -a -s inlined.out
same "same output with and without the plugin" plain.out inlined.out
for h in ring_push ring_pop ring_len add_total; do
	check "rust_helper_$h has no call left" test "$(refs rust_helper_$h app.o)" -eq 0
done
check "rust_helper_stamp stays a call (static state), as with link" \
	test "$(refs rust_helper_stamp app.o)" -gt 0
check "the static-state warning, as link gives it" \
	grep -q "not inlining 'rust_helper_stamp': it uses the static variable 'stamps'" app.err
report=$(ls reports/*.report 2>/dev/null | head -n 1)
check "the module's report is written" test -n "$report"
check "it counts the calls objdump finds" test "$(sed -n 's/^helper calls left: //p' "$report")" -eq \
	"$("$top/scripts/refs" 'rust_helper_[a-z_]+' app.o)"

# --report-format=json: the reports are JSON, DIR/MODULE.report.json.
"$HL" plugin --helpers "$FX/user-helpers.bc" --report-format=json -o "$PWD/hl-json.so"
mkdir -p json-reports
HELPERLINK_REPORT_DIR=$PWD/json-reports RUSTC_BOOTSTRAP=1 $RUSTC -Z llvm-plugins="$PWD/hl-json.so" \
	-O --crate-type=lib -C panic=abort --emit=obj=json.o "$top/tests/fixtures/user/app.rs" 2>/dev/null
jr=$(ls json-reports/*.report.json 2>/dev/null | head -n 1)
check "with --report-format=json, the report is JSON with the stamp's call in it" \
	sh -c "test -n '$jr' && python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); sys.exit(r[\"calls\"][0][\"helper\"] != \"rust_helper_stamp\")' '$jr'"

# rustc's own object, minus the helper calls: the same sections,
# relocation kinds and defined symbols; it needs no inlined helper, and
# what it needs now that it did not before is in the report.
shape() {
	readelf -SW "$1" | sed -n 's/^ *\[ *[0-9]*\] \([^ ]*\).*/\1/p' | sort
	readelf -rW "$1" | awk '$3 ~ /^R_/ {print $3}' | sort -u
	nm --defined-only "$1" | awk '{print $2, $3}' | sort
}
shape "$FX/user-app.o" >shape.plain
shape app.o >shape.plugin
same "sections, relocation kinds and defined symbols are plain rustc's" shape.plain shape.plugin
check "of the symbols it needs, only the inlined helpers are gone" \
	test "$(new_symbols app.o "$FX/user-app.o" | tr '\n' ' ')" = \
	"rust_helper_add_total rust_helper_ring_len rust_helper_ring_pop rust_helper_ring_push "
new_symbols "$FX/user-app.o" app.o >new.actual
report_symbols "$report" >new.report
check "it needs helper_total, helper_weights and ring_events now" \
	test "$(tr '\n' ' ' <new.actual)" = "helper_total helper_weights ring_events "
same "the report lists them" new.actual new.report

# A helper that only rustc's optimizer makes called: through a function
# pointer in a constant, as Linux 6.12's kernel crate calls krealloc.  At
# the start of rustc's pipeline it is an indirect call; the second run,
# once rustc has simplified the module, inlines it.
cat >late.rs <<'EOF'
#![no_std]
unsafe extern "C" {
    fn rust_helper_ring_len(r: *const u8) -> u32;
    fn rust_helper_add_total(v: i64);
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn direct(v: i64) {
    unsafe { rust_helper_add_total(v) }
}
struct LenFunc(unsafe extern "C" fn(*const u8) -> u32);
impl LenFunc {
    const RING: Self = Self(rust_helper_ring_len);
    unsafe fn call(&self, r: *const u8) -> u32 {
        unsafe { (self.0)(r) }
    }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn via_const(r: *const u8) -> u32 {
    unsafe { LenFunc::RING.call(r) }
}
EOF
$RUSTC -O --crate-type=lib --emit=obj=late-plain.o late.rs
mkdir -p late-reports
HELPERLINK_REPORT_DIR=$PWD/late-reports plugin -O --crate-type=lib --emit=obj=late.o late.rs
check "a helper called through a constant function pointer is a call without the plugin" \
	test "$(refs rust_helper_ring_len late-plain.o)" -gt 0
check "and inlined with it" test "$(refs rust_helper_ring_len late.o)" -eq 0
check "and the direct call of add_total, inlined by the first run" \
	test "$(refs rust_helper_add_total late.o)" -eq 0
check "the report, the second run's merged into the first's, says so of both" \
	sh -c "grep -q '^helper calls left: 0' late-reports/*.report &&
	       grep -q '^  rust_helper_ring_len .* 0 ' late-reports/*.report &&
	       grep -q '^  rust_helper_add_total .* 0 ' late-reports/*.report &&
	       grep -q '^  helper_total  *rust_helper_add_total' late-reports/*.report"

# Four codegen units: the pass runs on each (four modules of the same
# size, which rustc does not merge).
{
	echo '#![no_std]'
	echo 'unsafe extern "C" { fn rust_helper_ring_len(r: *const u8) -> u32; fn rust_helper_add_total(v: i64); }'
	for m in a b c d; do
		echo "pub mod $m {"
		for i in 1 2 3 4 5 6; do
			echo "    #[unsafe(no_mangle)] pub unsafe extern \"C\" fn ${m}_$i(r: *const u8, n: u32) -> u32 {"
			echo "        let mut s = 0u32; for k in 0..n { s = s.wrapping_mul($i).wrapping_add(unsafe { super::rust_helper_ring_len(r) } ^ k); }"
			echo "        unsafe { super::rust_helper_add_total(s as i64) }; s }"
		done
		echo "}"
	done
} >cgu.rs
plugin -O -C panic=abort -C codegen-units=4 --crate-type=rlib -o libcgu.rlib cgu.rs
$RUSTC -O -C panic=abort -C codegen-units=4 --crate-type=rlib -o libcgu-plain.rlib cgu.rs
mkdir -p cgu cgu-plain && (cd cgu && ar x ../libcgu.rlib) && (cd cgu-plain && ar x ../libcgu-plain.rlib)
left=0
for o in cgu/*.o; do
	left=$((left + $("$top/scripts/refs" 'rust_helper_[a-z_]+' "$o")))
done
plain=0
for o in cgu-plain/*.o; do
	plain=$((plain + $("$top/scripts/refs" 'rust_helper_[a-z_]+' "$o")))
done
check "at 4 codegen units, four objects" test "$(ls cgu/*.o | wc -l)" -eq 4
check "and no helper call in any ($plain without the plugin)" \
	sh -c "test $left -eq 0 && test $plain -gt 0"

# Cargo: RUSTFLAGS=-Zllvm-plugins with RUSTC_BOOTSTRAP=1, the release
# profile's 16 codegen units; the rlib's objects make the program.
if command -v cargo >/dev/null 2>&1; then
	mkdir -p cargo
	cat >cargo/Cargo.toml <<EOF
[package]
name = "ringapp"
version = "0.1.0"
edition = "2021"

[lib]
path = "$top/tests/fixtures/user/app.rs"

[profile.release]
panic = "abort"
EOF
	(RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zllvm-plugins=$PWD/hl.so" cargo build --release \
		--offline -q --manifest-path cargo/Cargo.toml --target-dir "$PWD/cargo/target") \
		>cargo.log 2>&1
	check "cargo build --release with the plugin in RUSTFLAGS" \
		test -s cargo/target/release/libringapp.rlib
	detail cargo.log
	rm -rf cargo/objs && mkdir cargo/objs &&
		(cd cargo/objs && ar x ../target/release/libringapp.rlib && rm -f lib.rmeta)
	left=0
	for o in cargo/objs/*.o; do
		left=$((left + $("$top/scripts/refs" 'rust_helper_(ring_push|ring_pop|ring_len|add_total)' "$o")))
	done
	check "no call of an inlinable helper in its $(ls cargo/objs | wc -l) objects" test "$left" -eq 0
	cc "$FX/user-main.o" "$FX/user-lib.o" "$FX/user-helpers.o" cargo/objs/*.o -o cargo-app &&
		./cargo-app 1000 >cargo.out
	same "the program prints what plain rustc's prints" plain.out cargo.out
else
	skip "cargo with the plugin" "no cargo"
fi

# A crate that calls no helper: rustc's object, byte for byte.
printf 'pub fn f(x: u64) -> u64 { x.rotate_left(7) ^ 3 }\n' >none.rs
plugin -O --crate-type=lib --emit=obj=none-plugin.o none.rs
$RUSTC -O --crate-type=lib --emit=obj=none-plain.o none.rs
check "with no helper called, the object is plain rustc's" cmp -s none-plugin.o none-plain.o

# Debian's rustc, of the same LLVM major, loads the same file.
if [ -x /usr/bin/rustc ] && [ "$(/usr/bin/rustc -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')" = "$major" ]; then
	RUSTC_BOOTSTRAP=1 /usr/bin/rustc -Z llvm-plugins="$PWD/hl.so" -O --crate-type=lib \
		-C panic=abort --emit=obj=deb.o "$top/tests/fixtures/user/app.rs" 2>/dev/null
	check "Debian's rustc with the same plugin: no call but the stamp" \
		test "$("$top/scripts/refs" 'rust_helper_(ring_push|ring_pop|ring_len|add_total)' deb.o)" -eq 0
else
	skip "Debian's rustc with the same plugin" "no /usr/bin/rustc of LLVM $major"
fi

# Bad input stops rustc: its fatal error, status 101, no object.
head -c 100 /dev/urandom >bad.bc
cp hl.args good.args
printf -- '--helpers\n%s/bad.bc\n' "$PWD" >hl.args
status_is 101 "a helper file that is not bitcode stops rustc" \
	sh -c "RUSTC_BOOTSTRAP=1 $RUSTC -Z llvm-plugins='$PWD/hl.so' -O --crate-type=lib \
		--emit=obj=bad.o '$top/tests/fixtures/user/app.rs' 2>bad.err"
check "with one line, rustc's, naming the file, and no object" \
	sh -c "test \"\$(cat bad.err)\" = \"rustc-LLVM ERROR: helperlink: cannot read '$PWD/bad.bc': not LLVM bitcode\" &&
	       test ! -e bad.o"
detail bad.err
printf -- '--no-such-option\n' >hl.args
status_is 101 "an argument file with a bad option stops rustc" \
	sh -c "RUSTC_BOOTSTRAP=1 $RUSTC -Z llvm-plugins='$PWD/hl.so' -O --crate-type=lib \
		--emit=obj=bad.o '$top/tests/fixtures/user/app.rs' 2>bad2.err"
check "saying which file and option" grep -q "hl.args': not an option of helperlink link" bad2.err
cp good.args hl.args

# compat --plugin, for Kconfig: whether the plugin can be built.
status_is 0 "compat --plugin: rustc's C++ headers, the library and a C++ compiler are there" \
	sh -c "'$HL' compat --plugin >compat.out"
check "and it says where" grep -q "^plugin .*/include, " compat.out
printf '#!/bin/sh\necho "rustc 1.99.0"\necho "LLVM version: 99.1.0"\n' >rustc99
chmod +x rustc99
lib=$(sed -n 's/^libLLVM *[^ ]* *//p' compat.out)
status_is 1 "compat --plugin with a rustc of LLVM 99 fails" \
	sh -c "'$HL' compat --plugin --rustc ./rustc99 --llvm '$lib' >/dev/null 2>c99.err"
check "naming the package of its headers" grep -q "C++ headers are not installed (Debian: apt-get install llvm-99-dev)" c99.err

# Usage.
status_is 2 "plugin: no helpers is a usage error" sh -c "'$HL' plugin -o x.so 2>/dev/null"
status_is 2 "plugin: a name not ending in .so is one" \
	sh -c "'$HL' plugin --helpers '$FX/user-helpers.bc' -o x.dll 2>/dev/null"
status_is 1 "plugin: a helper file that does not exist" \
	sh -c "'$HL' plugin --helpers nosuch.bc -o missing.so 2>missing.err"
check "writes neither file" sh -c "test ! -e missing.so && test ! -e missing.args"

# A content name: %h is the hash of the helpers and options, printed.
name=$("$HL" plugin --helpers "$FX/user-helpers.bc" -o "$PWD/hl-%h.so")
check "-o NAME-%h.so: writes and prints a name with 16 hex digits" \
	sh -c "echo '$name' | grep -qE '/hl-[0-9a-f]{16}\.so$' && test -s '$name' &&
	       test -s '${name%.so}.args'"
printf 'int rust_helper_new(void) { return 1; }\n' | $CLANG -O2 -c -emit-llvm -x c - -o more.bc
again=$("$HL" plugin --helpers "$FX/user-helpers.bc" -o "$PWD/hl-%h.so")
other=$("$HL" plugin --helpers "$FX/user-helpers.bc" --helpers more.bc -o "$PWD/hl-%h.so")
check "the same helpers give the same name, others another" \
	sh -c "test '$name' = '$again' && test '$name' != '$other'"
