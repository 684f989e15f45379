/*
 * Messages shared by the subcommands.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "report/report.h"
#include "util/error.h"

void
fl_cmd_error(const char *fmt, ...)
{
	va_list ap;

	fputs("flowlint: error: ", stderr);
	if (fmt == NULL) {
		fputs(fl_error_msg(), stderr);
	} else {
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
	}
	fputc('\n', stderr);
}

int
fl_cmd_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "flowlint %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nRun 'flowlint %s --help' for usage.\n", cmd);
	return FL_EXIT_ERROR;
}

int
fl_cmd_rule_list(const char *cmd, bool *set, char *list)
{
	char *save = NULL, *tok;

	for (tok = strtok_r(list, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		const struct fl_rule *r;

		while (*tok == ' ')
			tok++;
		if (*tok == '\0')
			continue;
		r = fl_rule_find(tok);
		if (r == NULL)
			return fl_cmd_usage_error(cmd, "unknown rule '%s' "
			    "(see 'flowlint rules')", tok);
		set[fl_rule_index(r)] = true;
	}
	return 0;
}

int
fl_cmd_fail_on(const char *cmd, const char *arg, enum fl_severity *out)
{
	if (strcmp(arg, "error") == 0)
		*out = FL_SEV_ERROR;
	else if (strcmp(arg, "warning") == 0)
		*out = FL_SEV_WARNING;
	else if (strcmp(arg, "info") == 0)
		*out = FL_SEV_INFO;
	else
		return fl_cmd_usage_error(cmd, "--fail-on takes error, warning "
		    "or info, not '%s'", arg);
	return 0;
}

bool
fl_cmd_fails(const struct fl_report_totals *t, enum fl_severity fail_on)
{
	return t->errors > 0 ||
	    (fail_on >= FL_SEV_WARNING && t->warnings > 0) ||
	    (fail_on >= FL_SEV_INFO && t->infos > 0);
}
