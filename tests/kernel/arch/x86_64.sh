# tests/kernel/arch/x86_64.sh: what tests/kernel/run does differently for
# ARCH=x86_64 (sourced).  See arm64.sh for the other architecture.
# shellcheck disable=SC2034,SC2154  # sourced: tests/kernel/run sets and uses these

srcarch=x86
# What binutils call the architecture: ld -m, and the GNU tools used.
ldemu=elf_x86_64
OBJDUMP=objdump
GNU_LD=ld
arch_packages="binutils"
# kbuild's rules that this architecture's Rust needs before rust/core.o.
rust_prereqs="\$(MAKE) \$(build)=scripts CONFIG_RUST=y scripts/target.json &&"

# The kernel target in kbuild's IR of the crate: the kernel code model
# (LLVM's CodeModel::Kernel is 2) and target.json's features.
ir_name="kbuild's kcall.ll: code model kernel, soft-float, retpoline (scripts/target.json)"
ir_check() {
	grep -q '!"Code Model", i32 2}' "$1" &&
		grep -q '"target-features"="-mmx,+soft-float,+retpoline-external-thunk' "$1"
}

# fp_insns INSNS: the instructions (objdump -d's third column, one a
# line) that use state the kernel does not save for kernel code: x87
# (mnemonics starting with f), SSE and MMX (an %xmm/%ymm/%zmm/%mm
# register, or one of those that name none); prefixes skipped.
fp_name="no SSE, MMX or x87 instruction"
fp_insns() {
	awk '{
		i = 1
		while ($i ~ /^(lock|rep|repz|repnz|repe|repne|notrack|bnd|data16|addr32|cs|ds|ss|es|fs|gs|xacquire|xrelease|rex(\.[WRXB]+)?)$/) i++
		m = $i
		if (m ~ /^f/ || $0 ~ /%[xyz]mm[0-9]|%mm[0-7]|%st(\(|$|,)/ ||
		    m ~ /^(emms|femms|movnti|movntq|maskmovq|ldmxcsr|stmxcsr|vldmxcsr|vstmxcsr|fxsave|fxrstor|xsave|xrstor)/)
			print
	}' "$1"
}

# The relocations the module loader applies for the kernel code model:
# arch/x86/kernel/module.c, __write_relocate_add() (called from
# apply_relocate_add()), knows R_X86_64_NONE, 64, 32, 32S, PC32, PLT32
# and PC64, and fails on any other.  R_X86_64_32 is refused here too: it
# is zero-extended, and module addresses (top 2 GiB) overflow it.
reloc_prefix=R_X86_64_
reloc_ok='NONE|64|32S|PC32|PLT32|PC64'

# kbuild runs objtool on every object of a module.
objtool=yes

# arch_checks K RUSTC_O: checks of this architecture only (none).
arch_checks() { :; }

# For tests/kernel/boot: what the configuration adds to boot.config, the
# kernel image, QEMU, the console, the C compiler of the guest's
# programs, and what it needs installed.
boot_config='CONFIG_SERIAL_8250=y
CONFIG_SERIAL_8250_CONSOLE=y
CONFIG_CPU_MITIGATIONS=y
CONFIG_MITIGATION_RETPOLINE=y'
boot_image=arch/x86/boot/bzImage
boot_qemu=qemu-system-x86_64
boot_console=ttyS0
guest_cc=gcc
boot_packages="qemu-system-x86 busybox-static gcc libc6-dev"
# guest_busybox DIR: a static busybox for the guest in DIR/busybox.
guest_busybox() { cp /bin/busybox "$1/busybox"; }
# boot_checks NAME LOG: checks of the booted kernel NAME's log (none).
boot_checks() { :; }
