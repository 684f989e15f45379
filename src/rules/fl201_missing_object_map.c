/*
 * FL201 missing-object-map: the flow reads resource flow attributes
 * (names no action of its own sets) but has no FLOW_OBJECT_MAPS# block
 * for the deploy step to fill; the reference then resolves to nothing.
 */
#include "fix/pass.h"
#include "flow/flow.h"
#include "flow/params.h"
#include "rules/portable.h"
#include "rules/rule.h"
#include "util/arena.h"
#include "util/buf.h"

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

/* An entry FL201's new block can carry, from the parameter reading it. */
struct candidate {
	const struct fl_ref *ref;
	const struct fl_rule_ctx *ctx;
	struct fl_buf *value;
	bool found;
};

static void
value_for_param(const struct fl_param_hit *hit, void *arg)
{
	struct candidate *c = arg;

	if (hit->node != c->ref->node || c->found)
		return;
	c->found = true;
	(void)fl_portable_by_name(c->value, hit->rule->kind,
	    c->ref->u.attr.name, c->ctx->patterns, c->ctx->match);
}

/*
 * The entries of a new block: each name the flow reads as the whole
 * value of a resource parameter gets the value the convention writes for
 * that kind (${Q:<name>:Q} for a queue, ...).  A name read by parameters
 * of two kinds, or by none, gets no entry: the deploy step still fills
 * it from the live instance.
 */
static void
derive_entries(const struct fl_rule_ctx *ctx, struct fl_fix_pass *p)
{
	const struct fl_flow *f = p->f;
	struct fl_fix_entry *found = NULL, **tail = &found, *e;
	struct fl_strset clash;
	struct fl_buf value = FL_BUF_INIT;
	uint32_t i;

	fl_strset_init(&clash, p->a, 4);
	for (i = 0; i < f->nrefs; i++) {
		const struct fl_ref *r = &f->refs[i];
		struct candidate c = { r, ctx, &value, false };
		struct fl_str key = r->u.attr.name;

		if (r->kind != FL_REF_FLOW_ATTR || r->in_metadata ||
		    !r->whole_value || r->action == FL_NO_ACTION ||
		    fl_strset_has(&f->vars, key))
			continue;
		fl_buf_reset(&value);
		fl_params_foreach(ctx->params, f, &f->actions[r->action],
		    value_for_param, &c);
		for (e = found; e != NULL; e = e->next)
			if (fl_str_eq(e->key, key))
				break;
		if (e != NULL) {
			if (!fl_str_eq(e->value, fl_buf_str(&value)))
				fl_strset_add(&clash, p->a, key);
			continue;
		}
		e = fl_arena_alloc(p->a, sizeof(*e));
		e->key = key;
		e->value = fl_arena_str(p->a, fl_buf_str(&value));
		*tail = e;
		tail = &e->next;
	}
	fl_buf_release(&value);
	for (e = found; e != NULL; e = e->next)
		if (e->value.len > 0 && !fl_strset_has(&clash, e->key))
			fl_fix_map_put(p, e->key, e->value);
}

/* Inserts the block, with the entries the flow's parameters call for. */
static void
fix(const struct fl_rule_ctx *ctx, struct fl_fix_pass *p,
    const struct fl_diag *d)
{
	fl_fix_claim(p, d);
	if (p->create_map)
		return;
	fl_fix_map_create(p);
	derive_entries(ctx, p);
}

const struct fl_rule fl_rule_missing_object_map = {
	.code = "FL201",
	.name = "missing-object-map",
	.severity = FL_SEV_ERROR,
	.check = check,
	.fix = fix,
	.fix_title = "Insert a FLOW_OBJECT_MAPS# block as the start action",
};
