/*
 * clang/scope.c: which of the headers' functions are the library's
 * (internal.h).
 *
 * The C library's files are found as the compiler finds them: a second
 * translation unit, with the same flags, includes every header of the
 * list below that exists, and each file it reaches is the C library's.
 * So a library in /usr/include is a library, and a header the C library
 * only reaches through its own (bits/stdio.h) is the C library's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../buf.h"
#include "../msg.h"
#include "../relist.h"
#include "../util.h"

/* ISO C's headers, POSIX's, and glibc's own. */
static const char *const libc_headers[] = {
	"assert.h", "complex.h", "ctype.h", "errno.h", "fenv.h", "float.h",
	"inttypes.h", "iso646.h", "limits.h", "locale.h", "math.h", "setjmp.h",
	"signal.h", "stdalign.h", "stdarg.h", "stdatomic.h", "stdbool.h",
	"stddef.h", "stdint.h", "stdio.h", "stdlib.h", "stdnoreturn.h",
	"string.h", "tgmath.h", "threads.h", "time.h", "uchar.h", "wchar.h",
	"wctype.h",
	"aio.h", "arpa/inet.h", "cpio.h", "dirent.h", "dlfcn.h", "fcntl.h",
	"fmtmsg.h", "fnmatch.h", "ftw.h", "glob.h", "grp.h", "iconv.h",
	"langinfo.h", "libgen.h", "monetary.h", "mqueue.h", "ndbm.h",
	"net/if.h", "netdb.h", "netinet/in.h", "netinet/tcp.h", "nl_types.h",
	"poll.h", "pthread.h", "pwd.h", "regex.h", "sched.h", "search.h",
	"semaphore.h", "spawn.h", "strings.h", "sys/ipc.h", "sys/mman.h",
	"sys/msg.h", "sys/resource.h", "sys/select.h", "sys/sem.h",
	"sys/shm.h", "sys/socket.h", "sys/stat.h", "sys/statvfs.h",
	"sys/time.h", "sys/times.h", "sys/types.h", "sys/uio.h", "sys/un.h",
	"sys/utsname.h", "sys/wait.h", "syslog.h", "tar.h", "termios.h",
	"ulimit.h", "unistd.h", "utime.h", "utmpx.h", "wordexp.h",
	"alloca.h", "byteswap.h", "endian.h", "err.h", "error.h",
	"execinfo.h", "features.h", "getopt.h", "ifaddrs.h", "link.h",
	"malloc.h", "mntent.h", "paths.h", "stdio_ext.h", "sys/auxv.h",
	"sys/cdefs.h", "sys/epoll.h", "sys/eventfd.h", "sys/file.h",
	"sys/inotify.h", "sys/ioctl.h", "sys/mount.h", "sys/param.h",
	"sys/prctl.h", "sys/random.h", "sys/sendfile.h", "sys/signalfd.h",
	"sys/syscall.h", "sys/sysinfo.h", "sys/sysmacros.h", "sys/timerfd.h",
	"sys/xattr.h", "ucontext.h", "utmp.h",
};

static void
note_all(CXFile f, CXSourceLocation *stack, unsigned depth, CXClientData d)
{
	struct strmap *m = d;
	char *name = cx_file_name(f);

	(void)stack;
	if (depth > 0 && strcmp(name, MAIN_FILE) != 0)
		strmap_put(m, name, m);
	free(name);
}

void
scope_init(struct scope *s, const struct gen_options *o, CXIndex index,
           const char *const *args, size_t nargs, const char *resource)
{
	struct buf src = BUF_INIT;
	struct CXUnsavedFile unsaved;
	CXTranslationUnit tu = NULL;
	const char **probe = NULL;
	size_t nprobe = 0, i;

	memset(s, 0, sizeof(*s));
	s->o = o;
	if (resource)
		s->resource = xasprintf("%s/", resource);
	/* Only the default scope asks which files are the C library's. */
	if (o->system || o->allow_file->n || o->allow_function->n)
		return;
	for (i = 0; i < nargs; i++) {
		if (strcmp(args[i], "-include") == 0 || strcmp(args[i], "-imacros") == 0)
			i++;
		else if (!skip_prefix(args[i], "-include") && !skip_prefix(args[i], "-imacros"))
			strlist_push(&probe, &nprobe, args[i]);
	}
	for (i = 0; i < LEN(libc_headers); i++)
		buf_addf(&src, "#if __has_include(<%s>)\n#include <%s>\n#endif\n",
		         libc_headers[i], libc_headers[i]);
	unsaved.Filename = MAIN_FILE;
	unsaved.Contents = src.data;
	unsaved.Length = src.len;
	if (clang_parseTranslationUnit2(index, MAIN_FILE, probe, (int)nprobe,
	                                &unsaved, 1, CXTranslationUnit_KeepGoing,
	                                &tu) == 0 && tu) {
		clang_getInclusions(tu, note_all, &s->libc);
		clang_disposeTranslationUnit(tu);
	}
	free(probe);
	buf_release(&src);
}

static void
note_named(CXFile f, CXSourceLocation *stack, unsigned depth, CXClientData d)
{
	struct scope *s = d;
	char *name;

	(void)stack;
	if (depth != 1)
		return;
	name = cx_file_name(f);
	strmap_put(&s->named, name, s);
	free(name);
}

void
scope_note_named(struct scope *s, CXTranslationUnit tu)
{
	clang_getInclusions(tu, note_named, s);
}

static int
in_libc(const struct scope *s, const char *file)
{
	return strmap_get(&s->libc, file) ||
	       (s->resource && skip_prefix(file, s->resource));
}

int
scope_wants(struct scope *s, const char *file, const char *name, int counted)
{
	const struct gen_options *o = s->o;
	size_t *passed = NULL;

	if (!*file || strcmp(file, MAIN_FILE) == 0)
		return 0;
	if (o->allow_file->n || o->allow_function->n) {
		if (!relist_match(o->allow_file, file) &&
		    !relist_match(o->allow_function, name))
			passed = &s->nfiltered;
	} else if (!o->system && !strmap_get(&s->named, file) && in_libc(s, file)) {
		passed = &s->nlibc;
	}
	if (!passed && relist_match(o->block_function, name))
		passed = &s->nblocked;
	if (passed && counted)
		++*passed;
	return !passed;
}

int
scope_say_empty(const struct scope *s)
{
	struct buf why = BUF_INIT;
	const char *subject = s->o->headers[0];

	if (s->nlibc + s->nfiltered + s->nblocked == 0)
		buf_addstr(&why, "the headers define no static or inline function");
	if (s->nlibc)
		buf_addf(&why, "%zu static or inline functions are the C library's "
		         "or the compiler's (--system takes them)", s->nlibc);
	if (s->nfiltered)
		buf_addf(&why, "%s%zu match no --allow-file or --allow-function",
		         why.len ? "; " : "", s->nfiltered);
	if (s->nblocked)
		buf_addf(&why, "%s%zu match --block-function", why.len ? "; " : "",
		         s->nblocked);
	error("'%s': no function to wrap: %s (--allow-empty writes the file anyway)",
	      subject, why.data);
	buf_release(&why);
	return -1;
}

void
scope_release(struct scope *s)
{
	strmap_release(&s->named);
	strmap_release(&s->libc);
	free(s->resource);
}
