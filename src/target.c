/* target.c: see target.h. */
#include <stdio.h>
#include <string.h>

#include "target.h"
#include "util.h"

int
target_is_elf(const char *triple)
{
	static const char *const not_elf[] = {
		"apple", "darwin", "macos", "ios", "tvos", "watchos", "xros",
		"windows", "mingw", "cygwin", "uefi", "wasm", "emscripten", "aix",
		"zos",
	};
	size_t i;

	for (i = 0; i < LEN(not_elf); i++)
		if (strstr(triple, not_elf[i]))
			return 0;
	return *triple != '\0';
}

const char *
target_arch_family(const char *triple, char *buf, size_t size)
{
	static const struct {
		const char *prefix, *family;
	} families[] = {
		{"x86_64", "x86_64"}, {"amd64", "x86_64"},
		{"i386", "x86"}, {"i486", "x86"}, {"i586", "x86"}, {"i686", "x86"},
		{"aarch64_be", "aarch64_be"}, {"aarch64", "aarch64"},
		{"arm64", "aarch64"},
		{"armeb", "armeb"}, {"thumbeb", "armeb"},
		{"arm", "arm"}, {"thumb", "arm"},
		{"riscv64", "riscv64"}, {"riscv32", "riscv32"},
		{"powerpc64le", "powerpc64le"}, {"powerpc64", "powerpc64"},
		{"mips64el", "mips64el"}, {"mips64", "mips64"},
		{"mipsel", "mipsel"},
	};
	size_t n = strcspn(triple, "-"), i;

	for (i = 0; i < LEN(families); i++) {
		if (strncmp(triple, families[i].prefix,
		            strlen(families[i].prefix)) == 0) {
			snprintf(buf, size, "%s", families[i].family);
			return buf;
		}
	}
	snprintf(buf, size, "%.*s", (int)n, triple);
	return buf;
}

int
target_is_x86_64(const char *triple)
{
	char family[32];

	return strcmp(target_arch_family(triple, family, sizeof(family)),
	              "x86_64") == 0;
}

int
target_is_aarch64(const char *triple)
{
	char family[32];

	return strcmp(target_arch_family(triple, family, sizeof(family)),
	              "aarch64") == 0;
}

const char *
target_dl_component(const char *dl, const char *key, char *buf, size_t size)
{
	size_t keylen = strlen(key);
	const char *p = dl;

	while (*p) {
		size_t n = strcspn(p, "-");

		if (n > keylen && strncmp(p, key, keylen) == 0 && p[keylen] == ':') {
			snprintf(buf, size, "%.*s", (int)(n - keylen - 1), p + keylen + 1);
			return buf;
		}
		p += n;
		if (*p == '-')
			p++;
	}
	return NULL;
}

char
target_dl_byte_order(const char *dl)
{
	const char *p = dl;

	while (*p) {
		size_t n = strcspn(p, "-");

		if (n == 1 && (*p == 'e' || *p == 'E'))
			return *p;
		p += n;
		if (*p == '-')
			p++;
	}
	return 'E';  /* LLVM's default */
}

const char *
target_private_prefix(const char *dl)
{
	char m[8];

	if (!target_dl_component(dl, "m", m, sizeof(m)))
		return NULL;
	if (strcmp(m, "e") == 0)
		return ".L";
	if (strcmp(m, "m") == 0)
		return "$";
	return NULL;
}
