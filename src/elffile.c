/* elffile.c: see elffile.h.  The layout is the System V gABI's. */
#include <stdlib.h>
#include <string.h>

#include "elffile.h"
#include "util.h"

/* The few constants of <elf.h> needed, which not every system has. */
enum {
	ELF_CLASS64 = 2, ELF_DATA2LSB = 1, SHN_UNDEF = 0, SHN_LORESERVE = 0xff00,
	SHN_ABS = 0xfff1, SHN_COMMON = 0xfff2, SHN_XINDEX = 0xffff,
	SHDR_SIZE = 64, SYM_SIZE = 24, RELA_SIZE = 24,
};

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
	f->data = d;
	f->len = len;
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
elf_sections(struct elf_file *f)
{
	const unsigned char *d = f->data, *h;
	uint64_t shnum = elf_le(d + 0x3c, 2), i;
	size_t len = f->len;

	if (f->shoff == 0)
		return "no section headers (a stripped or damaged file)";
	if (elf_le(d + 0x3a, 2) != SHDR_SIZE || f->shoff > len ||
	    len - f->shoff < SHDR_SIZE)
		return "a bad section header table";
	if (shnum == 0)   /* more than 0xff00 sections: the count is here */
		shnum = elf_le(d + f->shoff + 0x20, 8);
	if (shnum == 0 || shnum > (len - f->shoff) / SHDR_SIZE)
		return "a bad section header table";
	f->secs = xcalloc(shnum, sizeof(*f->secs));
	f->nsecs = shnum;
	for (i = 0; i < shnum; i++) {
		struct elf_section *s = &f->secs[i];

		h = d + f->shoff + i * SHDR_SIZE;
		s->type = (unsigned)elf_le(h + 4, 4);
		s->flags = elf_le(h + 8, 8);
		s->addr = elf_le(h + 0x10, 8);
		s->offset = elf_le(h + 0x18, 8);
		s->size = elf_le(h + 0x20, 8);
		s->link = (unsigned)elf_le(h + 0x28, 4);
		s->info = (unsigned)elf_le(h + 0x2c, 4);
		s->entsize = elf_le(h + 0x38, 8);
		s->name = "";
		if (s->type != ELF_SHT_NOBITS &&
		    (s->offset > len || s->size > len - s->offset))
			return "a section beyond the end of the file";
	}
	return NULL;
}

/* The NUL-terminated string at offset off of string table sec, or NULL. */
static const char *
string_at(const struct elf_file *f, size_t sec, uint64_t off)
{
	const struct elf_section *s;
	const unsigned char *p;

	if (sec == 0 || sec >= f->nsecs)
		return NULL;
	s = &f->secs[sec];
	if (s->type == ELF_SHT_NOBITS || off >= s->size)
		return NULL;
	p = f->data + s->offset;
	return memchr(p + off, '\0', s->size - off) ? (const char *)p + off
	                                            : NULL;
}

const char *
elf_section_names(struct elf_file *f)
{
	uint64_t shstrndx = elf_le(f->data + 0x3e, 2);
	size_t i;

	if (shstrndx == SHN_XINDEX)
		shstrndx = f->secs[0].link;
	if (shstrndx == 0)
		return NULL;  /* no names: every section stays "" */
	if (shstrndx >= f->nsecs || f->secs[shstrndx].type != ELF_SHT_STRTAB)
		return "a bad section name table";
	for (i = 0; i < f->nsecs; i++) {
		const char *name = string_at(f, shstrndx,
		                             elf_le(f->data + f->shoff + i * SHDR_SIZE, 4));

		if (!name)
			return "a section name outside the section name table";
		f->secs[i].name = name;
	}
	return NULL;
}

size_t
elf_find_section(const struct elf_file *f, unsigned type)
{
	size_t i;

	for (i = 1; i < f->nsecs; i++)
		if (f->secs[i].type == type)
			return i;
	return 0;
}

/* The SHT_SYMTAB_SHNDX section for symbol table sec, or 0. */
static size_t
shndx_table(const struct elf_file *f, size_t sec)
{
	size_t i;

	for (i = 1; i < f->nsecs; i++)
		if (f->secs[i].type == ELF_SHT_SYMTAB_SHNDX && f->secs[i].link == sec)
			return i;
	return 0;
}

const char *
elf_symbols(const struct elf_file *f, size_t sec, struct elf_symbol **syms,
            size_t *n)
{
	const struct elf_section *s = &f->secs[sec];
	size_t i, count, xsec = shndx_table(f, sec);
	struct elf_symbol *v;

	*syms = NULL;
	*n = 0;
	if (s->type == ELF_SHT_NOBITS || s->size % SYM_SIZE ||
	    (s->entsize && s->entsize != SYM_SIZE))
		return "a bad symbol table";
	if (s->link == 0 || s->link >= f->nsecs ||
	    f->secs[s->link].type != ELF_SHT_STRTAB)
		return "a symbol table without a string table";
	count = (size_t)(s->size / SYM_SIZE);
	if (xsec && (f->secs[xsec].type == ELF_SHT_NOBITS ||
	             f->secs[xsec].size / 4 < count))
		return "a bad extended section index table";
	v = xcalloc(count + 1, sizeof(*v));
	for (i = 0; i < count; i++) {
		const unsigned char *e = f->data + s->offset + i * SYM_SIZE;
		uint64_t shndx = elf_le(e + 6, 2);
		struct elf_symbol *y = &v[i];

		y->type = e[4] & 0xf;
		y->bind = e[4] >> 4;
		y->value = elf_le(e + 8, 8);
		y->size = elf_le(e + 16, 8);
		if (shndx == SHN_XINDEX) {
			if (!xsec) {
				free(v);
				return "a symbol with an extended section index and no table";
			}
			shndx = elf_le(f->data + f->secs[xsec].offset + 4 * i, 4);
		} else if (shndx >= SHN_LORESERVE) {
			y->section = ELF_OTHER_SECTION;
		}
		if (y->section != ELF_OTHER_SECTION) {
			if (shndx == SHN_UNDEF)
				y->section = ELF_NO_SECTION;
			else if (shndx < f->nsecs)
				y->section = (size_t)shndx;
			else {
				free(v);
				return "a symbol in a section that does not exist";
			}
		}
		if (y->type == ELF_STT_SECTION && y->section < f->nsecs) {
			y->name = f->secs[y->section].name;
		} else if (!(y->name = string_at(f, s->link, elf_le(e, 4)))) {
			free(v);
			return "a symbol name outside the string table";
		}
	}
	*syms = v;
	*n = count;
	return NULL;
}

/* Whether t is in one of the n ranges [lo, hi]. */
static int
in_ranges(uint64_t t, const uint16_t (*r)[2], size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t >= r[i][0] && t <= r[i][1])
			return 1;
	return 0;
}

int
elf_reloc_width(unsigned machine, uint64_t type)
{
	/* LLVM 22's ELFRelocs/x86_64.def and AArch64.def; the psABIs. */
	static const uint16_t x86[][2] = {{0, 38}, {41, 51}};
	static const uint16_t x86_64bit[][2] = {
		{1, 1}, {6, 8}, {16, 18}, {24, 25}, {27, 31}, {33, 33}, {37, 38},
	};
	static const uint16_t a64[][2] = {
		{0, 0}, {0x101, 0x118}, {0x11a, 0x125}, {0x12b, 0x13a},
		{0x200, 0x23d}, {0x244, 0x244}, {0x400, 0x408}, {0x411, 0x411},
	};
	static const uint16_t a64_64bit[][2] = {
		{0x101, 0x101}, {0x104, 0x104}, {0x133, 0x133}, {0x244, 0x244},
		{0x401, 0x406}, {0x408, 0x408}, {0x411, 0x411},
	};

	if (machine == ELF_EM_X86_64) {
		if (!in_ranges(type, x86, LEN(x86)))
			return -1;
		if (type == 0 || type == 5 || type == 35)  /* NONE, COPY, a marker */
			return 0;
		if (type == 36)  /* TLSDESC: two words */
			return 16;
		if (in_ranges(type, x86_64bit, LEN(x86_64bit)))
			return 8;
		return type == 12 || type == 13 ? 2 : type == 14 || type == 15 ? 1 : 4;
	}
	if (machine == ELF_EM_AARCH64) {
		if (!in_ranges(type, a64, LEN(a64)))
			return -1;
		if (type == 0 || type == 0x400)  /* NONE, COPY */
			return 0;
		if (type == 0x407)  /* TLSDESC */
			return 16;
		if (in_ranges(type, a64_64bit, LEN(a64_64bit)))
			return 8;
		return type == 0x103 || type == 0x106 ? 2 : 4;
	}
	return -1;
}

const char *
elf_relocations(const struct elf_file *f, size_t sec, size_t nsyms,
                struct elf_reloc **rels, size_t *n)
{
	const struct elf_section *s = &f->secs[sec], *target = NULL;
	size_t i, count;
	struct elf_reloc *v;

	*rels = NULL;
	*n = 0;
	if (s->type == ELF_SHT_NOBITS || s->size % RELA_SIZE ||
	    (s->entsize && s->entsize != RELA_SIZE))
		return "a bad relocation section";
	/* An object's relocations patch the section sh_info names; a linked
	 * file's are at load addresses. */
	if (f->type == ELF_ET_REL) {
		if (s->info == 0 || s->info >= f->nsecs)
			return "a relocation section for a section that does not exist";
		target = &f->secs[s->info];
	}
	count = (size_t)(s->size / RELA_SIZE);
	v = xcalloc(count + 1, sizeof(*v));
	for (i = 0; i < count; i++) {
		const unsigned char *e = f->data + s->offset + i * RELA_SIZE;
		uint64_t info = elf_le(e + 8, 8);
		int width;

		v[i].offset = elf_le(e, 8);
		v[i].type = info & 0xffffffff;
		v[i].symbol = (size_t)(info >> 32);
		v[i].addend = (int64_t)elf_le(e + 16, 8);
		width = elf_reloc_width(f->machine, v[i].type);
		if (width < 0) {
			free(v);
			return "a relocation of an unknown type";
		}
		if (v[i].symbol >= nsyms || (info >> 32) >= nsyms) {
			free(v);
			return "a relocation against a symbol that does not exist";
		}
		if (target && (target->type == ELF_SHT_NOBITS ||
		               v[i].offset > target->size ||
		               (uint64_t)width > target->size - v[i].offset)) {
			free(v);
			return "a relocation outside the section it relocates";
		}
	}
	*rels = v;
	*n = count;
	return NULL;
}

void
elf_release(struct elf_file *f)
{
	free(f->secs);
	f->secs = NULL;
	f->nsecs = 0;
}
