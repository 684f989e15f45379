/*
 * flowlint explain RULE: print one rule's page.
 */
#include <stdio.h>

#include "cmd/cmd.h"
#include "rules/docs.h"
#include "rules/rule.h"
#include "util/buf.h"

static const struct fl_option options[] = {
	FL_OPT_HELP,
	FL_OPT_END,
};

static int cmd_explain(int argc, char **argv);

/* Every rule's code and name, for the shell completions. */
static void
rule_words(struct fl_buf *out)
{
	unsigned i;

	for (i = 0; i < fl_rule_count; i++)
		fl_buf_addf(out, "%s%s %s", i > 0 ? " " : "",
		    fl_rules[i]->code, fl_rules[i]->name);
}

const struct fl_cmd fl_cmd_explain = {
	.name = "explain",
	.summary = "print the documentation of one rule",
	.synopsis = "RULE",
	.description =
"Print the documentation of RULE, given by code (FL101) or name\n"
"(hardcoded-arn): what it checks, why it matters, failing and passing\n"
"examples, and how to fix it.\n",
	.options = options,
	.max_operands = 1,
	.operand_words = rule_words,
	.run = cmd_explain,
};

static int
cmd_explain(int argc, char **argv)
{
	const struct fl_rule *r;
	struct fl_rule_doc doc;
	struct fl_operands ops;
	int rc = fl_cmd_parse(&fl_cmd_explain, NULL, argc, argv, &ops);

	if (rc >= 0)
		return rc;
	if (ops.n != 1)
		return fl_cmd_usage_error("explain", "expected exactly one "
		    "rule code or name");
	r = fl_rule_find(ops.v[0]);
	if (r == NULL)
		return fl_cmd_usage_error("explain", "unknown rule '%s' (see "
		    "'flowlint rules')", ops.v[0]);
	if (fl_rule_doc(&doc, r) != 0) {
		fl_cmd_error("no documentation is built in for %s", r->code);
		return FL_EXIT_ERROR;
	}
	fwrite(doc.body.ptr, 1, doc.body.len, stdout);
	return FL_EXIT_OK;
}
