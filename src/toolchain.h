/*
 * toolchain.h: what helperlink asks of the programs around it: rustc (its
 * sysroot, where libLLVM lives, and its LLVM version) and the C compiler
 * (its LLVM version).  Runs them; no LLVM contact.
 */
#ifndef TOOLCHAIN_H
#define TOOLCHAIN_H

#include "version.h"

/* The rustc to ask: $RUSTC, or "rustc" from PATH. */
const char *toolchain_rustc(void);

/* The C compiler to ask: $CC, or "clang". */
const char *toolchain_cc(void);
/* Whether name is a program on PATH, or, with a '/', one that exists. */
int toolchain_on_path(const char *name);

/* "rustc --print sysroot", as a new string; NULL after printing why. */
char *toolchain_sysroot(const char *rustc);

/* The LLVM version rustc reports; -1 after printing why. */
int toolchain_rustc_llvm(const char *rustc, struct llvm_version *v);

/*
 * The LLVM version of a C compiler.  Returns -1 and sets *why to a static
 * reason when the compiler cannot be run or is not clang.
 */
int toolchain_cc_llvm(const char *cc, struct llvm_version *v, const char **why);

/* "CC -print-resource-dir" (where clang's own headers are), as a new
 * string, or NULL when the compiler cannot say. */
char *toolchain_cc_resource_dir(const char *cc);

/*
 * The shared libLLVM in a rustc sysroot (SYSROOT/lib/libLLVM*), or, for a
 * distribution's rustc, the one of rustc's LLVM major version in a
 * multiarch directory (SYSROOT/lib/x86_64-linux-gnu/libLLVM.so.22.1), as a
 * new string; NULL after printing why.  Linker scripts that share the
 * name (libLLVM-22-rust-1.95.0-stable.so is one) are skipped.
 */
char *toolchain_find_libllvm(const char *sysroot, const char *rustc);

#endif
