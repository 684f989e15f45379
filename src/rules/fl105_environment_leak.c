/*
 * FL105 environment-leak: IDs of another environment in a flow.  Until
 * environments are configured, what a flow shows by itself: Connect
 * ARNs naming two accounts or two instances (a production ARN pasted
 * into a staging flow), reported as a warning at each ARN that differs
 * from the first one.
 */
#include "flow/flow.h"
#include "rules/portable.h"
#include "rules/rule.h"

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	struct fl_portable_home home;
	uint32_t i;

	fl_portable_home(&home, f, ctx->patterns, ctx->match);
	if (!home.mixed_account && !home.mixed_instance)
		return;
	for (i = 0; i < f->nrefs; i++) {
		const struct fl_ref *r = &f->refs[i];
		struct fl_arn_literals lit;
		struct fl_diag *d;
		const char *what;
		struct fl_str v, first;

		if (r->kind != FL_REF_ARN ||
		    !fl_str_eq_cstr(r->u.arn.service, "connect"))
			continue;
		fl_portable_literals(&lit, r, ctx->patterns, ctx->match);
		if (lit.instance && home.mixed_instance &&
		    !fl_str_eq(r->u.arn.instance, home.instance)) {
			what = "instance";
			v = r->u.arn.instance;
			first = home.instance;
		} else if (lit.account && home.mixed_account &&
		    !fl_str_eq(r->u.arn.account, home.account)) {
			what = "account";
			v = r->u.arn.account;
			first = home.account;
		} else {
			continue;
		}
		d = fl_report(ctx, r->node, "this ARN names the Connect %s "
		    "%.*s, but the flow's first Connect ARN names %.*s: one "
		    "of them belongs to another environment", what,
		    FL_STR_ARGS(v), FL_STR_ARGS(first));
		/* Without configured environments, only a suspicion. */
		if (ctx->severity == FL_SEV_ERROR)
			d->severity = FL_SEV_WARNING;
	}
}

const struct fl_rule fl_rule_environment_leak = {
	.code = "FL105",
	.name = "environment-leak",
	.severity = FL_SEV_ERROR,
	.check = check,
	.legacy = true,
};
