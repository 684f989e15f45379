/*
 * Running the linter over a list of targets.  Results are handed to the
 * caller strictly in target order, one at a time, and released after
 * the callback returns, so memory stays bounded by the files in flight.
 */
#ifndef FL_LINT_RUN_H
#define FL_LINT_RUN_H

#include <stdbool.h>

struct fl_fix_options;
struct fl_lint_options;
struct fl_result;
struct fl_target;
struct fl_targets;

/* Upper bound on worker threads. */
#define FL_RUN_MAX_JOBS 256

/*
 * Called once per target, in order, on the calling thread, never
 * concurrently.  `res` is NULL when the file could not be read;
 * fl_error_msg() then says why.
 */
typedef void fl_run_fn(void *arg, const struct fl_target *t,
    struct fl_result *res);

/*
 * What the run does to each file, on the worker threads, before the
 * callback sees it: lint it, lint it and fix it, or format it.
 */
struct fl_stages {
	const struct fl_lint_options *lint;	/* the findings handed over;
						   NULL: no lint stage */
	const struct fl_fix_options *fix;	/* NULL: no fix stage.  Else the
						   file is linted with every
						   rule, fixed as this says
						   (res->fix, or
						   res->fix_refusal), and its
						   findings then narrowed to
						   lint's rules */
	const struct fl_fix_options *fix_by_target;	/* NULL, or one per
					   target (in order): how that file
					   is fixed, instead of `fix` */
	bool format;			/* the file is formatted
					   (res->format) */
	bool fingerprint;		/* after lint: its findings are
					   fingerprinted (fl_result_fingerprint) */
};

/*
 * Runs the stages over every target on `jobs` threads (0: one per online
 * CPU; 1: on the calling thread alone).  The output is the same for
 * every `jobs`: the callback sees targets in order.  Returns the number
 * of targets that could not be read.
 */
unsigned fl_run_stages(const struct fl_targets *targets,
    const struct fl_stages *stages, unsigned jobs, fl_run_fn *fn, void *arg);

/* fl_run_stages with the lint stage alone. */
unsigned fl_run(const struct fl_targets *targets,
    const struct fl_lint_options *opts, unsigned jobs, fl_run_fn *fn,
    void *arg);

/* The number of online CPUs, at least 1 and at most FL_RUN_MAX_JOBS. */
unsigned fl_run_default_jobs(void);

#endif
