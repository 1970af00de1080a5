/*
 * proc.h: child processes.  Standard output and error are flushed before
 * every fork, so that nothing buffered is written twice.
 */
#ifndef PROC_H
#define PROC_H

#include <sys/types.h>

#include "buf.h"

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

/* fork(), after flushing standard output and error; the child forgets
 * the parent's temporary files (temp.h). */
pid_t proc_fork(void);

#endif
