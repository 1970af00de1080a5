/*
 * cc/native.c: Rust compiled as rustc compiles it, with its bitcode
 * beside it.  With -C embed-bitcode=yes, rustc's objects in rlibs carry
 * their module's bitcode, after optimization, in .llvmbc; with
 * --emit=llvm-bc it also writes each codegen unit's bitcode next to the
 * object it links (X.rcgu.bc beside X.rcgu.o, or CRATE.bc when the crate
 * has a single unit).  The objects link as they are, and a program whose
 * Rust calls no C is linked exactly as a plain build links it; only an
 * object that calls a function of the C, found by its undefined symbols,
 * is compiled again, from its bitcode, with the C helpers (scan.c makes
 * the jobs).
 *
 * The C's functions are the symbols that native objects carrying C
 * bitcode define; C that is bitcode only (clang -flto) lists none here,
 * and then every Rust object with bitcode is compiled again.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../archive.h"
#include "../bitcode.h"
#include "../buf.h"
#include "../elffile.h"
#include "../file.h"
#include "../msg.h"
#include "../temp.h"
#include "../util.h"
#include "cc.h"

/* Whether rustc wrote the module: its producer names rust. */
static int
rust_producer(const struct bc_ident *id)
{
	return id->found && strstr(id->producer, "rust") != NULL;
}

int
cc_is_rust_bitcode(const unsigned char *data, size_t len)
{
	struct bc_ident id;

	return bc_identify(data, len, &id) == BC_OK && rust_producer(&id);
}

int
cc_each_symbol(const unsigned char *data, size_t len, int want_defined,
               int (*fn)(void *, const char *), void *arg, const char **why)
{
	struct elf_file f;
	struct elf_symbol *syms = NULL;
	size_t sec = 0, n = 0, i;
	int ret = 0;

	if ((*why = elf_header(data, len, &f)) == NULL &&
	    (*why = elf_sections(&f)) == NULL &&
	    (*why = elf_section_names(&f)) == NULL &&
	    (sec = elf_find_section(&f, ELF_SHT_SYMTAB)) != 0)
		*why = elf_symbols(&f, sec, &syms, &n);
	for (i = 1; !*why && i < n && ret == 0; i++) {
		int defined = syms[i].section != ELF_NO_SECTION;

		if (syms[i].bind != 0 && *syms[i].name &&
		    syms[i].type != ELF_STT_SECTION && syms[i].type != ELF_STT_FILE &&
		    defined == want_defined)
			ret = fn(arg, syms[i].name);
	}
	free(syms);
	elf_release(&f);
	return *why ? -1 : ret;
}

/* The same, with nothing for an object this reader cannot read, which
 * the real linker judges. */
static int
each_symbol(const unsigned char *data, size_t len, int want_defined,
            int (*fn)(void *, const char *), struct driver *d)
{
	const char *why;
	int ret = cc_each_symbol(data, len, want_defined, fn, d, &why);

	return ret < 0 ? 0 : ret;
}

static int
add_c_symbol(void *arg, const char *name)
{
	struct driver *d = arg;

	strlist_push((const char ***)&d->csyms, &d->ncsyms, xstrdup(name));
	return 0;
}

/* What one object, or archive member, adds to the C's functions. */
static void
c_symbols_of(struct driver *d, const unsigned char *data, size_t len)
{
	const unsigned char *bc;
	size_t bclen;

	if (bc_is_bitcode(data, len)) {
		if (!cc_is_rust_bitcode(data, len))
			d->c_unlisted = 1;
	} else if ((bc = cc_llvmbc(data, len, &bclen)) && !cc_is_rust_bitcode(bc, bclen)) {
		each_symbol(data, len, 1, add_c_symbol, d);
	}
}

void
cc_c_symbols(struct driver *d, const unsigned char *data, size_t len)
{
	struct ar_member *m;
	const char *why;
	size_t n, i;

	if (!ar_is_archive(data, len)) {
		c_symbols_of(d, data, len);
		return;
	}
	/* A damaged archive is said so by the scan that follows. */
	if (!(m = ar_members(data, len, &n, &why)))
		return;
	for (i = 0; i < n; i++)
		c_symbols_of(d, m[i].data, m[i].size);
	ar_members_release(m, n);
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
cc_c_symbols_done(struct driver *d)
{
	qsort(d->csyms, d->ncsyms, sizeof(*d->csyms), compare_names);
}

static int
is_c_symbol(void *arg, const char *name)
{
	const struct driver *d = arg;

	return bsearch(&name, d->csyms, d->ncsyms, sizeof(*d->csyms),
	               compare_names) != NULL;
}

/* Whether a native object calls (or uses) a function of the C. */
static int
uses_c(struct driver *d, const unsigned char *data, size_t len)
{
	return d->c_unlisted || each_symbol(data, len, 0, is_c_symbol, d);
}

const char *
cc_in_sysroot(const char *path)
{
	return strstr(path, "/lib/rustlib/");
}

/* The bitcode file rustc wrote for the object at path: X.rcgu.bc for
 * X.rcgu.o, or, when the link line has no other unit of its crate,
 * CRATE.bc in the same directory; NULL when there is none. */
static char *
sidecar(const struct driver *d, const char *path)
{
	size_t len = strlen(path), dir, i, units = 0;
	const char *base, *dot;
	char *bc;

	if (len < 2 || strcmp(path + len - 2, ".o") != 0 || !strstr(path, "-cgu."))
		return NULL;
	bc = xasprintf("%.*s.bc", (int)(len - 2), path);
	if (access(bc, R_OK) == 0)
		return bc;
	free(bc);
	base = strrchr(path, '/');
	dir = base ? (size_t)(base - path) + 1 : 0;
	if (!(dot = strchr(path + dir, '.')))
		return NULL;
	for (i = 0; i < d->all.n; i++)
		if (strncmp(d->all.v[i], path, (size_t)(dot - path) + 1) == 0 &&
		    strstr(d->all.v[i] + dir, "-cgu."))
			units++;
	if (units != 1)
		return NULL;
	bc = xasprintf("%.*s.bc", (int)(dot - path), path);
	if (access(bc, R_OK) == 0)
		return bc;
	free(bc);
	return NULL;
}

const unsigned char *
cc_rust_embedded(struct driver *d, const unsigned char *data, size_t len,
                 size_t *bclen)
{
	const unsigned char *bc = cc_llvmbc(data, len, bclen);

	if (!bc || !cc_is_rust_bitcode(bc, *bclen))
		return NULL;
	d->nrust_native++;
	return uses_c(d, data, len) ? bc : NULL;
}

int
cc_rust_object(struct driver *d, const char *path, const unsigned char *data,
               size_t len, struct buf *bc, char **file)
{
	const unsigned char *e;
	struct bc_ident id;
	enum bc_status st;
	size_t elen;
	char *side;

	*file = NULL;
	if ((e = cc_rust_embedded(d, data, len, &elen)) != NULL) {
		*file = xasprintf("%s/r%zu.bc", d->tmp, d->njobs);
		buf_add(bc, e, elen);
		if (write_file_atomic(*file, e, elen) < 0)
			return -1;
		temp_register(*file);
		return 1;
	}
	if (!(side = sidecar(d, path)))
		return 0;
	/* rustc removes the object after the link; its bitcode goes with
	 * it, so that a later build without --emit=llvm-bc cannot find it. */
	strlist_push((const char ***)&d->sidecars, &d->nsidecars, side);
	if (read_file(side, bc) < 0)
		return -1;
	st = bc_identify((unsigned char *)bc->data, bc->len, &id);
	if (st != BC_OK)
		return error("cannot read '%s', rustc's bitcode for '%s': %s", side, path,
		             bc_status_str(st));
	if (!rust_producer(&id))
		return 0;
	d->nrust_native++;
	if (!uses_c(d, data, len))
		return 0;
	*file = xstrdup(side);
	return 1;
}
