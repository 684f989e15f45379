/*
 * FL504 flow-limit-exceeded: a flow beyond the limits of the flow
 * language: more than 250 actions (at the 251st), a Content string of
 * more than 256,000 characters, or a condition nested more than 5 deep
 * or with more than 50 operands.
 */
#include "flow/flow.h"
#include "rules/rule.h"

#define FL_MAX_ACTIONS 250
#define FL_MAX_CONTENT_CHARS 256000
#define FL_MAX_CONDITION_DEPTH 5
#define FL_MAX_CONDITION_WIDTH 50

static size_t
chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

static void
content_size(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	const struct fl_json_doc *o = &f->outer;
	uint32_t w = f->api_response ?
	    fl_json_get(o, FL_JSON_ROOT, "ContactFlow") : FL_JSON_ROOT;
	uint32_t content = fl_json_get(o, w, "Content");
	size_t n;

	/* Every character is at least one byte: most flows are counted by
	 * their length alone. */
	if (!f->content_is_string || content == FL_JSON_NONE ||
	    f->inner.len <= FL_MAX_CONTENT_CHARS)
		return;
	n = chars(f->inner.text, f->inner.len);
	if (n > FL_MAX_CONTENT_CHARS)
		fl_report_outer(ctx, content, "Content is %zu characters "
		    "long; Connect accepts at most %d", n,
		    FL_MAX_CONTENT_CHARS);
}

/* Reports the first place condition `c` (at `depth`) is too deep or
 * too wide; true once it has. */
static bool
condition(struct fl_rule_ctx *ctx, const struct fl_json_doc *d, uint32_t c,
    unsigned depth)
{
	uint32_t ops = fl_json_get(d, c, "Operands"), it;

	if (!fl_json_is(d, c, FL_JSON_OBJECT) ||
	    !fl_json_is(d, ops, FL_JSON_ARRAY))
		return false;	/* FL507 says what is wrong with it */
	if (depth > FL_MAX_CONDITION_DEPTH) {
		fl_report(ctx, c, "condition nested %u deep; the flow "
		    "language allows at most %d", depth,
		    FL_MAX_CONDITION_DEPTH);
		return true;
	}
	if (d->nodes[ops].count > FL_MAX_CONDITION_WIDTH) {
		fl_report(ctx, ops, "condition with %u operands; the flow "
		    "language allows at most %d", d->nodes[ops].count,
		    FL_MAX_CONDITION_WIDTH);
		return true;
	}
	fl_json_foreach(d, ops, it)
		if (condition(ctx, d, it, depth + 1))
			return true;
	return false;
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t i, it, n = 0;

	fl_json_foreach(d, f->actions_node, it)
		if (++n == FL_MAX_ACTIONS + 1)
			fl_report(ctx, it, "action %u of %u: a flow may have at "
			    "most %d actions", n, d->nodes[f->actions_node].count,
			    FL_MAX_ACTIONS);
	content_size(ctx, f);
	for (i = 0; i < f->nactions; i++)
		fl_json_foreach(d, fl_flow_branches(f, &f->actions[i],
		    "Conditions"), it)
			condition(ctx, d, fl_flow_get(f, it, "Condition"), 1);
}

const struct fl_rule fl_rule_flow_limit_exceeded = {
	.code = "FL504",
	.name = "flow-limit-exceeded",
	.severity = FL_SEV_ERROR,
	.check = check,
};
