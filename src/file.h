/*
 * file.h: reading inputs and writing outputs.
 *
 * An output appears whole or not at all: it is written to a temporary
 * file in the same directory, PATH.tmpXXXXXX, and renamed into place.
 */
#ifndef FILE_H
#define FILE_H

#include <stddef.h>

#include "buf.h"

/* Read up to n bytes from the start of a file (its magic number, a
 * header); how many were read, or -1, with errno set, if it cannot be
 * opened. */
long read_prefix(const char *path, void *data, size_t n);

/* Read a whole file into b; on failure print the reason and return -1. */
int read_file(const char *path, struct buf *b);

/* An output: data to write to path, or a file that a program has written
 * already, to a temporary file beside path (see temp_beside()). */
struct out_file {
	const char *path;
	const void *data;
	size_t len;
	const char *written;
};

/* Write every file, or none: each goes to a temporary file beside it,
 * then all are renamed into place.  -1 after printing why; the temporary
 * files, and the files given as written, are removed then. */
int write_files_atomic(const struct out_file *f, size_t n);
/* The same for one file. */
int write_file_atomic(const char *path, const void *data, size_t len);

/* Check, without leaving anything behind, that path could be created. */
int check_writable(const char *path);

/*
 * Write data to a new temporary file beside path (path.tmpXXXXXX), whose
 * name is left in tmp, for a program to read or overwrite; the caller
 * removes it.  -1 after printing why.
 */
int temp_beside(const char *path, const void *data, size_t len,
                struct buf *tmp);

/* Copy a file, as a new file written at once; -1 after printing why. */
int copy_file(const char *from, const char *to);

/* Remove a file, or a directory and everything in it. */
void remove_tree(const char *path);

#endif
