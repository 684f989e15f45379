/*
 * FL008 content-not-a-string: a wrapped export whose Content is a JSON
 * object instead of the string the exporter writes.  flowlint reads the
 * object as the flow (every other rule still runs on it), but
 * CreateContactFlow, UpdateContactFlowContent and Terraform's
 * aws_connect_contact_flow take Content as a string, and the reference
 * deploy replacer JSON.parse()s it and stops on an object.
 */
#include "flow/flow.h"
#include "rules/rule.h"

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	if (f->shape != FL_SHAPE_WRAPPED || f->content_is_string ||
	    !fl_json_is(&f->outer, f->root, FL_JSON_OBJECT))
		return;
	fl_report_outer(ctx, f->root, "Content is an object, but the "
	    "Connect API, Terraform and the reference deploy step take the "
	    "flow as a string (the replacer stops with \"The contact flow "
	    "passed in is in the incorrect format\"); write it as the "
	    "compact JSON string the exporter writes");
}

const struct fl_rule fl_rule_content_not_a_string = {
	.code = "FL008",
	.name = "content-not-a-string",
	.severity = FL_SEV_ERROR,
	.check = check,
};
