/* util.c: see util.h. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

/* Where messages go: standard error, or its saved copy during a capture. */
static int report_fd = 2;

static int write_all(int fd, const char *p, size_t len);

static void
vreport(const char *prefix, const char *fmt, va_list ap)
{
	struct buf msg = BUF_INIT;
	size_t n = strlen(fmt);
	int saved = errno;

	fflush(stdout);
	fflush(stderr);
	buf_addstr(&msg, "helperlink: ");
	if (prefix)
		buf_addstr(&msg, prefix);
	buf_vaddf(&msg, fmt, ap);
	if (n > 0 && fmt[n - 1] == ':')
		buf_addf(&msg, " %s", strerror(saved));
	buf_addch(&msg, '\n');
	write_all(report_fd, msg.data, msg.len);
	buf_release(&msg);
}

void
warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("warning: ", fmt, ap);
	va_end(ap);
}

int
error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, fmt, ap);
	va_end(ap);
	return -1;
}

void
fatal(const char *fmt, ...)
{
	va_list ap;

	capture_end();
	va_start(ap, fmt);
	vreport(NULL, fmt, ap);
	va_end(ap);
	exit(1);
}

void
usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;

	if (usage)
		fputs(usage, stderr);
	va_start(ap, fmt);
	vreport(NULL, fmt, ap);
	va_end(ap);
	exit(2);
}

void
option_error(const char *usage, const char *cmd, int opt, const char *arg)
{
	if (opt == ':')
		usage_error(usage, "%s: option '%s' needs a value", cmd, arg);
	usage_error(usage, "%s: unknown option '%s'", cmd, arg);
}

void
strlist_push(const char ***list, size_t *n, const char *s)
{
	*list = xrealloc(*list, (*n + 1) * sizeof(**list));
	(*list)[(*n)++] = s;
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		fatal("out of memory");
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		fatal("out of memory");
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		fatal("out of memory");
	return p;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xasprintf(const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	return b.data;
}

static void
buf_grow(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	b->cap = (b->len + extra + 1) * 2;
	b->data = xrealloc(b->data, b->cap);
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_addstr(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addch(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		fatal("bad format string '%s'", fmt);
	buf_grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
buf_release(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

int
read_file(const char *path, struct buf *b)
{
	char chunk[65536];
	struct stat st;
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0)
		return error("cannot open '%s':", path);
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		return error("cannot read '%s': it is a directory", path);
	}
	if (fstat(fd, &st) == 0 && st.st_size > 0)
		buf_grow(b, (size_t)st.st_size);
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			error("cannot read '%s':", path);
			close(fd);
			return -1;
		}
		buf_add(b, chunk, (size_t)n);
	}
	close(fd);
	return 0;
}

long
read_prefix(const char *path, void *data, size_t n)
{
	FILE *f = fopen(path, "rb");
	size_t got;

	if (!f)
		return -1;
	got = fread(data, 1, n, f);
	fclose(f);
	return (long)got;
}

/* Create a unique temporary file next to path; returns its fd. */
static int
create_temp(const char *path, struct buf *tmp)
{
	int fd;

	buf_reset(tmp);
	buf_addf(tmp, "%s.tmpXXXXXX", path);
	fd = mkstemp(tmp->data);
	if (fd < 0)
		return error("cannot create '%s':", path);
	return fd;
}

static int
write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Write f to a new temporary file beside it, named in tmp. */
static int
write_temp(const struct out_file *f, struct buf *tmp)
{
	mode_t mask;
	int fd;

	fd = create_temp(f->path, tmp);
	if (fd < 0)
		return -1;
	/* mkstemp() makes the file 0600; give it the usual 0666 & ~umask. */
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) < 0 || write_all(fd, f->data, f->len) < 0) {
		error("cannot write '%s':", f->path);
		close(fd);
		unlink(tmp->data);
		return -1;
	}
	if (close(fd) < 0) {
		error("cannot write '%s':", f->path);
		unlink(tmp->data);
		return -1;
	}
	return 0;
}

int
write_files_atomic(const struct out_file *f, size_t n)
{
	struct buf *tmp = xcalloc(n, sizeof(*tmp));
	size_t i, written = 0, renamed = 0;
	int ret = -1;

	for (; written < n; written++) {
		if (f[written].written)
			buf_addstr(&tmp[written], f[written].written);
		else if (write_temp(&f[written], &tmp[written]) < 0)
			break;
	}
	while (written == n && renamed < n) {
		if (rename(tmp[renamed].data, f[renamed].path) < 0) {
			error("cannot create '%s':", f[renamed].path);
			break;
		}
		renamed++;
	}
	if (renamed == n)
		ret = 0;
	for (i = 0; i < n; i++) {
		/* A rename that failed after others worked leaves those. */
		if (i >= renamed && i < written)
			unlink(tmp[i].data);
		buf_release(&tmp[i]);
	}
	free(tmp);
	return ret;
}

int
write_file_atomic(const char *path, const void *data, size_t len)
{
	struct out_file f = {path, data, len, NULL};

	return write_files_atomic(&f, 1);
}

int
check_writable(const char *path)
{
	struct buf tmp = BUF_INIT;
	struct stat st;
	int fd;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return error("cannot create '%s': it is a directory", path);
	fd = create_temp(path, &tmp);
	if (fd >= 0) {
		close(fd);
		unlink(tmp.data);
	}
	buf_release(&tmp);
	return fd < 0 ? -1 : 0;
}

/* The exit status of child pid; -1 when it could not be started (exit
 * status 127 from the child's execvp()) or was killed by a signal. */
static int
wait_exit(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (!WIFEXITED(status) || WEXITSTATUS(status) == 127)
		return -1;
	return WEXITSTATUS(status);
}

int
run_capture(char *const argv[], struct buf *out)
{
	char chunk[4096];
	int fds[2];
	ssize_t n;
	pid_t pid;

	if (pipe(fds) < 0)
		return -1;
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(fds[1], 1);
		if (null >= 0)
			dup2(null, 2);
		close(fds[0]);
		close(fds[1]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	while ((n = read(fds[0], chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		buf_add(out, chunk, (size_t)n);
	}
	close(fds[0]);
	return wait_exit(pid);
}

int
run_command(char *const argv[])
{
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	return wait_exit(pid);
}

int
temp_beside(const char *path, const void *data, size_t len, struct buf *tmp)
{
	struct out_file f = {path, data, len, NULL};

	return write_temp(&f, tmp);
}

int
startswith(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static size_t
strhash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static struct strmap_entry *
strmap_find(const struct strmap *m, const char *key)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	for (i = strhash(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1))
		if (!m->e[i].key || strcmp(m->e[i].key, key) == 0)
			return &m->e[i];
}

void *
strmap_get(const struct strmap *m, const char *key)
{
	struct strmap_entry *e = strmap_find(m, key);

	return e && e->key ? e->val : NULL;
}

void *
strmap_put(struct strmap *m, const char *key, void *val)
{
	struct strmap_entry *e;
	void *old;

	if ((m->n + 1) * 2 > m->cap) {
		struct strmap grown = {NULL, m->cap ? m->cap * 2 : 64, 0};
		size_t i;

		grown.e = xcalloc(grown.cap, sizeof(*grown.e));
		for (i = 0; i < m->cap; i++)
			if (m->e[i].key)
				*strmap_find(&grown, m->e[i].key) = m->e[i];
		grown.n = m->n;
		free(m->e);
		*m = grown;
	}
	e = strmap_find(m, key);
	if (!e->key) {
		e->key = xstrdup(key);
		e->val = NULL;
		m->n++;
	}
	old = e->val;
	e->val = val;
	return old;
}

const char *
strmap_keys_find(const struct strmap *m, const char *key)
{
	struct strmap_entry *e = strmap_find(m, key);

	return e && e->key ? e->key : NULL;
}

static int
cmp_keys(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char **
strmap_keys(const struct strmap *m)
{
	const char **keys = xcalloc(m->n + 1, sizeof(*keys));
	size_t i, n = 0;

	for (i = 0; i < m->cap; i++)
		if (m->e[i].key && m->e[i].val)
			keys[n++] = m->e[i].key;
	qsort(keys, n, sizeof(*keys), cmp_keys);
	keys[n] = NULL;
	return keys;
}

void
strmap_release(struct strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->e[i].key);
	free(m->e);
	m->e = NULL;
	m->cap = m->n = 0;
}

static struct {
	int saved_fd;     /* the real standard error */
	FILE *file;       /* what fd 2 writes to meanwhile */
	const char *subject;
} capture = {-1, NULL, NULL};

static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};

/*
 * A crash inside LLVM while fd 2 is captured: put standard error back and
 * copy there what was captured, which may be LLVM's last words, then die
 * of the same signal.  Only async-signal-safe calls.
 */
static void
on_crash(int sig)
{
	char chunk[4096];
	ssize_t n;
	int fd = fileno(capture.file);

	dup2(capture.saved_fd, 2);
	if (lseek(fd, 0, SEEK_SET) == 0)
		while ((n = read(fd, chunk, sizeof(chunk))) > 0)
			if (write(2, chunk, (size_t)n) < 0)
				break;
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
crash_handlers(void (*handler)(int))
{
	size_t i;

	for (i = 0; i < LEN(crash_signals); i++)
		signal(crash_signals[i], handler);
}

void
capture_begin(const char *subject)
{
	fflush(stderr);
	capture.file = tmpfile();
	capture.saved_fd = capture.file ? dup(2) : -1;
	if (capture.saved_fd < 0 || dup2(fileno(capture.file), 2) < 0) {
		/* Uncaptured output is less tidy, not wrong: go on without. */
		if (capture.saved_fd >= 0)
			close(capture.saved_fd);
		if (capture.file)
			fclose(capture.file);
		capture.file = NULL;
		capture.saved_fd = -1;
		return;
	}
	report_fd = capture.saved_fd;
	capture.subject = subject;
	crash_handlers(on_crash);
}

/* Print each distinct captured line as a warning about the subject. */
static void
capture_flush(void)
{
	struct strmap seen = STRMAP_INIT;
	char *line = NULL;
	size_t size = 0;
	ssize_t n;

	fflush(stderr);
	rewind(capture.file);
	while ((n = getline(&line, &size, capture.file)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if (n == 0 || strmap_put(&seen, line, (void *)1))
			continue;
		warn("'%s': %s", capture.subject ? capture.subject : "LLVM", line);
	}
	free(line);
	strmap_release(&seen);
	if (ftruncate(fileno(capture.file), 0) == 0)
		rewind(capture.file);
}

void
capture_subject(const char *subject)
{
	if (!capture.file)
		return;
	capture_flush();
	capture.subject = subject;
}

void
capture_end(void)
{
	if (!capture.file)
		return;
	crash_handlers(SIG_DFL);
	capture_flush();
	dup2(capture.saved_fd, 2);
	close(capture.saved_fd);
	fclose(capture.file);
	report_fd = 2;
	capture.file = NULL;
	capture.saved_fd = -1;
}

static const void **
ptrset_find(const struct ptrset *s, const void *p)
{
	size_t i = ((uintptr_t)p >> 4) * 2654435761u;

	for (i &= s->cap - 1;; i = (i + 1) & (s->cap - 1))
		if (!s->e[i] || s->e[i] == p)
			return &s->e[i];
}

int
ptrset_add(struct ptrset *s, const void *p)
{
	const void **slot;

	if ((s->n + 1) * 2 > s->cap) {
		struct ptrset grown = {NULL, s->cap ? s->cap * 2 : 64, s->n};
		size_t i;

		grown.e = xcalloc(grown.cap, sizeof(*grown.e));
		for (i = 0; i < s->cap; i++)
			if (s->e[i])
				*ptrset_find(&grown, s->e[i]) = s->e[i];
		free(s->e);
		*s = grown;
	}
	slot = ptrset_find(s, p);
	if (*slot)
		return 0;
	*slot = p;
	s->n++;
	return 1;
}

void
ptrset_release(struct ptrset *s)
{
	free(s->e);
	s->e = NULL;
	s->cap = s->n = 0;
}
