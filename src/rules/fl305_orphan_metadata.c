/*
 * FL305 orphan-metadata: Metadata.ActionMetadata keyed by an Identifier
 * that no action has, left behind when a block was deleted by hand.
 */
#include "fix/pass.h"
#include "flow/flow.h"
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

static void
fix(const struct fl_rule_ctx *ctx, struct fl_fix_pass *p,
    const struct fl_diag *d)
{
	if (d->node == FL_JSON_NONE ||
	    fl_fix_map_keeps_meta(p, p->d->nodes[d->node].key))
		return;
	fl_fix_claim(p, d);
	fl_fix_remove_member(p, d->node);
}

const struct fl_rule fl_rule_orphan_metadata = {
	.code = "FL305",
	.name = "orphan-metadata",
	.severity = FL_SEV_WARNING,
	.check = check,
	.fix = fix,
	.fix_title = "Remove the orphan console metadata",
};
