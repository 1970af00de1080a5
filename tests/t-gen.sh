# t-gen.sh: helperlink gen on a torture header (every parameter shape, and
# the functions it must not wrap), compared with the expected output; the
# wrappers compile; which functions are inline follows the flags; bad
# input is refused.  Then calls of C inline functions by their own names:
# "gen --rust" declares them, "link" binds them to the wrappers, and the
# object has neither a call to a helper nor an undefined C name.
. "$top/tests/lib.sh"

fx=$FIXTURES/gen
gen() { (cd "$fx" && "$HL" gen "$@"); }

status_is 0 "gen on the torture header" gen -I. -isystem sys -O2 torture.h -o "$PWD/t.c"
same "gen: the wrappers are the expected ones" "$fx/torture.c.expected" t.c
status_is 0 "gen --rust on the torture header" \
	gen -I. -isystem sys -O2 torture.h --rust -o "$PWD/t.rs"
same "gen --rust: the declarations are the expected ones" "$fx/torture.rs.expected" t.rs
gen -I. -isystem sys -O2 torture.h -o "$PWD/again.c"
check "gen: the same output twice" cmp -s t.c again.c

# The wrappers compile, with the oldest and the newest clang.
for cc in clang clang-22; do
	command -v $cc >/dev/null || { skip "$cc compiles the wrappers" "no $cc"; continue; }
	# The header's own warnings (K&R, a struct in a prototype) are
	# not the wrappers'.
	check "$cc compiles the wrappers, without a warning about them" sh -c \
		"$cc -O2 -Wall -I'$fx' -isystem '$fx/sys' -c t.c -o t-$cc.o 2>$cc.err &&
		 ! grep -q '^t.c:' $cc.err"
done
check "every wrapper is defined" test "$(nm t-clang.o | grep -c ' T rust_helper_')" -eq \
	"$(grep -c '^rust_helper_' t.c)"
check "the Rust declarations compile" sh -c \
	"printf '#![no_std]\ninclude!(\"t.rs\");\n' >decl.rs &&
	 $RUSTC --crate-type=lib --emit=metadata -o decl.rmeta decl.rs"

# What decides which functions are taken.
gen -I. -isystem sys torture.h -o "$PWD/o0.c"
check "without -O2, t_optimized is not inline, so not wrapped" \
	sh -c "! grep -q rust_helper_t_optimized o0.c && grep -q rust_helper_t_optimized t.c"
gen -I. -isystem sys -O2 -DTORTURE_EXTRA --system --naming=bindgen torture.h -o "$PWD/b.c"
check "-D makes t_extra inline; --system takes the -isystem header's t_system" \
	sh -c "grep -q '^t_extra__extern(' b.c && grep -q '^t_system__extern(' b.c"
check "a library's header is the library's, even found through -isystem" \
	grep -q '^rust_helper_t_system(' t.c
check "exported and declared-only functions are not wrapped" \
	sh -c "! grep -qE 't_exported|t_declared_only' t.c"
check "a function of an included header is taken" grep -q '^rust_helper_t_sub(' t.c
check "bindgen naming: NAME__extern" grep -q '^t_add__extern(int a0, int a1)' b.c
check "an object-like macro naming a function gets its own wrapper" \
	sh -c "grep -q '^rust_helper_t_add_alias(int a0, int a1)' t.c &&
	       grep -q 'pub fn t_add_alias(' t.rs && ! grep -qE 'T_LIMIT|T_TYPE' t.c"

# Bad input: one line naming the file, exit 1, no output.
printf 'static inline int broken(int x { return x; }\n' >broken.h
status_is 1 "gen: a header that does not parse" sh -c "'$HL' gen -I. broken.h -o bad.c 2>bad.err"
check "gen: no output file after an error" test ! -e bad.c
check "gen: one line, naming the header, its line and the cause" sh -c \
	"test \$(wc -l <bad.err) -eq 1 && grep -q \"broken.h', line 1: expected\" bad.err"
detail bad.err
status_is 1 "gen: a header that does not exist" sh -c "'$HL' gen nosuch.h -o bad.c 2>bad.err"
check "gen: it says so" grep -q "^helperlink: 'nosuch.h': 'nosuch.h' file not found$" bad.err
status_is 2 "gen: no output file" sh -c "'$HL' gen -I. broken.h 2>/dev/null"

# Calls by the C name.
gen -O2 cname.h -o "$PWD/cname.c"
gen -O2 cname.h --rust -o "$PWD/cname-decls.rs"
$CLANG -O2 -I"$fx" -c -emit-llvm cname.c -o cname.bc
$CLANG -O2 -I"$fx" -c cname.c -o cname-helpers.o
$CLANG -O2 -I"$fx" -c "$fx/cname-main.c" -o cname-main.o
GEN_OUT=$PWD $RUSTC -O --crate-type=lib -C panic=abort -C codegen-units=1 \
	--emit=obj=cname-rs.o,llvm-bc=cname-rs.bc "$fx/cname.rs"
hl_link cname-hl.o cname-rs.bc --helpers cname.bc
check "rustc's object leaves the C names undefined" \
	sh -c "nm cname-rs.o | grep -qE ' U (counter_add|rotl32)$'"
check "helperlink's object has no undefined C name" \
	sh -c "! nm cname-hl.o | grep -qE ' U (counter_add|counter_value|rotl32|is_power_of_two)$'"
check "and no call to a helper" test "$(refs_prefix rust_helper_ cname-hl.o)" -eq 0
$CLANG cname-main.o cname-hl.o -o cname
./cname >cname.out
check "the program computes what C computes" \
	awk '$1 == $2 && $3 == 1000 {ok = 1} END {exit !ok}' cname.out
detail cname.out

# The same in one command: link --header runs gen and the C compiler.
(cd "$fx" && "$HL" link "$OLDPWD/cname-rs.bc" --header cname.h --cflags "-I." \
	-o "$OLDPWD/cname-h.o") 2>cname-h.err
check "link --header: no undefined C name, no helper call" \
	sh -c "test -s cname-h.o && ! nm cname-h.o | grep -q ' U ' &&
	       test \"\$('$top/scripts/refs' 'rust_helper_[a-z0-9_]+' cname-h.o)\" -eq 0"
check "link --header leaves no temporary file" \
	test -z "$(find "$fx" . -name '*.tmp*')"
