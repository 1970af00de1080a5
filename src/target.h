/*
 * target.h: facts about target triples and data layout strings that
 * helperlink needs and LLVM's C API does not offer.  Pure functions.
 */
#ifndef TARGET_H
#define TARGET_H

#include <stddef.h>

/* Whether the triple's objects are ELF (not Mach-O, COFF, wasm, ...). */
int target_is_elf(const char *triple);

/*
 * The architecture family of a triple, into buf: "x86_64", "x86",
 * "aarch64", "arm", "riscv64", ...  Triples of one family can be unified;
 * "thumbv7em" and "armv7" are both "arm", "arm64" is "aarch64".
 */
const char *target_arch_family(const char *triple, char *buf, size_t size);

/* Whether the triple is x86-64, or AArch64. */
int target_is_x86_64(const char *triple);
int target_is_aarch64(const char *triple);

/*
 * The prefix of private symbols under a data layout's mangling ("m:e" is
 * ".L"), or NULL when helperlink does not know it.
 */
const char *target_private_prefix(const char *datalayout);

/* The value of a data layout component, such as "e" for "m" in "m:e",
 * into buf; returns NULL when absent. */
const char *target_dl_component(const char *datalayout, const char *key,
                                char *buf, size_t size);

/* A data layout's byte order: 'e' little, 'E' big endian. */
char target_dl_byte_order(const char *datalayout);

#endif
