/*
 * measure.c: run a command and append its wall-clock time and peak
 * resident set size to a file.
 *
 *   measure FILE COMMAND [ARGS...]
 *
 * appends "SECONDS KILOBYTES" to FILE, and exits with the command's
 * status (1 if it died of a signal or could not run).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	FILE *out;
	pid_t pid;
	int status;

	if (argc < 3) {
		fprintf(stderr, "usage: measure FILE COMMAND [ARGS...]\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("measure: fork");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "measure: cannot run '%s'\n", argv[2]);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("measure: wait4");
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "measure: '%s' failed\n", argv[2]);
		return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
	}
	out = fopen(argv[1], "a");
	if (!out || fprintf(out, "%.4f %ld\n",
	                    (double)(t1.tv_sec - t0.tv_sec) +
	                        (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	                    ru.ru_maxrss) < 0 || fclose(out) != 0) {
		perror(argv[1]);
		return 1;
	}
	return 0;
}
