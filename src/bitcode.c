/*
 * bitcode.c: see bitcode.h.  A bitcode file is a bitstream (bitstream.h)
 * whose top-level blocks are, since LLVM 3.8, the identification block
 * (ID 13: a STRING record, code 1, and an EPOCH record, code 2), the
 * module, the string table and the symbol table; the BLOCKINFO block (ID
 * 0) gives abbreviations for the blocks of an ID, after a SETBID record
 * (code 1).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bitcode.h"
#include "bitstream.h"
#include "util.h"

enum {
	TOP_WIDTH = 2,
	BLOCKINFO_BLOCK_ID = 0,
	BLOCKINFO_CODE_SETBID = 1,
	TYPE_BLOCK_ID_NEW = 17,
	TYPE_CODE_NUMENTRY = 1,
	IDENTIFICATION_BLOCK_ID = 13,
	IDENTIFICATION_CODE_STRING = 1,
	IDENTIFICATION_CODE_EPOCH = 2,
	MAX_DEPTH = 32,
};

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

/* Strip the optional wrapper header (0x0B17C0DE) of Darwin bitcode. */
static int
unwrap(const unsigned char **data, size_t *len)
{
	uint32_t off, size;

	if (*len < 4 || le32(*data) != 0x0B17C0DE)
		return 0;
	if (*len < 20)
		return -1;
	off = le32(*data + 8);
	size = le32(*data + 12);
	if (off > *len || size > *len - off)
		return -1;
	*data += off;
	*len = size;
	return 0;
}

int
bc_magic(const unsigned char *data, size_t len)
{
	return len >= 4 && (memcmp(data, "BC\xC0\xDE", 4) == 0 ||
	                    le32(data) == 0x0B17C0DE);
}

int
bc_is_bitcode(const unsigned char *data, size_t len)
{
	if (unwrap(&data, &len) < 0)
		return 0;
	return len >= 4 && memcmp(data, "BC\xC0\xDE", 4) == 0;
}

static enum bc_status
status(enum bs_status st)
{
	return st == BS_OK ? BC_OK : st == BS_TRUNCATED ? BC_TRUNCATED
	                                                : BC_MALFORMED;
}

/* The start of a bitstream after its magic number, or NULL. */
static const unsigned char *
bitstream(const unsigned char *data, size_t *len)
{
	if (unwrap(&data, len) < 0 || *len < 4 ||
	    memcmp(data, "BC\xC0\xDE", 4) != 0)
		return NULL;
	return data;
}

/* A block's header, after its ENTER_SUBBLOCK: its ID, abbreviation width
 * and the bit where it ends; 0 when it cannot be. */
static int
block_header(struct bs *b, uint64_t *id, unsigned *width, size_t *end,
             size_t parent_end)
{
	uint64_t words;

	*id = bs_vbr(b, 8);
	*width = (unsigned)bs_vbr(b, 4);
	bs_align32(b);
	words = bs_read(b, 32);
	if (b->st != BS_OK)
		return 0;
	if (*width < 1 || *width > 32) {
		b->st = BS_MALFORMED;
		return 0;
	}
	if (words > (parent_end - b->pos) / 32) {
		b->st = BS_TRUNCATED;
		return 0;
	}
	*end = b->pos + (size_t)words * 32;
	return 1;
}

/* --- the identification --- */

struct ident {
	struct bc_ident *id;
	int have_code;
	uint64_t code;
	size_t nchars;
};

static void
ident_value(void *arg, uint64_t v, size_t bit, unsigned width, char kind)
{
	struct ident *r = arg;
	struct bc_ident *id = r->id;

	if (!r->have_code) {
		r->have_code = 1;
		r->code = v;
		return;
	}
	if (r->code == IDENTIFICATION_CODE_EPOCH) {
		id->epoch = (unsigned)v;
		return;
	}
	if (r->code != IDENTIFICATION_CODE_STRING ||
	    r->nchars + 1 >= sizeof(id->producer))
		return;
	id->producer[r->nchars] = kind == 'c'
	    ? "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._"[v & 63]
	    : (char)v;
	id->char_bit[r->nchars] = bit;
	id->char_width = width;
	id->char_kind = kind == 'b' ? 'f' : kind;
	id->producer[++r->nchars] = '\0';
}

/* The identification block's records, up to its END_BLOCK. */
static void
read_identification(struct bs *b, unsigned width, struct bc_ident *id)
{
	struct bs_abbrev abbrevs[16];
	unsigned nabbrevs = 0, i;

	while (b->st == BS_OK) {
		uint64_t code = bs_read(b, width);
		struct ident r = {id, 0, 0, 0};

		if (b->st != BS_OK)
			break;
		if (code == BS_END_BLOCK) {
			bs_align32(b);
			id->found = b->st == BS_OK;
			break;
		}
		if (code == BS_ENTER_SUBBLOCK ||
		    (code == BS_DEFINE_ABBREV && nabbrevs == LEN(abbrevs))) {
			b->st = BS_MALFORMED;
		} else if (code == BS_DEFINE_ABBREV) {
			bs_define_abbrev(b, &abbrevs[nabbrevs++]);
		} else if (code == BS_UNABBREV_RECORD) {
			bs_record(b, NULL, ident_value, &r);
		} else if (code - BS_FIRST_ABBREV >= nabbrevs) {
			b->st = BS_MALFORMED;
		} else {
			r.nchars = 0;
			bs_record(b, &abbrevs[code - BS_FIRST_ABBREV], ident_value, &r);
		}
	}
	for (i = 0; i < nabbrevs; i++)
		bs_abbrev_release(&abbrevs[i]);
}

/*
 * The top-level blocks after the identification block (module, string
 * table, symbol table) state their length in words; a file shorter than
 * that was cut off.
 */
static enum bs_status
check_lengths(struct bs *b)
{
	/* Bitcode is whole 32-bit words; less than one left is padding. */
	while (bs_left(b) >= 32) {
		uint64_t id;
		unsigned width;
		size_t end;

		if (bs_read(b, TOP_WIDTH) != BS_ENTER_SUBBLOCK)
			return BS_OK;  /* something for LLVM to judge */
		if (!block_header(b, &id, &width, &end, b->nbits))
			return b->st;
		b->pos = end;
	}
	return BS_OK;
}

enum bc_status
bc_identify(const unsigned char *data, size_t len, struct bc_ident *id)
{
	uint64_t block;
	unsigned width;
	size_t end;
	struct bs b;

	memset(id, 0, sizeof(*id));
	if (!(data = bitstream(data, &len)))
		return BC_NOT_BITCODE;
	bs_init(&b, data, len);
	b.pos = 32;
	if (bs_read(&b, TOP_WIDTH) != BS_ENTER_SUBBLOCK)
		return b.st != BS_OK ? status(b.st) : BC_MALFORMED;
	if (!block_header(&b, &block, &width, &end, b.nbits))
		return status(b.st);
	if (block != IDENTIFICATION_BLOCK_ID)
		return BC_OK;  /* bitcode from before LLVM 3.8 has none */
	read_identification(&b, width, id);
	if (b.st != BS_OK)
		return status(b.st);
	return status(check_lengths(&b));
}

/* --- the whole structure --- */

/* Abbreviations: a block's own, and those BLOCKINFO gives a block ID. */
struct abbrevs {
	struct bs_abbrev *v;
	size_t n, cap;
};

struct blockinfo {
	uint64_t id;
	struct abbrevs a;
};

struct walk {
	struct bs b;
	struct blockinfo *info;
	size_t ninfo;
};

static void
abbrevs_add(struct abbrevs *a, struct bs *b)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? 2 * a->cap : 8;
		a->v = xrealloc(a->v, a->cap * sizeof(*a->v));
	}
	bs_define_abbrev(b, &a->v[a->n]);
	a->n++;
}

static void
abbrevs_release(struct abbrevs *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		bs_abbrev_release(&a->v[i]);
	free(a->v);
}

static struct abbrevs *
info_for(struct walk *w, uint64_t id, int make)
{
	size_t i;

	for (i = 0; i < w->ninfo; i++)
		if (w->info[i].id == id)
			return &w->info[i].a;
	if (!make)
		return NULL;
	w->info = xrealloc(w->info, (w->ninfo + 1) * sizeof(*w->info));
	memset(&w->info[w->ninfo], 0, sizeof(*w->info));
	w->info[w->ninfo].id = id;
	return &w->info[w->ninfo++].a;
}

/* A record's code and first operand: SETBID's block ID, NUMENTRY's count. */
struct first {
	unsigned seen;
	uint64_t code, id;
};

static void
first_value(void *arg, uint64_t v, size_t bit, unsigned width, char kind)
{
	struct first *s = arg;

	(void)bit;
	(void)width;
	(void)kind;
	if (s->seen == 0)
		s->code = v;
	else if (s->seen == 1)
		s->id = v;
	s->seen++;
}

/* The block with ID id whose records start at the reader's position and
 * end at bit end. */
static void
walk_block(struct walk *w, uint64_t id, unsigned width, size_t end, int depth)
{
	struct bs *b = &w->b;
	struct abbrevs own = {NULL, 0, 0}, *given = info_for(w, id, 0), *define;
	uint64_t cur = (uint64_t)-1;  /* BLOCKINFO: the block ID it is about */
	size_t ngiven = given ? given->n : 0;

	while (b->st == BS_OK) {
		uint64_t code = bs_read(b, width), sub;
		unsigned subwidth;
		size_t subend, k;

		if (b->pos > end) {
			b->st = BS_TRUNCATED;
			break;
		}
		if (code == BS_END_BLOCK) {
			bs_align32(b);
			if (b->st == BS_OK && b->pos != end)
				b->st = BS_MALFORMED;
			break;
		} else if (code == BS_ENTER_SUBBLOCK) {
			if (depth >= MAX_DEPTH ||
			    !block_header(b, &sub, &subwidth, &subend, end)) {
				if (b->st == BS_OK)
					b->st = BS_MALFORMED;
				break;
			}
			walk_block(w, sub, subwidth, subend, depth + 1);
		} else if (code == BS_DEFINE_ABBREV) {
			if (id != BLOCKINFO_BLOCK_ID)
				define = &own;
			else if (cur == (uint64_t)-1)
				define = NULL;
			else
				define = info_for(w, cur, 1);
			if (!define) {
				b->st = BS_MALFORMED;
				break;
			}
			abbrevs_add(define, b);
		} else {
			/* The values that matter: which block BLOCKINFO is
			 * about, and how many types a type table says it has
			 * (LLVM makes room for them all first). */
			struct first f = {0, 0, 0};
			const struct bs_abbrev *a = NULL;
			int want = id == BLOCKINFO_BLOCK_ID || id == TYPE_BLOCK_ID_NEW;

			/* What BLOCKINFO gave when the block started, then
			 * the block's own. */
			k = (size_t)(code - BS_FIRST_ABBREV);
			if (code == BS_UNABBREV_RECORD)
				a = NULL;
			else if (k < ngiven)
				a = &given->v[k];
			else if (k - ngiven < own.n)
				a = &own.v[k - ngiven];
			else {
				b->st = BS_MALFORMED;
				break;
			}
			bs_record(b, a, want ? first_value : NULL, &f);
			if (id == BLOCKINFO_BLOCK_ID && f.code == BLOCKINFO_CODE_SETBID &&
			    f.seen >= 2)
				cur = f.id;
			if (id == TYPE_BLOCK_ID_NEW && f.code == TYPE_CODE_NUMENTRY &&
			    f.seen >= 2 && f.id > end - b->pos)
				b->st = BS_TRUNCATED;
		}
		/* info_for() may have moved what given points into. */
		given = info_for(w, id, 0);
	}
	abbrevs_release(&own);
}

enum bc_status
bc_check(const unsigned char *data, size_t len, size_t *where)
{
	const unsigned char *start = data;
	struct walk w;
	size_t i;

	*where = 0;
	if (!(data = bitstream(data, &len)))
		return BC_NOT_BITCODE;
	memset(&w, 0, sizeof(w));
	bs_init(&w.b, data, len);
	w.b.pos = 32;
	while (w.b.st == BS_OK && bs_left(&w.b) >= 32) {
		uint64_t id;
		unsigned width;
		size_t end;

		if (bs_read(&w.b, TOP_WIDTH) != BS_ENTER_SUBBLOCK)
			break;  /* padding, or something for LLVM to judge */
		if (!block_header(&w.b, &id, &width, &end, w.b.nbits))
			break;
		walk_block(&w, id, width, end, 1);
	}
	for (i = 0; i < w.ninfo; i++)
		abbrevs_release(&w.info[i].a);
	free(w.info);
	*where = (size_t)(data - start) + w.b.pos / 8;
	return status(w.b.st);
}

const char *
bc_status_str(enum bc_status st)
{
	switch (st) {
	case BC_OK: return "ok";
	case BC_NOT_BITCODE: return "not LLVM bitcode";
	case BC_TRUNCATED: return "bitcode is truncated";
	case BC_MALFORMED: return "bitcode is malformed";
	}
	return "unknown";
}
