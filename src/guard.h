/*
 * guard.h: running LLVM or libclang on untrusted input without letting a
 * crash take the build down silently.
 *
 * guard_run() runs a function in a forked child and hands its result
 * back through a pipe.  What the function prints goes where it would.
 * When the child dies of a signal (LLVM's reader can crash on damaged
 * bitcode, libclang on a header it cannot take, and "LLVM ERROR: out of
 * memory" aborts), the parent prints one line naming what the child was
 * doing, as it last said with guard_note(), and the last line LLVM
 * printed, and the call fails; the parent's temporary files and outputs
 * are its own to remove, as after any failure.
 */
#ifndef GUARD_H
#define GUARD_H

#include "buf.h"

/*
 * Run fn(arg, out) in a child process; its return value (0, or 1 for any
 * other) is returned, with what it put in out (nothing after a failure).
 * -1 after printing why, when the child could not run or crashed.
 */
int guard_run(int (*fn)(void *arg, struct buf *out), void *arg,
              struct buf *out);

/* In a guarded child, what it is doing now: "LLVM", "reading", "h.bc",
 * for the line the parent prints if it crashes ("'h.bc': LLVM crashed
 * (Segmentation fault) while reading it").  Copied; a no-op elsewhere. */
void guard_note(const char *tool, const char *doing, const char *what);

#endif
