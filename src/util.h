/*
 * util.h: messages, memory, growable buffers, files and child processes.
 *
 * Every message starts with "helperlink: ".  A format that ends in ':'
 * gets ": strerror(errno)" appended (samurai's convention).  fatal() exits
 * with status 1; it must not be called while a half-written output exists,
 * which is why outputs are only ever written by write_file_atomic().
 */
#ifndef UTIL_H
#define UTIL_H

#include <stdarg.h>
#include <stddef.h>

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Append s, borrowed, to the list of n strings *list. */
void strlist_push(const char ***list, size_t *n, const char *s);

/* Print "helperlink: warning: MSG". */
void warn(const char *fmt, ...);
/* Print "helperlink: MSG" and return -1, for "return error(...)". */
int error(const char *fmt, ...);
/* Print "helperlink: MSG" and exit(1). */
_Noreturn void fatal(const char *fmt, ...);
/* For command-line mistakes: print usage (when not NULL), then
 * "helperlink: MSG", and exit(2). */
_Noreturn void usage_error(const char *usage, const char *fmt, ...);
/* The same for what getopt_long() returned for arg: ':' for a missing
 * value, anything else for an unknown option.  cmd names the command. */
_Noreturn void option_error(const char *usage, const char *cmd, int opt,
                            const char *arg);

/*
 * Capture what is written to file descriptor 2 by code that does not use
 * these functions (LLVM prints some warnings there itself), to print each
 * distinct line later as "helperlink: warning: 'SUBJECT': LINE".  The
 * messages above go to the real standard error meanwhile; fatal() and a
 * crash end the capture and let what it holds through.  Subjects are
 * borrowed until the next capture_subject() or capture_end().
 */
void capture_begin(const char *subject);
/* Print what was captured about the old subject and switch to a new one. */
void capture_subject(const char *subject);
void capture_end(void);

/* Allocators that die instead of returning NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Format into a new string, like asprintf(). */
char *xasprintf(const char *fmt, ...);

/* A growable byte buffer; data is always NUL-terminated. */
struct buf {
	char *data;
	size_t len, cap;
};
#define BUF_INIT {NULL, 0, 0}

void buf_add(struct buf *b, const void *p, size_t n);
void buf_addstr(struct buf *b, const char *s);
void buf_addch(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...);
void buf_vaddf(struct buf *b, const char *fmt, va_list ap);
void buf_reset(struct buf *b);
/* Free the data; the buffer can be reused afterwards. */
void buf_release(struct buf *b);

/* Read up to n bytes from the start of a file (its magic number, a
 * header); how many were read, or -1, with errno set, if it cannot be
 * opened. */
long read_prefix(const char *path, void *data, size_t n);

/* Read a whole file into b; on failure print the reason and return -1. */
int read_file(const char *path, struct buf *b);

/*
 * Write data to path through a temporary file in the same directory and
 * rename(), so that path appears whole or not at all.  On failure the
 * temporary file is removed, the reason printed, and -1 returned.
 */
int write_file_atomic(const char *path, const void *data, size_t len);

/* The same for several files: all are written, or none.  A file that a
 * program has written already, to a temporary file beside path (see
 * temp_beside()), is given as written instead of data; it is renamed into
 * place with the others, or removed. */
struct out_file {
	const char *path;
	const void *data;
	size_t len;
	const char *written;
};
int write_files_atomic(const struct out_file *f, size_t n);

/* Check, without leaving anything behind, that path could be created. */
int check_writable(const char *path);

/*
 * Run argv[0] (searched in PATH) with its standard output captured into
 * out and its standard error discarded.  Returns the exit status, or -1
 * when the program could not be started or was killed by a signal.
 */
int run_capture(char *const argv[], struct buf *out);

/* Run argv[0] (searched in PATH) with this process's standard streams.
 * Returns its exit status, or -1 when it could not be started or was
 * killed by a signal. */
int run_command(char *const argv[]);

/*
 * Write data to a new temporary file beside path (path.tmpXXXXXX), whose
 * name is left in tmp, for a program to read or overwrite; the caller
 * removes it.  -1 after printing why.
 */
int temp_beside(const char *path, const void *data, size_t len,
                struct buf *tmp);

/* Whether s starts with prefix. */
int startswith(const char *s, const char *prefix);

/*
 * A map from strings to pointers, by open addressing.  Keys are copied;
 * values are the caller's.  Iterate with for (i = 0; i < m.cap; i++) over
 * entries whose key is not NULL.
 */
struct strmap {
	struct strmap_entry {
		char *key;
		void *val;
	} *e;
	size_t cap, n;
};
#define STRMAP_INIT {NULL, 0, 0}

/* A set of pointers, by open addressing. */
struct ptrset {
	const void **e;
	size_t cap, n;
};
#define PTRSET_INIT {NULL, 0, 0}

/* Add p (not NULL); returns 1 when it was not there yet. */
int ptrset_add(struct ptrset *s, const void *p);
void ptrset_release(struct ptrset *s);

void *strmap_get(const struct strmap *m, const char *key);
/* The keys whose values are not NULL, sorted, NULL-terminated; the array is
 * the caller's to free, the keys stay the map's. */
const char **strmap_keys(const struct strmap *m);
/* The map's own copy of a key it holds, or NULL; stable while it is held. */
const char *strmap_keys_find(const struct strmap *m, const char *key);
/* Set key to val; returns the previous value.  A NULL value reads as absent. */
void *strmap_put(struct strmap *m, const char *key, void *val);
void strmap_release(struct strmap *m);

#endif
