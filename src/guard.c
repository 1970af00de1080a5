/* guard.c: see guard.h. */
#define _GNU_SOURCE  /* MAP_ANONYMOUS, strsignal */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "capture.h"
#include "guard.h"
#include "msg.h"
#include "proc.h"

/* What a guarded child says of itself, in memory its parent shares. */
struct note {
	char tool[16], doing[32], what[1024];
	char last[512];   /* the last line the tool printed before dying */
};

static struct note *note;  /* set in a guarded child only */

void
guard_note(const char *tool, const char *doing, const char *what)
{
	if (!note)
		return;
	snprintf(note->tool, sizeof(note->tool), "%s", tool);
	snprintf(note->doing, sizeof(note->doing), "%s", doing);
	snprintf(note->what, sizeof(note->what), "%s", what ? what : "");
}

/* From the crash handler (async-signal-safe): keep the last non-empty
 * line of what the tool printed. */
static void
keep_last_line(const char *text, size_t n)
{
	size_t end = n, start, len;

	while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == '\r'))
		end--;
	for (start = end; start > 0 && text[start - 1] != '\n'; start--)
		;
	len = end - start < sizeof(note->last) - 1 ? end - start
	                                            : sizeof(note->last) - 1;
	memcpy(note->last, text + start, len);
	note->last[len] = '\0';
}

static int
write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static _Noreturn void
child(int (*fn)(void *, struct buf *), void *arg, int fd)
{
	struct buf result = BUF_INIT;
	int st;

	capture_crash_hook(keep_last_line);
	st = fn(arg, &result);
	if (result.len && write_all(fd, result.data, result.len) < 0)
		st = 1;
	fflush(stdout);
	fflush(stderr);
	_exit(st ? 1 : 0);
}

static void
crashed(const struct note *n, int sig)
{
	const char *how = strsignal(sig);

	if (!n->what[0])
		error("a child process crashed (%s)", how);
	else if (n->last[0])
		error("'%s': %s crashed (%s) while %s it: %s", n->what, n->tool,
		      how, n->doing, n->last);
	else
		error("'%s': %s crashed (%s) while %s it", n->what, n->tool, how,
		      n->doing);
}

int
guard_run(int (*fn)(void *arg, struct buf *out), void *arg, struct buf *out)
{
	struct note *shared;
	char chunk[65536];
	int fds[2], status, ret;
	ssize_t n;
	pid_t pid;

	shared = mmap(NULL, sizeof(*shared), PROT_READ | PROT_WRITE,
	              MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shared == MAP_FAILED)
		return error("cannot start a child process:");
	memset(shared, 0, sizeof(*shared));
	if (pipe(fds) < 0) {
		munmap(shared, sizeof(*shared));
		return error("cannot start a child process:");
	}
	pid = proc_fork();
	if (pid == 0) {
		close(fds[0]);
		note = shared;
		child(fn, arg, fds[1]);
	}
	close(fds[1]);
	if (pid < 0) {
		close(fds[0]);
		munmap(shared, sizeof(*shared));
		return error("cannot start a child process:");
	}
	while ((n = read(fds[0], chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		buf_add(out, chunk, (size_t)n);
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFSIGNALED(status)) {
		crashed(shared, WTERMSIG(status));
		ret = -1;
	} else {
		ret = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
	}
	if (ret != 0)
		buf_reset(out);
	munmap(shared, sizeof(*shared));
	return ret;
}
