/*
 * cc/jobs.c: compiling the jobs, one process per CPU ($HELPERLINK_JOBS).
 * Each job is a "helperlink link" run in a child process of its own,
 * forked with libLLVM already loaded.
 *
 * A job's pid says where it is: 0 done (compiled or from the cache), -1
 * to compile here, -2 waiting for another process that claimed it, or
 * the child compiling it.
 */
#define _GNU_SOURCE  /* usleep, strsignal */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../buf.h"
#include "cc.h"
#include "../file.h"
#include "../link_args.h"
#include "../msg.h"
#include "../proc.h"
#include "../toolchain.h"
#include "../util.h"

/* In the child: link the job's modules, with the C helpers for Rust, at
 * rustc's -plugin-opt=O level, into its output. */
static _Noreturn void
run_job(const struct driver *d, const struct job *j)
{
	static const enum opt_pipeline pipelines[] = {OPT_NONE, OPT_O1, OPT_O2,
	                                              OPT_O3};
	struct buf out = BUF_INIT, text = BUF_INIT;
	int level = d->opt < 0 ? 2 : d->opt, status = 1;
	struct link_args a;
	size_t i;

	link_args_init(&a);
	for (i = 0; i < j->ninputs; i++)
		strlist_push(&a.o.crates, &a.o.ncrates, j->inputs[i]);
	a.o.crate_names = j->names;
	for (i = 0; j->rust && i < d->nhelpers; i++)
		strlist_push(&a.o.helpers, &a.o.nhelpers, d->helpers[i]);
	a.o.helper_names = d->helper_names;
	a.o.opt = pipelines[level];
	a.o.force_inline_max = d->force_inline_max;
	a.o.codegen_opt = level;
	/* Messages name the link's output; the object goes to j->output. */
	a.o.output = d->output ? d->output : "a.out";
	if (link_run(&a, &out, &text) == 0 &&
	    write_file_atomic(j->output, out.data, out.len) == 0)
		status = 0;
	fflush(stdout);
	fflush(stderr);
	_exit(status);
}

static pid_t
start(const struct driver *d, const struct job *j)
{
	pid_t pid = proc_fork();

	if (pid == 0)
		run_job(d, j);
	return pid;
}

/* A job finished: check it, store it in the cache, release its claim.
 * A job that failed has said why; one that died of a signal cannot. */
static int
finished(struct driver *d, struct job *j, int status)
{
	j->pid = 0;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		cache_release(d, j);
		if (WIFSIGNALED(status))
			error("'%s': compiling it died of a signal (%s)", j->names[0],
			      strsignal(WTERMSIG(status)));
		return -1;
	}
	d->compiled++;
	cache_store(d, j);
	return 0;
}

/*
 * Wait for the jobs another process claimed: each comes from the cache
 * once that process has put it there, or, if it gave up, is claimed here.
 * Returns a job to compile here, or NULL when none is left waiting.
 */
static struct job *
waited_job(struct driver *d, size_t *waiting)
{
	size_t i;

	while (*waiting) {
		for (i = 0; i < d->njobs; i++) {
			struct job *j = &d->jobs[i];

			if (j->pid != -2)
				continue;
			if (cache_take(d, j) == 0) {
				j->pid = 0;
				--*waiting;
			} else if (cache_claim(d, j)) {
				--*waiting;
				return j;
			}
		}
		if (*waiting)
			usleep(20000);
	}
	return NULL;
}

/* The number of jobs to run at once. */
static size_t
parallel_jobs(void)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	const char *env = getenv("HELPERLINK_JOBS");

	if (env && atoi(env) > 0)
		cpus = atoi(env);
	return cpus < 1 ? 1 : (size_t)cpus;
}

/* Whether a C job is still to finish: Rust jobs read the C modules as
 * helpers, and start once those compiled, so that a bad one is reported
 * once. */
static int
c_pending(const struct driver *d)
{
	size_t i;

	for (i = 0; i < d->njobs; i++)
		if (!d->jobs[i].rust && d->jobs[i].pid != 0)
			return 1;
	return 0;
}

/* The next job to start, or NULL: the C jobs first. */
static struct job *
next_job(struct driver *d, size_t *next, size_t running, size_t *waiting)
{
	int c_first = c_pending(d);
	struct job *j;
	size_t i;

	for (;;) {
		j = NULL;
		for (i = 0; c_first && i < d->njobs && !j; i++)
			if (!d->jobs[i].rust && d->jobs[i].pid == -1)
				j = &d->jobs[i];
		if (c_first && !j && running > 0)
			return NULL;  /* the C jobs running come first */
		for (; !j && *next < d->njobs; ++*next)
			if (d->jobs[*next].pid == -1)
				j = &d->jobs[*next];
		if (!j && running == 0)
			j = waited_job(d, waiting);
		if (!j)
			return NULL;
		if (j->pid != -1 || cache_claim(d, j))
			return j;
		j->pid = -2;
		++*waiting;
	}
}

/* Load the libLLVM of the rustc that links, found from its sysroot on
 * the link line, rather than ask "rustc" on PATH: that may be another
 * toolchain, and asking it costs a process (rustup's proxy, then rustc).
 * $HELPERLINK_LLVM still comes first; a sysroot without its rustc (a
 * custom --sysroot) is no toolchain's, and "rustc" is asked then. */
static int
load_llvm(const struct driver *d)
{
	const char *env = getenv("HELPERLINK_LLVM");
	char *rustc, *path;
	int ret = -1;

	if ((env && *env) || !d->sysroot)
		return llvm_load(NULL, NULL);
	rustc = xasprintf("%s/bin/rustc", d->sysroot);
	if (access(rustc, X_OK) != 0) {
		free(rustc);
		return llvm_load(NULL, NULL);
	}
	/* rustc is asked only for a distribution's multiarch libLLVM. */
	if ((path = toolchain_find_libllvm(d->sysroot, rustc)) != NULL)
		ret = llvm_load(path, NULL);
	free(path);
	free(rustc);
	return ret;
}

int
cc_compile(struct driver *d)
{
	size_t cpus = parallel_jobs(), next = 0, running = 0, waiting = 0, i;
	int failed = 0, loaded = 0;

	if (cache_keys(d) < 0)
		return -1;
	for (i = 0; i < d->njobs; i++)
		d->jobs[i].pid = cache_take(d, &d->jobs[i]) == 0 ? 0 : -1;
	for (;;) {
		struct job *j;
		int status;
		pid_t pid;

		while (!failed && running < cpus &&
		       (j = next_job(d, &next, running, &waiting)) != NULL) {
			/* Once, in this process, for every child. */
			if (!loaded && load_llvm(d) < 0) {
				cache_release(d, j);
				failed = 1;
				break;
			}
			loaded = 1;
			j->pid = start(d, j);
			if (j->pid < 0) {
				error("cannot start a job:");
				cache_release(d, j);
				failed = 1;
			} else {
				running++;
			}
		}
		if (running == 0)
			break;
		pid = wait(&status);
		if (pid < 0)
			break;
		running--;
		for (i = 0; i < d->njobs; i++)
			if (d->jobs[i].pid == pid && finished(d, &d->jobs[i], status) < 0)
				failed = 1;
	}
	return failed ? -1 : 0;
}
