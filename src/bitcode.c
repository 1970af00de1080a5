/*
 * bitcode.c: see bitcode.h.  The format is LLVM's bitstream
 * (llvm/docs/BitCodeFormat.rst): fields are read least significant bit
 * first, abbreviation IDs 0-3 are END_BLOCK, ENTER_SUBBLOCK, DEFINE_ABBREV
 * and UNABBREV_RECORD, and the identification block (ID 13) holds a STRING
 * record (code 1) and an EPOCH record (code 2).
 */
#include <stdint.h>
#include <string.h>

#include "bitcode.h"

enum {
	END_BLOCK = 0,
	ENTER_SUBBLOCK = 1,
	DEFINE_ABBREV = 2,
	UNABBREV_RECORD = 3,
	IDENTIFICATION_BLOCK_ID = 13,
	IDENTIFICATION_CODE_STRING = 1,
	IDENTIFICATION_CODE_EPOCH = 2,
	MAX_ABBREVS = 16,
	MAX_OPS = 16,
};

enum op_kind { OP_LITERAL, OP_FIXED, OP_VBR, OP_ARRAY, OP_CHAR6, OP_BLOB };

struct abbrev_op {
	enum op_kind kind;
	uint64_t value;  /* the literal, or the width of a fixed or vbr field */
};

struct abbrev {
	struct abbrev_op op[MAX_OPS];
	unsigned nops;
};

struct reader {
	const unsigned char *data;
	size_t nbits, pos;
	enum bc_status st;
};

static uint64_t
read_bits(struct reader *r, unsigned width)
{
	uint64_t v = 0;
	unsigned i;

	if (width > 64 || r->pos + width > r->nbits) {
		if (r->st == BC_OK)
			r->st = BC_TRUNCATED;
		r->pos = r->nbits;
		return 0;
	}
	for (i = 0; i < width; i++, r->pos++)
		if (r->data[r->pos / 8] >> (r->pos % 8) & 1)
			v |= (uint64_t)1 << i;
	return v;
}

static uint64_t
read_vbr(struct reader *r, unsigned width)
{
	uint64_t hi = (uint64_t)1 << (width - 1), v = 0, chunk;
	unsigned shift = 0;

	do {
		chunk = read_bits(r, width);
		if (shift < 64)
			v |= (chunk & (hi - 1)) << shift;
		shift += width - 1;
		if (shift > 70 && r->st == BC_OK)
			r->st = BC_MALFORMED;
	} while (chunk & hi && r->st == BC_OK);
	return v;
}

static void
align32(struct reader *r)
{
	size_t pos = (r->pos + 31) & ~(size_t)31;

	if (pos > r->nbits) {
		if (r->st == BC_OK)
			r->st = BC_TRUNCATED;
		pos = r->nbits;
	}
	r->pos = pos;
}

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
bc_is_bitcode(const unsigned char *data, size_t len)
{
	if (unwrap(&data, &len) < 0)
		return 0;
	return len >= 4 && memcmp(data, "BC\xC0\xDE", 4) == 0;
}

static char
char6(uint64_t v)
{
	static const char tab[] =
	    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._";

	return tab[v & 63];
}

static void
read_define_abbrev(struct reader *r, struct abbrev *a)
{
	uint64_t n = read_vbr(r, 5), i;

	a->nops = 0;
	for (i = 0; i < n && r->st == BC_OK; i++) {
		struct abbrev_op op;

		if (read_bits(r, 1)) {
			op.kind = OP_LITERAL;
			op.value = read_vbr(r, 8);
		} else {
			switch (read_bits(r, 3)) {
			case 1: op.kind = OP_FIXED; op.value = read_vbr(r, 5); break;
			case 2: op.kind = OP_VBR; op.value = read_vbr(r, 5); break;
			case 3: op.kind = OP_ARRAY; op.value = 0; break;
			case 4: op.kind = OP_CHAR6; op.value = 6; break;
			case 5: op.kind = OP_BLOB; op.value = 0; break;
			default: r->st = BC_MALFORMED; return;
			}
			if ((op.kind == OP_FIXED && op.value > 64) ||
			    (op.kind == OP_VBR && (op.value < 2 || op.value > 32))) {
				r->st = BC_MALFORMED;
				return;
			}
		}
		if (a->nops == MAX_OPS) {
			r->st = BC_MALFORMED;
			return;
		}
		a->op[a->nops++] = op;
	}
}

/* A record being decoded: its code and the values that follow it. */
struct record {
	int have_code;
	uint64_t code;
	uint64_t epoch;
	struct bc_ident *id;
	size_t nchars;
};

/* Take one scalar of a record, noting where it came from. */
static void
record_value(struct record *rec, uint64_t v, size_t bit, unsigned width,
             char kind)
{
	struct bc_ident *id = rec->id;

	if (!rec->have_code) {
		rec->have_code = 1;
		rec->code = v;
		return;
	}
	if (rec->code == IDENTIFICATION_CODE_EPOCH) {
		rec->epoch = v;
		return;
	}
	if (rec->code != IDENTIFICATION_CODE_STRING)
		return;
	if (rec->nchars + 1 < sizeof(id->producer)) {
		id->producer[rec->nchars] = kind == 'c' ? char6(v) : (char)v;
		id->char_bit[rec->nchars] = bit;
		id->char_width = width;
		id->char_kind = kind;
		rec->nchars++;
		id->producer[rec->nchars] = '\0';
	}
}

static void
read_scalar(struct reader *r, const struct abbrev_op *op, struct record *rec)
{
	size_t bit = r->pos;
	uint64_t v;

	switch (op->kind) {
	case OP_LITERAL:
		record_value(rec, op->value, bit, 0, 'l');
		return;
	case OP_FIXED:
		v = read_bits(r, (unsigned)op->value);
		record_value(rec, v, bit, (unsigned)op->value, 'f');
		return;
	case OP_VBR:
		v = read_vbr(r, (unsigned)op->value);
		record_value(rec, v, bit, (unsigned)op->value, 'v');
		return;
	case OP_CHAR6:
		v = read_bits(r, 6);
		record_value(rec, v, bit, 6, 'c');
		return;
	default:
		r->st = BC_MALFORMED;
	}
}

static void
read_abbreviated(struct reader *r, const struct abbrev *a, struct record *rec)
{
	unsigned i;

	for (i = 0; i < a->nops && r->st == BC_OK; i++) {
		const struct abbrev_op *op = &a->op[i];
		uint64_t n, j;

		if (op->kind == OP_ARRAY) {
			if (i + 2 != a->nops) {
				r->st = BC_MALFORMED;
				return;
			}
			n = read_vbr(r, 6);
			for (j = 0; j < n && r->st == BC_OK; j++)
				read_scalar(r, &a->op[i + 1], rec);
			return;
		}
		if (op->kind == OP_BLOB) {
			n = read_vbr(r, 6);
			align32(r);
			for (j = 0; j < n && r->st == BC_OK; j++)
				record_value(rec, read_bits(r, 8), r->pos - 8, 8, 'f');
			align32(r);
			continue;
		}
		read_scalar(r, op, rec);
	}
}

static void
read_unabbreviated(struct reader *r, struct record *rec)
{
	uint64_t n, i;

	record_value(rec, read_vbr(r, 6), r->pos, 6, 'v');
	n = read_vbr(r, 6);
	for (i = 0; i < n && r->st == BC_OK; i++) {
		size_t bit = r->pos;

		record_value(rec, read_vbr(r, 6), bit, 6, 'v');
	}
}

static void
read_identification(struct reader *r, unsigned width, struct bc_ident *id)
{
	struct abbrev abbrevs[MAX_ABBREVS];
	unsigned nabbrevs = 0;

	while (r->st == BC_OK) {
		uint64_t code = read_bits(r, width);
		struct record rec = {0, 0, 0, id, 0};

		if (r->st != BC_OK)
			return;
		switch (code) {
		case END_BLOCK:
			align32(r);
			id->found = 1;
			return;
		case ENTER_SUBBLOCK:
		case DEFINE_ABBREV:
			if (code == ENTER_SUBBLOCK || nabbrevs == MAX_ABBREVS) {
				r->st = BC_MALFORMED;
				return;
			}
			read_define_abbrev(r, &abbrevs[nabbrevs++]);
			continue;
		case UNABBREV_RECORD:
			read_unabbreviated(r, &rec);
			break;
		default:
			if (code - 4 >= nabbrevs) {
				r->st = BC_MALFORMED;
				return;
			}
			read_abbreviated(r, &abbrevs[code - 4], &rec);
		}
		if (rec.code == IDENTIFICATION_CODE_EPOCH)
			id->epoch = (unsigned)rec.epoch;
	}
}

/*
 * The top-level blocks after the identification block (module, string
 * table, symbol table) state their length in words; a file shorter than
 * that was cut off.
 */
static enum bc_status
check_lengths(struct reader *r)
{
	/* Bitcode is whole 32-bit words; less than one left is padding. */
	while (r->pos + 32 <= r->nbits) {
		uint64_t words;

		if (read_bits(r, 2) != ENTER_SUBBLOCK)
			return BC_OK;  /* something for LLVM to judge */
		read_vbr(r, 8);
		read_vbr(r, 4);
		align32(r);
		words = read_bits(r, 32);
		if (r->st != BC_OK)
			return r->st;  /* the header itself was cut */
		if (words > (r->nbits - r->pos) / 32)
			return BC_TRUNCATED;
		r->pos += (size_t)words * 32;
	}
	return BC_OK;
}

enum bc_status
bc_identify(const unsigned char *data, size_t len, struct bc_ident *id)
{
	struct reader r;
	unsigned width;

	memset(id, 0, sizeof(*id));
	if (unwrap(&data, &len) < 0)
		return BC_NOT_BITCODE;
	if (len < 4 || memcmp(data, "BC\xC0\xDE", 4) != 0)
		return BC_NOT_BITCODE;
	r.data = data;
	r.nbits = len * 8;
	r.pos = 32;
	r.st = BC_OK;
	if (read_bits(&r, 2) != ENTER_SUBBLOCK)
		return r.st != BC_OK ? r.st : BC_MALFORMED;
	if (read_vbr(&r, 8) != IDENTIFICATION_BLOCK_ID)
		return r.st;  /* bitcode from before LLVM 3.8 has none */
	width = (unsigned)read_vbr(&r, 4);
	align32(&r);
	read_bits(&r, 32);  /* the block's length in words */
	if (r.st != BC_OK)
		return r.st;
	if (width < 2 || width > 32)
		return BC_MALFORMED;
	read_identification(&r, width, id);
	if (r.st != BC_OK)
		return r.st;
	return check_lengths(&r);
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
