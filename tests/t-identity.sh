# t-identity.sh: on a crate with no helper calls, helperlink's object has
# the same symbols, sections of the same kinds and the same machine code
# as rustc's own --emit=obj; constructors go where rustc puts them.
. "$top/tests/lib.sh"

$RUSTC -O --crate-type=lib -C codegen-units=1 \
	--emit=obj=rustc.o,llvm-bc=ident.bc "$FIXTURES/identity/ident.rs"
hl_link hl.o ident.bc
check "no warnings" test ! -s hl.o.err

nm rustc.o | sed 's/^[0-9a-f ]* //' | sort >syms.rustc
nm hl.o | sed 's/^[0-9a-f ]* //' | sort >syms.hl
same "same defined and undefined symbols" syms.rustc syms.hl

# A section's kind: its name without the symbol it was made for, its
# type and its flags.  Jump tables and exception tables are one section
# for helperlink and one per function for rustc; the kinds agree.
kinds() {
	readelf -SW "$1" | sed -n 's/^ *\[ *[0-9]*\] //p' |
		awk '$1 != "NULL" { print $1, $2, $(NF - 3) }' |
		sed -E -e 's/^(\.rela)?(\.text\.unlikely|\.text\.hot|\.text|\.rodata|\.data\.rel\.ro|\.data|\.bss|\.tdata|\.tbss|\.gcc_except_table)\.[^ ]+/\1\2/' |
		sort -u
}
kinds rustc.o >kinds.rustc
kinds hl.o >kinds.hl
same "same kinds of sections" kinds.rustc kinds.hl
readelf -SW rustc.o | grep -c ' \.text\.' >ntext.rustc
readelf -SW hl.o | grep -c ' \.text\.' >ntext.hl
same "one section per function, as rustc" ntext.rustc ntext.hl
# Every variable's section, with its name and type (.bss is NOBITS).
# rustc's jump tables are in .rodata.FUNCTION; they are left out.
nm rustc.o | awk '$2 ~ /^[Tt]$/ {print ".rodata." $3}' | sort >functions
data_sections() {
	readelf -SW "$1" | sed -n 's/^ *\[ *[0-9]*\] //p' |
		awk 'NR == FNR {jump[$0] = 1; next}
		     $1 ~ /^\.(data|bss|tdata|tbss|rodata|data\.rel\.ro)\./ &&
		     !($1 in jump) {print $1, $2}' functions - | sort
}
data_sections rustc.o >data.rustc
data_sections hl.o >data.hl
same "one section per variable, with rustc's names and types" data.rustc data.hl
check "the zero statics are in .bss" \
	sh -c "grep -q 'bss\..*PADDED.* NOBITS' data.hl && grep -q 'bss\..*NONE.* NOBITS' data.hl"

# Machine code, without objdump's guesses at symbol names.  One difference
# is known and allowed: LLVM calls __tls_get_addr through the GOT when
# relocations may be relaxed, and rustc turns relaxation off, which the
# LLVM C API cannot do (see README, "Differences from rustc").
code() {
	objdump -d --no-show-raw-insn "$1" | sed 1,2d |
		sed -E -e 's/ *#.*$//' -e 's/ <[^>]*>//g' \
		       -e 's/data16 rex\.W call \*0x0\(%rip\)$/data16 data16 rex.W call TLS/' \
		       -e 's/data16 data16 rex\.W call [0-9a-f]+$/data16 data16 rex.W call TLS/'
}
code rustc.o >code.rustc
code hl.o >code.hl
same "same machine code" code.rustc code.hl

# Helpers the crate does not call change nothing.
hl_link unused.o ident.bc --helpers "$FX/user-helpers.bc"
code unused.o >code.unused
same "helpers that are not called change nothing" code.hl code.unused

# --gc-sections can drop what is unused, function by function.
check "sections are per function (gc-sections)" \
	sh -c "readelf -SW hl.o | grep -q ' \.text\.ident_opcode '"

hl_link nosect.o ident.bc --no-function-sections --no-data-sections
readelf -SW nosect.o | sed -n 's/^ *\[ *[0-9]*\] \([^ ]*\).*/\1/p' >nosect.sections
check "--no-function-sections puts code in .text" \
	sh -c "! grep -E '^\.text\..*(ident|_ZN)' nosect.sections"
check "--no-data-sections puts variables in shared sections" \
	sh -c "! grep -E '^\.(data|bss|rodata|data\.rel\.ro)\..*(ident|_ZN|Lalloc)' nosect.sections"

# Constructors: .init_array, as rustc and clang, not .ctors.
$CLANG -O2 -c -emit-llvm "$FIXTURES/identity/ctor.c" -o ctor.bc
hl_link ctor.o ctor.bc
check "constructors in .init_array" \
	sh -c "readelf -SW ctor.o | grep -q ' \.init_array  *INIT_ARRAY'"
check "prioritized constructors in .init_array.200" \
	sh -c "readelf -SW ctor.o | grep -q ' \.init_array\.200  *INIT_ARRAY'"
check "destructors in .fini_array" \
	sh -c "readelf -SW ctor.o | grep -q ' \.fini_array  *FINI_ARRAY'"
check "no .ctors or .dtors" sh -c "! readelf -SW ctor.o | grep -qE '\.(c|d)tors'"
cc ctor.o -o ctor && ./ctor >ctor.out
printf 'constructors ran: 2 1\ndestructor ran\n' >ctor.expect
same "constructors and destructors run, in priority order" ctor.expect ctor.out
