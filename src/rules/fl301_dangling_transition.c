/*
 * FL301 dangling-transition: a NextAction (plain, in Errors[] or in
 * Conditions[]) that names no action of the flow, such as "$end", or is
 * empty: the flow language wants an Identifier there.  Template
 * catalogues that leave branches "" on purpose exclude their folder in
 * .flowlint.json.
 */
#include "flow/flow.h"
#include "rules/rule.h"

static void
check_target(struct fl_rule_ctx *ctx, const struct fl_flow *f, uint32_t nx)
{
	struct fl_str target;

	if (nx == FL_JSON_NONE)
		return;
	if (!fl_json_is(f->doc, nx, FL_JSON_STRING)) {
		fl_report(ctx, nx, "NextAction must be a string naming an "
		    "action");
		return;
	}
	target = f->doc->nodes[nx].str;
	if (target.len == 0)
		fl_report(ctx, nx, "NextAction is empty: name the action this "
		    "branch goes to");
	else if (fl_flow_find_action(f, target) == FL_NO_ACTION)
		fl_report(ctx, nx, "NextAction \"%.*s\" names no action of "
		    "this flow", FL_STR_ARGS(target));
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t i, it, br;

	for (i = 0; i < f->nactions; i++) {
		uint32_t tr = f->actions[i].transitions;

		if (!fl_json_is(d, tr, FL_JSON_OBJECT))
			continue;
		fl_json_foreach(d, tr, it) {
			if (fl_str_eq_cstr(d->nodes[it].key, "NextAction")) {
				check_target(ctx, f, it);
				continue;
			}
			if (d->nodes[it].type != FL_JSON_ARRAY)
				continue;
			fl_json_foreach(d, it, br)
				check_target(ctx, f,
				    fl_flow_get(f, br, "NextAction"));
		}
	}
}

const struct fl_rule fl_rule_dangling_transition = {
	.code = "FL301",
	.name = "dangling-transition",
	.severity = FL_SEV_ERROR,
	.check = check,
};
