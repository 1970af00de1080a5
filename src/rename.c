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

#include "rename.h"

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
renames_read(struct renames *r, const char *path)
{
	struct buf b = BUF_INIT;
	char *line, *next, *p, *old, *new, *hash, *where;
	unsigned n = 0;
	int ret = 0;

	if (read_file(path, &b) < 0)
		return -1;
	if (b.len && memchr(b.data, '\0', b.len)) {
		buf_release(&b);
		return error("'%s': not a text file", path);
	}
	for (line = b.data; line && ret == 0; line = next) {
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

static int
in_bounds(const struct buf *obj, uint64_t off, uint64_t size)
{
	return off <= obj->len && size <= obj->len - off;
}

int
elf_redefine(struct buf *obj, const struct renames *r, const char *path)
{
	Elf64_Ehdr eh;
	Elf64_Shdr *sh, first;
	size_t i, nsect;

	if (r->to.n == 0)
		return 0;
	if (obj->len < sizeof(eh) || memcmp(obj->data, ELFMAG, SELFMAG) != 0 ||
	    obj->data[EI_CLASS] != ELFCLASS64 ||
	    obj->data[EI_DATA] != ELFDATA2LSB)
		return error("cannot rename symbols in '%s': not an ELF64 "
		             "little-endian object", path);
	memcpy(&eh, obj->data, sizeof(eh));
	nsect = eh.e_shnum;
	if (eh.e_shentsize != sizeof(Elf64_Shdr) || !eh.e_shoff ||
	    !in_bounds(obj, eh.e_shoff, sizeof(first)))
		return error("cannot rename symbols in '%s': bad section headers",
		             path);
	/* With 65280 sections or more, section 0 holds the count. */
	memcpy(&first, obj->data + eh.e_shoff, sizeof(first));
	if (nsect == 0)
		nsect = first.sh_size;
	if (nsect > obj->len / sizeof(*sh) ||
	    !in_bounds(obj, eh.e_shoff, (uint64_t)nsect * sizeof(*sh)))
		return error("cannot rename symbols in '%s': bad section headers",
		             path);
	for (i = 0; i < nsect; i++) {
		struct buf strtab = BUF_INIT;
		Elf64_Shdr s, str;
		size_t j, nsym, old_end;
		int changed = 0;

		memcpy(&s, obj->data + eh.e_shoff + i * sizeof(s), sizeof(s));
		if (s.sh_type != SHT_SYMTAB)
			continue;
		if (s.sh_link >= nsect ||
		    !in_bounds(obj, s.sh_offset, s.sh_size))
			return error("cannot rename symbols in '%s': bad symbol "
			             "table", path);
		memcpy(&str, obj->data + eh.e_shoff + s.sh_link * sizeof(str),
		       sizeof(str));
		if (!in_bounds(obj, str.sh_offset, str.sh_size) ||
		    str.sh_size == 0 || obj->data[str.sh_offset + str.sh_size - 1])
			return error("cannot rename symbols in '%s': bad string "
			             "table", path);
		buf_add(&strtab, obj->data + str.sh_offset, str.sh_size);
		old_end = strtab.len;
		nsym = s.sh_size / sizeof(Elf64_Sym);
		for (j = 1; j < nsym; j++) {
			char *at = obj->data + s.sh_offset + j * sizeof(Elf64_Sym);
			Elf64_Sym sym;
			const char *new;
			int type;

			memcpy(&sym, at, sizeof(sym));
			type = ELF64_ST_TYPE(sym.st_info);
			if (!sym.st_name || sym.st_name >= old_end ||
			    type == STT_SECTION || type == STT_FILE)
				continue;
			new = renames_get(r, strtab.data + sym.st_name);
			if (!new)
				continue;
			sym.st_name = (Elf64_Word)strtab.len;
			buf_add(&strtab, new, strlen(new) + 1);
			memcpy(at, &sym, sizeof(sym));
			changed = 1;
		}
		if (changed) {
			/* The copy goes at the end; its header is updated in place. */
			str.sh_offset = obj->len;
			str.sh_size = strtab.len;
			buf_add(obj, strtab.data, strtab.len);
			memcpy(obj->data + eh.e_shoff + s.sh_link * sizeof(str), &str,
			       sizeof(str));
		}
		buf_release(&strtab);
	}
	return 0;
}
