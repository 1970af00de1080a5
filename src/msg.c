/* msg.c: see msg.h. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"

/* Where messages go: standard error, or its saved copy during a capture. */
static int msg_fd = 2;
static void (*before_fatal)(void);
static void (*instead_of_exit)(void);
static void (*hold)(const char *line);

void
msg_redirect(int fd)
{
	msg_fd = fd;
}

void
msg_before_fatal(void (*fn)(void))
{
	before_fatal = fn;
}

void
msg_instead_of_exit(void (*fn)(void))
{
	instead_of_exit = fn;
}

void
msg_hold_errors(void (*fn)(const char *line))
{
	hold = fn;
}

static void
write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		p += n;
		len -= (size_t)n;
	}
}

void
msg_text(const char *text)
{
	fflush(stdout);
	fflush(stderr);
	write_all(msg_fd, text, strlen(text));
}

/* The message, formatted on its own: this is the bottom layer, which an
 * allocation failure reaches too. */
static void
vreport(const char *prefix, const char *fmt, va_list ap)
{
	size_t n = strlen(fmt), len;
	int saved = errno, body;
	char *msg, *p;
	va_list copy;

	fflush(stdout);
	fflush(stderr);
	va_copy(copy, ap);
	body = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (body < 0)
		body = 0;
	len = strlen("helperlink: ") + (prefix ? strlen(prefix) : 0) +
	      (size_t)body + 2 + strlen(strerror(saved)) + 2;
	if (!(msg = malloc(len))) {
		write_all(msg_fd, "helperlink: out of memory\n", 26);
		return;
	}
	p = msg + sprintf(msg, "helperlink: %s", prefix ? prefix : "");
	p += vsnprintf(p, (size_t)body + 1, fmt, ap);
	if (n > 0 && fmt[n - 1] == ':')
		p += sprintf(p, " %s", strerror(saved));
	if (hold && !prefix) {
		void (*fn)(const char *) = hold;

		/* fn may fail to allocate: that error is written. */
		hold = NULL;
		*p = '\0';
		fn(msg);
		hold = fn;
	} else {
		*p++ = '\n';
		write_all(msg_fd, msg, (size_t)(p - msg));
	}
	free(msg);
}

static void
report_line(const char *prefix, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(prefix, fmt, ap);
	va_end(ap);
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

	if (before_fatal)
		before_fatal();
	va_start(ap, fmt);
	vreport(NULL, fmt, ap);
	va_end(ap);
	if (instead_of_exit)
		instead_of_exit();
	exit(1);
}

void
usage_error(const char *cmd, const char *fmt, ...)
{
	char prefix[64], what[256];
	va_list ap;

	snprintf(prefix, sizeof(prefix), "%s%s", cmd ? cmd : "", cmd ? ": " : "");
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	report_line(prefix, "%s; see 'helperlink %s%s--help'", what, cmd ? cmd : "",
	            cmd ? " " : "");
	exit(2);
}
