/*
 * FL303 dangling-flow-attribute: $.FlowAttributes.X that nothing sets.
 * The deploy replacer accepts X when an UpdateFlowAttributes other than
 * FLOW_OBJECT_MAPS# sets it (a plain flow variable) or when its one name
 * map of live resources has X (connect-flow-format.md §7.4); anything
 * else stops the deploy.  flowlint asks the inventory instead of the
 * live instance, and only about kinds it has a source for:
 *
 *  - a reference whose kind is known (the parameter it fills, or its
 *    object-map entry) is checked against that kind, so TransferToFlow,
 *    InvokeFlowModule and event hooks naming a missing flow or module
 *    are reported here;
 *  - one to hours of operation never resolves (the replacer's map has
 *    no hours, unless the configuration says its replacer does);
 *  - one of unknown kind is reported when it is neither set, nor in the
 *    object map, nor a name the replacer's map would know.
 */
#include "flow/flow.h"
#include "inventory/inventory.h"
#include "rules/resolve.h"
#include "rules/rule.h"

/* Whether every kind of the replacer's map has a source, so that a name
 * missing from all of them is known to be missing. */
static bool
map_complete(const struct fl_inventory *inv)
{
	const enum fl_res_kind *k;
	size_t i, n;

	k = fl_inventory_replacer_kinds(inv, &n);
	for (i = 0; i < n; i++)
		if (!fl_inventory_has_kind(inv, k[i]))
			return false;
	return true;
}

static void
check_typed(struct fl_rule_ctx *ctx, const struct fl_ref *r,
    const struct fl_resolution *res)
{
	const char *label = fl_res_kind_label((enum fl_res_kind)res->kind);
	struct fl_str name = res->key;

	if (!res->mapped) {
		if (res->picked != NULL)
			fl_report(ctx, r->node, "$.FlowAttributes.%.*s: the "
			    "deploy replacer cannot resolve this %s reference (its "
			    "name map has no %s) and would silently take the %s "
			    "named \"%.*s\" instead", FL_STR_ARGS(name), label,
			    label, fl_res_kind_label(res->picked->kind),
			    FL_STR_ARGS(name));
		else
			fl_report(ctx, r->node, "$.FlowAttributes.%.*s: the "
			    "deploy replacer cannot resolve this %s reference (its "
			    "name map has no %s), so the deploy stops with \"Arn "
			    "is undefined\"", FL_STR_ARGS(name), label, label);
		return;
	}
	if (res->own != NULL || !res->checkable)
		return;
	if (res->picked != NULL)
		fl_report(ctx, r->node, "$.FlowAttributes.%.*s: no %s is named "
		    "\"%.*s\" in the inventory (%s); the deploy replacer would "
		    "resolve it to the %s of that name", FL_STR_ARGS(name),
		    label, FL_STR_ARGS(name), fl_resolve_sources(ctx, res->kind),
		    fl_res_kind_label(res->picked->kind));
	else
		fl_report(ctx, r->node, "$.FlowAttributes.%.*s: nothing in this "
		    "flow sets it and no %s is named \"%.*s\" in the inventory "
		    "(%s)", FL_STR_ARGS(name), label, FL_STR_ARGS(name),
		    fl_resolve_sources(ctx, res->kind));
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	const struct fl_inventory *inv = ctx->inventory;
	struct fl_param_kinds pk;
	uint32_t i;

	if (inv == NULL)
		return;
	fl_resolve_param_kinds(&pk, ctx, f);
	for (i = 0; i < f->nrefs; i++) {
		const struct fl_ref *r = &f->refs[i];
		struct fl_resolution res;
		struct fl_str name = r->u.attr.name;

		if (r->kind != FL_REF_FLOW_ATTR || r->in_metadata ||
		    r->in_object_map || name.len == 0 ||
		    fl_strset_has(&f->vars, name))
			continue;
		fl_resolve(&res, ctx, fl_resolve_attr_kind(&pk, f, r), name);
		if (res.kind >= 0) {
			check_typed(ctx, r, &res);
			continue;
		}
		if (res.picked != NULL)
			continue;
		if (f->map_attrs != FL_JSON_NONE &&
		    fl_json_get_str(f->doc, f->map_attrs, name) != FL_JSON_NONE) {
			if (map_complete(inv))
				fl_report(ctx, r->node, "$.FlowAttributes.%.*s: "
				    "no resource in the inventory is named "
				    "\"%.*s\", so the deploy replacer cannot fill "
				    "its object-map entry", FL_STR_ARGS(name),
				    FL_STR_ARGS(name));
			continue;
		}
		fl_report(ctx, r->node, "$.FlowAttributes.%.*s: nothing in this "
		    "flow sets it, it is not in the object map, and no resource "
		    "in the inventory is named \"%.*s\"", FL_STR_ARGS(name),
		    FL_STR_ARGS(name));
	}
}

const struct fl_rule fl_rule_dangling_flow_attribute = {
	.code = "FL303",
	.name = "dangling-flow-attribute",
	.severity = FL_SEV_ERROR,
	.check = check,
};
