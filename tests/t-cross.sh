# t-cross.sh: link --inline-from (#19): the small functions of another
# Rust crate that a crate calls are inlined into it, as the kernel crate's
# into a module.  kern.rs holds one function for each rule: inlined
# (seg_next, twice, whose address is also taken), #[inline(never)], a
# mutable static, an immutable `static`, a C function the module may not
# use, too large.  objdump decides what is inlined; the report's calls
# left must agree with it, function by function; the programs print what
# the plain one prints.
. "$top/tests/lib.sh"

fix=$FIXTURES/cross

# symbol_of NAME: the symbol of user-plain.o that demangles to NAME.
symbol_of() {
	nm -u user-plain.o | awk '{print $2}' | while read -r _s; do
		[ "$(echo "$_s" | c++filt | sed 's/::h[0-9a-f]*$//')" = "$1" ] && echo "$_s"
	done
}

# calls_to SYMBOL OBJECT: the calls and jumps of OBJECT that relocations
# resolve to SYMBOL (PLT32 or GOTPCRELX on the call or jump instruction).
calls_to() {
	objdump -dr "$2" | awk -v sym="$1" '
		/^[[:space:]]+[0-9a-f]+:[[:space:]]+R_/ {
			split($3, t, /[-+]/)
			if (t[1] == sym && prev ~ /[[:space:]](call|j[a-z]+)[[:space:]]/) n++
			next
		}
		/^[[:space:]]+[0-9a-f]+:/ { prev = $0 }
		END { print n + 0 }'
}

# agree REPORT OBJECT: for each function of the report's section, its
# "calls left" is what objdump finds in OBJECT.
agree() {
	sed -n '/^functions of other crates called/,/^$/p' "$1" |
		awk 'NR > 2 && NF {print $1, $3}' >"$1.rows"
	_bad=0
	while read -r _fn _left; do
		_sym=$(symbol_of "$_fn")
		_n=$(calls_to "$_sym" "$2")
		[ "$_n" -eq "$_left" ] || { echo "# $_fn: report $_left, objdump $_n"; _bad=1; }
	done <"$1.rows"
	[ -s "$1.rows" ] && [ $_bad -eq 0 ]
}

# note REPORT FUNCTION: the note of a function in the report.
note() {
	sed -n "s/^  kern::$2  *[0-9][0-9]*  *[0-9][0-9]*  *[-0-9][0-9]*  *[^ ]*  *//p" "$1"
}
# has_note REPORT FUNCTION PATTERN: whether its note matches PATTERN.
has_note() { note "$1" "$2" | grep -q -- "$3"; }

opts="-O -C panic=abort -C codegen-units=1 -C relocation-model=static"
$RUSTC $opts --crate-type=rlib --crate-name kern \
	--emit=llvm-bc=kern.bc,obj=kern.o,metadata=libkern.rmeta "$fix/kern.rs"
$RUSTC $opts --crate-type=lib --crate-name user --extern kern=libkern.rmeta \
	--emit=llvm-bc=user.bc,obj=user-plain.o "$fix/user.rs"
nsyms=0
for f in seg_next twice never bump table uses_hidden big; do
	eval "sym_$f=\$(symbol_of kern::$f)"
	eval "[ -n \"\$sym_$f\" ]" && nsyms=$((nsyms + 1))
done
check "the plain object's symbols of kern's seven functions of the rules are found" \
	test "$nsyms" -eq 7
check "the plain object calls each of kern's seven functions of the rules" \
	sh -c "for s in $sym_seg_next $sym_twice $sym_never $sym_bump $sym_table \
	       $sym_uses_hidden $sym_big; do
	           [ \$(\"\$0\" \$s user-plain.o) -ge 1 ] || exit 1; done" "$top/scripts/refs"

hl_link user.o user.bc --inline-from kern.bc --report=user.txt
check "seg_next is inlined: no call, no reference left" \
	test "$(refs "$sym_seg_next" user.o)" -eq 0
check "twice is inlined; the use of its address stays" \
	sh -c "test $(calls_to "$sym_twice" user.o) -eq 0 &&
	       test $(refs "$sym_twice" user.o) -eq 1 && test $(refs "$sym_twice" user-plain.o) -eq 2"
check "account, which seg_next calls, is called where seg_next was" \
	test "$(calls_to "$(nm kern.o | sed -n 's/.* T \(_ZN4kern7account.*\)/\1/p')" user.o)" -ge 4
check "the five others are still called" \
	sh -c "for s in $sym_never $sym_bump $sym_table $sym_uses_hidden $sym_big; do
	           [ \$(\"\$0\" \$s user.o) -eq 1 ] || exit 1; done" "$top/scripts/refs"
check "the report's calls left agree with objdump, function by function" agree user.txt user.o
check "  inlined: seg_next 4 calls, twice 1" \
	sh -c "grep -q '^  kern::seg_next  *7  *0  *4 ' user.txt &&
	       grep -q '^  kern::twice  *[0-9]*  *0  *1 ' user.txt"
check "  #[inline(never)] stays, saying so" \
	has_note user.txt never 'marked noinline (#\[inline(never)\])'
check "  the mutable static stays, naming it" \
	has_note user.txt bump "the mutable static '_ZN4kern7COUNTER"
check "  the immutable static stays, naming it" \
	has_note user.txt table "the static '_ZN4kern5TABLE.*must stay one object"
check "  the C function the module may not use stays, naming it" \
	has_note user.txt uses_hidden "uses 'hidden_c', which the module may not use"
check "  the large one stays, with its size" \
	has_note user.txt big 'IR instructions, more than --inline-from-max=50'
detail user.txt
cc -O2 -c "$fix/main.c" -o main.o
cc -O2 -c "$fix/helpers.c" -o h.o
$CLANG -O2 -emit-llvm -c "$fix/helpers.c" -o h.bc
cc -no-pie main.o user-plain.o kern.o h.o -o plain && ./plain >plain.out
cc -no-pie main.o user.o kern.o h.o -o linked && ./linked >linked.out
check "the program prints what the plain one prints" \
	sh -c "test -s plain.out && cmp -s plain.out linked.out"
$HL link user.bc --inline-from kern.bc -o user2.o 2>/dev/null
check "the object is the same from run to run" cmp -s user.o user2.o

# With the helpers: Op::call's copy loads rust_helper_scale from SCALE;
# once it is inlined the call is direct, and the helper is inlined too.
hl_link userhl.o user.bc --inline-from kern.bc --helpers h.bc --report=userhl.txt
sym_call=$(symbol_of kern::Op::call)
check "Op::call is inlined, and the helper it calls through a pointer as well" \
	sh -c "test -n '$sym_call' && test $(calls_to "$sym_call" user-plain.o) -eq 1 &&
	       test $(calls_to "$sym_call" userhl.o) -eq 0 &&
	       test $(calls_to rust_helper_scale userhl.o) -eq 0 &&
	       grep -q '^helper calls left: 0' userhl.txt"
cc -no-pie main.o userhl.o kern.o h.o -o linkedhl && ./linkedhl >linkedhl.out
check "  and the program prints the same" cmp -s plain.out linkedhl.out

# A report of the plain object tells the same decisions.
$HL report user-plain.o --inline-from kern.bc >plain.txt 2>&1
would() {
	test "$(grep -c 'link --inline-from would inline it' plain.txt)" -eq 4 &&
		has_note plain.txt seg_next 'would inline' &&
		has_note plain.txt twice 'would inline' &&
		grep -q '^  kern::Op::call .*link --inline-from would inline it$' plain.txt
}
check "report --inline-from on the plain object: seg_next, twice, Op::call and dispatch would be inlined" would
same_notes() {
	for _f in never bump table uses_hidden big; do
		[ -n "$(note plain.txt $_f)" ] &&
			[ "$(note plain.txt $_f)" = "$(note user.txt $_f)" ] || return 1
	done
}
check "  the others with the link's reasons" same_notes
check "  its calls left agree with objdump" agree plain.txt user-plain.o

# Exports: kern's own list (as rust/exports.c exports the kernel crate's
# symbols); then one without account, which seg_next and twice call.
nm -p --defined-only kern.o | awk '$2 ~ /^[TRDB]$/ {print $3}' >exports
hl_link user-ex.o user.bc --inline-from kern.bc --exports=exports --report=user-ex.txt
check "--exports with kern's list: the same object" cmp -s user.o user-ex.o
check "  and the C function is refused by the list" \
	has_note user-ex.txt uses_hidden "uses 'hidden_c', which 'exports' does not export"
grep -v account exports >exports-noacc
hl_link user-na.o user.bc --inline-from kern.bc --exports=exports-noacc --report=user-na.txt
noacc() {
	has_note user-na.txt seg_next "uses '_ZN4kern7account.*which 'exports-noacc' does not export" &&
		has_note user-na.txt twice 'exports-noacc' &&
		test "$(calls_to "$sym_seg_next" user-na.o)" -eq 4
}
check "a list without account: seg_next and twice stay, naming it" noacc
check "  the report agrees with objdump" agree user-na.txt user-na.o

# dispatch() reads TABLE_FNS, whose functions use HITS: with a list that
# lacks HITS, dispatch stays a call, naming it.
grep -v HITS exports >exports-nohits
hl_link user-nh.o user.bc --inline-from kern.bc --exports=exports-nohits --report=user-nh.txt
check "dispatch is inlined with kern's list" \
	test "$(calls_to "$(symbol_of kern::dispatch)" user-ex.o)" -eq 0
check "  and stays a call, naming HITS, with a list that lacks it (through TABLE_FNS)" \
	sh -c "test $(calls_to "$(symbol_of kern::dispatch)" user-nh.o) -eq 2 &&
	       grep -q \"^  kern::dispatch .*uses '.*HITS.*', which 'exports-nohits' does not export\" user-nh.txt"
cc -no-pie main.o user-ex.o kern.o h.o -o linkedex && ./linkedex >linkedex.out
check "  the program prints the same" cmp -s plain.out linkedex.out

# A module that calls hidden_c itself may use it through kern's code.
$RUSTC $opts --crate-type=lib --crate-name user --extern kern=libkern.rmeta --cfg calls_hidden \
	--emit=llvm-bc=userh.bc,obj=userh-plain.o "$fix/user.rs"
hl_link userh.o userh.bc --inline-from kern.bc --report=userh.txt
check "a module that calls hidden_c itself gets uses_hidden inlined" \
	sh -c "test $(calls_to "$sym_uses_hidden" userh.o) -eq 0 &&
	       grep -q '^  kern::uses_hidden  *[0-9]*  *0  *1  *kern.bc  *-\$' userh.txt"
cc -no-pie main.o userh-plain.o kern.o h.o -o plainh && ./plainh >plainh.out
cc -no-pie main.o userh.o kern.o h.o -o linkedh && ./linkedh >linkedh.out
check "  and prints what its plain build prints" \
	sh -c "test -s plainh.out && cmp -s plainh.out linkedh.out"

# A whole pipeline inlines the copies too.
hl_link user-o2.o user.bc --inline-from kern.bc --opt=O2 --report=user-o2.txt
check "--opt=O2: seg_next and twice are inlined as well" \
	sh -c "test $(calls_to "$sym_seg_next" user-o2.o) -eq 0 && test $(calls_to "$sym_twice" user-o2.o) -eq 0 &&
	       grep -q '^  kern::seg_next  *7  *0  *4  *kern.bc  *-\$' user-o2.txt"
check "  the report agrees with objdump" agree user-o2.txt user-o2.o
cc -no-pie main.o user-o2.o kern.o h.o -o linkedo2 && ./linkedo2 >linkedo2.out
check "  and the program prints the same" cmp -s plain.out linkedo2.out

# The bound.
hl_link user-big.o user.bc --inline-from kern.bc --inline-from-max=100 --report=user-big.txt
check "--inline-from-max=100 inlines big too" test "$(calls_to "$sym_big" user-big.o)" -eq 0
check "  the report agrees with objdump" agree user-big.txt user-big.o
cc -no-pie main.o user-big.o kern.o h.o -o linkedb && ./linkedb >linkedb.out
check "  and the program prints the same" cmp -s plain.out linkedb.out

# Bad input.
printf 'not bitcode\n' >bad.bc
status_is 1 "--inline-from of a file that is not bitcode fails" \
	sh -c "'$HL' link user.bc --inline-from bad.bc -o bad.o 2>bad.err"
check "  in one line naming it, and writes nothing" \
	sh -c "test \$(wc -l <bad.err) -eq 1 && grep -q \"'bad.bc'\" bad.err && test ! -e bad.o"
status_is 2 "--inline-from-max=0 is a usage error" \
	sh -c "'$HL' link user.bc --inline-from kern.bc --inline-from-max=0 -o bad.o 2>/dev/null"
status_is 1 "--inline-from of a missing file fails" \
	sh -c "'$HL' link user.bc --inline-from missing.bc -o bad.o 2>/dev/null"
