/* elffile.c: see elffile.h. */
#include <stdlib.h>
#include <string.h>

#include "elffile.h"
#include "util.h"

/* The few constants of <elf.h> needed, which not every system has. */
enum { ELF_CLASS64 = 2, ELF_DATA2LSB = 1, ELF_SHT_NOBITS = 8 };

uint64_t
elf_le(const unsigned char *p, int n)
{
	uint64_t v = 0;

	while (n-- > 0)
		v = v << 8 | p[n];
	return v;
}

const char *
elf_header(const unsigned char *d, size_t len, struct elf_file *f)
{
	memset(f, 0, sizeof(*f));
	if (len < 64 || memcmp(d, "\177ELF", 4) != 0)
		return "not an ELF object or LLVM bitcode";
	if (d[4] != ELF_CLASS64 || d[5] != ELF_DATA2LSB)
		return "not a 64-bit little-endian ELF object";
	f->type = (unsigned)elf_le(d + 16, 2);
	f->machine = (unsigned)elf_le(d + 18, 2);
	f->shoff = elf_le(d + 0x28, 8);
	return NULL;
}

const char *
elf_sections(const unsigned char *d, size_t len, struct elf_file *f)
{
	uint64_t shnum = elf_le(d + 0x3c, 2), i;
	const unsigned char *h;

	if (elf_le(d + 0x3a, 2) != 64 || f->shoff > len || len - f->shoff < 64)
		return "a bad section header table";
	if (shnum == 0)   /* more than 0xff00 sections: the count is here */
		shnum = elf_le(d + f->shoff + 0x20, 8);
	if (shnum > (len - f->shoff) / 64)
		return "a bad section header table";
	f->secs = xcalloc(shnum, sizeof(*f->secs));
	f->nsecs = shnum;
	for (i = 0; i < shnum; i++) {
		struct elf_section *s = &f->secs[i];

		h = d + f->shoff + i * 64;
		s->type = (unsigned)elf_le(h + 4, 4);
		s->flags = elf_le(h + 8, 8);
		s->addr = elf_le(h + 0x10, 8);
		s->offset = elf_le(h + 0x18, 8);
		s->size = elf_le(h + 0x20, 8);
		s->link = (unsigned)elf_le(h + 0x28, 4);
		s->info = (unsigned)elf_le(h + 0x2c, 4);
		if (s->type != ELF_SHT_NOBITS &&
		    (s->offset > len || s->size > len - s->offset))
			return "a section beyond the end of the file";
	}
	return NULL;
}

void
elf_release(struct elf_file *f)
{
	free(f->secs);
	memset(f, 0, sizeof(*f));
}
