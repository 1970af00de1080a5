/* plugin_tools.c: see plugin_tools.h. */
#define _XOPEN_SOURCE 700
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "plugin_tools.h"
#include "toolchain.h"
#include "util.h"

/* The first of the names that is on PATH (or a path that exists). */
static const char *
first_command(const char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (names[i] && *names[i] && toolchain_on_path(names[i]))
			return names[i];
	return NULL;
}

/* The directory of the LLVM N C++ headers, as a new string, or NULL. */
static char *
llvm_headers(unsigned major)
{
	static const char *const dirs[] = {
		"/usr/lib/llvm-%u/include", "/usr/include/llvm-%u",
	};
	char *dir, *probe;
	size_t i;

	for (i = 0; i < LEN(dirs); i++) {
		dir = xasprintf(dirs[i], major);
		probe = xasprintf("%s/llvm/Passes/PassBuilder.h", dir);
		if (access(probe, R_OK) == 0) {
			free(probe);
			return dir;
		}
		free(probe);
		free(dir);
	}
	return NULL;
}

/* libhelperlink-plugin.a: beside this program (the build tree), or in
 * ../lib/helperlink/ (installed); a new string, or NULL. */
static char *
plugin_library(void)
{
	static const char *const places[] = {
		"%s/libhelperlink-plugin.a", "%s/../lib/helperlink/libhelperlink-plugin.a",
	};
	char self[PATH_MAX], *slash, *path;
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	size_t i;

	if (n <= 0)
		return NULL;
	self[n] = '\0';
	if ((slash = strrchr(self, '/')))
		*slash = '\0';
	for (i = 0; i < LEN(places); i++) {
		path = xasprintf(places[i], self);
		if (access(path, R_OK) == 0)
			return path;
		free(path);
	}
	return NULL;
}

int
plugin_tools_find(struct plugin_tools *t, const char *rustc, const char *cxx)
{
	const char *cands[5];

	memset(t, 0, sizeof(*t));
	if (toolchain_rustc_llvm(rustc, &t->llvm) < 0)
		return -1;
	if (!(t->headers = llvm_headers(t->llvm.major)))
		return error("'%s' has LLVM %u, and its C++ headers are not installed "
		             "(Debian: apt-get install llvm-%u-dev)", rustc,
		             t->llvm.major, t->llvm.major);
	if (!(t->library = plugin_library()))
		return error("cannot find libhelperlink-plugin.a beside helperlink "
		             "(make builds it, make install installs it)");
	buf_addf(&t->cxx_default, "clang++-%u", t->llvm.major);
	cands[0] = cxx;
	cands[1] = getenv("CXX");
	cands[2] = t->cxx_default.data;
	cands[3] = "clang++";
	cands[4] = "c++";
	if (!(t->cxx = first_command(cands, LEN(cands))))
		return error("no C++ compiler: give --cxx PATH or set CXX");
	return 0;
}

void
plugin_tools_release(struct plugin_tools *t)
{
	free(t->headers);
	free(t->library);
	buf_release(&t->cxx_default);
	memset(t, 0, sizeof(*t));
}
