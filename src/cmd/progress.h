/*
 * A progress line on standard error for runs longer than a second, only
 * when standard error is a terminal: "checking 1234/10000 files".  It is
 * redrawn in place and cleared at the end, so it never reaches a log.
 */
#ifndef FL_CMD_PROGRESS_H
#define FL_CMD_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

struct fl_progress {
	bool enabled;		/* standard error is a capable terminal */
	bool shown;		/* a line is on the screen now */
	bool stdout_tty;	/* standard output shares the terminal */
	const char *what;	/* borrowed: "checking" */
	size_t done, total;
	struct timespec start;	/* CLOCK_MONOTONIC */
	struct timespec drawn;	/* when the line was last drawn */
};

/* Starts counting; `enabled` false turns the line off (e.g. --quiet). */
void fl_progress_init(struct fl_progress *p, const char *what, size_t total,
    bool enabled);
/* One more unit done; redraws at most ten times a second. */
void fl_progress_step(struct fl_progress *p);
/* Erases the line, so that other output can follow on the terminal. */
void fl_progress_hide(struct fl_progress *p);
/* The same, only when writing to `out` would land on the terminal. */
void fl_progress_hide_for(struct fl_progress *p, FILE *out);

#endif
