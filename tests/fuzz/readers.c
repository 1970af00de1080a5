/*
 * readers.c: libFuzzer targets for helperlink's pure-C readers, one per
 * build: -DFUZZ_BITCODE (bitcode.c, bitstream.c), -DFUZZ_ELF (elffile.c,
 * object.c), -DFUZZ_ARCHIVE (archive.c), -DFUZZ_SYMLIST (symlist.c),
 * -DFUZZ_RENAMES (rename.c's list and elf_redefine()), -DFUZZ_ARGS
 * (args.c's response files).  Built and run by tests/fuzz/run.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/archive.h"
#include "../../src/args.h"
#include "../../src/bitcode.h"
#include "../../src/buf.h"
#include "../../src/map.h"
#include "../../src/msg.h"
#include "../../src/object.h"
#include "../../src/rename.h"
#include "../../src/symlist.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* The readers' messages are expected; keep the output readable. */
	msg_redirect(-1);
	return 0;
}

/* The input as a NUL-terminated string. */
static char *
text(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
#if defined(FUZZ_BITCODE)
	struct bc_ident id;
	size_t where;

	bc_identify(data, size, &id);
	bc_check(data, size, &where);
	bc_is_bitcode(data, size);
#elif defined(FUZZ_ELF)
	struct strmap undefined = STRMAP_INIT;
	struct object o;
	size_t i, k;

	if (object_open(&o, "fuzz", data, size, &undefined) == 0) {
		/* What objrefs.c does with it, short of disassembling. */
		for (i = 0; i < o.nsorted; i++)
			object_symbol_at(&o, o.sorted[i]->section, o.sorted[i]->addr, 1);
		for (i = 0; i < o.nsecs; i++)
			for (k = 0; k < o.nrels[i]; k++)
				object_symbol_at(&o, i, o.rels[i][k].offset, 1);
		object_function_at(&o, 0x1000);
	}
	object_close(&o);
	strmap_release(&undefined);
#elif defined(FUZZ_ARCHIVE)
	const char *why;
	size_t n;
	struct ar_member *m = ar_members(data, size, &n, &why);

	ar_members_release(m, n);
#elif defined(FUZZ_SYMLIST)
	struct strmap names = STRMAP_INIT;
	char *s = text(data, size);

	if (!memchr(data, '\0', size))
		symlist_parse(s, "fuzz", &names);
	free(s);
	strmap_release(&names);
#elif defined(FUZZ_RENAMES)
	struct renames r = RENAMES_INIT;
	struct buf obj = BUF_INIT;
	char *s = text(data, size);

	renames_add_arg(&r, "main=renamed");
	if (!memchr(data, '\0', size))
		renames_parse(&r, s, "fuzz");
	/* And an object renamed by them: the input as ELF. */
	buf_add(&obj, data, size);
	elf_redefine(&obj, &r, "fuzz");
	buf_release(&obj);
	free(s);
	renames_release(&r);
#elif defined(FUZZ_ARGS)
	struct args a = ARGS_INIT;
	char *s = text(data, size);

	args_split(&a, s);
	args_release(&a);
	free(s);
#else
#error "define one FUZZ_ target"
#endif
	return 0;
}
