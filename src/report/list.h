/*
 * The reports of one run: which formats go where.  `check` may write
 * several reports at once (Code Quality and JUnit for GitLab, SARIF for
 * keeping), each to its own file, while the text report goes to the job
 * log.  Report files are written whole or not at all: a report is
 * collected in memory and replaces its file atomically when the run
 * ends, so a crash or an interrupt never leaves half a report for a CI
 * system to misread.
 */
#ifndef FL_REPORT_LIST_H
#define FL_REPORT_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "report/report.h"

struct fl_report_out {
	struct fl_report rep;
	const char *path;	/* borrowed (argv); NULL: standard output */
	char *mem;		/* owned: the report so far (open_memstream) */
	size_t memlen;
};

struct fl_report_list {
	struct fl_report_out *v;	/* owned */
	size_t n, alloc;
	const char *pending;	/* an --output waiting for its --format */
};

#define FL_REPORT_LIST_INIT { NULL, 0, 0, NULL }

/*
 * Adds a report of format `name` (--format).  An --output given just
 * before it with no format of its own is its file.  Returns 0, or
 * FL_EINVAL with the message set.
 */
int fl_report_list_add_format(struct fl_report_list *l, const char *name);

/*
 * Sets the file of the last report added, if it has none yet; else the
 * file waits for the next --format (--output).  Returns 0, or FL_EINVAL
 * with the message set.
 */
int fl_report_list_add_output(struct fl_report_list *l, const char *path);

/*
 * Settles the list once all options are in: with no --format the report
 * is text (to the --output file if one was given); at most one report
 * may go to standard output; no file may be named twice; and when every
 * report goes to a file, a text report to standard output is added.
 * Returns 0, or FL_EINVAL with the message set.
 */
int fl_report_list_finish(struct fl_report_list *l);

/*
 * Checks that each report file can be written (its folder exists and is
 * writable), opens the reports and writes their beginnings.  `color`
 * and `quiet` apply to the text report on standard output.  Returns 0,
 * or FL_EIO with the message set.
 */
int fl_report_list_open(struct fl_report_list *l, bool color, bool quiet);

/* Whether a report wants the fixed text of each file (SARIF's fixes). */
bool fl_report_list_carries_fixes(const struct fl_report_list *l);

/* Whether a report renders the findings' fingerprints. */
bool fl_report_list_fingerprints(const struct fl_report_list *l);

/* Hands one checked file to every report. */
void fl_report_list_file(struct fl_report_list *l,
    const struct fl_report_file *res);

/*
 * Writes the reports' ends and replaces each report file.  Returns 0,
 * or FL_EIO with the message set (the other files are still written).
 */
int fl_report_list_close(struct fl_report_list *l,
    const struct fl_report_totals *t);

void fl_report_list_release(struct fl_report_list *l);

#endif
