/*
 * bitstream.h: LLVM's bitstream container (llvm/docs/BitCodeFormat.rst),
 * read without LLVM, bounds-checked everywhere.  Fields are read least
 * significant bit first; abbreviation IDs 0-3 are END_BLOCK,
 * ENTER_SUBBLOCK, DEFINE_ABBREV and UNABBREV_RECORD, and the
 * abbreviations a block defines, or the BLOCKINFO block defines for it,
 * say how its other records are laid out.  bitcode.c reads bitcode files
 * with it.  Pure functions.
 */
#ifndef BITSTREAM_H
#define BITSTREAM_H

#include <stddef.h>
#include <stdint.h>

enum {
	BS_END_BLOCK = 0,
	BS_ENTER_SUBBLOCK = 1,
	BS_DEFINE_ABBREV = 2,
	BS_UNABBREV_RECORD = 3,
	BS_FIRST_ABBREV = 4,
};

/* What went wrong, if anything; the first problem stays. */
enum bs_status { BS_OK, BS_TRUNCATED, BS_MALFORMED };

struct bs {
	const unsigned char *data;
	size_t nbits, pos;
	enum bs_status st;
};

/* An abbreviation's operand: a literal, or how a value is encoded. */
enum bs_op_kind { BS_LITERAL, BS_FIXED, BS_VBR, BS_ARRAY, BS_CHAR6, BS_BLOB };

struct bs_op {
	enum bs_op_kind kind;
	uint64_t value;   /* the literal, or the width of a fixed or vbr field */
};

struct bs_abbrev {
	struct bs_op *op;
	unsigned nops;
};

void bs_init(struct bs *b, const unsigned char *data, size_t len);
/* The next width bits (width <= 64); 0, and a status, past the end. */
uint64_t bs_read(struct bs *b, unsigned width);
/* A variable-width number in chunks of width bits (2 <= width <= 32). */
uint64_t bs_vbr(struct bs *b, unsigned width);
/* Skip to the next multiple of 32 bits. */
void bs_align32(struct bs *b);
/* The bits left. */
size_t bs_left(const struct bs *b);

/* Read a DEFINE_ABBREV's body (after its ID) into a, checking it as
 * LLVM's reader does; release a with bs_abbrev_release(). */
void bs_define_abbrev(struct bs *b, struct bs_abbrev *a);
void bs_abbrev_release(struct bs_abbrev *a);

/*
 * Read one record, abbreviated by a, or unabbreviated when a is NULL.
 * fn, when not NULL, gets each value in order, the record's code first,
 * with the bit it starts at, its width and encoding ('f' fixed, 'v' vbr,
 * 'c' char6, 'l' literal, 'b' a blob's byte).  Counts are checked
 * against the bits left before anything is read.
 */
void bs_record(struct bs *b, const struct bs_abbrev *a,
               void (*fn)(void *arg, uint64_t v, size_t bit, unsigned width,
                          char kind),
               void *arg);

#endif
