/*
 * msg.h: every message helperlink prints, in one place.
 *
 * A message is one line, "helperlink: MSG", or "helperlink: warning: MSG"
 * for a warning.  A format that ends in ':' gets ": strerror(errno)"
 * appended (samurai's convention).  fatal() exits with status 1 (inside
 * rustc, see msg_instead_of_exit()); it must
 * not be called while a half-written output exists, which is why outputs
 * are only ever written by write_files_atomic() (file.h).
 */
#ifndef MSG_H
#define MSG_H

/* Print "helperlink: warning: MSG". */
void warn(const char *fmt, ...);
/* Print "helperlink: MSG" and return -1, for "return error(...)". */
int error(const char *fmt, ...);
/* Print "helperlink: MSG" and exit(1). */
_Noreturn void fatal(const char *fmt, ...);
/* For command-line mistakes: print "helperlink: CMD: MSG; see 'helperlink
 * CMD --help'" (cmd NULL: the global options), and exit(2). */
_Noreturn void usage_error(const char *cmd, const char *fmt, ...);

/* Write text as it is where messages go (the rows of a table that a
 * message is about). */
void msg_text(const char *text);
/* Send messages to fd from now on (a capture of standard error keeps the
 * real one there, see capture.h); 2 is standard error. */
void msg_redirect(int fd);
/* Call fn before fatal() prints its message (the capture lets what it
 * holds through first); NULL for none. */
void msg_before_fatal(void (*fn)(void));
/* Call fn after fatal() has printed (or held) its message, instead of
 * exit(1): the plugin stops rustc with rustc's own fatal error.  fn must
 * not return. */
void msg_instead_of_exit(void (*fn)(void));
/* Give the line of each error (error() and fatal(), without its newline)
 * to fn instead of writing it; NULL writes them again.  The plugin hands
 * the last one to rustc's fatal error. */
void msg_hold_errors(void (*fn)(const char *line));

#endif
