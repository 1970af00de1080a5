/*
 * rename.c: symbol renaming lists, and their application to an ELF
 * object.  The new names are appended to a copy of the string table at
 * the end of the file, and the table's section header is pointed at the
 * copy: every offset into the old table (section names share it in
 * LLVM's objects) stays valid, and nothing else in the file moves.
 */
#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "elffile.h"
#include "file.h"
#include "map.h"
#include "msg.h"
#include "rename.h"
#include "util.h"

static int
add(struct renames *r, const char *old, const char *new, const char *where)
{
	char *copy;

	if (strmap_get(&r->to, old))
		return error("%s: '%s' is renamed more than once", where, old);
	if (strmap_get(&r->from, new))
		return error("%s: more than one symbol is renamed to '%s'", where,
		             new);
	copy = xstrdup(new);
	strmap_put(&r->to, old, copy);
	strmap_put(&r->from, copy, (void *)strmap_keys_find(&r->to, old));
	return 0;
}

int
renames_arg_ok(const char *arg)
{
	const char *eq = strchr(arg, '=');

	return eq && eq != arg && eq[1];
}

int
renames_add_arg(struct renames *r, const char *arg)
{
	const char *eq = strchr(arg, '=');
	char *old;
	int ret;

	if (!renames_arg_ok(arg))
		return error("--redefine-sym: '%s' is not OLD=NEW", arg);
	old = xstrndup(arg, (size_t)(eq - arg));
	ret = add(r, old, eq + 1, "--redefine-sym");
	free(old);
	return ret;
}

/* The next whitespace-separated word at *p, or NULL at the end. */
static char *
word(char **p)
{
	char *s = *p, *start;

	while (*s == ' ' || *s == '\t' || *s == '\r')
		s++;
	if (!*s)
		return NULL;
	start = s;
	while (*s && *s != ' ' && *s != '\t' && *s != '\r')
		s++;
	if (*s)
		*s++ = '\0';
	*p = s;
	return start;
}

int
renames_parse(struct renames *r, char *text, const char *path)
{
	char *line, *next, *p, *old, *new, *hash, *where;
	unsigned n = 0;
	int ret = 0;

	for (line = text; line && ret == 0; line = next) {
		n++;
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		p = line;
		if (!(old = word(&p)))
			continue;
		new = word(&p);
		if (!new || word(&p)) {
			ret = error("'%s' line %u: expected 'OLD NEW'", path, n);
			break;
		}
		where = xasprintf("'%s' line %u", path, n);
		ret = add(r, old, new, where);
		free(where);
	}
	return ret;
}

int
renames_read(struct renames *r, const char *path)
{
	struct buf b = BUF_INIT;
	int ret = read_text_file(path, &b) < 0 ? -1
	          : renames_parse(r, b.data ? b.data : (char *)"", path);

	buf_release(&b);
	return ret;
}

const char *
renames_get(const struct renames *r, const char *old)
{
	return strmap_get(&r->to, old);
}

void
renames_release(struct renames *r)
{
	size_t i;

	for (i = 0; i < r->to.cap; i++)
		if (r->to.e[i].key)
			free(r->to.e[i].val);
	strmap_release(&r->to);
	strmap_release(&r->from);
}

/* Rename in the symbol table sym, whose string table is section
 * sym->link; -1 after printing why.  elf_sections() has checked that
 * both lie within the file. */
static int
redefine_table(struct buf *obj, const struct renames *r, const char *path,
               struct elf_file *f, const struct elf_section *sym)
{
	struct elf_section *str = &f->secs[sym->link];
	struct buf strtab = BUF_INIT;
	size_t j, nsym, old_end;
	int changed = 0;

	if (sym->type == SHT_NOBITS)
		return error("cannot rename symbols in '%s': bad symbol table",
		             path);
	if (str->type == SHT_NOBITS || str->size == 0 ||
	    obj->data[str->offset + str->size - 1])
		return error("cannot rename symbols in '%s': bad string table",
		             path);
	buf_add(&strtab, obj->data + str->offset, str->size);
	old_end = strtab.len;
	nsym = sym->size / sizeof(Elf64_Sym);
	for (j = 1; j < nsym; j++) {
		char *at = obj->data + sym->offset + j * sizeof(Elf64_Sym);
		Elf64_Sym e;
		const char *new;
		int type;

		memcpy(&e, at, sizeof(e));
		type = ELF64_ST_TYPE(e.st_info);
		if (!e.st_name || e.st_name >= old_end || type == STT_SECTION ||
		    type == STT_FILE)
			continue;
		new = renames_get(r, strtab.data + e.st_name);
		if (!new)
			continue;
		e.st_name = (Elf64_Word)strtab.len;
		buf_add(&strtab, new, strlen(new) + 1);
		memcpy(at, &e, sizeof(e));
		changed = 1;
	}
	if (changed) {
		/* The copy goes at the end; its header is updated in place:
		 * sh_offset and sh_size of section link. */
		unsigned char *h = (unsigned char *)obj->data + f->shoff +
		                   (uint64_t)sym->link * sizeof(Elf64_Shdr);
		Elf64_Shdr sh;

		memcpy(&sh, h, sizeof(sh));
		sh.sh_offset = str->offset = obj->len;
		sh.sh_size = str->size = strtab.len;
		buf_add(obj, strtab.data, strtab.len);
		h = (unsigned char *)obj->data + f->shoff +
		    (uint64_t)sym->link * sizeof(Elf64_Shdr);
		memcpy(h, &sh, sizeof(sh));
	}
	buf_release(&strtab);
	return 0;
}

int
elf_redefine(struct buf *obj, const struct renames *r, const char *path)
{
	const unsigned char *d = (const unsigned char *)obj->data;
	struct elf_file f;
	const char *why;
	size_t i, nsecs;
	int ret = 0;

	if (r->to.n == 0)
		return 0;
	if ((why = elf_header(d, obj->len, &f)) != NULL ||
	    (why = elf_sections(&f)) != NULL) {
		elf_release(&f);
		return error("cannot rename symbols in '%s': %s", path, why);
	}
	/* Appending a string table adds no section: the count stays. */
	nsecs = f.nsecs;
	for (i = 0; i < nsecs && ret == 0; i++) {
		if (f.secs[i].type != SHT_SYMTAB)
			continue;
		if (f.secs[i].link >= nsecs)
			ret = error("cannot rename symbols in '%s': bad symbol "
			            "table", path);
		else
			ret = redefine_table(obj, r, path, &f, &f.secs[i]);
	}
	elf_release(&f);
	return ret;
}
