/*
 * flowlint rules: the rule catalog, one line per rule.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "rules/docs.h"
#include "rules/rule.h"

static const char usage_text[] =
"usage: flowlint rules [--help]\n"
"\n"
"List every rule: code, name, default severity, whether 'flowlint fix'\n"
"can fix it, and a summary.  'flowlint explain RULE' prints one page.\n";

int
cmd_rules(int argc, char **argv)
{
	unsigned i;

	if (argc > 1) {
		if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
			fputs(usage_text, stdout);
			return FL_EXIT_OK;
		}
		return fl_cmd_usage_error("rules", "unexpected argument '%s'",
		    argv[1]);
	}
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
