/*
 * bcpatch IN OUT MAJOR: copy bitcode, with the major version of its
 * producer ("LLVM14.0.6") replaced by MAJOR, which must have as many
 * digits.  Makes "bitcode from a newer LLVM" for the tests, as no newer
 * LLVM is at hand.  Uses helperlink's own bitstream reader to find where
 * the characters are, and rewrites them in their own encoding.
 */
#include <stdio.h>
#include <string.h>

#include "../../src/bitcode.h"
#include "../../src/buf.h"
#include "../../src/file.h"
#include "../../src/msg.h"
#include "../../src/util.h"

static void
put_bits(unsigned char *data, size_t bit, unsigned width, unsigned long v)
{
	unsigned i;

	for (i = 0; i < width; i++, bit++) {
		if (v >> i & 1)
			data[bit / 8] |= (unsigned char)(1u << (bit % 8));
		else
			data[bit / 8] &= (unsigned char)~(1u << (bit % 8));
	}
}

/* Write character c where the producer's character i is. */
static int
put_char(unsigned char *data, const struct bc_ident *id, size_t i, char c)
{
	size_t bit = id->char_bit[i];

	switch (id->char_kind) {
	case 'c':  /* char6: digits are 52-61 */
		put_bits(data, bit, 6, (unsigned long)(52 + c - '0'));
		return 0;
	case 'f':
		put_bits(data, bit, id->char_width, (unsigned long)c);
		return 0;
	case 'v':  /* vbr6: a digit (48-57) is two chunks */
		put_bits(data, bit, 6, 0x20 | ((unsigned long)c & 0x1f));
		put_bits(data, bit + 6, 6, (unsigned long)c >> 5);
		return 0;
	}
	return -1;
}

int
main(int argc, char **argv)
{
	struct buf b = BUF_INIT;
	struct bc_ident id;
	size_t ndigits, i;
	FILE *f;

	if (argc != 4)
		usage_error(NULL, "usage: bcpatch IN OUT MAJOR");
	if (read_file(argv[1], &b) < 0)
		return 1;
	if (bc_identify((unsigned char *)b.data, b.len, &id) != BC_OK ||
	    !id.found || strncmp(id.producer, "LLVM", 4) != 0)
		fatal("'%s' has no LLVM producer", argv[1]);
	ndigits = strspn(id.producer + 4, "0123456789");
	if (ndigits != strlen(argv[3]) || strspn(argv[3], "0123456789") != ndigits)
		fatal("'%s' does not have %zu digits", argv[3], ndigits);
	for (i = 0; i < ndigits; i++)
		if (put_char((unsigned char *)b.data, &id, 4 + i, argv[3][i]) < 0)
			fatal("cannot rewrite this producer's encoding");
	f = fopen(argv[2], "wb");
	if (!f || fwrite(b.data, 1, b.len, f) != b.len || fclose(f) != 0)
		fatal("cannot write '%s':", argv[2]);
	return 0;
}
