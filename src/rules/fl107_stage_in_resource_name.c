/*
 * FL107 stage-in-resource-name: a deployment stage in the name of a
 * Lambda function the flow calls (dev-ccaas-callback-fn), where the
 * reference exporter writes ${STAGE} and the deploy step puts back the
 * target's own (connect-flow-format.md §7.1-7.2).  The stages are the
 * lambda_stage pattern of rules/data/patterns.json.
 *
 * The fix writes ${STAGE} for the stage.  When the ARN also hardcodes
 * its account, region or instance, FL101's fix rewrites it whole,
 * ${STAGE} included (rules/portable.h), and this one stands aside, so
 * that one string is never rewritten twice in a pass.
 */
#include "fix/pass.h"
#include "flow/flow.h"
#include "rules/portable.h"
#include "rules/rule.h"
#include "util/arena.h"

/* What check worked out: the stage to replace, in the ARN's string. */
struct stage_fix {
	struct fl_str stage;
};

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	struct fl_portable_home home;
	uint32_t i;

	fl_portable_home(&home, ctx, f);
	for (i = 0; i < f->nrefs; i++) {
		const struct fl_ref *r = &f->refs[i];
		struct fl_arn_literals lit;
		struct fl_portable port;
		struct stage_fix *fx;
		struct fl_str stage;
		struct fl_diag *d;

		if (r->kind != FL_REF_ARN)
			continue;
		stage = fl_portable_stage(r, ctx->patterns, ctx->match);
		if (stage.ptr == NULL)
			continue;
		fl_portable_literals(&lit, r, ctx->patterns, ctx->match);
		fl_portable_arn(&port, ctx->arena, r, &home, ctx->inventory,
		    ctx->patterns, ctx->match);
		d = fl_report_within(ctx, r->node, stage, "Lambda function "
		    "%.*s names the stage \"%.*s\": deployed to another stage "
		    "it calls this stage's function; write ${STAGE}, as the "
		    "reference exporter does%s%s", FL_STR_ARGS(r->u.arn.id),
		    FL_STR_ARGS(stage), port.why_not ? "; no automatic fix: " :
		    "", port.why_not ? port.why_not : "");
		/* With FL101's finding, FL101's fix writes ${STAGE}. */
		d->fixable = port.why_not == NULL;
		if (!d->fixable || lit.account || lit.region || lit.instance)
			continue;
		fx = fl_arena_alloc(ctx->arena, sizeof(*fx));
		fx->stage = stage;
		d->fix_data = fx;
	}
}

static void
fix(const struct fl_rule_ctx *ctx, struct fl_fix_pass *p,
    const struct fl_diag *d)
{
	const struct stage_fix *fx = d->fix_data;

	if (fx == NULL || d->node == FL_JSON_NONE)
		return;
	fl_fix_claim(p, d);
	fl_fix_replace_in_string(p, d->node, fx->stage, FL_STR_LIT("${STAGE}"));
}

const struct fl_rule fl_rule_stage_in_resource_name = {
	.code = "FL107",
	.name = "stage-in-resource-name",
	.severity = FL_SEV_WARNING,
	.check = check,
	.legacy = true,
	.fix = fix,
	.fix_title = "Write the stage in the Lambda name as ${STAGE}",
};
