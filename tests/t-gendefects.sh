# t-gendefects.sh: what helperlink gen got wrong on real libraries (issue
# 17), one case each in tests/fixtures/gen/defects.h, compared with the
# expected output on disk; the output compiles with every clang and C
# standard; which functions are the library's; the filters; the options
# a pkg-config line brings; and the errors.
. "$top/tests/lib.sh"

fx=$FIXTURES/gen
gen() { (cd "$fx" && "$HL" gen "$@"); }

status_is 0 "gen on defects.h" gen -O2 defects.h -o "$PWD/d.c"
same "gen: the wrappers of defects.h are the expected ones" "$fx/defects.c.expected" d.c
status_is 0 "gen --rust on defects.h" gen -O2 defects.h --rust -o "$PWD/d.rs"
same "gen --rust: the declarations are the expected ones" "$fx/defects.rs.expected" d.rs
check "a same-named function-like macro is not expanded: (d_steal)(a0)" \
	grep -q '^	return (d_steal)(a0);$' d.c
check "empty parentheses are (void), not variadic" grep -q '^rust_helper_d_empty(void)$' d.c
check "both overloads are wrapped, under their symbols" \
	test "$(grep -c '^rust_helper__ZL6d_over[di](' d.c)" -eq 2
check "a function that needs an unenabled target feature is listed, with it" \
	grep -q "^ \*   d_andn: it needs target feature 'bmi'" d.c
check "va_list keeps its type; restrict is __restrict" \
	grep -q '^rust_helper_d_vsum(const char \*__restrict a0, va_list a1)$' d.c
check "a two-dimensional VLA names the parameters it needs" \
	grep -q '^rust_helper_d_grid(int n, int m, __typeof__(int\[m\]) \*g)$' d.c
check "the C library's and the compiler's functions are not taken" \
	sh -c "! grep -qE '^rust_helper_(vprintf|getchar|__bsfd|_mm_)' d.c"
gen -O2 -mbmi defects.h -o "$PWD/bmi.c"
check "with -mbmi, d_andn is wrapped" grep -q '^rust_helper_d_andn(' bmi.c

# Every clang, every C standard: gen with the flags, compile with them.
for cc in clang clang-22; do
	command -v $cc >/dev/null || { skip "$cc compiles defects.h's wrappers" "no $cc"; continue; }
	for std in c89 c99 c11 c17 gnu89 gnu11 gnu17; do
		check "$cc -std=$std: gen's wrappers compile without a warning" sh -c \
			"cd '$fx' && '$HL' gen --cc $cc -std=$std -O2 defects.h -o '$PWD/$cc-$std.c' &&
			 $cc -std=$std -O2 -Wall -I'$fx' -c '$PWD/$cc-$std.c' -o '$PWD/$cc-$std.o' 2>'$PWD/$cc-$std.err' &&
			 ! grep -q '$cc-$std.c' '$PWD/$cc-$std.err'"
	done
done
check "--cc clang-22 parses with libclang 22" sh -c \
	"command -v clang-22 >/dev/null || exit 0
	 cd '$fx' && '$HL' gen --cc clang-22 -std=c23 defects.h -o '$PWD/c23.c'"
check "the Rust declarations compile" sh -c \
	"printf '#![no_std]\ninclude!(\"d.rs\");\n' >decl.rs &&
	 $RUSTC --crate-type=lib --emit=metadata -o decl.rmeta decl.rs"
check "--rust: va_list and the transparent union are pointers; a function pointer an Option; a typedef'd pointer to an anonymous struct by the typedef" \
	sh -c "grep -q 'ap: \*mut core::ffi::c_void' d.rs &&
	       grep -q 'pub fn d_empty_list(u: \*mut d_head)' d.rs &&
	       grep -q 'pub fn d_refs(r: \*mut d_ref_t)' d.rs &&
	       grep -q 'Option<unsafe extern \"C\" fn(\*mut d_ref_t, ...) -> core::ffi::c_int>' d.rs"

# The filters.
gen -O2 --allow-function 'd_g.*' --block-function d_grid defects.h -o "$PWD/f.c"
check "--allow-function and --block-function choose by name" \
	sh -c "test \"\$(grep -o '^rust_helper_[a-z_]*' f.c)\" = rust_helper_d_get"
gen -O2 --allow-file '.*/bits/stdio.h' defects.h -o "$PWD/stdio.c"
check "--allow-file takes a C library header's functions, and only those" \
	sh -c "grep -q '^rust_helper_getchar(void)' stdio.c && ! grep -q d_steal stdio.c"
status_is 1 "a run that takes nothing fails" \
	sh -c "cd '$fx' && '$HL' gen -O2 --block-function 'd_.*' defects.h -o '$PWD/none.c' 2>'$PWD/none.err'"
check "it says why, in one line, and writes nothing" sh -c \
	"test ! -e none.c && test \$(wc -l <none.err) -eq 1 &&
	 grep -q \"^helperlink: 'defects.h': no function to wrap: [0-9]* static or inline functions are the C library's or the compiler's (--system takes them); 12 match --block-function\" none.err"
detail none.err
status_is 0 "--allow-empty writes it anyway" \
	gen -O2 --block-function 'd_.*' --allow-empty defects.h -o "$PWD/none.c"
check "saying 0 wrapped" grep -q '^ \* 0 wrapped, 0 not wrapped\.$' none.c
status_is 2 "a bad regular expression is a usage error" \
	sh -c "cd '$fx' && '$HL' gen --allow-function '(' defects.h -o '$PWD/re.c' 2>'$PWD/re.err'"
check "naming it" grep -q "^helperlink: gen: --allow-function '(': not a regular expression" re.err

# What pkg-config --cflags brings, and what -std may say.
status_is 0 "-Wall -g -ggdb -pthread -pipe are accepted" \
	gen -Wall -Wno-unused -g -ggdb -pthread -pipe -O2 defects.h -o "$PWD/flags.c"
status_is 2 "an invalid -std is a usage error" \
	sh -c "cd '$fx' && '$HL' gen -std=c2000 defects.h -o '$PWD/std.c' 2>'$PWD/std.err'"
check "saying it is not a C standard" grep -q "'-std=c2000' is not a C standard" std.err
status_is 1 "a -std that libclang 14 is too old for is an error" \
	sh -c "cd '$fx' && '$HL' gen --cc clang -std=c2y defects.h -o '$PWD/old.c' 2>'$PWD/old.err'"
check "naming the flag and the libclang" \
	grep -q "^helperlink: 'defects.h': .*clang version 14.* does not accept '-std=c2y' (.*libclang" old.err
detail old.err

# The first error, with its include chain.
status_is 1 "a missing header deep in an include chain" \
	sh -c "cd '$fx/chain' && '$HL' gen outer.h -o '$PWD/chain.c' 2>'$PWD/chain.err'"
same "the error names the chain" "$fx/chain/error.expected" chain.err
