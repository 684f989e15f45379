/*
 * FL003 name-mismatch: in the reference layout, a wrapped export whose
 * Name is not its file name (a warning), or that sits in a subfolder of
 * the flows folder (an error).  The deploy pipeline writes
 * contact_flow_content/<Name>.json, flat, but Terraform reads the path
 * of the source file relative to the flows folder, so the two must
 * agree.  Elsewhere files are named by other tools' conventions, and
 * only the name is checked, in the folders "exporter-named" lists in
 * .flowlint.json: there the configuration, not a deploy, sets the rule.
 * Where a file stands to the deploy step is worked out by the run
 * (ctx->file.deploy), from the layout it found.
 */
#include <string.h>

#include "flow/flow.h"
#include "rules/rule.h"

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	const char *path = ctx->path;
	const char *base = strrchr(path, '/');
	struct fl_diag *d;
	size_t len;

	/* Outside the reference layout the exporter's naming is no rule,
	 * unless the configuration says a folder follows it. */
	if (f->shape != FL_SHAPE_WRAPPED || f->api_response ||
	    f->name_node == FL_JSON_NONE ||
	    (!fl_file_deployed(&ctx->file) && !ctx->file.exporter_named))
		return;
	base = base ? base + 1 : path;
	len = strlen(base);
	if (len > 5 && strcmp(base + len - 5, ".json") == 0)
		len -= 5;
	if (!fl_str_eq(f->name, fl_str_make(base, len))) {
		if (fl_file_deployed(&ctx->file))
			fl_report_outer(ctx, f->name_node, "Name \"%.*s\" does "
			    "not match the file name \"%s\": the deploy step "
			    "writes \"%.*s.json\", so Terraform will not find "
			    "this flow's content", FL_STR_ARGS(f->name), base,
			    FL_STR_ARGS(f->name));
		else
			fl_report_outer(ctx, f->name_node, "Name \"%.*s\" does "
			    "not match the file name \"%s\": this folder is "
			    "listed in \"exporter-named\" in .flowlint.json, so "
			    "its files are named as the exporter writes them, "
			    "\"%.*s.json\"", FL_STR_ARGS(f->name), base,
			    FL_STR_ARGS(f->name));
	} else if (ctx->file.deploy == FL_DEPLOY_NESTED) {
		d = fl_report_outer(ctx, f->name_node, "the file sits in a "
		    "subfolder of imports/resources/flows/: the deploy step "
		    "writes \"%.*s.json\" flat, so Terraform, which keeps "
		    "the subfolder, will not find this flow's content",
		    FL_STR_ARGS(f->name));
		/* The deploy breaks: an error unless configured otherwise. */
		if (ctx->severity == fl_rule_name_mismatch.severity)
			d->severity = FL_SEV_ERROR;
	}
}

const struct fl_rule fl_rule_name_mismatch = {
	.code = "FL003",
	.name = "name-mismatch",
	.severity = FL_SEV_WARNING,
	.check = check,
};
