/*
 * FL306 unreachable-action: no path from StartAction reaches the action.
 * Not reported when StartAction itself is broken (FL302 says that).
 */
#include "flow/flow.h"
#include "rules/rule.h"

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	uint8_t *seen = fl_flow_reach(f, ctx->arena, FL_NO_ACTION);
	uint32_t i;

	if (seen == NULL)
		return;
	for (i = 0; i < f->nactions; i++) {
		const struct fl_action *act = &f->actions[i];

		if (seen[i] || act->duplicate)
			continue;
		fl_report(ctx, act->id_node, "%.*s action \"%.*s\" is not "
		    "reachable from StartAction", FL_STR_ARGS(act->type),
		    FL_STR_ARGS(act->id));
	}
}

const struct fl_rule fl_rule_unreachable_action = {
	.code = "FL306",
	.name = "unreachable-action",
	.severity = FL_SEV_WARNING,
	.check = check,
};
