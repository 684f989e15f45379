/*
 * flowlint man: the flowlint(1) manual page, in roff, written from the
 * command table, each command's option table and the rule catalog --
 * what --help and `flowlint rules` print -- so that it cannot drift
 * from them.  The build installs its output as flowlint.1.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "rules/docs.h"
#include "rules/rule.h"
#include "util/buf.h"

static const struct fl_option options[] = {
	FL_OPT_HELP,
	FL_OPT_END,
};

static int cmd_man(int argc, char **argv);

const struct fl_cmd fl_cmd_man = {
	.name = "man",
	.summary = "print this manual page in roff (man -l reads it)",
	.synopsis = "[--help]",
	.description =
"Print the flowlint(1) manual page, written from the same tables as\n"
"--help and 'flowlint rules'.  'flowlint man | man -l -' shows it\n"
"without installing it.\n",
	.options = options,
	.max_operands = 0,
	.run = cmd_man,
};

/* Appends `len` bytes of text for roff: backslashes and dashes escaped
 * (a dash stays ASCII, as typed in commands), no line taken for a
 * request. */
static void
roff(struct fl_buf *out, const char *text, size_t len)
{
	bool line_start = out->len == 0 || out->ptr[out->len - 1] == '\n';
	size_t i;

	for (i = 0; i < len; i++) {
		char c = text[i];

		if (line_start && (c == '.' || c == '\''))
			fl_buf_adds(out, "\\&");
		if (c == '\\')
			fl_buf_adds(out, "\\e");
		else if (c == '-')
			fl_buf_adds(out, "\\-");
		else
			fl_buf_addch(out, c);
		line_start = c == '\n';
	}
}

static void
roffs(struct fl_buf *out, const char *text)
{
	roff(out, text, strlen(text));
}

/* Paragraphs (separated by blank lines); indented lines are kept as
 * they are, as examples. */
static void
paragraphs(struct fl_buf *out, const char *text)
{
	bool verbatim = false;

	fl_buf_adds(out, ".PP\n");
	while (*text != '\0') {
		size_t len = strcspn(text, "\n");
		bool indented = text[0] == ' ';

		if (len == 0) {
			fl_buf_adds(out, verbatim ? ".fi\n.PP\n" : ".PP\n");
			verbatim = false;
		} else {
			if (indented != verbatim)
				fl_buf_adds(out, indented ? ".nf\n" : ".fi\n");
			verbatim = indented;
			roff(out, text, len);
			fl_buf_addch(out, '\n');
		}
		text += len + (text[len] == '\n');
	}
	if (verbatim)
		fl_buf_adds(out, ".fi\n");
}

static void
command(struct fl_buf *out, const struct fl_cmd *cmd)
{
	const struct fl_option *o;
	struct fl_buf help = FL_BUF_INIT;

	fl_buf_addf(out, ".SS \"flowlint %s\"\n", cmd->name);
	paragraphs(out, cmd->description);
	for (o = cmd->options; o->type != FL_OPTION_END; o++) {
		fl_buf_adds(out, ".TP\n");
		if (o->short_name != 0)
			fl_buf_addf(out, "\\fB\\-%c\\fR, ", o->short_name);
		fl_buf_adds(out, "\\fB\\-\\-");
		roffs(out, o->long_name);
		fl_buf_adds(out, "\\fR");
		if (o->value_name != NULL)
			fl_buf_addf(out, " \\fI%s\\fR", o->value_name);
		fl_buf_addch(out, '\n');
		fl_buf_reset(&help);
		fl_option_describe(&help, o);
		roff(out, help.ptr, help.len);
		fl_buf_addch(out, '\n');
	}
	if (cmd->epilogue != NULL)
		paragraphs(out, cmd->epilogue);
	fl_buf_release(&help);
}

static void
rules(struct fl_buf *out)
{
	unsigned i;

	fl_buf_adds(out, ".SH RULES\n"
	    "\\fBflowlint explain\\fR \\fIRULE\\fR prints a rule's page; "
	    "\\fB\\-\\-select\\fR and \\fB\\-\\-ignore\\fR take codes or "
	    "names.\n");
	for (i = 0; i < fl_rule_count; i++) {
		const struct fl_rule *r = fl_rules[i];
		struct fl_rule_doc doc;

		fl_buf_addf(out, ".TP\n\\fB%s\\fR ", r->code);
		roffs(out, r->name);
		fl_buf_addf(out, " (%s%s)\n", fl_severity_name(r->severity),
		    fl_rule_fixable(r) ? ", fixable" : "");
		if (fl_rule_doc(&doc, r) == 0 && doc.summary.ptr != NULL)
			roff(out, doc.summary.ptr, doc.summary.len);
		fl_buf_addch(out, '\n');
	}
}

static int
cmd_man(int argc, char **argv)
{
	const struct fl_cmd *const *c;
	struct fl_operands ops;
	struct fl_buf out = FL_BUF_INIT;
	int rc = fl_cmd_parse(&fl_cmd_man, NULL, argc, argv, &ops);

	if (rc >= 0)
		return rc;
	fl_buf_addf(&out, ".TH FLOWLINT 1 \"\" \"flowlint %s\" "
	    "\"User Commands\"\n", FLOWLINT_VERSION);
	fl_buf_adds(&out, ".SH NAME\n"
	    "flowlint \\- lint, fix and format Amazon Connect contact-flow "
	    "exports\n.SH SYNOPSIS\n.nf\n");
	for (c = fl_commands; *c != NULL; c++) {
		const char *line = (*c)->synopsis;

		while (*line != '\0') {
			size_t len = strcspn(line, "\n");

			fl_buf_addf(&out, "\\fBflowlint %s\\fR ", (*c)->name);
			roff(&out, line, len);
			fl_buf_addch(&out, '\n');
			line += len + (line[len] == '\n');
		}
	}
	fl_buf_adds(&out, "\\fBflowlint \\-\\-version\\fR\n.fi\n"
	    ".SH DESCRIPTION\n"
	    "flowlint finds what breaks an Amazon Connect contact flow when "
	    "it is promoted to another account or region \\(em hardcoded "
	    "ARNs, a missing or bypassed object map, dangling references, "
	    "placeholders the deploy step cannot resolve \\(em with the "
	    "exact line and column, and fixes and formats flow files.\n"
	    ".SH COMMANDS\n");
	for (c = fl_commands; *c != NULL; c++)
		command(&out, *c);
	rules(&out);
	fl_buf_adds(&out, ".SH EXIT STATUS\n"
	    "0: no findings at or above \\fB\\-\\-fail\\-on\\fR; 1: findings "
	    "(\\fBformat \\-\\-check\\fR: a file would change); 2: usage, "
	    "configuration or I/O error.\n"
	    ".SH FILES\n"
	    ".TP\n.I .flowlint.json\n"
	    "the configuration, looked for from the first PATH up to the "
	    "repository root\n"
	    ".TP\n.I /usr/share/flowlint/\n"
	    "the rule pages, the git hook and the editor recipes (Debian "
	    "package)\n"
	    ".SH SEE ALSO\n"
	    "\\fBgit\\fR(1), \\fBgithooks\\fR(5)\n");
	fwrite(out.ptr, 1, out.len, stdout);
	fl_buf_release(&out);
	return fflush(stdout) == 0 ? FL_EXIT_OK : FL_EXIT_ERROR;
}
