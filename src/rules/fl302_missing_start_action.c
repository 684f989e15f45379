/*
 * FL302 missing-start-action: StartAction absent, empty or naming no
 * action; Connect has nowhere to begin.  A document with no actions at
 * all is a stub (the deploy replacer's test flows, placeholder "slugs"):
 * there is nothing to name, so it is not reported.
 */
#include "flow/flow.h"
#include "rules/rule.h"

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	struct fl_str start;

	if (f->start != FL_NO_ACTION ||
	    f->doc->nodes[f->actions_node].count == 0)
		return;
	if (f->start_node == FL_JSON_NONE) {
		fl_report(ctx, f->root, "the flow has no StartAction");
		return;
	}
	start = fl_json_string(f->doc, f->start_node);
	if (start.ptr == NULL)
		fl_report(ctx, f->start_node, "StartAction must be a string "
		    "naming an action");
	else if (start.len == 0)
		fl_report(ctx, f->start_node, "StartAction is empty");
	else
		fl_report(ctx, f->start_node, "StartAction \"%.*s\" names no "
		    "action of this flow", FL_STR_ARGS(start));
}

const struct fl_rule fl_rule_missing_start_action = {
	.code = "FL302",
	.name = "missing-start-action",
	.severity = FL_SEV_ERROR,
	.check = check,
};
