/*
 * FL507 invalid-condition: a condition Connect cannot evaluate: not an
 * object with a Condition, an Operator outside the eight of the flow
 * language, or Operands that are not one string (a nested condition
 * takes condition objects instead, each checked the same way).
 */
#include "flow/flow.h"
#include "rules/rule.h"

static const char *const operators[] = {
	"Equals", "TextStartsWith", "TextEndsWith", "TextContains",
	"NumberGreaterThan", "NumberGreaterOrEqualTo", "NumberLessThan",
	"NumberLessOrEqualTo", NULL,
};

static bool
known_operator(struct fl_str op)
{
	const char *const *o;

	for (o = operators; *o != NULL; o++)
		if (fl_str_eq_cstr(op, *o))
			return true;
	return false;
}

static void
condition(struct fl_rule_ctx *ctx, const struct fl_json_doc *d,
    uint32_t where, uint32_t c)
{
	uint32_t op = fl_json_get(d, c, "Operator");
	uint32_t ops = fl_json_get(d, c, "Operands"), it;
	unsigned strings = 0, nested = 0;

	if (!fl_json_is(d, c, FL_JSON_OBJECT) ||
	    (op == FL_JSON_NONE && ops == FL_JSON_NONE)) {
		fl_report(ctx, c ? c : where, "a condition must be an object "
		    "with Operator and Operands");
		return;
	}
	if (!fl_json_is(d, op, FL_JSON_STRING))
		fl_report(ctx, op ? op : c, "a condition needs a string "
		    "Operator");
	else if (!known_operator(d->nodes[op].str))
		fl_report(ctx, op, "operator \"%.*s\" is not in the flow "
		    "language (Equals, TextStartsWith, TextEndsWith, "
		    "TextContains, NumberGreaterThan, NumberGreaterOrEqualTo, "
		    "NumberLessThan, NumberLessOrEqualTo)",
		    FL_STR_ARGS(d->nodes[op].str));
	if (!fl_json_is(d, ops, FL_JSON_ARRAY)) {
		fl_report(ctx, ops ? ops : c, "a condition needs an Operands "
		    "array");
		return;
	}
	fl_json_foreach(d, ops, it) {
		strings += fl_json_is(d, it, FL_JSON_STRING);
		nested += fl_json_is(d, it, FL_JSON_OBJECT);
	}
	if (nested > 0 && strings == 0 && nested == d->nodes[ops].count) {
		fl_json_foreach(d, ops, it)
			condition(ctx, d, ops, it);
	} else if (strings != 1 || d->nodes[ops].count != 1) {
		fl_report(ctx, ops, "a condition takes exactly one string "
		    "operand, not %u value%s", d->nodes[ops].count,
		    d->nodes[ops].count == 1 ? "" : "s");
	}
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t i, it;

	for (i = 0; i < f->nactions; i++)
		fl_json_foreach(d, fl_flow_branches(f, &f->actions[i],
		    "Conditions"), it)
			condition(ctx, d, it, fl_flow_get(f, it, "Condition"));
}

const struct fl_rule fl_rule_invalid_condition = {
	.code = "FL507",
	.name = "invalid-condition",
	.severity = FL_SEV_ERROR,
	.check = check,
};
