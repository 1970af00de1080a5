/* bitstream.c: see bitstream.h. */
#include <stdlib.h>
#include <string.h>

#include "bitstream.h"
#include "util.h"

static void
fail(struct bs *b, enum bs_status st)
{
	if (b->st == BS_OK)
		b->st = st;
	b->pos = b->nbits;
}

void
bs_init(struct bs *b, const unsigned char *data, size_t len)
{
	b->data = data;
	b->nbits = len * 8;
	b->pos = 0;
	b->st = BS_OK;
}

size_t
bs_left(const struct bs *b)
{
	return b->nbits - b->pos;
}

uint64_t
bs_read(struct bs *b, unsigned width)
{
	size_t byte, nbytes, i;
	unsigned shift;
	uint64_t v = 0;

	if (width == 0)
		return 0;
	if (width > 64 || width > b->nbits - b->pos) {
		fail(b, BS_TRUNCATED);
		return 0;
	}
	byte = b->pos / 8;
	shift = (unsigned)(b->pos % 8);
	/* The bytes that hold the field: at most 9, little-endian. */
	nbytes = (shift + width + 7) / 8;
	for (i = 0; i < nbytes && i < 8; i++)
		v |= (uint64_t)b->data[byte + i] << (8 * i);
	v >>= shift;
	if (nbytes == 9)
		v |= (uint64_t)b->data[byte + 8] << (64 - shift);
	if (width < 64)
		v &= ((uint64_t)1 << width) - 1;
	b->pos += width;
	return v;
}

uint64_t
bs_vbr(struct bs *b, unsigned width)
{
	uint64_t hi = (uint64_t)1 << (width - 1), v = 0, chunk;
	unsigned shift = 0;

	do {
		chunk = bs_read(b, width);
		if (shift < 64)
			v |= (chunk & (hi - 1)) << shift;
		shift += width - 1;
		/* A 64-bit value takes no more chunks than that. */
		if (shift > 70 && (chunk & hi)) {
			fail(b, BS_MALFORMED);
			return 0;
		}
	} while ((chunk & hi) && b->st == BS_OK);
	return v;
}

void
bs_align32(struct bs *b)
{
	size_t pos = (b->pos + 31) & ~(size_t)31;

	if (pos > b->nbits)
		fail(b, BS_TRUNCATED);
	else
		b->pos = pos;
}

void
bs_define_abbrev(struct bs *b, struct bs_abbrev *a)
{
	uint64_t n = bs_vbr(b, 5), i;

	a->op = NULL;
	a->nops = 0;
	/* Each operand takes at least 4 bits: that bounds what to allocate. */
	if (n == 0 || n > bs_left(b) / 4) {
		fail(b, n == 0 ? BS_MALFORMED : BS_TRUNCATED);
		return;
	}
	a->op = xcalloc(n, sizeof(*a->op));
	for (i = 0; i < n && b->st == BS_OK; i++) {
		struct bs_op *op = &a->op[a->nops];

		if (bs_read(b, 1)) {
			op->kind = BS_LITERAL;
			op->value = bs_vbr(b, 8);
		} else {
			switch (bs_read(b, 3)) {
			case 1: op->kind = BS_FIXED; op->value = bs_vbr(b, 5); break;
			case 2: op->kind = BS_VBR; op->value = bs_vbr(b, 5); break;
			case 3: op->kind = BS_ARRAY; break;
			case 4: op->kind = BS_CHAR6; op->value = 6; break;
			case 5: op->kind = BS_BLOB; break;
			default: fail(b, BS_MALFORMED); return;
			}
			/* LLVM takes a field of no bits for the literal 0. */
			if ((op->kind == BS_FIXED || op->kind == BS_VBR) &&
			    op->value == 0)
				op->kind = BS_LITERAL;
			else if ((op->kind == BS_FIXED && op->value > 64) ||
			         (op->kind == BS_VBR && (op->value < 2 || op->value > 32))) {
				fail(b, BS_MALFORMED);
				return;
			}
		}
		a->nops++;
	}
	if (b->st != BS_OK)
		return;
	/* The code comes first; an array is followed by its element's
	 * encoding, last; a blob is last. */
	for (i = 0; i < a->nops; i++) {
		enum bs_op_kind k = a->op[i].kind;

		if ((i == 0 && (k == BS_ARRAY || k == BS_BLOB)) ||
		    (k == BS_ARRAY && (i + 2 != a->nops ||
		                       a->op[i + 1].kind == BS_LITERAL ||
		                       a->op[i + 1].kind == BS_ARRAY ||
		                       a->op[i + 1].kind == BS_BLOB)) ||
		    (k == BS_BLOB && i + 1 != a->nops))
			fail(b, BS_MALFORMED);
	}
}

void
bs_abbrev_release(struct bs_abbrev *a)
{
	free(a->op);
	a->op = NULL;
	a->nops = 0;
}

static char
kind_char(enum bs_op_kind k)
{
	return k == BS_FIXED ? 'f' : k == BS_VBR ? 'v' : k == BS_CHAR6 ? 'c' : 'l';
}

/* One scalar of an abbreviated record. */
static uint64_t
scalar(struct bs *b, const struct bs_op *op)
{
	switch (op->kind) {
	case BS_LITERAL: return op->value;
	case BS_FIXED: return bs_read(b, (unsigned)op->value);
	case BS_VBR: return bs_vbr(b, (unsigned)op->value);
	case BS_CHAR6: return bs_read(b, 6);
	default: fail(b, BS_MALFORMED); return 0;
	}
}

void
bs_record(struct bs *b, const struct bs_abbrev *a,
          void (*fn)(void *, uint64_t, size_t, unsigned, char), void *arg)
{
	uint64_t n, i, v;
	unsigned k;
	size_t bit;

	if (!a) {
		bit = b->pos;
		v = bs_vbr(b, 6);
		if (fn)
			fn(arg, v, bit, 6, 'v');
		n = bs_vbr(b, 6);
		if (n > bs_left(b) / 6) {
			fail(b, BS_TRUNCATED);
			return;
		}
		for (i = 0; i < n && b->st == BS_OK; i++) {
			bit = b->pos;
			v = bs_vbr(b, 6);
			if (fn)
				fn(arg, v, bit, 6, 'v');
		}
		return;
	}
	for (k = 0; k < a->nops && b->st == BS_OK; k++) {
		const struct bs_op *op = &a->op[k];

		if (op->kind == BS_ARRAY) {
			const struct bs_op *elt = &a->op[k + 1];

			n = bs_vbr(b, 6);
			if (n > bs_left(b) / elt->value) {
				fail(b, BS_TRUNCATED);
				return;
			}
			for (i = 0; i < n && b->st == BS_OK; i++) {
				bit = b->pos;
				v = scalar(b, elt);
				if (fn)
					fn(arg, v, bit, (unsigned)elt->value,
					   kind_char(elt->kind));
			}
			return;
		}
		if (op->kind == BS_BLOB) {
			n = bs_vbr(b, 6);
			bs_align32(b);
			if (n > bs_left(b) / 8) {
				fail(b, BS_TRUNCATED);
				return;
			}
			for (i = 0; fn && i < n; i++)
				fn(arg, b->data[b->pos / 8 + i], b->pos + 8 * i, 8, 'b');
			b->pos += (size_t)n * 8;
			bs_align32(b);
			continue;
		}
		bit = b->pos;
		v = scalar(b, op);
		if (fn)
			fn(arg, v, bit, op->kind == BS_LITERAL ? 0 : (unsigned)op->value,
			   kind_char(op->kind));
	}
}
