# t-kernel.sh: the kernel-flavoured fixture.  Helpers built with the
# kernel's C flags, inlined into a crate built with the kernel's Rust
# target settings: no helper call left, no SSE or MMX instruction, only
# relocations the kernel code model allows.  And the three blockers of the
# kernel series, each shown to stop LLVM's own inliner.
. "$top/tests/lib.sh"

hl_link k.o "$FX/kernel-crate.bc" --helpers "$FX/kernel-helpers.bc" --verify
hl_link plain.o "$FX/kernel-crate.bc"
check "without helperlink the crate calls 11 helpers" \
	test "$(refs_prefix rust_helper_ plain.o)" -eq 11
check "the helpers' triple is unified without a word" sh -c "! grep -qi triple k.o.err"
check "every message is helperlink's, naming its input" \
	sh -c "! grep -v \"^helperlink: warning: '$FX/kernel-helpers.bc': \" k.o.err"
check "no helper call left" test "$(refs_prefix rust_helper_ k.o)" -eq 0
check "no helper copy left" sh -c "! nm k.o | grep -q rust_helper_"
check "rust_kernel_work is defined" sh -c "nm k.o | grep -q ' T rust_kernel_work$'"
objdump -d k.o >k.dis
check "no SSE or MMX instruction" \
	sh -c "! grep -qE '%[xyz]mm[0-9]|%mm[0-7]|mxcsr|emms|movnt' k.dis"
objdump -r k.o | awk '/R_X86_64/ {print $2}' | sort -u >relocs
check "only kernel code model relocations" \
	sh -c "! grep -vqE '^R_X86_64_(32S|64|PC32|PLT32)$' relocs"
check "out-of-line kernel functions stay calls" \
	test "$(refs refcount_warn_saturate k.o)" -gt 0 -a \
	     "$(refs queued_spin_lock_slowpath k.o)" -gt 0
check "code model kept: no GOT" sh -c "! grep -q GOT relocs"

# The blockers.  Without them (no -fno-delete-null-pointer-checks, no
# -fno-builtin-wcslen), LLVM inlines on its own; each one alone stops it;
# helperlink's alwaysinline gets past each.  Helpers built with SSE, whose
# code needs none of it, get the soft-float crate's target features, so
# that LLVM alone inlines them too, and no SSE instruction reaches the
# Rust code.
base="-O2 -g0 -mno-red-zone -mcmodel=kernel -fno-PIE"
for v in "control:-mno-sse -mno-mmx" \
         "null_pointer_is_valid:-fno-delete-null-pointer-checks -mno-sse -mno-mmx" \
         "no-builtin-wcslen:-fno-builtin-wcslen -mno-sse -mno-mmx" \
         "target-features:"; do
	name=${v%%:*}
	$CLANG $base ${v#*:} -c -emit-llvm "$FIXTURES/kernel/khelpers.c" \
		-o h-$name.bc
	hl_link nf-$name.o "$FX/kernel-crate.bc" --helpers h-$name.bc \
		--no-force-inline
	hl_link f-$name.o "$FX/kernel-crate.bc" --helpers h-$name.bc
	left=$(refs_prefix rust_helper_ nf-$name.o)
	case $name in
	control|target-features)
		check "$name: LLVM inlines the helpers by itself" test "$left" -eq 0 ;;
	*)
		check "blocker $name: LLVM alone leaves the calls" test "$left" -eq 11 ;;
	esac
	check "blocker $name: helperlink inlines all" \
		test "$(refs_prefix rust_helper_ f-$name.o)" -eq 0
done
check "helpers built with SSE: no SSE register in the soft-float output" \
	sh -c "! objdump -d f-target-features.o | grep -q xmm"
# The attributes behind the blockers, as LLVM reads them.
hl_link helpers.ll "$FX/kernel-helpers.bc" --emit=ll
check "the helpers are null_pointer_is_valid" grep -q '^attributes.*null_pointer_is_valid' helpers.ll
check "the helpers are no-builtin-wcslen" grep -q '^attributes.*"no-builtin-wcslen"' helpers.ll
check "the helpers disable SSE" grep -q '^attributes.*"target-features"=".*-sse' helpers.ll
