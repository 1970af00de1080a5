/*
 * version.h: LLVM version numbers, as they appear in bitcode producer
 * strings ("LLVM22.1.2-rust-1.95.0-stable"), in "rustc --version --verbose"
 * ("LLVM version: 22.1.2") and in "clang --version" ("clang version 14.0.6").
 *
 * Pure functions, no LLVM contact.
 */
#ifndef VERSION_H
#define VERSION_H

/* helperlink's own version. */
#define HELPERLINK_VERSION "0.1.0"

struct llvm_version {
	unsigned major, minor, patch;
};

/* Parse "MAJOR[.MINOR[.PATCH]]" at the start of s; 0 on success. */
int version_parse(const char *s, struct llvm_version *v);

/* Parse a bitcode producer string such as "LLVM14.0.6"; 0 on success. */
int version_from_producer(const char *producer, struct llvm_version *v);

/* Find "LLVM version: X" in the output of "rustc --version --verbose". */
int version_from_rustc(const char *output, struct llvm_version *v);

/*
 * Find the LLVM version of a C compiler from its "--version" output.
 * Returns 0 for clang, -1 when the output is not clang's (gcc, say).
 */
int version_from_cc(const char *output, struct llvm_version *v);

/*
 * Whether bitcode made by producer can be read by reader.  Bitcode is
 * backward compatible, and LLVM keeps the format within a release series
 * (22.1.2 and 22.1.8 are one series), so the patch level is ignored.
 */
int version_can_read(const struct llvm_version *reader,
                     const struct llvm_version *producer);

/* Format as "MAJOR.MINOR.PATCH" into buf (at least 32 bytes). */
const char *version_str(const struct llvm_version *v, char *buf);

#endif
