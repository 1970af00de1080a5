/*
 * got.c: which function a linked file calls through a GOT slot or a PLT
 * entry (object.h).
 *
 * A slot is set by a dynamic relocation (object.c notes them), or, in a
 * program linked statically, by the linker itself: then the slot's bytes
 * in .got hold the address.  A PLT entry loads a slot and jumps to what it
 * holds; its code is decoded here, by its bytes, as ld.bfd, gold and lld
 * write it: on x86-64 "jmp *SLOT(%rip)", maybe after endbr64 and with a
 * bnd prefix; on AArch64 "adrp x16, PAGE; ldr x17, [x16, #OFF]; ...".
 */
#include <string.h>

#include "object.h"
#include "util.h"

/* The section of a linked file that holds address addr and whose name
 * starts with prefix, or NULL. */
static const struct section *
section_at(const struct object *o, uint64_t addr, const char *prefix)
{
	size_t i;

	for (i = 1; i < o->nsecs; i++) {
		const struct section *s = &o->secs[i];

		if (s->addr && s->addr <= addr && addr - s->addr < s->size &&
		    startswith(s->name, prefix))
			return s;
	}
	return NULL;
}

const char *
object_slot_function(const struct object *o, uint64_t slot)
{
	const struct got_slot *g;
	const struct section *s;
	const struct symbol *f;
	uint64_t target;

	if (o->elf.type == ELF_ET_REL)
		return NULL;
	if ((g = object_got_slot(o, slot)) != NULL) {
		if (g->symbol)
			return g->symbol;
		target = g->target;
	} else if ((s = section_at(o, slot, ".got")) != NULL && s->data &&
	           s->size - (slot - s->addr) >= 8) {
		target = elf_le(s->data + (slot - s->addr), 8);
	} else {
		return NULL;
	}
	f = object_function_at(o, target);
	return f ? f->name : NULL;
}

/* The slot an x86-64 PLT entry at p (n bytes, at address addr) jumps
 * through, or 0. */
static uint64_t
x86_plt_slot(const unsigned char *p, size_t n, uint64_t addr)
{
	size_t i = 0;

	if (n >= 4 && memcmp(p, "\xf3\x0f\x1e\xfa", 4) == 0)  /* endbr64 */
		i = 4;
	if (i < n && p[i] == 0xf2)                              /* bnd */
		i++;
	if (n < i + 6 || p[i] != 0xff || p[i + 1] != 0x25)      /* jmp *d(%rip) */
		return 0;
	return addr + i + 6 + (uint64_t)(int64_t)(int32_t)elf_le(p + i + 2, 4);
}

/* The slot an AArch64 PLT entry at p (at address addr) loads, or 0:
 * adrp x16 then ldr x17, [x16, #off]. */
static uint64_t
a64_plt_slot(const unsigned char *p, size_t n, uint64_t addr)
{
	uint32_t adrp, ldr;
	int64_t page;

	if (n < 8)
		return 0;
	adrp = (uint32_t)elf_le(p, 4);
	ldr = (uint32_t)elf_le(p + 4, 4);
	if ((adrp & 0x9f00001f) != 0x90000010 ||      /* adrp x16 */
	    (ldr & 0xffc003ff) != 0xf9400211)         /* ldr x17, [x16, #] */
		return 0;
	page = (int64_t)((adrp >> 29 & 3) | (adrp >> 5 & 0x7ffff) << 2);
	if (page & (1 << 20))
		page -= 1 << 21;
	return (addr & ~(uint64_t)0xfff) + (uint64_t)(page * 4096) +
	       (ldr >> 10 & 0xfff) * 8;
}

const char *
object_plt_function(const struct object *o, uint64_t addr)
{
	const struct section *s = section_at(o, addr, ".plt");
	uint64_t slot, off;
	size_t i;

	if (!s)
		s = section_at(o, addr, ".iplt");
	if (!s || !s->data || o->elf.type == ELF_ET_REL)
		return NULL;
	/* A program's own ifunc whose address it takes: the linker gives
	 * the function's name to its .iplt entry, with no size (not a
	 * mapping symbol, "$x"). */
	for (i = 0; startswith(s->name, ".iplt") && i < o->nsyms; i++)
		if (o->syms[i].addr == addr && o->syms[i].section == (size_t)(s - o->secs) &&
		    o->syms[i].size == 0 && o->syms[i].name[0] && o->syms[i].name[0] != '$')
			return o->syms[i].name;
	off = addr - s->addr;
	slot = o->machine == ELF_EM_X86_64
	       ? x86_plt_slot(s->data + off, s->size - off, addr)
	       : a64_plt_slot(s->data + off, s->size - off, addr);
	return slot ? object_slot_function(o, slot) : NULL;
}
