/*
 * FL310 name-collision: two resources that the deploy step tells apart
 * by name only, with one name.
 *
 * A reference whose name two kinds of resource share, where the deploy
 * replacer picks the other one: its name map is one map filled kind by
 * kind (queues, prompts, Lambdas, flows, modules, assistants, bots), so
 * with a queue and a flow both named "sales", ${Q:sales:Q} and a QueueId
 * of $.FlowAttributes.sales deploy with the flow's ID
 * (connect-flow-format.md §7.5-7.6).
 *
 * Two flow or module files with the same Name: the deploy step writes
 * each to contact_flow_content/<Name>.json, so the first deploy creates
 * the resource twice and fails, and later ones keep only one of them.
 */
#include <string.h>

#include "flow/flow.h"
#include "inventory/inventory.h"
#include "rules/resolve.h"
#include "rules/rule.h"

/* Whether `path` and `other` name the same file (one ends the other). */
static bool
same_file(const char *path, const char *other)
{
	size_t a = strlen(path), b = strlen(other);
	const char *longer = a >= b ? path : other;
	size_t n = a >= b ? b : a, at = (a >= b ? a : b) - n;

	return n > 0 && strcmp(longer + at, a >= b ? other : path) == 0 &&
	    (at == 0 || longer[at - 1] == '/');
}

/* This file and another flow or module file share its Name. */
static void
duplicate_name(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	static const enum fl_res_kind kinds[] = { FL_RES_FLOW, FL_RES_MODULE };
	const char *path = ctx->path, *other = NULL;
	const struct fl_resource *mine = NULL, *r;
	size_t i;

	if (f->shape != FL_SHAPE_WRAPPED || f->name_node == FL_JSON_NONE)
		return;
	for (i = 0; i < 2; i++) {
		const char *elsewhere;

		r = fl_inventory_by_name(ctx->inventory, kinds[i],
		    f->name);
		if (r == NULL)
			continue;
		if (same_file(path, r->source)) {
			mine = r;
			elsewhere = r->also;
		} else if (r->also != NULL && same_file(path, r->also)) {
			mine = r;
			elsewhere = r->source;
		} else {
			elsewhere = r->source;
		}
		if (other == NULL)
			other = elsewhere;
	}
	if (mine == NULL || other == NULL)
		return;
	fl_report_outer(ctx, f->name_node, "%s \"%.*s\" is also the Name of "
	    "%s: the deploy step writes both to contact_flow_content/%.*s"
	    ".json, so the first deploy fails on a duplicate resource and "
	    "later ones deploy only one of them; rename one",
	    f->is_module ? "module" : "flow", FL_STR_ARGS(f->name), other,
	    FL_STR_ARGS(f->name));
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	struct fl_param_kinds pk;
	bool map_rebuilt;
	uint32_t i;

	if (ctx->inventory == NULL)
		return;
	duplicate_name(ctx, f);
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
	.severity = FL_SEV_ERROR,
	.check = check,
};
