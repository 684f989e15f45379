/*
 * flowlint explain RULE: print one rule's page.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "rules/docs.h"
#include "rules/rule.h"

static const char usage_text[] =
"usage: flowlint explain RULE\n"
"\n"
"Print the documentation of RULE, given by code (FL101) or name\n"
"(hardcoded-arn): what it checks, why it matters, failing and passing\n"
"examples, and how to fix it.\n";

int
cmd_explain(int argc, char **argv)
{
	const struct fl_rule *r;
	struct fl_rule_doc doc;

	if (argc > 1 && (strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0)) {
		fputs(usage_text, stdout);
		return FL_EXIT_OK;
	}
	if (argc != 2)
		return fl_cmd_usage_error("explain", "expected exactly one "
		    "rule code or name");
	r = fl_rule_find(argv[1]);
	if (r == NULL)
		return fl_cmd_usage_error("explain", "unknown rule '%s' (see "
		    "'flowlint rules')", argv[1]);
	if (fl_rule_doc(&doc, r) != 0) {
		fl_cmd_error("no documentation is built in for %s", r->code);
		return FL_EXIT_ERROR;
	}
	fwrite(doc.body.ptr, 1, doc.body.len, stdout);
	return FL_EXIT_OK;
}
