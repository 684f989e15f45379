/*
 * FL304 dangling-placeholder: ${F|M|Q|P|H|A:name:…} naming a resource
 * the inventory does not have, judged as the deploy replacer resolves it
 * (connect-flow-format.md §7.5-7.6): the first ".wav" is cut from the
 * name, the name is looked up in one map of every kind (the kind letter
 * is ignored), prompts are known by their name up to the first '.', and
 * hours of operation are not in the map at all.
 *
 * Placeholders the replacer would not match are FL401's; a placeholder
 * of a kind without a source is not checked; placeholders in Metadata
 * and, when the replacer rebuilds it, in FLOW_OBJECT_MAPS# are not
 * resolved by the deploy and are skipped.
 */
#include "flow/flow.h"
#include "inventory/inventory.h"
#include "rules/resolve.h"
#include "rules/rule.h"

/* Whether r is a placeholder the replacer matches (else FL401's). */
static bool
well_formed(const struct fl_ref *r)
{
	return r->kind == FL_REF_PLACEHOLDER && r->u.ph.closed &&
	    r->u.ph.kind == r->u.ph.kind2 && r->u.ph.replacer_ok &&
	    !fl_str_eq_cstr(r->u.ph.name, "undefined");
}

static void
unmapped(struct fl_rule_ctx *ctx, const struct fl_ref *r,
    const struct fl_resolution *res)
{
	const char *label = fl_res_kind_label((enum fl_res_kind)res->kind);

	if (res->picked != NULL)
		fl_report(ctx, r->node, "%.*s: the deploy replacer cannot "
		    "resolve %s placeholders (its name map has no %s) and would "
		    "silently take the ID of the %s named \"%.*s\" instead",
		    FL_STR_ARGS(r->text), label, label,
		    fl_res_kind_label(res->picked->kind), FL_STR_ARGS(res->key));
	else
		fl_report(ctx, r->node, "%.*s: the deploy replacer cannot "
		    "resolve %s placeholders (its name map has no %s), so the "
		    "deploy stops with \"replacePlaceholder %.*s Arn is "
		    "undefined\"", FL_STR_ARGS(r->text), label, label,
		    FL_STR_ARGS(r->u.ph.name));
}

/* A prompt that exists, but under a name the replacer cannot reach. */
static bool
prompt_out_of_reach(struct fl_rule_ctx *ctx, const struct fl_ref *r,
    const struct fl_resolution *res)
{
	const struct fl_inventory *inv = ctx->inventory;
	const struct fl_resource *p;

	p = fl_inventory_by_name(inv, FL_RES_PROMPT, r->u.ph.name);
	if (p == NULL)
		p = fl_inventory_by_name(inv, FL_RES_PROMPT, res->key);
	if (p == NULL)
		return false;
	fl_report(ctx, r->node, "%.*s: the prompt \"%s\" exists, but the "
	    "deploy replacer knows prompts by their name up to the first '.' "
	    "and looks up \"%.*s\", which no prompt has; rename the prompt "
	    "without inner dots", FL_STR_ARGS(r->text), p->name,
	    FL_STR_ARGS(res->key));
	return true;
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	bool map_rebuilt;
	uint32_t i;

	if (ctx->inventory == NULL)
		return;
	map_rebuilt = fl_resolve_map_rebuilt(f);
	for (i = 0; i < f->nrefs; i++) {
		const struct fl_ref *r = &f->refs[i];
		struct fl_resolution res;
		const char *label;

		if (!well_formed(r) || r->in_metadata ||
		    (r->in_object_map && map_rebuilt))
			continue;
		fl_resolve(&res, ctx, fl_res_kind_from_letter(r->u.ph.kind),
		    fl_resolve_placeholder_key(ctx, r));
		if (res.kind < 0)
			continue;
		if (!res.mapped) {
			unmapped(ctx, r, &res);
			continue;
		}
		if (res.own != NULL || !res.checkable)
			continue;
		if (res.kind == FL_RES_PROMPT && prompt_out_of_reach(ctx, r, &res))
			continue;
		label = fl_res_kind_label((enum fl_res_kind)res.kind);
		if (res.picked != NULL)
			fl_report(ctx, r->node, "%.*s: no %s is named \"%.*s\" in "
			    "the inventory (%s); the deploy replacer ignores the "
			    "kind letter and would resolve it to the %s of that "
			    "name", FL_STR_ARGS(r->text), label,
			    FL_STR_ARGS(res.key), fl_resolve_sources(ctx, res.kind),
			    fl_res_kind_label(res.picked->kind));
		else
			fl_report(ctx, r->node, "%.*s: no %s is named \"%.*s\" in "
			    "the inventory (%s), so the deploy stops with "
			    "\"replacePlaceholder %.*s Arn is undefined\"",
			    FL_STR_ARGS(r->text), label, FL_STR_ARGS(res.key),
			    fl_resolve_sources(ctx, res.kind),
			    FL_STR_ARGS(r->u.ph.name));
	}
}

const struct fl_rule fl_rule_dangling_placeholder = {
	.code = "FL304",
	.name = "dangling-placeholder",
	.severity = FL_SEV_ERROR,
	.check = check,
	.legacy = true,
};
