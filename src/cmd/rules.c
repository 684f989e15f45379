/*
 * flowlint rules: the rule catalog, one line per rule.
 */
#include <stdio.h>

#include "cmd/cmd.h"
#include "rules/docs.h"
#include "rules/rule.h"

static const struct fl_option options[] = {
	FL_OPT_HELP,
	FL_OPT_END,
};

static int cmd_rules(int argc, char **argv);

const struct fl_cmd fl_cmd_rules = {
	.name = "rules",
	.summary = "list every rule",
	.synopsis = "[--help]",
	.description =
"List every rule: code, name, default severity, whether 'flowlint fix'\n"
"can fix it, and a summary.  'flowlint explain RULE' prints one page.\n",
	.options = options,
	.max_operands = 0,
	.run = cmd_rules,
};

static int
cmd_rules(int argc, char **argv)
{
	struct fl_operands ops;
	unsigned i;
	int rc = fl_cmd_parse(&fl_cmd_rules, NULL, argc, argv, &ops);

	if (rc >= 0)
		return rc;
	for (i = 0; i < fl_rule_count; i++) {
		const struct fl_rule *r = fl_rules[i];
		struct fl_rule_doc doc;
		struct fl_str summary = FL_STR_LIT("");

		if (fl_rule_doc(&doc, r) == 0 && doc.summary.ptr != NULL)
			summary = doc.summary;
		printf("%-6s %-30s %-8s %-4s %.*s\n", r->code, r->name,
		    fl_severity_name(r->severity),
		    fl_rule_fixable(r) ? "fix" : "-",
		    FL_STR_ARGS(summary));
	}
	return FL_EXIT_OK;
}
