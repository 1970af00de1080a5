# tests/kernel/arch/arm64.sh: what tests/kernel/run does differently for
# ARCH=arm64 (sourced), a cross build on this x86_64 machine: LLVM=1
# compiles and links for AArch64 as it is, binutils-aarch64-linux-gnu
# gives the GNU objdump and ld.
# shellcheck disable=SC2034,SC2154  # sourced: tests/kernel/run sets and uses these

srcarch=arm64
ldemu=aarch64linux
OBJDUMP=aarch64-linux-gnu-objdump
GNU_LD=aarch64-linux-gnu-ld
arch_packages="binutils-aarch64-linux-gnu"
# arm64 uses a target built into rustc (arch/arm64/Makefile), no
# target.json.
rust_prereqs=

# The kernel target in kbuild's IR of the crate: arch/arm64/Makefile
# gives rustc >= 1.85 --target=aarch64-unknown-none-softfloat, whose
# functions have +strict-align and no FP or SIMD (-fp-armv8 or -neon),
# and, with defconfig's ARM64_BTI_KERNEL, -Zbranch-protection=bti,pac-ret,
# the module flags branch-target-enforcement and sign-return-address.
ir_name="kbuild's kcall.ll: aarch64 softfloat, branch protection bti,pac-ret"
ir_check() {
	grep -q '^target triple = "aarch64-unknown-none' "$1" &&
		grep -q '"target-features"="[^"]*-fp-armv8\|"target-features"="[^"]*-neon' "$1" &&
		grep -q '!"branch-target-enforcement", i32 [12]}' "$1" &&
		grep -q '!"sign-return-address", i32 [12]}' "$1"
}

# fp_insns INSNS: the instructions (objdump -d's mnemonic and operands,
# one a line) that use FP or SIMD state, which the kernel saves for kernel code
# only inside kernel_neon_begin()/end(): an FP or SIMD register operand
# (b, h, s, d, q or v followed by a number), an FP mnemonic (f...), or
# the FP control and status registers.  Addresses with their symbol
# (a branch's "b28 <f+0x18>") are dropped first.
fp_name="no FP or SIMD instruction"
fp_insns() {
	awk '{
		l = $0
		gsub(/[0-9a-f]+ <[^>]*>/, "", l)
		n = split(l, w, /[ \t,\[\]{}!]+/)
		bad = w[1] ~ /^f/
		for (i = 2; i <= n; i++)
			if (w[i] ~ /^[bhsdqv]([0-9]|[12][0-9]|3[01])(\.[0-9]*[bhsdq])?$/ || w[i] ~ /^fp[cs]r$/)
				bad = 1
		if (bad) print
	}' "$1"
}

# The relocations arch/arm64/kernel/module.c's apply_relocate_add()
# applies (its switch; any other is "unsupported RELA relocation"): no
# GOT, TLS or dynamic relocation among them.
reloc_prefix=R_AARCH64_
reloc_ok='NONE|ABS(64|32|16)|PREL(64|32|16)|MOVW_(UABS_G[0-3](_NC)?|SABS_G[0-2]|PREL_G[0-3](_NC)?)|LD_PREL_LO19|ADR_PREL_LO21|ADR_PREL_PG_HI21(_NC)?|ADD_ABS_LO12_NC|LDST(8|16|32|64|128)_ABS_LO12_NC|TSTBR14|CONDBR19|JUMP26|CALL26'

# arm64 kbuild runs no objtool (no CONFIG_OBJTOOL).
objtool=no

# arch_checks K RUSTC_O: the branch protection the kernel asked for is
# kept: K's GNU property note says BTI and PAC, as rustc's own object's
# does (a linker drops a property that one of its objects lacks), and
# each global function of K starts with a landing pad for an indirect
# call (bti c, or paciasp, which is one).
arch_checks() {
	_k=$(readelf -nW "$1" | sed -n 's/^.*Properties: *//p')
	_r=$(readelf -nW "$2" | sed -n 's/^.*Properties: *//p')
	check "readelf -n: kcall.o's property note says '$_k', rustc's object's '$_r'" \
		test "$_k" = "AArch64 feature: BTI, PAC" -a "$_k" = "$_r"
	nm --defined-only "$1" | awk '$2 == "T" {print $3}' | sort >"$out/globals"
	$OBJDUMP -d --no-show-raw-insn "$1" | awk '
		NR == FNR { g[$1] = 1; next }
		/^[0-9a-f]+ <.*>:$/ { name = substr($2, 2, length($2) - 3); first = name in g; next }
		first && /^ *[0-9a-f]+:\t/ {
			split($0, f, "\t"); split(f[2], m, " ")
			# bti c, or jc: a landing pad for calls (bti j is not).
			if (!(m[1] == "bti" && f[3] ~ /c/) && m[1] != "paciasp")
				print name ": " f[2] " " f[3]
			first = 0
		}' "$out/globals" - >"$out/no-landing"
	_n=$(wc -l <"$out/globals")
	check "objdump -d: each of kcall.o's $_n global functions starts with bti c or paciasp" \
		test "$_n" -gt 50 -a ! -s "$out/no-landing"
	[ -s "$out/no-landing" ] && head -n 20 "$out/no-landing" | detail
}

# For tests/kernel/boot (see x86_64.sh): QEMU's virt machine, whose
# console is a PL011; -cpu max has pointer authentication and BTI, which
# the kernel is built to use (pauth-impdef: QEMU's own, faster, hash);
# no network card (the default one needs an option ROM not installed).
boot_config='CONFIG_SERIAL_AMBA_PL011=y
CONFIG_SERIAL_AMBA_PL011_CONSOLE=y
CONFIG_ARM64_PTR_AUTH=y
CONFIG_ARM64_PTR_AUTH_KERNEL=y
CONFIG_ARM64_BTI=y
CONFIG_ARM64_BTI_KERNEL=y'
boot_image=arch/arm64/boot/Image
boot_qemu="qemu-system-aarch64 -M virt -cpu max,pauth-impdef=on -nic none"
boot_console=ttyAMA0
guest_cc=aarch64-linux-gnu-gcc
boot_packages="qemu-system-arm gcc-aarch64-linux-gnu libc6-dev-arm64-cross binutils-aarch64-linux-gnu"
# guest_busybox DIR: Debian's busybox-static for arm64, in DIR/busybox.
# apt-get download needs arm64's package lists: as root, arm64 becomes a
# foreign architecture of dpkg (nothing of it is installed).
guest_busybox() {
	if ! dpkg --print-foreign-architectures | grep -qx arm64; then
		[ "$(id -u)" -eq 0 ] || { echo "run as root to fetch busybox-static:arm64" >&2; return 1; }
		dpkg --add-architecture arm64 && apt-get update || return 1
	fi
	rm -rf "$1/bb" && mkdir -p "$1/bb" &&
		(cd "$1/bb" && apt-get download busybox-static:arm64 && dpkg-deb -x busybox-static_*.deb x) &&
		cp "$1/bb/x/bin/busybox" "$1/busybox"
}
# boot_checks NAME LOG: the kernel runs with BTI on (ARM64_BTI_KERNEL, and
# -cpu max has it), so an indirect branch to code without a landing pad,
# inlined code among it, would have faulted.
boot_checks() {
	check "$1: the kernel uses Branch Target Identification (its log says so)" \
		grep -q 'CPU features: detected: Branch Target Identification' "$2"
}
