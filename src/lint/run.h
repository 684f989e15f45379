/*
 * Running the linter over a list of targets.  Results are handed to the
 * caller strictly in target order, one at a time, and released after
 * the callback returns, so memory stays bounded by the files in flight.
 */
#ifndef FL_LINT_RUN_H
#define FL_LINT_RUN_H

struct fl_lint_options;
struct fl_result;
struct fl_target;
struct fl_targets;

/*
 * Called once per target, in order.  `res` is NULL when the file could
 * not be read; fl_error_msg() then says why.
 */
typedef void fl_run_fn(void *arg, const struct fl_target *t,
    struct fl_result *res);

/* Lints every target.  Returns the number of targets that could not be read. */
unsigned fl_run(const struct fl_targets *targets,
    const struct fl_lint_options *opts, fl_run_fn *fn, void *arg);

#endif
