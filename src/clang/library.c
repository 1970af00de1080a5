/*
 * clang/library.c: find libclang, dlopen() it and resolve the part of its
 * C API that api.h lists, once per process.
 *
 * Which libclang: --libclang PATH, else $HELPERLINK_LIBCLANG, else the one
 * of the C compiler's LLVM major version N, under the names Debian and
 * upstream give it (/usr/lib/llvm-N/lib/libclang.so.1 or libclang-N.so.1,
 * libclang-N.so.1 or libclang.so.N on the loader's path); if the compiler
 * is not a clang, "libclang.so.1" from the loader's path, else the newest
 * /usr/lib/llvm-*\/lib/libclang.so.1.  The headers are parsed as the C
 * compiler would compile them, so its version is the one to use: when it
 * is not there, that is an error, not another version.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "../clang.h"
#include "../file.h"
#include "../msg.h"
#include "../toolchain.h"
#include "../util.h"

#define CLANGAPI_DEFINE(ret, name, params) ret (*name) params;
CLANG_FUNCTIONS(CLANGAPI_DEFINE)
#undef CLANGAPI_DEFINE

static const struct {
	const char *name;
	void *slot;
} api[] = {
#define CLANGAPI_ENTRY(ret, name, params) {#name, (void *)&name},
	CLANG_FUNCTIONS(CLANGAPI_ENTRY)
#undef CLANGAPI_ENTRY
};

static char *loaded_path;

/* The newest /usr/lib/llvm-N/lib/libclang.so.1, or NULL. */
static char *
newest_installed(void)
{
	DIR *d = opendir("/usr/lib");
	struct dirent *e;
	char *best = NULL;
	long best_major = -1;

	if (!d)
		return NULL;
	while ((e = readdir(d))) {
		const char *v = skip_prefix(e->d_name, "llvm-");
		char *path, *end;
		long major;

		if (!v)
			continue;
		major = strtol(v, &end, 10);
		if (*end || major <= best_major)
			continue;
		path = xasprintf("/usr/lib/%s/lib/libclang.so.1", e->d_name);
		if (read_prefix(path, (unsigned char[4]){0}, 4) == 4) {
			free(best);
			best = path;
			best_major = major;
		} else {
			free(path);
		}
	}
	closedir(d);
	return best;
}

static void *
try_open(const char *path, char **opened)
{
	void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);

	if (lib)
		*opened = xstrdup(path);
	return lib;
}

int
clang_load(const char *path, const char *cc)
{
	const char *env = getenv("HELPERLINK_LIBCLANG");
	struct llvm_version v;
	const char *why;
	char *opened = NULL, *guess;
	void *lib = NULL;
	size_t i;

	if (loaded_path)
		return 0;
	if (!path && env && *env)
		path = env;
	if (path) {
		lib = try_open(path, &opened);
		if (!lib)
			return error("cannot load '%s': %s", path, dlerror());
	}
	if (!lib && toolchain_cc_llvm(cc, &v, &why) == 0) {
		static const char *const names[] = {
			"/usr/lib/llvm-%u/lib/libclang.so.1",
			"/usr/lib/llvm-%u/lib/libclang-%u.so.1",
			"libclang-%u.so.1", "libclang.so.%u",
		};

		for (i = 0; i < LEN(names) && !lib; i++) {
			guess = xasprintf(names[i], v.major, v.major);
			lib = try_open(guess, &opened);
			free(guess);
		}
		if (!lib)
			return error("cannot find the libclang of '%s' (clang %u): "
			             "install it (Debian: libclang1-%u) or give --libclang PATH",
			             cc, v.major, v.major);
	}
	if (!lib)
		lib = try_open("libclang.so.1", &opened);
	if (!lib && (guess = newest_installed())) {
		lib = try_open(guess, &opened);
		free(guess);
	}
	if (!lib)
		return error("cannot find libclang: give --libclang PATH or set "
		             "HELPERLINK_LIBCLANG (Debian: apt-get install libclang1-14)");
	for (i = 0; i < LEN(api); i++) {
		void *f = dlsym(lib, api[i].name);

		if (!f) {
			error("cannot use '%s': it has no %s", opened, api[i].name);
			dlclose(lib);
			free(opened);
			return -1;
		}
		memcpy(api[i].slot, &f, sizeof(f));
	}
	loaded_path = opened;
	return 0;
}

const char *
clang_path(void)
{
	return loaded_path;
}
