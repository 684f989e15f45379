/*
 * FL008 content-not-a-string: a wrapped export whose Content is a JSON
 * object instead of the string the exporter writes.  flowlint reads the
 * object as the flow (every other rule still runs on it), but
 * CreateContactFlow, UpdateContactFlowContent and Terraform's
 * aws_connect_contact_flow take Content as a string, and the reference
 * deploy replacer JSON.parse()s it and stops on an object.  In a tree
 * with the reference layout only the flows folder is deployed: a file
 * elsewhere there (the replacer's own test flows) goes to no importer.
 *
 * The fix writes the object as the exporter keeps Content: its compact
 * JSON text (JSON.stringify without indentation, connect-flow-format.md
 * §1.6), as a string.  It waits for a pass with no other fix to make:
 * the others edit inside the object, which this one replaces whole.
 */
#include <stdint.h>

#include "fix/pass.h"
#include "flow/flow.h"
#include "json/json.h"
#include "rules/rule.h"
#include "util/buf.h"

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	struct fl_diag *d;

	if (f->shape != FL_SHAPE_WRAPPED || f->content_is_string ||
	    ctx->file.deploy == FL_DEPLOY_UNREAD ||
	    !fl_json_is(&f->outer, f->root, FL_JSON_OBJECT))
		return;
	d = fl_report_outer(ctx, f->root, "Content is an object, but the "
	    "Connect API, Terraform and the reference deploy step take the "
	    "flow as a string (the replacer stops with \"The contact flow "
	    "passed in is in the incorrect format\"); write it as the "
	    "compact JSON string the exporter writes");
	d->fixable = true;
}

static void
fix(const struct fl_rule_ctx *ctx, struct fl_fix_pass *p,
    const struct fl_diag *d)
{
	const struct fl_flow *f = p->f;
	struct fl_json_print_opts o = { false, FL_JSON_NONE, { NULL, 0 },
	    SIZE_MAX };
	struct fl_buf text = FL_BUF_INIT, json = FL_BUF_INIT;
	uint32_t i;

	(void)ctx;
	for (i = 0; i < p->diags->n; i++)
		if (p->diags->v[i].fixable && &p->diags->v[i] != d)
			return;
	fl_fix_claim(p, d);
	fl_json_print(&text, &f->outer, f->root, &o);
	fl_buf_add_json_string(&json, fl_buf_str(&text));
	fl_fix_replace(p, f->root, fl_buf_str(&json));
	fl_buf_release(&text);
	fl_buf_release(&json);
}

const struct fl_rule fl_rule_content_not_a_string = {
	.code = "FL008",
	.name = "content-not-a-string",
	.severity = FL_SEV_ERROR,
	.check = check,
	.fix = fix,
	.fix_title = "Write Content as the compact JSON string the exporter "
	    "writes",
};
