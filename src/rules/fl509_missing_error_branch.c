/*
 * FL509 missing-error-branch: an action that depends on a resource of
 * the target instance (a parameter of rules/data/resource-parameters.json:
 * a prompt, queue, flow, module, Lambda, Lex bot...) or transfers the
 * contact, with no error branch at all: when the resource is missing in
 * the account the flow is deployed to, the contact is dropped.  Actions
 * that raise no errors (their catalog entry lists none) are left alone.
 */
#include "flow/catalog.h"
#include "flow/flow.h"
#include "flow/params.h"
#include "rules/rule.h"

struct first_hit {
	const char *kind;	/* the first resource kind found, or NULL */
};

static void
on_param(const struct fl_param_hit *hit, void *arg)
{
	struct first_hit *h = arg;

	if (h->kind == NULL)
		h->kind = hit->rule->kind;
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	uint32_t i;

	for (i = 0; i < f->nactions; i++) {
		const struct fl_action *a = &f->actions[i];
		const struct fl_cat_action *e = ctx->entries[i];
		uint32_t errs = fl_flow_branches(f, a, "Errors");
		struct first_hit h = { NULL };

		if (e == NULL || e->terminal ||
		    (e->errors_known && e->errors.n == 0) ||
		    (errs != FL_JSON_NONE && f->doc->nodes[errs].count > 0) ||
		    !fl_json_is(f->doc, a->transitions, FL_JSON_OBJECT))
			continue;
		if (ctx->params != NULL)
			fl_params_foreach(ctx->params, f, a, on_param, &h);
		if (h.kind == NULL && fl_str_eq_cstr(a->type,
		    "TransferContactToQueue"))
			h.kind = "queue";
		if (h.kind == NULL)
			continue;
		fl_report(ctx, a->transitions, "%s depends on a %s of the "
		    "target but has no error branch: if it is missing there, "
		    "the contact is dropped", e->type, h.kind);
	}
}

const struct fl_rule fl_rule_missing_error_branch = {
	.code = "FL509",
	.name = "missing-error-branch",
	.severity = FL_SEV_WARNING,
	.check = check,
};
