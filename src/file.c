/* file.c: see file.h. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "file.h"
#include "msg.h"
#include "util.h"

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

int
temp_beside(const char *path, const void *data, size_t len, struct buf *tmp)
{
	struct out_file f = {path, data, len, NULL};

	return write_temp(&f, tmp);
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
