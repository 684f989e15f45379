/*
 * FL310 name-collision: a reference whose name two kinds of resource
 * share, where the deploy replacer picks the other one.  Its name map is
 * one map filled kind by kind (queues, prompts, Lambdas, flows, modules,
 * assistants, bots), so with a queue and a flow both named "sales",
 * ${Q:sales:Q} and a QueueId of $.FlowAttributes.sales deploy with the
 * flow's ID (connect-flow-format.md §7.5-7.6).
 */
#include "flow/flow.h"
#include "inventory/inventory.h"
#include "rules/resolve.h"
#include "rules/rule.h"

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	struct fl_param_kinds pk;
	bool map_rebuilt;
	uint32_t i;

	if (ctx->inventory == NULL)
		return;
	fl_resolve_param_kinds(&pk, ctx, f);
	map_rebuilt = fl_resolve_map_rebuilt(f);
	for (i = 0; i < f->nrefs; i++) {
		const struct fl_ref *r = &f->refs[i];
		struct fl_resolution res;
		const char *what, *other;

		if (r->in_metadata)
			continue;
		if (r->kind == FL_REF_PLACEHOLDER && r->u.ph.closed &&
		    r->u.ph.replacer_ok && !(r->in_object_map && map_rebuilt))
			fl_resolve(&res, ctx,
			    fl_res_kind_from_letter(r->u.ph.kind),
			    fl_resolve_placeholder_key(ctx, r));
		else if (r->kind == FL_REF_FLOW_ATTR && !r->in_object_map &&
		    !fl_strset_has(&f->vars, r->u.attr.name))
			fl_resolve(&res, ctx, fl_resolve_attr_kind(&pk, f, r),
			    r->u.attr.name);
		else
			continue;
		if (res.kind < 0 || !res.mapped || res.own == NULL ||
		    res.picked == NULL || (int)res.picked->kind == res.kind)
			continue;
		what = fl_res_kind_label((enum fl_res_kind)res.kind);
		other = fl_res_kind_label(res.picked->kind);
		fl_report(ctx, r->node, "\"%.*s\" names both a %s and a %s; the "
		    "deploy replacer resolves every name in one map where the "
		    "%s wins, so this %s reference gets the %s's ID; rename one "
		    "of them", FL_STR_ARGS(res.key), what, other, other, what,
		    other);
	}
}

const struct fl_rule fl_rule_name_collision = {
	.code = "FL310",
	.name = "name-collision",
	.severity = FL_SEV_WARNING,
	.check = check,
};
