/*
 * cmd_cc.c: "helperlink cc" (also run as helperlink-cc), a linker driver
 * for rustc -C linker=helperlink-cc -C linker-plugin-lto.
 *
 * With linker-plugin-lto, rustc writes LLVM bitcode where it would write
 * objects, and so do build scripts' "clang -flto=thin -c".  This driver
 * finds the bitcode on the link line (objects, and members of rlibs and
 * static archives), links each Rust module with all the C bitcode as
 * helpers ("helperlink link": imported, internalized, inlined, optimized
 * with the pipeline of rustc's -plugin-opt=O level, compiled), compiles the
 * C bitcode itself to objects, rebuilds the archives with native members,
 * and runs the real linker ($HELPERLINK_LINKER, or cc) with every other
 * argument as it was.  Modules are compiled in parallel, one process per
 * CPU, and kept in a cache keyed by the hash of everything that goes into
 * them, under the target directory, so a dependency that did not change
 * is not compiled again.
 */
#define _GNU_SOURCE  /* mkdtemp, readlink */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "archive.h"
#include "args.h"
#include "bitcode.h"
#include "cmd.h"
#include "util.h"
#include "version.h"

/*
 * One object to make: from the Rust modules of one crate (its codegen
 * units, linked together so that they inline into each other, as rustc's
 * own ThinLTO of a crate does) with the C helpers, or from one C module.
 */
struct job {
	const char **inputs;
	size_t ninputs;
	char *output;
	int rust;
	char *crate;           /* what the Rust modules' names start with */
	char key[33];
	pid_t pid;
};

/* An input on the link line that holds bitcode, and what replaces it. */
struct input {
	size_t arg;            /* its index in the arguments */
	int is_archive;
	int library;           /* "-lNAME", or "-l" "NAME" when 2 */
	char *replacement;     /* the native object or archive; NULL: dropped */
	size_t job;            /* an object's job */
	char **members;        /* an archive's members, as files, in order */
	int *member_job;       /* -1 for a native member */
	size_t nmembers;
};

struct driver {
	struct args all;
	const char *output;
	char *tmp, *cache, *self;
	int opt;               /* -plugin-opt=O level, -1 when not given */
	struct job *jobs;
	size_t njobs;
	struct input *inputs;
	size_t ninputs;
	const char **helpers;  /* the C bitcode files */
	size_t nhelpers;
	const char **libdirs;  /* -L */
	size_t nlibdirs;
	unsigned compiled, cached;
};

/* Options of cc and ld whose value is the next argument. */
static int
takes_value(const char *a)
{
	static const char *const opts[] = {
		"-o", "-L", "-l", "-T", "-z", "-u", "-e", "-x", "-B", "-Xlinker",
		"-include", "-isystem", "-I", "-MF", "-MT", "-MQ", "-arch",
	};
	size_t i;

	for (i = 0; i < LEN(opts); i++)
		if (strcmp(a, opts[i]) == 0)
			return 1;
	return 0;
}

/* Two 64-bit hashes over the same bytes, for a 128-bit cache key. */
struct hash {
	uint64_t a, b;
};

static void
hash_add(struct hash *h, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t i;

	for (i = 0; i < n; i++) {
		h->a = (h->a ^ s[i]) * 0x100000001b3ULL;
		h->b = (h->b + s[i] + 1) * 0x9e3779b97f4a7c15ULL;
		h->b ^= h->b >> 29;
	}
	h->a ^= n;
	h->b += n;
}

static void
hash_str(struct hash *h, const char *s)
{
	hash_add(h, s, strlen(s) + 1);
}

static int
hash_file(struct hash *h, const char *path)
{
	struct buf b = BUF_INIT;

	if (read_file(path, &b) < 0)
		return -1;
	hash_add(h, b.data, b.len);
	buf_release(&b);
	return 0;
}

static void
remove_tree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;

	if (d) {
		while ((e = readdir(d))) {
			char *p;

			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			p = xasprintf("%s/%s", path, e->d_name);
			remove_tree(p);
			free(p);
		}
		closedir(d);
		rmdir(path);
	} else {
		unlink(path);
	}
}

/* Copy a file, as a new file written at once. */
static int
copy_file(const char *from, const char *to)
{
	struct buf b = BUF_INIT;
	int ret;

	if (read_file(from, &b) < 0)
		return -1;
	ret = write_file_atomic(to, b.data, b.len);
	buf_release(&b);
	return ret;
}

/* Whether data is bitcode that rustc wrote (its producer names rust). */
static int
is_rust_bitcode(const unsigned char *data, size_t len)
{
	struct bc_ident id;

	return bc_identify(data, len, &id) == BC_OK && id.found &&
	       strstr(id.producer, "rust") != NULL;
}

/* The crate a Rust module belongs to: its name up to the first '.'
 * ("app-93d23853cabbb064" of app-93d23853cabbb064.app.2847c1-cgu.0.rcgu.o). */
static char *
crate_of(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base ? base + 1 : path;
	dot = strchr(base, '.');
	return dot ? xstrndup(base, (size_t)(dot - base)) : xstrdup(base);
}

/*
 * The job for a module: a C module gets its own; a Rust module joins the
 * job of its crate (the job named crate, or, for an archive's members,
 * the archive's).  Returns the job's index.
 */
static size_t
add_job(struct driver *d, const char *input, int rust, const char *crate)
{
	struct job *j;
	size_t i;

	for (i = 0; rust && i < d->njobs; i++)
		if (d->jobs[i].rust && strcmp(d->jobs[i].crate, crate) == 0) {
			strlist_push(&d->jobs[i].inputs, &d->jobs[i].ninputs,
			             xstrdup(input));
			return i;
		}
	d->jobs = xrealloc(d->jobs, (d->njobs + 1) * sizeof(*d->jobs));
	j = &d->jobs[d->njobs++];
	memset(j, 0, sizeof(*j));
	strlist_push(&j->inputs, &j->ninputs, xstrdup(input));
	j->output = xasprintf("%s/o%zu.o", d->tmp, d->njobs);
	j->rust = rust;
	j->crate = xstrdup(crate);
	if (!rust)
		strlist_push(&d->helpers, &d->nhelpers, j->inputs[0]);
	return d->njobs - 1;
}

/* A bitcode object on the link line. */
static void
add_object(struct driver *d, size_t arg, const unsigned char *data, size_t len)
{
	struct input *in;
	char *crate = crate_of(d->all.v[arg]);
	size_t k;

	d->inputs = xrealloc(d->inputs, (d->ninputs + 1) * sizeof(*d->inputs));
	in = &d->inputs[d->ninputs++];
	memset(in, 0, sizeof(*in));
	in->arg = arg;
	in->job = add_job(d, d->all.v[arg], is_rust_bitcode(data, len), crate);
	/* The crate's object takes the place of its first module only. */
	for (k = 0; k + 1 < d->ninputs; k++)
		if (!d->inputs[k].is_archive && d->inputs[k].job == in->job)
			in->job = (size_t)-1;
	free(crate);
}

/*
 * An archive on the link line: when a member is bitcode, every member is
 * written out, to be put back, compiled, into a new archive.  Members
 * that are neither bitcode nor ELF (an rlib's lib.rmeta) are left out:
 * the linker does not read them.
 */
static int
add_archive(struct driver *d, size_t arg, const char *path, int library,
            const unsigned char *data, size_t len)
{
	const char *why;
	size_t n, i, k = d->ninputs, nbc = 0;
	struct ar_member *m = ar_members(data, len, &n, &why);
	struct input *in;
	char *dir;

	if (!m)
		return error("'%s': %s", path, why);
	for (i = 0; i < n; i++)
		nbc += bc_is_bitcode(m[i].data, m[i].size);
	if (nbc == 0) {
		ar_members_release(m, n);
		return 0;
	}
	dir = xasprintf("%s/a%zu", d->tmp, k);
	if (mkdir(dir, 0700) < 0) {
		error("cannot create '%s':", dir);
		free(dir);
		ar_members_release(m, n);
		return -1;
	}
	d->inputs = xrealloc(d->inputs, (d->ninputs + 1) * sizeof(*d->inputs));
	in = &d->inputs[d->ninputs++];
	memset(in, 0, sizeof(*in));
	in->arg = arg;
	in->is_archive = 1;
	in->library = library;
	in->members = xcalloc(n + 1, sizeof(*in->members));
	in->member_job = xcalloc(n + 1, sizeof(*in->member_job));
	for (i = 0; i < n; i++) {
		int bc = bc_is_bitcode(m[i].data, m[i].size);
		int elf = m[i].size >= 4 && memcmp(m[i].data, "\177ELF", 4) == 0;
		char *file;

		if (!bc && !elf)
			continue;
		file = xasprintf("%s/m%zu.o", dir, i);
		if (write_file_atomic(file, m[i].data, m[i].size) < 0) {
			free(file);
			free(dir);
			ar_members_release(m, n);
			return -1;
		}
		in->member_job[in->nmembers] = -1;
		if (bc) {
			/* An archive's Rust members are one crate: the
			 * archive's index names it. */
			char *crate = xasprintf("archive %zu", k);
			size_t job = add_job(d, file, is_rust_bitcode(m[i].data, m[i].size),
			                     crate);
			size_t p;

			free(crate);
			/* The crate's object goes where its first module was. */
			for (p = 0; p < in->nmembers; p++)
				if (in->member_job[p] == (int)job)
					break;
			in->member_job[in->nmembers] = p < in->nmembers ? -2 : (int)job;
		}
		in->members[in->nmembers++] = file;
	}
	free(dir);
	ar_members_release(m, n);
	return 0;
}

/* libNAME.a in the -L directories, or NULL. */
static char *
find_library(const struct driver *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->nlibdirs; i++) {
		char *p = xasprintf("%s/lib%s.a", d->libdirs[i], name);

		if (access(p, R_OK) == 0)
			return p;
		free(p);
	}
	return NULL;
}

/* Look at one input file: bitcode, an archive with bitcode, or neither. */
static int
scan_file(struct driver *d, size_t arg, const char *path, int library)
{
	struct buf b = BUF_INIT;
	unsigned char head[8];
	int ret = 0;

	if (read_prefix(path, head, sizeof(head)) != (long)sizeof(head))
		return 0;
	if (!bc_is_bitcode(head, sizeof(head)) && !ar_is_archive(head, sizeof(head)))
		return 0;
	if (read_file(path, &b) < 0)
		return -1;
	if (bc_is_bitcode((unsigned char *)b.data, b.len))
		add_object(d, arg, (unsigned char *)b.data, b.len);
	else
		ret = add_archive(d, arg, path, library, (unsigned char *)b.data, b.len);
	buf_release(&b);
	return ret;
}

static int
scan(struct driver *d)
{
	size_t i;

	for (i = 0; i < d->all.n; i++) {
		const char *a = d->all.v[i];

		if (strcmp(a, "-L") == 0 && i + 1 < d->all.n)
			strlist_push(&d->libdirs, &d->nlibdirs, d->all.v[i + 1]);
		else if (startswith(a, "-L") && a[2])
			strlist_push(&d->libdirs, &d->nlibdirs, a + 2);
		if (strstr(a, "-plugin-opt=O")) {
			const char *o = strstr(a, "-plugin-opt=O") + 13;

			if (*o >= '0' && *o <= '3')
				d->opt = *o - '0';
		}
	}
	for (i = 0; i < d->all.n; i++) {
		const char *a = d->all.v[i];
		char *lib;
		int ret = 0;

		if ((strcmp(a, "-l") == 0 && i + 1 < d->all.n) ||
		    (startswith(a, "-l") && a[2])) {
			int two = a[2] == '\0';

			lib = find_library(d, two ? d->all.v[i + 1] : a + 2);
			if (lib)
				ret = scan_file(d, i, lib, two ? 2 : 1);
			free(lib);
			i += two;
		} else if (takes_value(a)) {
			i++;
		} else if (a[0] != '-') {
			ret = scan_file(d, i, a, 0);
		}
		if (ret < 0)
			return -1;
	}
	return 0;
}

/*
 * What every job's cache key starts from: who compiles (helperlink's
 * version and binary) and how (the opt level), and, for Rust jobs, the C
 * helpers.  Computed once per link, not once per job.
 */
static int
key_base(struct driver *d, struct hash *base, struct hash *helpers)
{
	struct stat st;
	char optstr[16];
	size_t i;

	base->a = 0xcbf29ce484222325ULL;
	base->b = 0x243f6a8885a308d3ULL;
	hash_str(base, HELPERLINK_VERSION);
	if (stat(d->self, &st) == 0) {
		hash_add(base, &st.st_size, sizeof(st.st_size));
		hash_add(base, &st.st_mtime, sizeof(st.st_mtime));
	}
	snprintf(optstr, sizeof(optstr), "O%d", d->opt);
	hash_str(base, optstr);
	*helpers = *base;
	for (i = 0; i < d->nhelpers; i++)
		if (hash_file(helpers, d->helpers[i]) < 0)
			return -1;
	return 0;
}

/* The cache key of a job: what it compiles, with what, and by whom. */
static int
job_key(struct job *j, const struct hash *base, const struct hash *helpers)
{
	struct hash h = j->rust ? *helpers : *base;
	size_t i;

	hash_str(&h, j->rust ? "rust" : "c");
	for (i = 0; i < j->ninputs; i++)
		if (hash_file(&h, j->inputs[i]) < 0)
			return -1;
	snprintf(j->key, sizeof(j->key), "%016llx%016llx", (unsigned long long)h.a,
	         (unsigned long long)h.b);
	return 0;
}

static pid_t
start(struct driver *d, struct job *j)
{
	static const char *const opts[] = {"none", "O1", "O2", "O3"};
	const char **argv = NULL;
	char *opt, *cg;
	size_t n = 0, i;
	pid_t pid;
	int level = d->opt < 0 ? 2 : d->opt;

	opt = xasprintf("--opt=%s", opts[level]);
	cg = xasprintf("--codegen-opt=%d", level);
	strlist_push(&argv, &n, d->self);
	strlist_push(&argv, &n, "link");
	for (i = 0; i < j->ninputs; i++)
		strlist_push(&argv, &n, j->inputs[i]);
	for (i = 0; j->rust && i < d->nhelpers; i++) {
		strlist_push(&argv, &n, "--helpers");
		strlist_push(&argv, &n, d->helpers[i]);
	}
	strlist_push(&argv, &n, opt);
	strlist_push(&argv, &n, cg);
	strlist_push(&argv, &n, "-o");
	strlist_push(&argv, &n, j->output);
	strlist_push(&argv, &n, NULL);
	pid = fork();
	if (pid == 0) {
		execv(d->self, (char *const *)argv);
		_exit(127);
	}
	free(argv);
	free(opt);
	free(cg);
	return pid;
}

/* The cache's file for a job, and the lock of whoever compiles it. */
static char *
cache_path(const struct driver *d, const struct job *j, const char *suffix)
{
	return xasprintf("%s/%s%s", d->cache, j->key, suffix);
}

/* Take a job from the cache; 0 when it was there. */
static int
from_cache(struct driver *d, struct job *j)
{
	char *cached = cache_path(d, j, ".o");
	int ret = access(cached, R_OK) == 0 ? copy_file(cached, j->output) : -1;

	free(cached);
	if (ret == 0)
		d->cached++;
	return ret;
}

/*
 * Claim a job: 1 when this process is to compile it, 0 when another
 * process is (Cargo links several programs of a workspace at once, with
 * the same dependencies).  A lock older than a minute is taken to be
 * left over by a process that died.
 */
static int
claim(const struct driver *d, const struct job *j)
{
	char *lock = cache_path(d, j, ".lock");
	struct stat st;
	int fd = open(lock, O_CREAT | O_EXCL | O_WRONLY, 0644), mine = fd >= 0;

	if (fd >= 0)
		close(fd);
	else if (stat(lock, &st) == 0 && time(NULL) - st.st_mtime > 60)
		mine = unlink(lock) == 0 || errno == ENOENT;
	else if (errno == ENOENT)
		mine = 1;  /* released meanwhile */
	free(lock);
	return mine;
}

static void
release_claim(const struct driver *d, const struct job *j)
{
	char *lock = cache_path(d, j, ".lock");

	unlink(lock);
	free(lock);
}

/* A job finished: check it, store it in the cache, release its claim. */
static int
finished(struct driver *d, struct job *j, int status)
{
	char *cached;

	j->pid = 0;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		release_claim(d, j);
		return error("'%s': cannot compile '%s'", d->output, j->inputs[0]);
	}
	d->compiled++;
	cached = cache_path(d, j, ".o");
	copy_file(j->output, cached);  /* a cache that fails is no cache */
	free(cached);
	release_claim(d, j);
	return 0;
}

/*
 * Wait for the jobs another process claimed: each comes from the cache
 * once that process has put it there, or, if it gave up, is claimed here.
 * Returns a job to compile here, or NULL when none is left waiting.
 */
static struct job *
waited_job(struct driver *d, size_t *waiting)
{
	size_t i;

	while (*waiting) {
		for (i = 0; i < d->njobs; i++) {
			struct job *j = &d->jobs[i];

			if (j->pid != -2)
				continue;
			if (from_cache(d, j) == 0) {
				j->pid = 0;
				--*waiting;
			} else if (claim(d, j)) {
				--*waiting;
				return j;
			}
		}
		if (*waiting)
			usleep(20000);
	}
	return NULL;
}

/*
 * Compile every job not in the cache, a CPU's worth at a time.  A job
 * another process is compiling waits, after this process's own, for that
 * process to put it in the cache.
 */
static int
compile(struct driver *d)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	const char *env = getenv("HELPERLINK_JOBS");
	size_t next = 0, running = 0, waiting = 0, i;
	struct hash base, helpers;
	int failed = 0;

	if (env && atoi(env) > 0)
		cpus = atoi(env);
	if (cpus < 1)
		cpus = 1;
	if (key_base(d, &base, &helpers) < 0)
		return -1;
	for (i = 0; i < d->njobs; i++) {
		if (job_key(&d->jobs[i], &base, &helpers) < 0)
			return -1;
		d->jobs[i].pid = from_cache(d, &d->jobs[i]) == 0 ? 0 : -1;
	}
	for (;;) {
		struct job *j;
		int status;
		pid_t pid;

		while (!failed && running < (size_t)cpus) {
			for (j = NULL; next < d->njobs && !j; next++)
				if (d->jobs[next].pid == -1)
					j = &d->jobs[next];
			if (!j && running == 0)
				j = waited_job(d, &waiting);
			if (!j)
				break;
			if (j->pid == -1 && !claim(d, j)) {
				j->pid = -2;
				waiting++;
				continue;
			}
			j->pid = start(d, j);
			if (j->pid < 0) {
				error("cannot run '%s':", d->self);
				release_claim(d, j);
				failed = 1;
			} else {
				running++;
			}
		}
		if (running == 0)
			break;
		pid = wait(&status);
		if (pid < 0)
			break;
		running--;
		for (i = 0; i < d->njobs; i++)
			if (d->jobs[i].pid == pid && finished(d, &d->jobs[i], status) < 0)
				failed = 1;
	}
	return failed ? -1 : 0;
}

/* Put an archive back together with its members compiled. */
static int
rebuild_archive(struct driver *d, struct input *in, size_t k)
{
	const char **argv = NULL;
	size_t n = 0, i;
	int st;

	in->replacement = xasprintf("%s/lib%zu.a", d->tmp, k);
	strlist_push(&argv, &n, "ar");
	strlist_push(&argv, &n, "qcs");
	strlist_push(&argv, &n, in->replacement);
	for (i = 0; i < in->nmembers; i++)
		if (in->member_job[i] != -2)
			strlist_push(&argv, &n, in->member_job[i] < 0
			             ? in->members[i] : d->jobs[in->member_job[i]].output);
	strlist_push(&argv, &n, NULL);
	st = run_command((char *const *)argv);
	free(argv);
	if (st != 0)
		return error("'%s': ar cannot make the archive '%s'", d->output,
		             in->replacement);
	return 0;
}

/* An argument for a response file, quoted as buildargv() reads it. */
static void
rsp_quote(struct buf *out, const char *s)
{
	buf_addch(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_addch(out, '\\');
		buf_addch(out, *s);
	}
	buf_addstr(out, "\"\n");
}

/* Run the real linker with the inputs replaced, through a response file. */
static int
run_linker(struct driver *d, int rewrite)
{
	const char *linker = getenv("HELPERLINK_LINKER");
	struct buf rsp = BUF_INIT;
	char *path, *at;
	size_t i, k;
	int st;

	if (!linker || !*linker)
		linker = "cc";
	for (i = 0; i < d->all.n; i++) {
		const char *a = d->all.v[i];

		for (k = 0; rewrite && k < d->ninputs; k++)
			if (d->inputs[k].arg == i)
				break;
		if (rewrite && k < d->ninputs) {
			if (d->inputs[k].replacement)
				rsp_quote(&rsp, d->inputs[k].replacement);
			i += d->inputs[k].library == 2;
		} else {
			rsp_quote(&rsp, a);
		}
	}
	path = xasprintf("%s/link.rsp", d->tmp);
	if (write_file_atomic(path, rsp.data, rsp.len) < 0) {
		free(path);
		buf_release(&rsp);
		return 1;
	}
	at = xasprintf("@%s", path);
	{
		char *argv[3];

		argv[0] = (char *)linker;
		argv[1] = at;
		argv[2] = NULL;
		st = run_command(argv);
	}
	free(at);
	free(path);
	buf_release(&rsp);
	if (st < 0)
		error("cannot run the linker '%s'", linker);
	return st < 0 ? 1 : st;
}

/* Whether the real linker is lld (rustc passes -fuse-ld=lld for its own
 * rust-lld), which links bitcode itself. */
static int
uses_lld(const struct driver *d)
{
	size_t i;

	for (i = 0; i < d->all.n; i++)
		if (strcmp(d->all.v[i], "-fuse-ld=lld") == 0)
			return 1;
	return 0;
}

/* The cache: $HELPERLINK_CACHE, or helperlink-cache beside target/PROFILE/deps. */
static char *
cache_dir(const char *output)
{
	const char *env = getenv("HELPERLINK_CACHE");
	char *dir = xstrdup(output ? output : "a.out"), *slash, *c;

	if (env && *env) {
		free(dir);
		return xstrdup(env);
	}
	slash = strrchr(dir, '/');
	if (!slash)
		strcpy(dir, ".");
	else
		*slash = '\0';
	slash = strrchr(dir, '/');
	if (slash && strcmp(slash + 1, "deps") == 0)
		*slash = '\0';
	c = xasprintf("%s/helperlink-cache", dir);
	free(dir);
	return c;
}

static void
log_result(const struct driver *d)
{
	const char *path = getenv("HELPERLINK_LOG");
	FILE *f;

	if (!path || !*path || !(f = fopen(path, "a")))
		return;
	fprintf(f, "%s: %zu bitcode modules, %u compiled, %u from the cache\n",
	        d->output ? d->output : "a.out", d->njobs, d->compiled, d->cached);
	fclose(f);
}

static void
release(struct driver *d)
{
	size_t i, k;

	for (i = 0; i < d->njobs; i++) {
		for (k = 0; k < d->jobs[i].ninputs; k++)
			free((char *)d->jobs[i].inputs[k]);
		free(d->jobs[i].inputs);
		free(d->jobs[i].output);
		free(d->jobs[i].crate);
	}
	for (i = 0; i < d->ninputs; i++) {
		for (k = 0; k < d->inputs[i].nmembers; k++)
			free(d->inputs[i].members[k]);
		free(d->inputs[i].members);
		free(d->inputs[i].member_job);
		free(d->inputs[i].replacement);
	}
	if (d->tmp) {
		remove_tree(d->tmp);
		free(d->tmp);
	}
	free(d->jobs);
	free(d->inputs);
	free(d->helpers);
	free(d->libdirs);
	free(d->cache);
	free(d->self);
	args_release(&d->all);
}

static const char cc_usage[] =
	"usage: helperlink cc CC-ARGUMENTS...   (or helperlink-cc CC-ARGUMENTS...)\n"
	"\n"
	"A linker driver for rustc -C linker=helperlink-cc -C linker-plugin-lto:\n"
	"the LLVM bitcode on the link line (objects, rlib and archive members) is\n"
	"compiled with the C bitcode inlined into the Rust, and the real linker\n"
	"($HELPERLINK_LINKER, or cc) runs with the same arguments otherwise.\n"
	"$HELPERLINK_JOBS: parallel jobs; $HELPERLINK_CACHE: the cache directory\n"
	"(target/PROFILE/helperlink-cache); $HELPERLINK_LOG: a file to log each link.\n";

int
cmd_cc(int argc, char **argv)
{
	struct driver d;
	char self[4096];
	ssize_t n;
	size_t i, k;
	int ret = 1;

	if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		fputs(cc_usage, stdout);
		return 0;
	}
	memset(&d, 0, sizeof(d));
	d.opt = -1;
	if (args_expand(&d.all, argc - 1, argv + 1) < 0)
		return 1;
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0) {
		error("cannot find helperlink's own path:");
		goto out;
	}
	self[n] = '\0';
	d.self = xstrdup(self);
	for (i = 0; i < d.all.n; i++)
		if (strcmp(d.all.v[i], "-o") == 0 && i + 1 < d.all.n)
			d.output = d.all.v[i + 1];
	{
		char *t = xasprintf("%s.helperlink-XXXXXX", d.output ? d.output : "a.out");

		if (!mkdtemp(t)) {
			error("cannot create '%s':", t);
			free(t);
			goto out;
		}
		d.tmp = t;
	}
	d.cache = cache_dir(d.output);
	if (scan(&d) < 0)
		goto out;
	if (d.njobs == 0) {
		warn("'%s': no LLVM bitcode on the link line, so no helper is "
		     "inlined: build with -C linker-plugin-lto (RUSTFLAGS, or "
		     "rustflags in .cargo/config.toml)", d.output ? d.output : "a.out");
		ret = run_linker(&d, 0);
		goto out;
	}
	/* Nothing to inline (a build script, say): a linker that does LTO
	 * itself, as rustc's own rust-lld does, takes the bitcode as it is. */
	if (d.nhelpers == 0 && uses_lld(&d)) {
		ret = run_linker(&d, 0);
		goto out;
	}
	if (mkdir(d.cache, 0755) < 0 && errno != EEXIST) {
		error("cannot create the cache '%s':", d.cache);
		goto out;
	}
	if (compile(&d) < 0)
		goto out;
	for (k = 0; k < d.ninputs; k++) {
		struct input *in = &d.inputs[k];

		if (!in->is_archive && in->job != (size_t)-1)
			in->replacement = xstrdup(d.jobs[in->job].output);
		else if (rebuild_archive(&d, in, k) < 0)
			goto out;
	}
	log_result(&d);
	ret = run_linker(&d, 1);
out:
	release(&d);
	return ret;
}
