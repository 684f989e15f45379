/*
 * Subcommands.  Each lives in src/cmd/<name>.c as one struct fl_cmd
 * (options.h) listed in commands.c, and returns an exit code (enum
 * fl_exit); only main.c and these files print to the terminal or decide
 * the exit code.
 */
#ifndef FL_CMD_CMD_H
#define FL_CMD_CMD_H

#include <stdbool.h>
#include <stdio.h>

#include "cmd/options.h"
#include "rules/rule.h"

struct fl_buf;
struct fl_report_totals;

enum fl_exit {
	FL_EXIT_OK = 0,		/* nothing at or above the failing severity */
	FL_EXIT_FINDINGS = 1,	/* findings; format --check: would change */
	FL_EXIT_ERROR = 2,	/* usage, configuration or I/O error */
};

extern const struct fl_cmd fl_cmd_check;
extern const struct fl_cmd fl_cmd_completions;
extern const struct fl_cmd fl_cmd_diff;
extern const struct fl_cmd fl_cmd_explain;
extern const struct fl_cmd fl_cmd_explain_error;
extern const struct fl_cmd fl_cmd_fix;
extern const struct fl_cmd fl_cmd_format;
extern const struct fl_cmd fl_cmd_graph;
extern const struct fl_cmd fl_cmd_install_hook;
extern const struct fl_cmd fl_cmd_man;
extern const struct fl_cmd fl_cmd_rules;
extern const struct fl_cmd fl_cmd_schema;
extern const struct fl_cmd fl_cmd_server;
extern const struct fl_cmd fl_cmd_textconv;

struct fl_repo;
/* install-hook --diff-driver (cmd/diff_driver.c); returns an exit code. */
int fl_cmd_install_diff_driver(struct fl_repo *r);

/* Prints "flowlint: error: <msg>" (or fl_error_msg() when msg is NULL). */
void fl_cmd_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints the usage error and a hint to --help; returns FL_EXIT_ERROR. */
int fl_cmd_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* --select and --ignore, as given. */
struct fl_rule_choice {
	bool selected;			/* --select was given */
	bool select[FL_MAX_RULES];
	bool ignore[FL_MAX_RULES];
};

/* Sets enabled[i] for every rule --select and --ignore leave on. */
void fl_rule_choice_apply(const struct fl_rule_choice *c, bool *enabled);

/* --baseline FILE or --write-baseline FILE, given at most once. */
struct fl_baseline_arg {
	const char *path;		/* NULL: none */
	bool record;			/* --write-baseline */
};

int fl_opt_select(const struct fl_option *opt, void *field,
    const char *value);
int fl_opt_ignore(const struct fl_option *opt, void *field,
    const char *value);
int fl_opt_baseline(const struct fl_option *opt, void *field,
    const char *value);
extern const char *const fl_severity_choices[];	/* enum fl_severity order */

/* The options shared by the commands that report findings. */
#define FL_OPT_RULES_SELECT(T, f, what) \
	FL_OPT_CALL(0, "select", "RULES", T, f, fl_opt_select, what " " \
	    "(codes or names, comma-separated; repeatable)")
#define FL_OPT_RULES_IGNORE(T, f, what) \
	FL_OPT_CALL(0, "ignore", "RULES", T, f, fl_opt_ignore, what " " \
	    "(comma-separated; repeatable)")
#define FL_OPT_FAIL_ON(T, f, what) \
	FL_OPT_CHOICE(0, "fail-on", "LEVEL", T, f, fl_severity_choices, what)
#define FL_OPT_BASELINE(T, f) \
	FL_OPT_CALL(0, "baseline", "FILE", T, f, fl_opt_baseline, "report " \
	    "only findings not recorded in FILE")
#define FL_OPT_WRITE_BASELINE(T, f) \
	FL_OPT_CALL(0, "write-baseline", "FILE", T, f, fl_opt_baseline, \
	    "record every finding in FILE (replacing it) and report none")

/* How many operands are "-" (standard input). */
size_t fl_cmd_dashes(const struct fl_operands *ops);

/*
 * Whether the command reads standard input instead of files: an operand
 * "-", or --stdin-filename (`name`; NULL when not given).  Returns -1 to
 * go on, with *use_stdin set, or FL_EXIT_ERROR after the usage error
 * for '-' beside other PATHs.
 */
int fl_cmd_stdin_operand(const char *cmd, const struct fl_operands *ops,
    const char *name, bool *use_stdin);

/* Whether to colour what goes to `out`. */
bool fl_cmd_use_color(int color, FILE *out);

/* Prints each line of b to `out`, after `prefix`. */
void fl_cmd_print_lines(FILE *out, const struct fl_buf *b, const char *prefix);
/* Whether the totals hold findings at or above `fail_on`. */
bool fl_cmd_fails(const struct fl_report_totals *t, enum fl_severity fail_on);

#endif
