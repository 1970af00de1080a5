#!/bin/sh
# Check inline-helpers-6.12.patch against a pristine Linux 6.12 tree: that it
# applies, and (without --quick) that in a patched copy Kconfig asks helperlink
# compat and the rules expand to one helperlink command per Rust object, or
# with CONFIG_RUST_INLINE_HELPERS_PLUGIN to rustc's command with the plugin,
# and with CONFIG_RUST_INLINE_KERNEL_CRATE module objects take --inline-from.
# CONFIG_RUST needs bindgen >= 0.65.1 (Debian has 0.60), so the rules are
# evaluated with CONFIG_* set on make's command line and a $(SHELL) that
# records the recipes make would run instead of running them.
# usage: check-patch.sh [--quick] LINUX-6.12-TREE
set -u
die() { echo "error: $*" >&2; exit 1; }
quick=; [ "${1-}" = --quick ] && { quick=1; shift; }
[ $# -eq 1 ] || die "usage: check-patch.sh [--quick] LINUX-6.12-TREE"
tree=$1; here=$(cd "$(dirname "$0")" && pwd); pf=$here/inline-helpers-6.12.patch
[ -f "$tree/Makefile" ] || die "'$tree' is not a kernel tree"
patch -p1 -s -f --dry-run -d "$tree" <"$pf" >/dev/null 2>&1 ||
	die "inline-helpers-6.12.patch does not apply to '$tree'"
echo "ok: the patch applies to $tree"
[ -n "$quick" ] && exit 0
for t in make clang ld.lld flex bison; do
	command -v $t >/dev/null || { echo "skip: no $t, patched rules not evaluated"; exit 0; }
done
hl=${HELPERLINK:-$(dirname "$here")/helperlink}
[ -x "$hl" ] || die "no helperlink at '$hl' (set HELPERLINK)"
tmp=$(mktemp -d) || die "cannot make a temporary directory"
trap 'rm -rf "$tmp"' EXIT
# Hard links keep the copy cheap; patched files are replaced, never written through.
cp -al "$tree" "$tmp/src" 2>/dev/null || cp -a "$tree" "$tmp/src" || die "cannot copy '$tree'"
sed -n 's|^+++ b/||p' "$pf" | while read -r f; do
	cp "$tmp/src/$f" "$tmp/t" && mv "$tmp/t" "$tmp/src/$f"; done
patch -p1 -s -d "$tmp/src" <"$pf" || die "patch failed on the copy"
mk() { make -s --no-print-directory -C "$tmp/src" O="$tmp/out" LLVM=1 ARCH=x86_64 \
	HELPERLINK="$hl" "$@" >>"$tmp/make.log" 2>&1 || { tail -n 5 "$tmp/make.log" >&2; die "make $1 failed"; }; }
mk defconfig
want=n; "$hl" compat --rustc "${RUSTC:-rustc}" --cc clang >/dev/null 2>&1 && want=y
got=$(sed -n 's/^CONFIG_RUSTC_HELPERLINK_COMPATIBLE=//p' "$tmp/out/.config")
[ "${got:-n}" = "$want" ] || die "Kconfig: RUSTC_HELPERLINK_COMPATIBLE=${got:-n}, helperlink compat says $want"
echo "ok: Kconfig: RUSTC_HELPERLINK_COMPATIBLE=$want, as '$hl compat' says"
want=n; [ "$got" = y ] && "$hl" compat --plugin --rustc "${RUSTC:-rustc}" --cc clang >/dev/null 2>&1 && want=y
got=$(sed -n 's/^CONFIG_RUSTC_HELPERLINK_PLUGIN=//p' "$tmp/out/.config")
[ "${got:-n}" = "$want" ] || die "Kconfig: RUSTC_HELPERLINK_PLUGIN=${got:-n}, helperlink compat --plugin says $want"
echo "ok: Kconfig: RUSTC_HELPERLINK_PLUGIN=$want, as '$hl compat --plugin' says"

# Stand-ins: rust/ is built before other directories in a real build.
mkdir -p "$tmp/out/rust/helpers" && touch "$tmp/out/rust/helpers/helpers.bc" "$tmp/out/rust/helpers/helpers_module.bc" \
	"$tmp/out/rust/helpers/helpers.so" "$tmp/out/rust/helpers/helpers_module.so" "$tmp/out/rust/kernel.bc"
printf '#!/bin/sh\nshift; printf "%%s\\n" "$*" >>"$HL_LOG"\n' >"$tmp/sh" && chmod +x "$tmp/sh"
cat >"$tmp/show.mk" <<'EOF'
ifdef sub_make_done
hl-show:
	$(Q)$(MAKE) $(build)=samples/rust SHELL=$(HL_SH) need-modorder=1 \
		samples/rust/rust_minimal.o samples/rust/rust_print.o
	$(Q)$(MAKE) $(build)=rust SHELL=$(HL_SH) -o rust/build_error.o -o rust/bindings.o \
		-o rust/uapi.o -o rust/libmacros.so rust/helpers/helpers_module.bc \
		$(if $(CONFIG_RUST_INLINE_HELPERS_PLUGIN),rust/helpers/helpers_module.so) rust/kernel.o
endif
EOF
show() { HL_LOG=$tmp/$1.log HL_SH=$tmp/sh MAKEFILES=$tmp/show.mk mk hl-show CONFIG_RUST=y \
	CONFIG_RUST_INLINE_HELPERS="$2" CONFIG_RUST_INLINE_HELPERS_PLUGIN="${3-}" \
	CONFIG_RUST_INLINE_KERNEL_CRATE="${4-}" CONFIG_SAMPLES=y CONFIG_SAMPLES_RUST=y \
	CONFIG_SAMPLE_RUST_MINIMAL=m CONFIG_SAMPLE_RUST_PRINT=y; }
# The recorded recipe that contains $2, without fixdep's copy of the command.
rec() { grep -F -e "$2" "$tmp/$1.log" | sed 's|; scripts/basic/fixdep .*||' | head -n 1; }
has() { case $2 in *"$3"*) ;; *) die "$1: no '$3' in: $2" ;; esac; }
hasnt() { case $2 in *"$3"*) die "$1: unexpected '$3' in: $2" ;; esac; }
one() { [ "$(printf '%s\n' "$2" | grep -F -o "$hl link" | wc -l)" -eq 1 ] ||
	die "$1: not one helperlink command: $2"; }
show on y
c=$(rec on '--crate-name rust_minimal'); one rust_minimal.o "$c"
has rust_minimal.o "$c" '--emit=llvm-bc=samples/rust/rust_minimal.bc '; hasnt rust_minimal.o "$c" '--emit=obj'
has rust_minimal.o "$c" ' link --codegen-opt=2 --no-function-sections --no-data-sections '
has rust_minimal.o "$c" 'rust_minimal.bc --helpers ./rust/helpers/helpers_module.bc -o samples/rust/rust_minimal.o'
x=${c#*"; $hl link"}; echo "ok: module object: $hl link${x%%;*}"
c=$(rec on '--crate-name rust_print'); one rust_print.o "$c"
has rust_print.o "$c" '--helpers ./rust/helpers/helpers.bc -o samples/rust/rust_print.o'
c=$(rec on '--crate-name kernel'); one kernel.o "$c"
has kernel.o "$c" '--emit=llvm-bc=rust/kernel.bc '
has kernel.o "$c" 'rust/kernel.bc --helpers rust/helpers/helpers.bc -o rust/kernel.o'
c=$(rec on '-o rust/helpers/helpers.bc '); has helpers.bc "$c" '-emit-llvm -g0'; hasnt helpers.bc "$c" -DMODULE
c=$(rec on '-o rust/helpers/helpers_module.bc '); has helpers_module.bc "$c" '-DMODULE'
hasnt helpers_module.bc "$c" '"helpers_module"'
echo "ok: built-in objects and kernel.o take helpers.bc; helpers_module.bc has -DMODULE"
show plugin y y
so=$tmp/out/rust/helpers
c=$(rec plugin '--crate-name rust_minimal'); hasnt rust_minimal.o "$c" "$hl link"
has rust_minimal.o "$c" "-Zllvm-plugins=$so/helpers_module.so --emit=obj=samples/rust/rust_minimal.o "
c=$(rec plugin '--crate-name rust_print'); hasnt rust_print.o "$c" "$hl link"
has rust_print.o "$c" "-Zllvm-plugins=$so/helpers.so --emit=obj=samples/rust/rust_print.o "
c=$(rec plugin '--crate-name kernel'); hasnt kernel.o "$c" "$hl link"
has kernel.o "$c" '--emit=obj=rust/kernel.o '; has kernel.o "$c" "-Zllvm-plugins=$so/helpers.so"
c=$(rec plugin "-o $so/helpers_module.so"); has helpers_module.so "$c" "$hl plugin --rustc "
has helpers_module.so "$c" '--helpers rust/helpers/helpers_module.bc '
echo "ok: with CONFIG_RUST_INLINE_HELPERS_PLUGIN, rustc's own command loads helpers.so or helpers_module.so"
show cross y '' y
c=$(rec cross '--crate-name rust_minimal'); one rust_minimal.o "$c"
has rust_minimal.o "$c" ' --inline-from ./rust/kernel.bc '
c=$(rec cross '--crate-name rust_print'); hasnt rust_print.o "$c" '--inline-from'
c=$(rec cross '--crate-name kernel'); one kernel.o "$c"
hasnt kernel.o "$c" '--inline-from'; hasnt kernel.o "$c" 'rm -f rust/kernel.bc'
echo "ok: with CONFIG_RUST_INLINE_KERNEL_CRATE, module objects take --inline-from rust/kernel.bc, which stays"
show off ''
c=$(rec off '--crate-name rust_minimal'); has rust_minimal.o "$c" '--emit=obj=samples/rust/rust_minimal.o '
hasnt rust_minimal.o "$c" "$hl link"; c=$(rec off '--crate-name kernel')
has kernel.o "$c" '--emit=obj=rust/kernel.o '; hasnt kernel.o "$c" "$hl link"
echo "ok: with CONFIG_RUST_INLINE_HELPERS unset the rules are rustc's --emit=obj"
