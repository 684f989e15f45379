/*
 * FL003 name-mismatch: in the reference layout, a wrapped export whose
 * Name is not its file name (a warning), or that sits in a subfolder of
 * the flows folder (an error).  The deploy pipeline writes
 * contact_flow_content/<Name>.json, flat, but Terraform reads the path
 * of the source file relative to the flows folder, so the two must
 * agree.  Elsewhere files are named by other tools' conventions, and
 * only the name is checked, in the folders "exporter-named" lists in
 * .flowlint.json.
 */
#include <string.h>

#include "flow/flow.h"
#include "rules/rule.h"

#define FLOWS_DIR "imports/resources/flows/"

/* The part of `path` below the reference flows folder, or NULL. */
static const char *
below_flows_dir(const char *path)
{
	const char *p = path;

	while ((p = strstr(p, FLOWS_DIR)) != NULL) {
		if (p == path || p[-1] == '/')
			return p + strlen(FLOWS_DIR);
		p++;
	}
	return NULL;
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	const char *path = ctx->path;
	const char *base = strrchr(path, '/');
	const char *rel = below_flows_dir(path);
	struct fl_diag *d;
	size_t len;

	/* Outside the reference layout the exporter's naming is no rule,
	 * unless the configuration says a folder follows it. */
	if (f->shape != FL_SHAPE_WRAPPED || f->api_response ||
	    f->name_node == FL_JSON_NONE ||
	    (rel == NULL && !ctx->file.exporter_named))
		return;
	base = base ? base + 1 : path;
	len = strlen(base);
	if (len > 5 && strcmp(base + len - 5, ".json") == 0)
		len -= 5;
	if (!fl_str_eq(f->name, fl_str_make(base, len))) {
		fl_report_outer(ctx, f->name_node, "Name \"%.*s\" does not "
		    "match the file name \"%s\": the deploy step writes "
		    "\"%.*s.json\", "
		    "so Terraform will not find this flow's content",
		    FL_STR_ARGS(f->name), base, FL_STR_ARGS(f->name));
	} else if (rel != NULL && strchr(rel, '/') != NULL) {
		d = fl_report_outer(ctx, f->name_node, "the file sits in a "
		    "subfolder of " FLOWS_DIR ": the deploy step writes "
		    "\"%.*s.json\" flat, so Terraform, which keeps the "
		    "subfolder, will not find this flow's content",
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
