/*
 * file.h: reading inputs and writing outputs.
 *
 * An input is a regular file: a directory, a device, a FIFO or a socket
 * is refused by name before anything is read from it.  An output appears
 * whole or not at all: it is written to a temporary file in the same
 * directory, PATH.tmpXXXXXX (noted in temp.h until it is renamed into
 * place), except an output that is a character device or a FIFO
 * (/dev/null, /dev/stdout), which is written in place, never replaced.
 * An output that is a symbolic link is written through it, as compilers
 * do: the file it names is replaced, the link stays.
 */
#ifndef FILE_H
#define FILE_H

#include <stddef.h>

#include "buf.h"

/* 0 when path is a regular file; -1 after printing why not ("cannot read
 * 'x': it is a directory"). */
int check_input(const char *path);

/* Read up to n bytes from the start of a regular file (its magic number,
 * a header); how many were read, or -1, with nothing printed, when it
 * cannot be opened or is not a regular file. */
long read_prefix(const char *path, void *data, size_t n);

/* Read a whole regular file into b; on failure print the reason and
 * return -1. */
int read_file(const char *path, struct buf *b);
/* The same for a text file: one with a NUL byte is refused as soon as
 * one is read. */
int read_text_file(const char *path, struct buf *b);

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

/* Check, without leaving anything behind, that path could be written. */
int check_writable(const char *path);

/* Refuse outputs that are the same file as an input, or as each other
 * (through symbolic links too): -1 after printing why.  NULL entries are
 * skipped. */
int check_outputs(const char *const *outputs, size_t nout,
                  const char *const *inputs, size_t nin);

/*
 * Write data to a new temporary file beside path (path.tmpXXXXXX), whose
 * name is left in tmp, for a program to read or overwrite; the caller
 * removes it with temp_remove().  -1 after printing why.
 */
int temp_beside(const char *path, const void *data, size_t len,
                struct buf *tmp);

/* Copy a file, as a new file written at once; -1 after printing why. */
int copy_file(const char *from, const char *to);

/* Remove a file, or a directory and everything in it. */
void remove_tree(const char *path);

#endif
