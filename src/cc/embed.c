/*
 * cc/embed.c: bitcode embedded in native objects.  clang -fembed-bitcode
 * writes a normal object that also carries its module's bitcode, after
 * optimization, in a section .llvmbc.  Set through Cargo's [env] CC and
 * CFLAGS, it reaches the C that build scripts compile with the cc crate,
 * which knows nothing of helperlink: the objects link as they are without
 * helperlink, and with it their bitcode is a source of helpers.  The
 * object stays on the link line as it is, so that a function that is not
 * inlined is still defined, once, by it (scan.c takes the bitcode as a
 * helper).
 *
 * rustc embeds bitcode in its objects too (-C embed-bitcode, on by default
 * for rlibs); those modules are Rust, not helpers: native.c decides
 * whether one is compiled again, and a staticlib for C programs loses
 * them (driver.c).
 */
#include <string.h>

#include "../bitcode.h"
#include "../elffile.h"
#include "../msg.h"
#include "../proc.h"
#include "cc.h"

const unsigned char *
cc_llvmbc(const unsigned char *data, size_t len, size_t *bclen)
{
	const unsigned char *bc = NULL;
	struct elf_file f;
	size_t i;

	/* An object this reader cannot read (ELF32, big-endian, damaged) is
	 * the real linker's to judge, as without helperlink. */
	if (!elf_header(data, len, &f) && !elf_sections(&f) && !elf_section_names(&f))
		for (i = 0; i < f.nsecs && !bc; i++)
			if (strcmp(f.secs[i].name, ".llvmbc") == 0 &&
			    f.secs[i].type == ELF_SHT_PROGBITS) {
				bc = data + f.secs[i].offset;
				*bclen = (size_t)f.secs[i].size;
			}
	elf_release(&f);
	/* An empty section is only a marker (-fembed-bitcode=marker). */
	return bc && bc_is_bitcode(bc, *bclen) ? bc : NULL;
}

int
cc_strip_embedded(const char *path)
{
	char *argv[] = {(char *)"objcopy", (char *)"--remove-section=.llvmbc",
	                (char *)"--remove-section=.llvmcmd", (char *)path, NULL};

	if (run_command(argv) != 0)
		return error("'%s': objcopy cannot remove its embedded bitcode", path);
	return 0;
}
