/*
 * FL201 missing-object-map: the flow reads resource flow attributes
 * (names no action of its own sets) but has no FLOW_OBJECT_MAPS# block
 * for the deploy step to fill; the reference then resolves to nothing.
 */
#include "flow/flow.h"
#include "lint/lint.h"
#include "rules/rule.h"

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	const struct fl_ref *first = NULL;
	struct fl_strset names;
	struct fl_diag *d;
	uint32_t i;

	if (f->object_map != FL_NO_ACTION)
		return;
	fl_strset_init(&names, ctx->arena, 8);
	for (i = 0; i < f->nrefs; i++) {
		const struct fl_ref *r = &f->refs[i];

		if (r->kind != FL_REF_FLOW_ATTR || r->in_metadata ||
		    fl_strset_has(&f->vars, r->u.attr.name))
			continue;
		if (first == NULL)
			first = r;
		fl_strset_add(&names, ctx->arena, r->u.attr.name);
	}
	if (first == NULL)
		return;
	d = fl_report(ctx, first->node, "the flow reads $.FlowAttributes.%.*s, "
	    "which none of its actions sets, but has no FLOW_OBJECT_MAPS# "
	    "block for the deploy step to fill%s",
	    FL_STR_ARGS(first->u.attr.name), names.count > 1 ?
	    fl_arena_printf(ctx->arena, " (%u attributes are affected)",
	    names.count) : "");
	/* The fix inserts the block before the start, so it needs one. */
	d->fixable = f->start != FL_NO_ACTION;
}

const struct fl_rule fl_rule_missing_object_map = {
	.code = "FL201",
	.name = "missing-object-map",
	.severity = FL_SEV_ERROR,
	.flags = FL_RULE_FIXABLE,
	.check = check,
};
