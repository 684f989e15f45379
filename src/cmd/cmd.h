/*
 * Subcommands.  Each lives in src/cmd/<name>.c, parses its own options
 * and returns an exit code (enum fl_exit); only main.c and these files
 * print to the terminal or decide the exit code.
 */
#ifndef FL_CMD_CMD_H
#define FL_CMD_CMD_H

#include <stdbool.h>

#include "rules/rule.h"

struct fl_report_totals;

enum fl_exit {
	FL_EXIT_OK = 0,		/* nothing at or above the failing severity */
	FL_EXIT_FINDINGS = 1,	/* findings; format --check: would change */
	FL_EXIT_ERROR = 2,	/* usage, configuration or I/O error */
};

struct fl_cmd {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;	/* one line for `flowlint --help` */
};

int cmd_check(int argc, char **argv);
int cmd_fix(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_format(int argc, char **argv);
int cmd_install_hook(int argc, char **argv);
int cmd_textconv(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_graph(int argc, char **argv);

struct fl_repo;
/* install-hook --diff-driver (cmd/diff_driver.c); returns an exit code. */
int fl_cmd_install_diff_driver(struct fl_repo *r);

/* Prints "flowlint: error: <msg>" (or fl_error_msg() when msg is NULL). */
void fl_cmd_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints the usage error and a hint to --help; returns FL_EXIT_ERROR. */
int fl_cmd_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Sets set[fl_rule_index(r)] for every rule r named in the comma-separated
 * `list` (codes or names; strtok'd in place).  Returns 0, or prints the
 * usage error for command `cmd` and returns FL_EXIT_ERROR.
 */
int fl_cmd_rule_list(const char *cmd, bool *set, char *list);
/* Parses --fail-on's value; 0, or FL_EXIT_ERROR after the usage error. */
int fl_cmd_fail_on(const char *cmd, const char *arg, enum fl_severity *out);
/* Whether the totals hold findings at or above `fail_on`. */
bool fl_cmd_fails(const struct fl_report_totals *t, enum fl_severity fail_on);

#endif
