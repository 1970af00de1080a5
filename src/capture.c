/* capture.c: see capture.h. */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture.h"
#include "map.h"
#include "msg.h"
#include "util.h"

static struct {
	FILE *file;       /* what fd 2 writes to meanwhile */
	int fd;           /* its descriptor, for the crash handler */
	int saved_fd;     /* the real standard error */
	const char *subject;
} capture = {NULL, -1, -1, NULL};

static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
static void (*crash_hook)(const char *text, size_t n);

void
capture_crash_hook(void (*fn)(const char *text, size_t n))
{
	crash_hook = fn;
}

/*
 * A crash inside LLVM while fd 2 is captured: put standard error back and
 * copy there what was captured, which may be LLVM's last words, then die
 * of the same signal.  Only async-signal-safe calls.
 */
static void
on_crash(int sig)
{
	static char text[8192];
	char chunk[4096];
	size_t len = 0;
	ssize_t n;

	dup2(capture.saved_fd, 2);
	if (lseek(capture.fd, 0, SEEK_SET) == 0) {
		while ((n = read(capture.fd, chunk, sizeof(chunk))) > 0) {
			if (crash_hook) {
				/* The end is what matters: keep the last bytes
				 * (a chunk is smaller than text). */
				if (len + (size_t)n > sizeof(text)) {
					memmove(text, text + (len + (size_t)n - sizeof(text)),
					        sizeof(text) - (size_t)n);
					len = sizeof(text) - (size_t)n;
				}
				memcpy(text + len, chunk, (size_t)n);
				len += (size_t)n;
			} else if (write(2, chunk, (size_t)n) < 0) {
				break;
			}
		}
	}
	if (crash_hook)
		crash_hook(text, len);
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
	static int registered;

	fflush(stderr);
	if (!registered && atexit(capture_end) == 0)
		registered = 1;
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
	capture.fd = fileno(capture.file);
	msg_redirect(capture.saved_fd);
	msg_before_fatal(capture_end);
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
	if (ftruncate(capture.fd, 0) == 0)
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
capture_mute(void)
{
	if (capture.file)
		capture_flush();
}

void
capture_unmute(void)
{
	if (!capture.file)
		return;
	fflush(stderr);
	if (ftruncate(capture.fd, 0) == 0)
		rewind(capture.file);
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
	msg_redirect(2);
	msg_before_fatal(NULL);
	capture.file = NULL;
	capture.fd = -1;
	capture.saved_fd = -1;
}
