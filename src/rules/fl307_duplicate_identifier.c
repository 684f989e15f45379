/*
 * FL307 duplicate-identifier: two actions share an Identifier, so the
 * transitions to it are ambiguous and Connect rejects the flow.
 */
#include "flow/flow.h"
#include "rules/rule.h"

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	uint32_t i;

	for (i = 0; i < f->nactions; i++) {
		const struct fl_action *act = &f->actions[i];
		int32_t first;

		if (!act->duplicate)
			continue;
		first = fl_flow_find_action(f, act->id);
		fl_report(ctx, act->id_node, "Identifier \"%.*s\" is already "
		    "used by action %u (/Actions/%u)", FL_STR_ARGS(act->id),
		    f->actions[first].index, f->actions[first].index);
	}
}

const struct fl_rule fl_rule_duplicate_identifier = {
	.code = "FL307",
	.name = "duplicate-identifier",
	.severity = FL_SEV_ERROR,
	.check = check,
};
