/* temp.c: see temp.h. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "temp.h"
#include "util.h"

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};

/* The paths, in the order they were made; the signal handler reads them,
 * so they change only with the signals blocked. */
static char **temps;
static size_t ntemps, captemps;

/* Remove the paths from the last made to the first: a directory's files
 * before it.  Async-signal-safe. */
static void
remove_all(void)
{
	size_t i = ntemps;

	while (i-- > 0)
		if (temps[i] && unlink(temps[i]) < 0 && errno != ENOENT)
			rmdir(temps[i]);
}

static void
on_stop(int sig)
{
	remove_all();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
at_exit(void)
{
	remove_all();
}

/* Block the stop signals (how = SIG_BLOCK), or restore them. */
static void
stop_signals_mask(int how, sigset_t *old)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < LEN(stop_signals); i++)
		sigaddset(&set, stop_signals[i]);
	sigprocmask(how, how == SIG_BLOCK ? &set : old, how == SIG_BLOCK ? old : NULL);
}

static void
install(void)
{
	static int done;
	struct sigaction sa, old;
	size_t i;

	if (done)
		return;
	done = 1;
	atexit(at_exit);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < LEN(stop_signals); i++) {
		/* A signal ignored (nohup) stays ignored. */
		if (sigaction(stop_signals[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		sigaction(stop_signals[i], &sa, NULL);
	}
}

void
temp_register(const char *path)
{
	char *copy = xstrdup(path);
	sigset_t old;

	install();
	if (ntemps == captemps) {
		/* Grown into a new array, so that the handler never sees a
		 * freed one. */
		size_t cap = captemps ? 2 * captemps : 16;
		char **grown = xcalloc(cap, sizeof(*grown)), **gone;

		if (ntemps)
			memcpy(grown, temps, ntemps * sizeof(*temps));
		stop_signals_mask(SIG_BLOCK, &old);
		gone = temps;
		temps = grown;
		captemps = cap;
		stop_signals_mask(SIG_SETMASK, &old);
		free(gone);
	}
	stop_signals_mask(SIG_BLOCK, &old);
	temps[ntemps++] = copy;
	stop_signals_mask(SIG_SETMASK, &old);
}

void
temp_forget(const char *path)
{
	sigset_t old;
	char *gone = NULL;
	size_t i;

	stop_signals_mask(SIG_BLOCK, &old);
	for (i = ntemps; i-- > 0;) {
		if (strcmp(temps[i], path) == 0) {
			gone = temps[i];
			memmove(temps + i, temps + i + 1,
			        (ntemps - i - 1) * sizeof(*temps));
			ntemps--;
			break;
		}
	}
	stop_signals_mask(SIG_SETMASK, &old);
	free(gone);
}

void
temp_remove(const char *path)
{
	if (unlink(path) < 0 && errno != ENOENT)
		rmdir(path);
	temp_forget(path);
}

void
temp_forget_under(const char *dir)
{
	size_t n = strlen(dir), i = ntemps;
	sigset_t old;

	stop_signals_mask(SIG_BLOCK, &old);
	while (i-- > 0) {
		if (strncmp(temps[i], dir, n) == 0 &&
		    (temps[i][n] == '\0' || temps[i][n] == '/')) {
			free(temps[i]);
			memmove(temps + i, temps + i + 1,
			        (ntemps - i - 1) * sizeof(*temps));
			ntemps--;
		}
	}
	stop_signals_mask(SIG_SETMASK, &old);
}

void
temp_reset(void)
{
	size_t i;

	for (i = 0; i < ntemps; i++)
		free(temps[i]);
	ntemps = 0;
}
