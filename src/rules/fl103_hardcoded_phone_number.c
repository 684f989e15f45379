/*
 * FL103 hardcoded-phone-number: a literal number where the instance's
 * own claimed numbers belong: the caller ID of an outbound or third-party
 * call (the "phone-number" parameters of rules/data/instance-values.json).
 * A caller ID must be a number claimed by the instance placing the call;
 * the source instance's number is claimed nowhere else.  External
 * destinations (ThirdPartyPhoneNumber) are the same in every environment
 * and are not reported.
 */
#include <string.h>

#include "flow/flow.h"
#include "flow/params.h"
#include "rules/rule.h"

struct visit {
	struct fl_rule_ctx *ctx;
	const struct fl_flow *f;
};

static void
caller_id(const struct fl_param_hit *hit, void *arg)
{
	struct visit *v = arg;
	struct fl_str n = fl_json_string(v->f->doc, hit->node);

	if (n.ptr == NULL || !fl_params_is_literal(n) ||
	    strcmp(hit->rule->kind, "phone-number") != 0)
		return;
	fl_report(v->ctx, hit->node, "caller ID %.*s in %s is a number "
	    "claimed by the instance the flow was exported from, which no "
	    "other instance can use; read it from a contact attribute or "
	    "the queue's outbound caller ID ($.Queue.OutboundCallerId."
	    "Address)", FL_STR_ARGS(n), hit->meta_path);
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	struct visit v = { ctx, f };
	uint32_t i;

	for (i = 0; i < f->nactions; i++)
		fl_params_foreach_value(ctx->params, f, &f->actions[i],
		    caller_id, &v);
}

const struct fl_rule fl_rule_hardcoded_phone_number = {
	.code = "FL103",
	.name = "hardcoded-phone-number",
	.severity = FL_SEV_ERROR,
	.check = check,
};
