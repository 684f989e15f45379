/*
 * FL305 orphan-metadata: Metadata.ActionMetadata keyed by an Identifier
 * that no action has, left behind when a block was deleted by hand.
 */
#include "flow/flow.h"
#include "lint/lint.h"
#include "rules/rule.h"

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	uint32_t it;

	if (f->action_meta_node == FL_JSON_NONE)
		return;
	fl_json_foreach(f->doc, f->action_meta_node, it) {
		struct fl_str id = f->doc->nodes[it].key;

		if (fl_flow_find_action(f, id) == FL_NO_ACTION)
			fl_report_key(ctx, it, "metadata for \"%.*s\", which is "
			    "not an action of this flow", FL_STR_ARGS(id));
	}
}

const struct fl_rule fl_rule_orphan_metadata = {
	.code = "FL305",
	.name = "orphan-metadata",
	.severity = FL_SEV_WARNING,
	.flags = FL_RULE_FIXABLE,
	.check = check,
};
