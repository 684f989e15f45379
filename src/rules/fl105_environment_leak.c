/*
 * FL105 environment-leak: IDs of another environment in a flow.
 *
 * With "environments" in .flowlint.json, a file whose path puts it in
 * an environment must not hold an account, Connect instance or region
 * that only other environments list: an error naming both.  A file in
 * two environments (a module shared by staging and production) may hold
 * the IDs of neither alone.
 *
 * For a file in no configured environment, what the flow shows by
 * itself: Connect ARNs naming two accounts or two instances (a
 * production ARN pasted into a staging flow), a warning at each ARN
 * that differs from the first one.
 */
#include <string.h>

#include "flow/flow.h"
#include "rules/environments.h"
#include "rules/portable.h"
#include "rules/rule.h"

static const char *const slot_names[] = { "account", "instance", "region" };
/* The instance first: it tells environments apart best. */
static const enum fl_env_slot order[] = { FL_ENV_INSTANCE, FL_ENV_ACCOUNT,
    FL_ENV_REGION };

/*
 * The first environment, other than the file's environment `own`, that
 * lists `v` in `slot` when `own` does not; or NULL.
 */
static const struct fl_environment *
owner_elsewhere(const struct fl_rule_ctx *ctx, size_t own,
    enum fl_env_slot slot, struct fl_str v)
{
	const struct fl_environment *e = ctx->environments;
	size_t i;

	if (v.len == 0 || fl_environment_has(&e[own], slot, v))
		return NULL;
	for (i = 0; i < ctx->nenvironments; i++)
		if (i != own && fl_environment_has(&e[i], slot, v))
			return &e[i];
	return NULL;
}

/* An ARN of another environment, in a file of environment `own`. */
static bool
leak(struct fl_rule_ctx *ctx, const struct fl_ref *r, size_t own,
    const struct fl_arn_literals *lit)
{
	const struct fl_environment *e = ctx->environments, *other;
	struct fl_str slots[3] = { r->u.arn.account, r->u.arn.instance,
	    r->u.arn.region };
	bool literal[3] = { lit->account, lit->instance, lit->region };
	struct fl_str at;
	int s;

	for (s = 0; s < 3; s++) {
		enum fl_env_slot slot = order[s];

		if (!literal[slot] ||
		    (other = owner_elsewhere(ctx, own, slot, slots[slot])) == NULL)
			continue;
		at = slots[slot];
		/* The instance as the resource names it: instance/<ID>. */
		if (slot == FL_ENV_INSTANCE && at.ptr - r->u.arn.resource.ptr >=
		    9 && memcmp(at.ptr - 9, "instance/", 9) == 0)
			at = fl_str_make(at.ptr - 9, at.len + 9);
		fl_report_within(ctx, r->node, at, "this file belongs to environment "
		    "\"%s\" (its path matches environments.%s.paths), but this "
		    "ARN names the %s %.*s of environment \"%s\": deployed, "
		    "%s reaches into %s", e[own].name, e[own].name,
		    slot_names[slot], FL_STR_ARGS(slots[slot]), other->name,
		    e[own].name, other->name);
		return true;
	}
	return false;
}

static void
configured(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	uint32_t i;
	size_t own;

	for (i = 0; i < f->nrefs; i++) {
		const struct fl_ref *r = &f->refs[i];
		struct fl_arn_literals lit;

		if (r->kind != FL_REF_ARN)
			continue;
		fl_portable_literals(&lit, r, ctx->patterns, ctx->match);
		for (own = 0; own < ctx->nenvironments; own++)
			if ((ctx->file.environments & ((uint32_t)1 << own)) &&
			    leak(ctx, r, own, &lit))
				break;
	}
}

static void
unconfigured(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	struct fl_portable_home home;
	uint32_t i;

	fl_portable_home(&home, ctx, f);
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

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	if (ctx->file.environments != 0)
		configured(ctx, f);
	else
		unconfigured(ctx, f);
}

const struct fl_rule fl_rule_environment_leak = {
	.code = "FL105",
	.name = "environment-leak",
	.severity = FL_SEV_ERROR,
	.check = check,
	.legacy = true,
};
