/*
 * FL003 name-mismatch: a wrapped export whose Name is not its file name.
 * The deploy pipeline writes contact_flow_content/<Name>.json but
 * Terraform reads the path of the source file, so the two must agree.
 */
#include <string.h>

#include "flow/flow.h"
#include "lint/lint.h"
#include "rules/rule.h"

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	const char *path = ctx->result->src.path;
	const char *base = strrchr(path, '/');
	size_t len;

	if (f->shape != FL_SHAPE_WRAPPED || f->api_response ||
	    f->name_node == FL_JSON_NONE)
		return;
	base = base ? base + 1 : path;
	len = strlen(base);
	if (len > 5 && strcmp(base + len - 5, ".json") == 0)
		len -= 5;
	if (fl_str_eq(f->name, fl_str_make(base, len)))
		return;
	fl_report_outer(ctx, f->name_node, "Name \"%.*s\" does not match the "
	    "file name \"%s\": the deploy step writes \"%.*s.json\", so "
	    "Terraform will not find this flow's content",
	    FL_STR_ARGS(f->name), base, FL_STR_ARGS(f->name));
}

const struct fl_rule fl_rule_name_mismatch = {
	.code = "FL003",
	.name = "name-mismatch",
	.severity = FL_SEV_WARNING,
	.check = check,
};
