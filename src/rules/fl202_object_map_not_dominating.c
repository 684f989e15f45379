/*
 * FL202 object-map-not-dominating: an action reads a FLOW_OBJECT_MAPS#
 * key on some path from StartAction that bypasses the map.  The map
 * dominates an action exactly when the action is unreachable once the
 * map is taken out of the graph, so one search answers for all actions.
 */
#include "flow/flow.h"
#include "rules/rule.h"

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	uint8_t *bypass;
	uint32_t i;

	if (f->object_map == FL_NO_ACTION || f->map_attrs == FL_JSON_NONE)
		return;
	bypass = fl_flow_reach(f, ctx->arena, f->object_map);
	if (bypass == NULL)
		return;
	for (i = 0; i < f->nrefs; i++) {
		const struct fl_ref *r = &f->refs[i];

		if (r->kind != FL_REF_FLOW_ATTR || r->in_metadata ||
		    r->action == FL_NO_ACTION || r->action == f->object_map ||
		    !bypass[r->action] ||
		    !fl_strset_has(&f->map_keys, r->u.attr.name))
			continue;
		fl_report(ctx, r->node, "action \"%.*s\" reads "
		    "$.FlowAttributes.%.*s, but a path from StartAction reaches "
		    "it without passing FLOW_OBJECT_MAPS#, where it is unset",
		    FL_STR_ARGS(f->actions[r->action].id),
		    FL_STR_ARGS(r->u.attr.name));
	}
}

const struct fl_rule fl_rule_object_map_not_dominating = {
	.code = "FL202",
	.name = "object-map-not-dominating",
	.severity = FL_SEV_ERROR,
	.check = check,
};
