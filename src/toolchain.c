/* toolchain.c: see toolchain.h. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "file.h"
#include "msg.h"
#include "proc.h"
#include "toolchain.h"
#include "util.h"

const char *
toolchain_rustc(void)
{
	const char *s = getenv("RUSTC");

	return s && *s ? s : "rustc";
}

const char *
toolchain_cc(void)
{
	const char *s = getenv("CC");

	return s && *s ? s : "clang";
}

/* Run prog with one or two arguments and capture its stdout. */
static int
ask(const char *prog, const char *arg1, const char *arg2, struct buf *out)
{
	char *argv[4];

	argv[0] = (char *)prog;
	argv[1] = (char *)arg1;
	argv[2] = (char *)arg2;
	argv[3] = NULL;
	return run_capture(argv, out);
}

/*
 * What "PROG ARG1 ARG2" prints, without its trailing newlines, as a new
 * string; NULL when it fails (*ran = 0) or prints nothing (*ran = 1).
 */
static char *
ask_line(const char *prog, const char *arg1, const char *arg2, int *ran)
{
	struct buf out = BUF_INIT;

	*ran = ask(prog, arg1, arg2, &out) == 0;
	while (out.len > 0 && (out.data[out.len - 1] == '\n' ||
	                       out.data[out.len - 1] == '\r'))
		out.data[--out.len] = '\0';
	if (!*ran || out.len == 0) {
		buf_release(&out);
		return NULL;
	}
	return out.data;
}

char *
toolchain_sysroot(const char *rustc)
{
	int ran;
	char *line = ask_line(rustc, "--print", "sysroot", &ran);

	if (!line && !ran)
		error("cannot run '%s --print sysroot'", rustc);
	else if (!line)
		error("'%s --print sysroot' printed nothing", rustc);
	return line;
}

int
toolchain_rustc_llvm(const char *rustc, struct llvm_version *v)
{
	struct buf out = BUF_INIT;
	int st = ask(rustc, "--version", "--verbose", &out);

	if (st != 0) {
		buf_release(&out);
		return error("cannot run '%s --version --verbose'", rustc);
	}
	st = version_from_rustc(out.data, v);
	buf_release(&out);
	if (st < 0)
		return error("'%s --version --verbose' names no LLVM version",
		             rustc);
	return 0;
}

int
toolchain_cc_llvm(const char *cc, struct llvm_version *v, const char **why)
{
	struct buf out = BUF_INIT;
	int st = ask(cc, "--version", NULL, &out);

	if (st != 0) {
		buf_release(&out);
		*why = "cannot be run";
		return -1;
	}
	st = version_from_cc(out.data, v);
	buf_release(&out);
	if (st < 0) {
		*why = "is not clang, so it cannot produce LLVM bitcode";
		return -1;
	}
	return 0;
}

char *
toolchain_cc_resource_dir(const char *cc)
{
	int ran;

	return ask_line(cc, "-print-resource-dir", NULL, &ran);
}

/* The first 20 bytes of a file: an ELF file's class (byte 4) and machine
 * (bytes 18-19) are there; 0 on success. */
static int
read_head(const char *path, unsigned char head[20])
{
	return read_prefix(path, head, 20) == 20 ? 0 : -1;
}

/*
 * Whether path is a shared library this process can load: Mach-O, or ELF
 * of this executable's class and machine (a multiarch system may hold an
 * i386 libLLVM of the same version); not a linker script.
 */
static int
is_shared_library(const char *path)
{
	unsigned char head[20], self[20];

	if (read_head(path, head) < 0)
		return 0;
	if (memcmp(head, "\xcf\xfa\xed\xfe", 4) == 0)
		return 1;
	if (memcmp(head, "\177ELF", 4) != 0)
		return 0;
	return read_head("/proc/self/exe", self) < 0 ||
	       (head[4] == self[4] && head[18] == self[18] &&
	        head[19] == self[19]);
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The paths dir/NAME of the entries of dir whose NAME passes keep(NAME,
 * arg), sorted, so that a choice among them does not depend on directory
 * order; NULL-terminated, and the caller's to free with free_paths().
 * Empty when dir cannot be read.
 */
static char **
sorted_paths(const char *dir, int (*keep)(const char *, unsigned),
             unsigned arg)
{
	const char **paths = NULL;
	size_t n = 0;
	struct dirent *e;
	DIR *d = opendir(dir);

	if (d) {
		while ((e = readdir(d)) != NULL)
			if (keep(e->d_name, arg))
				strlist_push(&paths, &n,
				             xasprintf("%s/%s", dir, e->d_name));
		closedir(d);
	}
	if (n)
		qsort(paths, n, sizeof(*paths), cmpstr);
	strlist_push(&paths, &n, NULL);
	return (char **)paths;
}

static void
free_paths(char **paths)
{
	char **p;

	for (p = paths; *p; p++)
		free(*p);
	free(paths);
}

/* The first libLLVM in dir that passes keep() and is a shared library,
 * or NULL. */
static char *
first_libllvm(const char *dir, int (*keep)(const char *, unsigned),
              unsigned major)
{
	char **paths = sorted_paths(dir, keep, major), *found = NULL, **p;

	for (p = paths; *p && !found; p++)
		if (is_shared_library(*p))
			found = xstrdup(*p);
	free_paths(paths);
	return found;
}

/* Any shared libLLVM: rustup's sysroot holds only rustc's own. */
static int
any_shared(const char *name, unsigned major)
{
	(void)major;
	return startswith(name, "libLLVM") &&
	       (strstr(name, ".so") || strstr(name, ".dylib"));
}

/* A system library directory holds one per installed LLVM: take the
 * one of rustc's major version, libLLVM.so.22.1 or libLLVM-22.so. */
static int
of_major(const char *name, unsigned major)
{
	char a[32], b[32];
	size_t na, nb;

	na = (size_t)snprintf(a, sizeof(a), "libLLVM.so.%u", major);
	nb = (size_t)snprintf(b, sizeof(b), "libLLVM-%u.so", major);
	/* Both start with "libLLVM". */
	return (strncmp(name, a, na) == 0 && (!name[na] || name[na] == '.')) ||
	       (strncmp(name, b, nb) == 0 && (!name[nb] || name[nb] == '.'));
}

/* A multiarch directory: x86_64-linux-gnu, aarch64-linux-gnu. */
static int
is_multiarch(const char *name, unsigned unused)
{
	(void)unused;
	return strstr(name, "-linux-") != NULL;
}

char *
toolchain_find_libllvm(const char *sysroot, const char *rustc)
{
	char *dir = xasprintf("%s/lib", sysroot), *found, **subs, **p;
	struct llvm_version v;

	found = first_libllvm(dir, any_shared, 0);
	/* A distribution's rustc (Debian's sysroot is /usr) links the
	 * system libLLVM in a multiarch directory: SYSROOT/lib/TRIPLE. */
	if (!found) {
		subs = sorted_paths(dir, is_multiarch, 0);
		if (*subs && toolchain_rustc_llvm(rustc, &v) == 0)
			for (p = subs; *p && !found; p++)
				found = first_libllvm(*p, of_major, v.major);
		free_paths(subs);
	}
	if (!found)
		error("no libLLVM shared library in '%s'", dir);
	free(dir);
	return found;
}

int
toolchain_on_path(const char *name)
{
	const char *path = getenv("PATH"), *p, *end;
	char *full;
	int found = 0;

	if (strchr(name, '/'))
		return access(name, X_OK) == 0;
	for (p = path ? path : ""; *p && !found; p = *end ? end + 1 : end) {
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		full = xasprintf("%.*s/%s", (int)(end - p), p, name);
		found = access(full, X_OK) == 0;
		free(full);
	}
	return found;
}
