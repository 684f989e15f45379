/*
 * Parsing a command line with a command's option table, and printing
 * the help generated from it (see options.h).
 */
#include "cmd/options.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "lint/run.h"
#include "util/buf.h"
#include "util/error.h"

const char *const fl_color_choices[] = { "auto", "always", "never", NULL };

int
fl_opt_jobs(const struct fl_option *opt, void *field, const char *value)
{
	unsigned *jobs = field;
	char *end;
	unsigned long n = strtoul(value, &end, 10);

	if (value[0] < '0' || value[0] > '9' || *end != '\0' || n < 1 ||
	    n > FL_RUN_MAX_JOBS)
		return fl_error_set(FL_EINVAL, "--%s takes a number from 1 to "
		    "%d, not '%s'", opt->long_name, FL_RUN_MAX_JOBS, value);
	*jobs = (unsigned)n;
	return 0;
}

/* The column option help starts in, and the width it is wrapped to. */
#define HELP_COLUMN 24
#define HELP_WIDTH 79

static size_t
edit_distance(const char *a, size_t alen, const char *b)
{
	size_t blen = strlen(b), i, j, row[64], diag, up;

	if (blen >= sizeof(row) / sizeof(row[0]))
		return SIZE_MAX;
	for (j = 0; j <= blen; j++)
		row[j] = j;
	for (i = 1; i <= alen; i++) {
		diag = row[0];
		row[0] = i;
		for (j = 1; j <= blen; j++) {
			up = row[j];
			row[j] = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < row[j])
				row[j] = up + 1;
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			diag = up;
		}
	}
	return row[blen];
}

/* Fewer edits than this and a word is taken for a typo of another. */
static size_t
typo_limit(size_t len)
{
	return (len < 6 ? 2 : len / 3) + 1;
}

const char *
fl_cmd_closest(const char *name)
{
	const struct fl_cmd *const *c;
	const char *best = NULL;
	size_t len = strlen(name), best_d = typo_limit(len), d;

	for (c = fl_commands; *c != NULL; c++) {
		d = edit_distance(name, len, (*c)->name);
		if (d < best_d) {
			best = (*c)->name;
			best_d = d;
		}
	}
	return best;
}

/*
 * The long option `name` was meant to be: the only one it abbreviates,
 * or the one a typo or two away.  NULL when there is no single guess.
 */
static const char *
closest(const struct fl_option *opts, const char *name, size_t len)
{
	const struct fl_option *o;
	const char *best = NULL;
	size_t best_d = typo_limit(len), d, prefixed = 0;

	for (o = opts; o->type != FL_OPTION_END; o++)
		if (strncmp(o->long_name, name, len) == 0 && prefixed++ == 0)
			best = o->long_name;
	if (prefixed > 0)
		return prefixed == 1 && len >= 2 ? best : NULL;
	for (o = opts; o->type != FL_OPTION_END; o++) {
		d = edit_distance(name, len, o->long_name);
		if (d < best_d) {
			best = o->long_name;
			best_d = d;
		}
	}
	return best;
}

static const struct fl_option *
find_long(const struct fl_option *opts, const char *name, size_t len)
{
	for (; opts->type != FL_OPTION_END; opts++)
		if (strlen(opts->long_name) == len &&
		    memcmp(opts->long_name, name, len) == 0)
			return opts;
	return NULL;
}

static const struct fl_option *
find_short(const struct fl_option *opts, char c)
{
	for (; opts->type != FL_OPTION_END; opts++)
		if (opts->short_name == c)
			return opts;
	return NULL;
}

static void
append_choices(struct fl_buf *out, const char *const *choices,
    const char *last_sep)
{
	size_t i;

	for (i = 0; choices[i] != NULL; i++) {
		if (i > 0)
			fl_buf_adds(out, choices[i + 1] == NULL ? last_sep :
			    ", ");
		fl_buf_adds(out, choices[i]);
	}
}

/* Stores `value` (NULL for an option that takes none). */
static int
apply(const struct fl_cmd *cmd, const struct fl_option *opt, void *opts,
    const char *value)
{
	char *field = (char *)opts + opt->offset;
	size_t i;

	switch (opt->type) {
	case FL_OPTION_FLAG:
		*(bool *)field = true;
		return -1;
	case FL_OPTION_STRING:
		*(const char **)field = value;
		return -1;
	case FL_OPTION_CHOICE:
		for (i = 0; opt->choices[i] != NULL; i++)
			if (strcmp(opt->choices[i], value) == 0) {
				*(int *)field = (int)i;
				return -1;
			}
		{
			struct fl_buf b = FL_BUF_INIT;

			append_choices(&b, opt->choices, " or ");
			fl_cmd_usage_error(cmd->name, "--%s takes %s, not '%s'",
			    opt->long_name, b.ptr, value);
			fl_buf_release(&b);
		}
		return FL_EXIT_ERROR;
	case FL_OPTION_CALL:
		if (opt->call(opt, field, value) != 0)
			return fl_cmd_usage_error(cmd->name, "%s",
			    fl_error_msg());
		return -1;
	case FL_OPTION_HELP: {
		struct fl_buf b = FL_BUF_INIT;

		fl_cmd_help(&b, cmd);
		fwrite(b.ptr, 1, b.len, stdout);
		fl_buf_release(&b);
		return FL_EXIT_OK;
	}
	case FL_OPTION_END:
		break;
	}
	abort();
}

/* Parses the long option argv[*i] ("--name" or "--name=value"). */
static int
parse_long(const struct fl_cmd *cmd, void *opts, int argc, char **argv,
    int *i)
{
	const char *arg = argv[*i], *name = arg + 2;
	const char *eq = strchr(name, '=');
	size_t len = eq != NULL ? (size_t)(eq - name) : strlen(name);
	const struct fl_option *opt = find_long(cmd->options, name, len);
	const char *guess;

	if (opt == NULL) {
		guess = closest(cmd->options, name, len);
		if (guess != NULL)
			return fl_cmd_usage_error(cmd->name, "unknown option "
			    "'--%.*s' (did you mean '--%s'?)", (int)len, name,
			    guess);
		return fl_cmd_usage_error(cmd->name, "unknown option "
		    "'--%.*s'", (int)len, name);
	}
	if (opt->value_name == NULL) {
		if (eq != NULL)
			return fl_cmd_usage_error(cmd->name, "option '--%s' "
			    "takes no value", opt->long_name);
		return apply(cmd, opt, opts, NULL);
	}
	if (eq != NULL)
		return apply(cmd, opt, opts, eq + 1);
	if (*i + 1 >= argc)
		return fl_cmd_usage_error(cmd->name, "option '--%s' needs a "
		    "value", opt->long_name);
	return apply(cmd, opt, opts, argv[++*i]);
}

/* Parses the short options in argv[*i] ("-qv", "-j4", "-j 4"). */
static int
parse_short(const struct fl_cmd *cmd, void *opts, int argc, char **argv,
    int *i)
{
	const char *p = argv[*i] + 1;
	const struct fl_option *opt;
	int rc;

	for (; *p != '\0'; p++) {
		opt = find_short(cmd->options, *p);
		if (opt == NULL)
			return fl_cmd_usage_error(cmd->name, "unknown option "
			    "'-%c'", *p);
		if (opt->value_name == NULL) {
			rc = apply(cmd, opt, opts, NULL);
			if (rc >= 0)
				return rc;
			continue;
		}
		if (p[1] != '\0')
			return apply(cmd, opt, opts, p + 1);
		if (*i + 1 >= argc)
			return fl_cmd_usage_error(cmd->name, "option '-%c' "
			    "needs a value", *p);
		return apply(cmd, opt, opts, argv[++*i]);
	}
	return -1;
}

int
fl_cmd_parse(const struct fl_cmd *cmd, void *opts, int argc, char **argv,
    struct fl_operands *ops)
{
	bool options_done = false;
	int i, rc, n = 1;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (options_done || a[0] != '-' || a[1] == '\0') {
			argv[n++] = argv[i];	/* n <= i: in place */
			continue;
		}
		if (strcmp(a, "--") == 0) {
			options_done = true;
			continue;
		}
		rc = a[1] == '-' ? parse_long(cmd, opts, argc, argv, &i) :
		    parse_short(cmd, opts, argc, argv, &i);
		if (rc >= 0)
			return rc;
	}
	ops->v = argv + 1;
	ops->n = (size_t)(n - 1);
	if (cmd->max_operands >= 0 && ops->n > (size_t)cmd->max_operands)
		return fl_cmd_usage_error(cmd->name, "unexpected argument '%s'",
		    ops->v[cmd->max_operands]);
	return -1;
}

/* Appends `text` wrapped at HELP_WIDTH, each line but the first indented
 * to `column`; `at` is the column the text starts in. */
static void
wrap(struct fl_buf *out, const char *text, size_t at, size_t column)
{
	const char *p = text;

	while (*p != '\0') {
		size_t word = strcspn(p, " ");

		if (at > column && at + 1 + word > HELP_WIDTH) {
			fl_buf_addf(out, "\n%*s", (int)column, "");
			at = column;
		} else if (at > column) {
			fl_buf_addch(out, ' ');
			at++;
		}
		fl_buf_add(out, p, word);
		at += word;
		p += word;
		while (*p == ' ')
			p++;
	}
	fl_buf_addch(out, '\n');
}

void
fl_option_describe(struct fl_buf *out, const struct fl_option *opt)
{
	fl_buf_adds(out, opt->help);
	if (opt->choices != NULL) {
		fl_buf_addf(out, " (%s: ", opt->value_name);
		append_choices(out, opt->choices, " or ");
		fl_buf_addch(out, ')');
	} else if (opt->values != NULL) {
		fl_buf_addf(out, " (%s: %s)", opt->value_name, opt->values());
	}
}

static void
option_help(struct fl_buf *out, const struct fl_option *opt)
{
	struct fl_buf help = FL_BUF_INIT;
	size_t start = out->len, len;

	if (opt->short_name != 0)
		fl_buf_addf(out, "  -%c, ", opt->short_name);
	else
		fl_buf_adds(out, "      ");
	fl_buf_addf(out, "--%s", opt->long_name);
	if (opt->value_name != NULL)
		fl_buf_addf(out, " %s", opt->value_name);
	len = out->len - start;
	if (len + 2 > HELP_COLUMN) {
		fl_buf_addf(out, "\n%*s", HELP_COLUMN, "");
	} else {
		fl_buf_addf(out, "%*s", (int)(HELP_COLUMN - len), "");
	}
	fl_option_describe(&help, opt);
	wrap(out, help.ptr, HELP_COLUMN, HELP_COLUMN);
	fl_buf_release(&help);
}

void
fl_cmd_help(struct fl_buf *out, const struct fl_cmd *cmd)
{
	const struct fl_option *opt;
	const char *line = cmd->synopsis;
	bool first = true;

	while (*line != '\0') {
		size_t len = strcspn(line, "\n");

		fl_buf_addf(out, "%s flowlint %s %.*s\n", first ? "usage:" :
		    "      ", cmd->name, (int)len, line);
		first = false;
		line += len + (line[len] == '\n');
	}
	fl_buf_addf(out, "\n%s", cmd->description);
	if (cmd->more != NULL)
		cmd->more(out);
	if (cmd->options[0].type != FL_OPTION_END)
		fl_buf_adds(out, "\nOptions:\n");
	for (opt = cmd->options; opt->type != FL_OPTION_END; opt++)
		option_help(out, opt);
	if (cmd->epilogue != NULL)
		fl_buf_addf(out, "\n%s", cmd->epilogue);
}
