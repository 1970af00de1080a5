/* file.c: see file.h. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "msg.h"
#include "temp.h"
#include "util.h"

/* What kind of file st is, for a message, when it is not a regular one. */
static const char *
kind(const struct stat *st)
{
	if (S_ISDIR(st->st_mode))
		return "a directory";
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		return "a device";
	if (S_ISFIFO(st->st_mode))
		return "a FIFO";
	if (S_ISSOCK(st->st_mode))
		return "a socket";
	return "not a regular file";
}

int
check_input(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return error("cannot open '%s':", path);
	if (!S_ISREG(st.st_mode))
		return error("cannot read '%s': it is %s", path, kind(&st));
	return 0;
}

/* Open a regular file for reading; -1 with errno set, or, for another
 * kind of file, with *what naming it.  A FIFO is not waited for. */
static int
open_regular(const char *path, const char **what)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK);

	*what = NULL;
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		*what = fstat(fd, &st) < 0 ? "not a regular file" : kind(&st);
		close(fd);
		errno = EINVAL;
		return -1;
	}
	return fd;
}

/* Read path into b; with text, refuse a NUL byte as soon as it comes. */
static int
read_into(const char *path, struct buf *b, int text)
{
	char chunk[65536];
	const char *what;
	struct stat st;
	ssize_t n;
	int fd = open_regular(path, &what);

	if (fd < 0 && what)
		return error("cannot read '%s': it is %s", path, what);
	if (fd < 0)
		return error("cannot open '%s':", path);
	if (!text && fstat(fd, &st) == 0 && st.st_size > 0)
		buf_grow(b, (size_t)st.st_size);
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			error("cannot read '%s':", path);
			close(fd);
			return -1;
		}
		if (text && memchr(chunk, '\0', (size_t)n)) {
			close(fd);
			return error("'%s' is not a text file", path);
		}
		buf_add(b, chunk, (size_t)n);
	}
	close(fd);
	return 0;
}

int
read_file(const char *path, struct buf *b)
{
	return read_into(path, b, 0);
}

int
read_text_file(const char *path, struct buf *b)
{
	return read_into(path, b, 1);
}

long
read_prefix(const char *path, void *data, size_t n)
{
	const char *what;
	size_t got = 0;
	ssize_t r;
	int fd = open_regular(path, &what);

	if (fd < 0)
		return -1;
	while (got < n && (r = read(fd, (char *)data + got, n - got)) != 0) {
		if (r < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (r < 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	return (long)got;
}

/*
 * Where an output goes: path, or the file a symbolic link at path names
 * (through every link of a chain), as a new string.
 */
static char *
output_target(const char *path)
{
	char *cur = xstrdup(path), link[PATH_MAX];
	struct stat st;
	int hops;

	for (hops = 0; hops < 40 && lstat(cur, &st) == 0 && S_ISLNK(st.st_mode);
	     hops++) {
		ssize_t n = readlink(cur, link, sizeof(link) - 1);
		char *slash, *next;

		if (n <= 0)
			break;
		link[n] = '\0';
		slash = strrchr(cur, '/');
		if (link[0] == '/' || !slash)
			next = xstrdup(link);
		else
			next = xasprintf("%.*s/%s", (int)(slash - cur), cur, link);
		free(cur);
		cur = next;
	}
	return cur;
}

/* Whether an existing output is to be written in place (a character
 * device, a FIFO); -1 after printing why it cannot be written at all. */
static int
in_place(const char *path, const char *target)
{
	struct stat st;

	if (stat(target, &st) < 0 || S_ISREG(st.st_mode))
		return 0;
	if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
		return 1;
	return error("cannot create '%s': it is %s", path, kind(&st));
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
	temp_register(tmp->data);
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

/* Write data to a new temporary file beside path, named in tmp. */
static int
write_temp(const char *path, const void *data, size_t len, struct buf *tmp)
{
	mode_t mask;
	int fd;

	fd = create_temp(path, tmp);
	if (fd < 0)
		return -1;
	/* mkstemp() makes the file 0600; give it the usual 0666 & ~umask. */
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) < 0 || write_all(fd, data, len) < 0) {
		error("cannot write '%s':", path);
		close(fd);
		temp_remove(tmp->data);
		return -1;
	}
	if (close(fd) < 0) {
		error("cannot write '%s':", path);
		temp_remove(tmp->data);
		return -1;
	}
	return 0;
}

/* Write an output in place: data, or the file written already. */
static int
write_in_place(const struct out_file *f, const char *target)
{
	struct buf copy = BUF_INIT;
	const void *data = f->data;
	size_t len = f->len;
	int fd, ret = -1;

	if (f->written) {
		if (read_file(f->written, &copy) < 0)
			return -1;
		data = copy.data;
		len = copy.len;
	}
	fd = open(target, O_WRONLY);
	if (fd < 0) {
		error("cannot write '%s':", f->path);
	} else if (write_all(fd, data, len) < 0) {
		error("cannot write '%s':", f->path);
		close(fd);
	} else if (close(fd) < 0) {
		error("cannot write '%s':", f->path);
	} else {
		ret = 0;
	}
	buf_release(&copy);
	return ret;
}

int
write_files_atomic(const struct out_file *f, size_t n)
{
	struct buf *tmp = xcalloc(n, sizeof(*tmp));
	char **target = xcalloc(n, sizeof(*target));
	int *place = xcalloc(n, sizeof(*place)), failed = 0;
	size_t i;

	for (i = 0; i < n && !failed; i++) {
		target[i] = output_target(f[i].path);
		if ((place[i] = in_place(f[i].path, target[i])) < 0)
			failed = 1;
		else if (f[i].written)
			buf_addstr(&tmp[i], f[i].written);
		else if (!place[i] &&
		         write_temp(target[i], f[i].data, f[i].len, &tmp[i]) < 0)
			failed = 1;
	}
	/* Devices and FIFOs first: they can fail (/dev/full), a rename
	 * hardly can. */
	for (i = 0; i < n && !failed; i++)
		if (place[i] == 1 && write_in_place(&f[i], target[i]) < 0)
			failed = 1;
	for (i = 0; i < n && !failed; i++) {
		if (place[i] == 1)
			continue;
		if (rename(tmp[i].data, target[i]) < 0) {
			error("cannot create '%s':", f[i].path);
			failed = 1;
		} else {
			temp_forget(tmp[i].data);
		}
	}
	for (i = 0; i < n; i++) {
		/* What is not in place now is removed: after a failure, and
		 * the written files that went to a device. */
		if (tmp[i].data && (failed || place[i] == 1))
			temp_remove(tmp[i].data);
		buf_release(&tmp[i]);
		free(target[i]);
	}
	free(tmp);
	free(target);
	free(place);
	return failed ? -1 : 0;
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
	char *target = output_target(path);
	struct buf tmp = BUF_INIT;
	int fd, place = in_place(path, target);

	if (place != 0) {
		free(target);
		return place < 0 ? -1 : 0;
	}
	fd = create_temp(target, &tmp);
	if (fd >= 0) {
		close(fd);
		temp_remove(tmp.data);
	}
	buf_release(&tmp);
	free(target);
	return fd < 0 ? -1 : 0;
}

/* Whether a and b are one existing regular file. */
static int
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && S_ISREG(sa.st_mode) &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int
check_outputs(const char *const *outputs, size_t nout,
              const char *const *inputs, size_t nin)
{
	size_t i, k;

	for (i = 0; i < nout; i++) {
		if (!outputs[i])
			continue;
		for (k = 0; k < nin; k++)
			if (inputs[k] && same_file(outputs[i], inputs[k]))
				return error("cannot write '%s': it is the input '%s'",
				             outputs[i], inputs[k]);
		for (k = i + 1; k < nout; k++) {
			if (!outputs[k])
				continue;
			if (strcmp(outputs[i], outputs[k]) == 0)
				return error("cannot write '%s' twice", outputs[i]);
			if (same_file(outputs[i], outputs[k]))
				return error("cannot write '%s' twice: '%s' is the same "
				             "file", outputs[i], outputs[k]);
		}
	}
	return 0;
}

int
temp_beside(const char *path, const void *data, size_t len, struct buf *tmp)
{
	return write_temp(path, data, len, tmp);
}

int
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

void
remove_tree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;

	if (!d) {
		unlink(path);
		return;
	}
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
}
