/*
 * FL508 unsupported-version: the flow document's Version is not
 * "2019-10-30", the only version of the flow language.  (A missing
 * Version is FL002's.)
 */
#include "flow/flow.h"
#include "rules/rule.h"

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	uint32_t v = fl_json_get(f->doc, f->root, "Version");

	if (v == FL_JSON_NONE)
		return;
	if (!fl_json_is(f->doc, v, FL_JSON_STRING))
		fl_report(ctx, v, "Version must be the string \"2019-10-30\"");
	else if (!fl_str_eq_cstr(f->doc->nodes[v].str, "2019-10-30"))
		fl_report(ctx, v, "Version \"%.*s\" is not supported: the flow "
		    "language has only \"2019-10-30\"",
		    FL_STR_ARGS(f->doc->nodes[v].str));
}

const struct fl_rule fl_rule_unsupported_version = {
	.code = "FL508",
	.name = "unsupported-version",
	.severity = FL_SEV_ERROR,
	.check = check,
};
