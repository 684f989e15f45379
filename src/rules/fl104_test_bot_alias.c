/*
 * FL104 test-bot-alias: a Lex bot reached through its draft test alias:
 * a Lex V2 alias ARN ending in TSTALIASID (the alias every bot has, bound
 * to the unpublished draft), or a Lex V1 bot parameter whose Alias is
 * $LATEST.  Both answer from whatever was last saved in the console, are
 * throttled for test traffic, and do not exist as such in another
 * account; a flow meant for production must name a published alias.
 */
#include "flow/flow.h"
#include "rules/rule.h"

/* The Lex V1 `LexBot` object of an action's parameters, if any. */
static void
lex_v1_alias(struct fl_rule_ctx *ctx, const struct fl_flow *f,
    const struct fl_action *a)
{
	uint32_t bot = fl_flow_get(f, a->params, "LexBot");
	uint32_t alias = fl_flow_get(f, bot, "Alias");

	if (fl_str_eq_cstr(fl_json_string(f->doc, alias), "$LATEST"))
		fl_report(ctx, alias, "Lex V1 bot alias $LATEST is the bot's "
		    "unpublished draft; publish a version and name its alias");
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	uint32_t i;

	for (i = 0; i < f->nrefs; i++) {
		const struct fl_ref *r = &f->refs[i];
		struct fl_str alias;

		/* The console's Metadata copy is not what runs. */
		if (r->kind != FL_REF_ARN || r->in_metadata ||
		    !fl_str_eq_cstr(r->u.arn.service, "lex") ||
		    !fl_str_eq_cstr(r->u.arn.kind, "bot-alias") ||
		    r->u.arn.id.len < 10)
			continue;
		alias = fl_str_make(r->u.arn.id.ptr + r->u.arn.id.len - 10, 10);
		if (fl_str_eq_cstr(alias, "TSTALIASID") &&
		    (r->u.arn.id.len == 10 || alias.ptr[-1] == '/'))
			fl_report_within(ctx, r->node, alias, "Lex bot alias "
			    "TSTALIASID is the draft test alias, bound to the "
			    "bot's unpublished draft; name a published alias");
	}
	for (i = 0; i < f->nactions; i++)
		lex_v1_alias(ctx, f, &f->actions[i]);
}

const struct fl_rule fl_rule_test_bot_alias = {
	.code = "FL104",
	.name = "test-bot-alias",
	.severity = FL_SEV_ERROR,
	.check = check,
	.legacy = true,
};
