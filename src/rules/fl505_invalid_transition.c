/*
 * FL505 invalid-transition: Transitions that the action's catalog entry
 * rules out: any on a terminal action, an ErrorType the action does not
 * support, a required error branch missing, conditions on an action that
 * takes none, or conditions outside (or short of) the set it requires.
 * Transitions that are not an object, and Errors or Conditions that are
 * not arrays, are reported for every action.
 */
#include "flow/catalog.h"
#include "flow/flow.h"
#include "rules/rule.h"
#include "util/arena.h"
#include "util/buf.h"

static const char *
names_text(struct fl_arena *a, const struct fl_cat_names *l)
{
	struct fl_buf b = FL_BUF_INIT;
	const char *out;
	size_t i;

	for (i = 0; i < l->n; i++)
		fl_buf_addf(&b, "%s%s", i ? ", " : "", l->v[i]);
	out = fl_arena_strdup(a, l->n ? b.ptr : "none");
	fl_buf_release(&b);
	return out;
}

static void
errors(struct fl_rule_ctx *ctx, const struct fl_flow *f,
    const struct fl_cat_action *e, uint32_t tr, uint32_t list)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t it;
	size_t k;

	fl_json_foreach(d, list, it) {
		uint32_t t = fl_flow_get(f, it, "ErrorType");

		if (!fl_json_is(d, t, FL_JSON_STRING)) {
			fl_report(ctx, t ? t : it, "an error branch needs a "
			    "string ErrorType");
			continue;
		}
		if (e->errors_known &&
		    !fl_cat_names_has(&e->errors, d->nodes[t].str))
			fl_report(ctx, t, "%s does not raise %.*s (its errors: "
			    "%s)", e->type, FL_STR_ARGS(d->nodes[t].str),
			    names_text(ctx->arena, &e->errors));
	}
	for (k = 0; k < e->required_errors.n; k++) {
		bool found = false;

		fl_json_foreach(d, list, it) {
			uint32_t t = fl_flow_get(f, it, "ErrorType");

			found = found || (fl_json_is(d, t, FL_JSON_STRING) &&
			    fl_str_eq_cstr(d->nodes[t].str,
			    e->required_errors.v[k]));
		}
		if (!found)
			fl_report(ctx, list ? list : tr, "%s needs an error "
			    "branch for %s", e->type, e->required_errors.v[k]);
	}
}

/* The operand of a simple condition, or NONE. */
static uint32_t
operand(const struct fl_flow *f, uint32_t cond)
{
	uint32_t ops = fl_flow_get(f, cond, "Operands");

	if (!fl_json_is(f->doc, ops, FL_JSON_ARRAY) ||
	    f->doc->nodes[ops].count != 1)
		return FL_JSON_NONE;
	return fl_json_first(f->doc, ops);
}

static void
conditions(struct fl_rule_ctx *ctx, const struct fl_flow *f,
    const struct fl_cat_action *e, uint32_t tr, uint32_t list)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t it;
	size_t k;

	if (e->conditions == FL_COND_NONE) {
		if (list != FL_JSON_NONE && d->nodes[list].count > 0)
			fl_report(ctx, list, "%s takes no conditions",
			    e->type);
		return;
	}
	if (e->conditions != FL_COND_RESTRICTED)
		return;
	fl_json_foreach(d, list, it) {
		uint32_t c = fl_flow_get(f, it, "Condition");
		uint32_t op = fl_flow_get(f, c, "Operator");
		uint32_t val = operand(f, c);

		if (e->operators.n > 0 && fl_json_is(d, op, FL_JSON_STRING) &&
		    !fl_cat_names_has(&e->operators, d->nodes[op].str))
			fl_report(ctx, op, "%s conditions use only %s",
			    e->type, names_text(ctx->arena, &e->operators));
		else if (e->operands.n > 0 &&
		    fl_json_is(d, val, FL_JSON_STRING) &&
		    !fl_cat_names_has(&e->operands, d->nodes[val].str))
			fl_report(ctx, val, "%s has no result \"%.*s\" (its "
			    "results: %s)", e->type,
			    FL_STR_ARGS(d->nodes[val].str),
			    names_text(ctx->arena, &e->operands));
	}
	for (k = 0; e->operands_all && k < e->operands.n; k++) {
		unsigned seen = 0;

		fl_json_foreach(d, list, it) {
			uint32_t val = operand(f, fl_flow_get(f, it,
			    "Condition"));

			if (fl_json_is(d, val, FL_JSON_STRING) &&
			    fl_str_eq_cstr(d->nodes[val].str, e->operands.v[k]))
				seen++;
		}
		if (seen != 1)
			fl_report(ctx, list ? list : tr, "%s needs exactly one "
			    "condition for \"%s\", not %u", e->type,
			    e->operands.v[k], seen);
	}
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t i;

	for (i = 0; i < f->nactions; i++) {
		const struct fl_action *a = &f->actions[i];
		uint32_t tr = a->transitions;
		uint32_t errs = fl_flow_get(f, tr, "Errors");
		uint32_t conds = fl_flow_get(f, tr, "Conditions");
		const struct fl_cat_action *e = ctx->entries[i];

		if (tr != FL_JSON_NONE && !fl_json_is(d, tr, FL_JSON_OBJECT)) {
			fl_report(ctx, tr, "Transitions must be an object");
			continue;
		}
		if (errs != FL_JSON_NONE && !fl_json_is(d, errs, FL_JSON_ARRAY))
			fl_report(ctx, errs, "Errors must be an array");
		if (conds != FL_JSON_NONE &&
		    !fl_json_is(d, conds, FL_JSON_ARRAY))
			fl_report(ctx, conds, "Conditions must be an array");
		if (e == NULL || tr == FL_JSON_NONE)
			continue;
		if (e->terminal) {
			if (d->nodes[tr].count > 0)
				fl_report(ctx, tr, "%s ends the flow: its "
				    "Transitions must be {}", e->type);
			continue;
		}
		errors(ctx, f, e, tr, fl_flow_branches(f, a, "Errors"));
		conditions(ctx, f, e, tr, fl_flow_branches(f, a, "Conditions"));
	}
}

const struct fl_rule fl_rule_invalid_transition = {
	.code = "FL505",
	.name = "invalid-transition",
	.severity = FL_SEV_ERROR,
	.check = check,
};
