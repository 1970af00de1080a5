/*
 * bitcode.h: what helperlink reads from a bitcode file itself, before LLVM
 * sees it: the magic number, the IDENTIFICATION_BLOCK with the name and
 * version of the LLVM that produced the file, and the structure of the
 * whole bitstream.  A reader must refuse bitcode from a newer LLVM rather
 * than misread it, and LLVM's C API does not expose the producer; and
 * LLVM's reader trusts the lengths and counts it reads (a damaged file
 * can make it allocate without bound, or crash), so these are checked
 * here first (bitstream.h).
 *
 * Pure functions, no LLVM contact.
 */
#ifndef BITCODE_H
#define BITCODE_H

#include <stddef.h>

enum bc_status {
	BC_OK,
	BC_NOT_BITCODE,  /* no 'BC' 0xC0DE magic, nor a wrapper around it */
	BC_TRUNCATED,    /* the file ends inside a block, or a length or a
	                    count says it holds more than it does */
	BC_MALFORMED,    /* a block cannot be decoded */
};

struct bc_ident {
	int found;              /* 0 for bitcode older than LLVM 3.8 */
	char producer[64];      /* "LLVM22.1.2-rust-1.95.0-stable" */
	unsigned epoch;
	/* Where the producer's characters are, for tests that rewrite them:
	 * the bit offset of each character and how it is encoded. */
	size_t char_bit[64];
	unsigned char_width;    /* bits per character */
	char char_kind;         /* 'c' char6, 'f' fixed, 'v' vbr */
};

/* Decode the identification of the bitcode in data; BC_OK on success. */
enum bc_status bc_identify(const unsigned char *data, size_t len,
                           struct bc_ident *id);

/*
 * Walk the whole bitstream in data: every block, abbreviation and record,
 * with each block's length, each count and each width within bounds.
 * BC_OK, or what is wrong with the byte where it was found in *where.
 * Bounded by the file's size: one pass, no allocation larger than it.
 */
enum bc_status bc_check(const unsigned char *data, size_t len, size_t *where);

/* A short description of a status, for messages. */
const char *bc_status_str(enum bc_status st);

/* Whether data starts like bitcode (plain or wrapped). */
int bc_is_bitcode(const unsigned char *data, size_t len);
/* Whether the first bytes of a file (at least 4) are bitcode's magic
 * number or its wrapper's. */
int bc_magic(const unsigned char *data, size_t len);

#endif
