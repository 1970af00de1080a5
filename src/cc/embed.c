/*
 * cc/embed.c: C bitcode embedded in native objects.  clang -fembed-bitcode
 * writes a normal object that also carries its module's bitcode, after
 * optimization, in a section .llvmbc.  Set through Cargo's [env] CC and
 * CFLAGS, it reaches the C that build scripts compile with the cc crate,
 * which knows nothing of helperlink: the objects link as they are without
 * helperlink, and with it their bitcode is a source of helpers.  The
 * object stays on the link line as it is, so that a function that is not
 * inlined is still defined, once, by it.
 *
 * rustc embeds bitcode in its objects too (-C embed-bitcode, on by default
 * for rlibs); those modules are Rust, not helpers, and are left alone.
 */
#include <stdlib.h>
#include <string.h>

#include "../bitcode.h"
#include "../buf.h"
#include "../elffile.h"
#include "../file.h"
#include "../msg.h"
#include "../proc.h"
#include "../temp.h"
#include "../util.h"
#include "cc.h"

/* Whether data is bitcode that rustc wrote (its producer names rust). */
int
cc_is_rust_bitcode(const unsigned char *data, size_t len)
{
	struct bc_ident id;

	return bc_identify(data, len, &id) == BC_OK && id.found &&
	       strstr(id.producer, "rust") != NULL;
}

/* The .llvmbc section of an ELF object, or NULL (none, or not readable). */
static const struct elf_section *
llvmbc(struct elf_file *f, const unsigned char *data, size_t len)
{
	size_t i;

	/* An object this reader cannot read (ELF32, big-endian, damaged) is
	 * the real linker's to judge, as without helperlink. */
	if (elf_header(data, len, f) || elf_sections(f) || elf_section_names(f))
		return NULL;
	for (i = 0; i < f->nsecs; i++)
		if (strcmp(f->secs[i].name, ".llvmbc") == 0 &&
		    f->secs[i].type == ELF_SHT_PROGBITS)
			return &f->secs[i];
	return NULL;
}

int
cc_strip_embedded(const char *path)
{
	char *argv[] = {(char *)"objcopy", (char *)"--remove-section=.llvmbc",
	                (char *)"--remove-section=.llvmcmd", (char *)path, NULL};
	struct buf b = BUF_INIT;
	struct elf_file f;
	int has, ret = 0;

	if (read_file(path, &b) < 0)
		return -1;
	has = llvmbc(&f, (unsigned char *)b.data, b.len) != NULL;
	elf_release(&f);
	buf_release(&b);
	if (has && run_command(argv) != 0)
		ret = error("'%s': objcopy cannot remove its embedded bitcode", path);
	return ret;
}

int
cc_embedded(struct driver *d, const unsigned char *data, size_t len,
            const char *name)
{
	struct elf_file f;
	const struct elf_section *sec = llvmbc(&f, data, len);
	const unsigned char *bc = sec ? data + sec->offset : NULL;
	size_t bclen = sec ? (size_t)sec->size : 0, where, n;
	struct bc_ident id;
	enum bc_status st;
	char *file, *label;
	int ret = -1;

	/* No bitcode, only a marker (-fembed-bitcode=marker), or Rust's. */
	if (!bc || !bc_is_bitcode(bc, bclen) || cc_is_rust_bitcode(bc, bclen)) {
		elf_release(&f);
		return 0;
	}
	st = bc_identify(bc, bclen, &id);
	if (st == BC_OK)
		st = bc_check(bc, bclen, &where);
	if (st != BC_OK) {
		error("cannot read the bitcode in '%s' (.llvmbc): %s", name,
		      bc_status_str(st));
		goto out;
	}
	file = xasprintf("%s/e%zu.bc", d->tmp, d->nhelpers);
	if (write_file_atomic(file, bc, bclen) < 0) {
		free(file);
		goto out;
	}
	temp_register(file);
	label = xasprintf("%s(.llvmbc)", name);
	n = d->nhelpers;
	strlist_push(&d->helpers, &d->nhelpers, file);
	strlist_push(&d->helper_names, &n, label);
	strlist_push(&d->owned, &d->nowned, file);
	strlist_push(&d->owned, &d->nowned, label);
	d->nembedded++;
	ret = 0;
out:
	elf_release(&f);
	return ret;
}
