/*
 * cc/cache.c: compiled modules kept by the hash of everything that goes
 * into them, so that a dependency that did not change is not compiled
 * again, and claims that let links Cargo runs at once compile a module
 * they share only once.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../buf.h"
#include "../file.h"
#include "../hash.h"
#include "../temp.h"
#include "../util.h"
#include "../version.h"
#include "cc.h"

/*
 * What every job's key starts from: who compiles (helperlink's version
 * and binary) and how (the opt level, --force-inline-max), and, for Rust
 * jobs, the C helpers.
 * Computed once per link, not once per job.
 */
static int
key_base(struct driver *d, struct hash *base, struct hash *helpers)
{
	struct stat st;
	char optstr[32];
	size_t i;

	hash_init(base);
	hash_str(base, HELPERLINK_VERSION);
	if (stat(d->self, &st) == 0) {
		hash_add(base, &st.st_size, sizeof(st.st_size));
		hash_add(base, &st.st_mtime, sizeof(st.st_mtime));
	}
	snprintf(optstr, sizeof(optstr), "O%d F%u", d->opt, d->force_inline_max);
	hash_str(base, optstr);
	*helpers = *base;
	for (i = 0; i < d->nhelpers; i++)
		if (hash_file(helpers, d->helpers[i]) < 0)
			return -1;
	return 0;
}

int
cache_keys(struct driver *d)
{
	struct hash base, helpers;
	size_t i, k;

	if (key_base(d, &base, &helpers) < 0)
		return -1;
	for (i = 0; i < d->njobs; i++) {
		struct job *j = &d->jobs[i];
		struct hash h = j->rust ? helpers : base;

		hash_str(&h, j->rust ? "rust" : "c");
		for (k = 0; k < j->ninputs; k++)
			if (hash_file(&h, j->inputs[k]) < 0)
				return -1;
		hash_hex(&h, j->key);
	}
	return 0;
}

char *
cache_dir(const char *output)
{
	const char *env = getenv("HELPERLINK_CACHE");
	char *dir = xstrdup(output ? output : "a.out"), *slash, *c;

	if (env && *env) {
		free(dir);
		return xstrdup(env);
	}
	slash = strrchr(dir, '/');
	if (!slash)
		strcpy(dir, ".");
	else
		*slash = '\0';
	slash = strrchr(dir, '/');
	if (slash && strcmp(slash + 1, "deps") == 0)
		*slash = '\0';
	c = xasprintf("%s/helperlink-cache", dir);
	free(dir);
	return c;
}

/* The cache's file for a job, or the lock of whoever compiles it. */
static char *
cache_path(const struct driver *d, const struct job *j, const char *suffix)
{
	return xasprintf("%s/%s%s", d->cache, j->key, suffix);
}

int
cache_take(struct driver *d, struct job *j)
{
	char *cached = cache_path(d, j, ".o");
	int ret = access(cached, R_OK) == 0 ? copy_file(cached, j->output) : -1;

	free(cached);
	if (ret == 0)
		d->cached++;
	return ret;
}

void
cache_store(struct driver *d, const struct job *j)
{
	char *cached = cache_path(d, j, ".o");

	copy_file(j->output, cached);  /* a cache that fails is no cache */
	free(cached);
	cache_release(d, j);
}

/* A lock older than a minute is taken to be left over by a process that
 * died. */
int
cache_claim(const struct driver *d, const struct job *j)
{
	char *lock = cache_path(d, j, ".lock");
	struct stat st;
	int fd = open(lock, O_CREAT | O_EXCL | O_WRONLY, 0644), mine = fd >= 0;

	if (fd >= 0)
		close(fd);
	else if (stat(lock, &st) == 0 && time(NULL) - st.st_mtime > 60)
		mine = unlink(lock) == 0 || errno == ENOENT;
	else if (errno == ENOENT)
		mine = 1;  /* released meanwhile */
	/* Mine until released, or until this process is stopped. */
	if (fd >= 0)
		temp_register(lock);
	free(lock);
	return mine;
}

void
cache_release(const struct driver *d, const struct job *j)
{
	char *lock = cache_path(d, j, ".lock");

	temp_remove(lock);
	free(lock);
}
