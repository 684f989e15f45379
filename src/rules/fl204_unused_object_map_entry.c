/*
 * FL204 unused-object-map-entry: a FLOW_OBJECT_MAPS# key that nothing in
 * the flow references.  The deploy step rebuilds the map from the
 * references it finds, so the entry is dropped; it only misleads.  A
 * lone entry is the placeholder the reference convention documents ("a
 * single dummy flow attribute"): the block needs one, so it is kept.
 */
#include "fix/pass.h"
#include "flow/flow.h"
#include "rules/rule.h"

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	struct fl_strset used;
	uint32_t i, it;

	if (f->map_attrs == FL_JSON_NONE ||
	    f->doc->nodes[f->map_attrs].count < 2)
		return;
	fl_strset_init(&used, ctx->arena, f->nrefs);
	for (i = 0; i < f->nrefs; i++) {
		const struct fl_ref *r = &f->refs[i];

		/* The deploy step matches the whole document, Metadata too. */
		if (r->kind != FL_REF_FLOW_ATTR || r->in_object_map)
			continue;
		fl_strset_add(&used, ctx->arena, r->u.attr.name);
		if (r->u.attr.replacer_name.ptr != NULL)
			fl_strset_add(&used, ctx->arena, r->u.attr.replacer_name);
	}
	fl_json_foreach(f->doc, f->map_attrs, it) {
		struct fl_str key = f->doc->nodes[it].key;

		if (!fl_strset_has(&used, key))
			fl_report_key(ctx, it, "object-map entry \"%.*s\" is "
			    "never referenced as $.FlowAttributes.%.*s; the "
			    "deploy step drops it", FL_STR_ARGS(key),
			    FL_STR_ARGS(key));
	}
}

/* Removes the entry, unless an earlier fix of this pass starts using it. */
static void
fix(const struct fl_rule_ctx *ctx, struct fl_fix_pass *p,
    const struct fl_diag *d)
{
	if (d->node == FL_JSON_NONE ||
	    fl_strset_has(&p->referenced, p->d->nodes[d->node].key))
		return;
	fl_fix_claim(p, d);
	fl_fix_remove_member(p, d->node);
}

const struct fl_rule fl_rule_unused_object_map_entry = {
	.code = "FL204",
	.name = "unused-object-map-entry",
	.severity = FL_SEV_WARNING,
	.check = check,
	.fix = fix,
	.fix_title = "Remove the unused object-map entry",
};
