/*
 * capture.h: what code other than helperlink's writes to standard error.
 *
 * LLVM prints some warnings to file descriptor 2 itself.  During a
 * capture, fd 2 goes to a temporary file, and each distinct line is
 * printed later as "helperlink: warning: 'SUBJECT': LINE"; helperlink's
 * own messages (msg.h) go to the real standard error meanwhile.  An exit
 * (fatal()) ends the capture and lets what it holds through; so does a
 * crash, before the process dies of its signal.  Subjects are borrowed
 * until the next capture_subject() or capture_end().
 */
#ifndef CAPTURE_H
#define CAPTURE_H

#include <stddef.h>

void capture_begin(const char *subject);
/* Print what was captured about the old subject and switch to a new one. */
void capture_subject(const char *subject);
void capture_end(void);
/* Between capture_mute() and capture_unmute(), what is captured is
 * dropped: the output of work done only to be looked at. */
void capture_mute(void);
void capture_unmute(void);
/* On a crash, give what was captured to fn (from the signal handler, so
 * fn must be async-signal-safe) instead of standard error. */
void capture_crash_hook(void (*fn)(const char *text, size_t n));

#endif
