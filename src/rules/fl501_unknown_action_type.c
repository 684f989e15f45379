/*
 * FL501 unknown-action-type: an action whose Type is not in the action
 * catalog (rules/data/actions.json plus the configuration's "actions").
 * Connect refuses the flow ("Invalid Action type").
 */
#include "flow/catalog.h"
#include "flow/flow.h"
#include "rules/rule.h"

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	uint32_t i;

	if (ctx->catalog == NULL)
		return;
	for (i = 0; i < f->nactions; i++) {
		const struct fl_action *a = &f->actions[i];
		const struct fl_cat_action *near;

		if (ctx->entries[i] != NULL)
			continue;
		near = fl_catalog_closest(ctx->catalog, a->type);
		fl_report(ctx, fl_flow_get(f, a->node, "Type"), "action type "
		    "\"%.*s\" is not in the flow language%s%s%s",
		    FL_STR_ARGS(a->type), near ? " (closest: " : "",
		    near ? near->type : "", near ? ")" : "");
	}
}

const struct fl_rule fl_rule_unknown_action_type = {
	.code = "FL501",
	.name = "unknown-action-type",
	.severity = FL_SEV_ERROR,
	.check = check,
};
