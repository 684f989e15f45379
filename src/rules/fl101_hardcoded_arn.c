/*
 * FL101 hardcoded-arn: an ARN whose region, account or Connect instance
 * is literal, anywhere in the flow document (Actions, Metadata, the
 * object map).  A slot is literal when it has the shape of a real value
 * (rules/data/patterns.json); placeholders of any convention are not.
 * When `flowlint fix` cannot rewrite the ARN (a resource name the
 * inventory lacks, an account that is not the flow's own), the message
 * says what is missing and the finding is not marked fixable.  A value
 * of FLOW_OBJECT_MAPS# that the deploy step replaces anyway is only a
 * warning.
 */
#include "flow/flow.h"
#include "flow/patterns.h"
#include "lint/lint.h"
#include "rules/portable.h"
#include "rules/resolve.h"
#include "rules/rule.h"
#include "util/buf.h"

static const char *
resource_name(const struct fl_ref *r)
{
	static const struct { const char *kind, *name; } names[] = {
		{ "queue", "queue" }, { "contact-flow", "flow" },
		{ "flow-module", "flow module" }, { "prompt", "prompt" },
		{ "operating-hours", "hours-of-operation" },
		{ "agent", "agent" }, { "transfer-destination", "quick connect" },
		{ "phone-number", "phone number" }, { "view", "view" },
		{ "task-template", "task template" }, { "instance", "instance" },
		{ "function", "Lambda function" }, { "bot-alias", "Lex bot alias" },
		{ "bot", "Lex bot" }, { "assistant", "Q in Connect assistant" },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (fl_str_eq_cstr(r->u.arn.kind, names[i].kind))
			return names[i].name;
	return NULL;
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	const struct fl_patterns *p = ctx->opts->patterns;
	struct fl_portable_home home;
	struct fl_buf what = FL_BUF_INIT;
	bool map_rebuilt;
	uint32_t i;

	fl_portable_home(&home, f, p, ctx->match);
	map_rebuilt = fl_resolve_map_rebuilt(f);
	for (i = 0; i < f->nrefs; i++) {
		const struct fl_ref *r = &f->refs[i];
		struct fl_arn_literals lit;
		struct fl_portable port;
		struct fl_diag *d;
		const char *res;
		int n = 0;

		/* AWS-managed resources (account "aws") exist everywhere. */
		if (r->kind != FL_REF_ARN ||
		    fl_str_eq_cstr(r->u.arn.account, "aws"))
			continue;
		fl_portable_literals(&lit, r, p, ctx->match);
		fl_buf_reset(&what);
		if (lit.account) {
			fl_buf_addf(&what, "account %.*s",
			    FL_STR_ARGS(r->u.arn.account));
			n++;
		}
		if (lit.region) {
			fl_buf_addf(&what, "%sregion %.*s", n ? ", " : "",
			    FL_STR_ARGS(r->u.arn.region));
			n++;
		}
		if (lit.instance) {
			fl_buf_addf(&what, "%sinstance %.*s", n ? ", " : "",
			    FL_STR_ARGS(r->u.arn.instance));
			n++;
		}
		if (n == 0)
			continue;
		/* Fixable exactly when `flowlint fix` can write it portably. */
		fl_portable_arn(&port, ctx->arena, r, &home,
		    ctx->opts->inventory, p, ctx->match);
		if (port.why_not != NULL)
			fl_buf_addf(&what, "; no automatic fix: %s",
			    port.why_not);
		res = resource_name(r);
		if (res != NULL)
			d = fl_report(ctx, r->node, "%s ARN hardcodes %s", res,
			    what.ptr);
		else
			d = fl_report(ctx, r->node, "%.*s ARN hardcodes %s",
			    FL_STR_ARGS(r->u.arn.service), what.ptr);
		d->fixable = port.why_not == NULL;
		/* The deploy step discards the map's values (§7.4). */
		if (r->in_object_map && map_rebuilt &&
		    d->severity == FL_SEV_ERROR) {
			d->severity = FL_SEV_WARNING;
			d->message = fl_arena_printf(ctx->arena, "%s; only the "
			    "console sees this value: the deploy step rebuilds "
			    "FLOW_OBJECT_MAPS# from the names", d->message);
		}
	}
	fl_buf_release(&what);
}

const struct fl_rule fl_rule_hardcoded_arn = {
	.code = "FL101",
	.name = "hardcoded-arn",
	.severity = FL_SEV_ERROR,
	.flags = FL_RULE_FIXABLE,
	.check = check,
};
