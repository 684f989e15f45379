/*
 * Messages shared by the subcommands.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "report/report.h"
#include "util/buf.h"
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

const char *const fl_severity_choices[] = { "error", "warning", "info", NULL };

/* Sets set[fl_rule_index(r)] for every rule r named in the comma-separated
 * `list` (codes or names). */
static int
rule_list(bool *set, const char *list)
{
	char name[64];

	while (*list != '\0') {
		size_t len = strcspn(list, ",");
		const char *tok = list;
		const struct fl_rule *r;

		list += len + (list[len] == ',');
		while (len > 0 && *tok == ' ') {
			tok++;
			len--;
		}
		if (len == 0)
			continue;
		r = NULL;
		if (len < sizeof(name)) {
			memcpy(name, tok, len);
			name[len] = '\0';
			r = fl_rule_find(name);
		}
		if (r == NULL)
			return fl_error_set(FL_EINVAL, "unknown rule '%.*s' "
			    "(see 'flowlint rules')", (int)len, tok);
		set[fl_rule_index(r)] = true;
	}
	return 0;
}

int
fl_opt_select(const struct fl_option *opt, void *field, const char *value)
{
	struct fl_rule_choice *c = field;

	c->selected = true;
	return rule_list(c->select, value);
}

int
fl_opt_ignore(const struct fl_option *opt, void *field, const char *value)
{
	struct fl_rule_choice *c = field;

	return rule_list(c->ignore, value);
}

void
fl_rule_choice_apply(const struct fl_rule_choice *c, bool *enabled)
{
	unsigned i;

	for (i = 0; i < fl_rule_count; i++)
		enabled[i] = (!c->selected || c->select[i]) && !c->ignore[i];
}

int
fl_opt_baseline(const struct fl_option *opt, void *field, const char *value)
{
	struct fl_baseline_arg *b = field;

	if (b->path != NULL)
		return fl_error_set(FL_EINVAL, "give one of --baseline and "
		    "--write-baseline, once");
	b->path = value;
	b->record = strcmp(opt->long_name, "write-baseline") == 0;
	return 0;
}

size_t
fl_cmd_dashes(const struct fl_operands *ops)
{
	size_t i, n = 0;

	for (i = 0; i < ops->n; i++)
		n += strcmp(ops->v[i], "-") == 0;
	return n;
}

int
fl_cmd_stdin_operand(const char *cmd, const struct fl_operands *ops,
    const char *name, bool *use_stdin)
{
	size_t dash = fl_cmd_dashes(ops);

	*use_stdin = dash > 0 || name != NULL;
	if (*use_stdin && ops->n > dash)
		return fl_cmd_usage_error(cmd, "'-' and --stdin-filename read "
		    "standard input and take no other PATH");
	return -1;
}

bool
fl_cmd_use_color(int color, FILE *out)
{
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	if (color != FL_COLOR_AUTO)
		return color == FL_COLOR_ALWAYS;
	if (no_color != NULL && no_color[0] != '\0')
		return false;
	if (term != NULL && strcmp(term, "dumb") == 0)
		return false;
	return isatty(fileno(out));
}

/* Prints each line of b, prefixed. */
void
fl_cmd_print_lines(FILE *out, const struct fl_buf *b, const char *prefix)
{
	const char *p = b->ptr, *nl;
	size_t len;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		fprintf(out, "%s%.*s\n", prefix, (int)len, p);
		p += len + (nl != NULL);
	}
}

bool
fl_cmd_fails(const struct fl_report_totals *t, enum fl_severity fail_on)
{
	return t->errors > 0 ||
	    (fail_on >= FL_SEV_WARNING && t->warnings > 0) ||
	    (fail_on >= FL_SEV_INFO && t->infos > 0);
}
