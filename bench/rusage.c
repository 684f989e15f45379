/*
 * bench/run's stopwatch: runs a command and writes its wall time and
 * peak resident set size to a file.
 *
 *	rusage OUT COMMAND [ARG...]
 *
 * Measuring from Python directly would not do: the kernel carries a
 * process's peak RSS across exec, so every child of the Python process
 * would report at least Python's own 20 MB.  This wrapper is small, so
 * what it reports is the command's (for `sh -c`, the largest process of
 * the pipeline).  OUT receives "SECONDS CPU_SECONDS MAXRSS_KIB" (CPU:
 * user and system time of the command and of what it waited for); the
 * exit status is the command's.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
#include <stdio.h>
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
		fputs("usage: rusage OUT COMMAND [ARG...]\n", stderr);
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) != pid)
		return 2;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	out = fopen(argv[1], "w");
	if (out == NULL)
		return 2;
	fprintf(out, "%.6f %.6f %ld\n", (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	    (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6,
	    ru.ru_maxrss);
	fclose(out);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
