/*
 * FL102 hardcoded-resource-id: a resource named by its instance-specific
 * ID where a reference belongs — a bare ID as the value of a resource
 * parameter (QueueId, ContactFlowId, ...), or an ARN whose account,
 * region and instance are portable but whose resource ID is literal
 * (FL101 reports ARNs with a literal account, region or instance).  An
 * ID has the shape of a Connect resource ID (a UUID, the literal_instance
 * pattern of rules/data/patterns.json) anywhere in the ARN's resource,
 * or a Lex V2 bot or alias ID in a Lex ARN (rules/portable.h).
 *
 * When the inventory knows the ID, the message names the resource and the
 * placeholder to write; otherwise it says which list to add.  No fix
 * exists yet for these findings themselves (FL101's fix names IDs only
 * in ARNs it parameterizes), so they are not marked fixable.
 */
#include <string.h>

#include "flow/flow.h"
#include "flow/params.h"
#include "flow/patterns.h"
#include "inventory/inventory.h"
#include "inventory/sources.h"
#include "rules/portable.h"
#include "rules/resolve.h"
#include "rules/rule.h"
#include "util/arena.h"

static bool
is_id(struct fl_rule_ctx *ctx, struct fl_str s)
{
	return fl_patterns_is_literal(ctx->patterns->literal_instance,
	    ctx->match, s);
}

/* How to refer to it by name, or what to add to the inventory. */
static const char *
advice(struct fl_rule_ctx *ctx, int kind, const struct fl_resource *known,
    bool arn)
{
	const struct fl_inventory *inv = ctx->inventory;
	const char *cmd;
	char letter;

	if (kind < 0)
		return "";
	letter = fl_res_kind_letter((enum fl_res_kind)kind);
	if (known != NULL && arn && letter != 0 &&
	    fl_inventory_replacer_has_kind(inv, (enum fl_res_kind)kind))
		return fl_arena_printf(ctx->arena, "; it is the %s \"%s\" (%s): "
		    "write ${%c:%s:%c}", fl_res_kind_label(known->kind),
		    known->name, known->source, letter, known->name, letter);
	if (known != NULL)
		return fl_arena_printf(ctx->arena, "; it is the %s \"%s\" (%s): "
		    "refer to it by name, as $.FlowAttributes.%s set in "
		    "FLOW_OBJECT_MAPS#", fl_res_kind_label(known->kind),
		    known->name, known->source, known->name);
	if (fl_inventory_has_kind(inv, (enum fl_res_kind)kind))
		return fl_arena_printf(ctx->arena, "; no %s in the inventory "
		    "(%s) has this ID", fl_res_kind_label((enum fl_res_kind)kind),
		    fl_resolve_sources(ctx, kind));
	cmd = fl_inventory_awscli_command((enum fl_res_kind)kind);
	return fl_arena_printf(ctx->arena, "; add the instance's %s list "
	    "(saved `%s` output) to the inventory to name it",
	    fl_res_kind_label((enum fl_res_kind)kind), cmd ? cmd : "aws");
}

struct bare {
	struct fl_rule_ctx *ctx;
	const struct fl_flow *f;
};

static void
bare_id(const struct fl_param_hit *hit, void *arg)
{
	struct bare *b = arg;
	struct fl_rule_ctx *ctx = b->ctx;
	struct fl_str v = fl_json_string(b->f->doc, hit->node);
	int kind = fl_res_kind_from_name(fl_str_cstr(hit->rule->kind));
	const struct fl_resource *known = NULL;

	if (v.ptr == NULL || !is_id(ctx, v))
		return;
	if (kind >= 0)
		known = fl_inventory_by_id(ctx->inventory,
		    (enum fl_res_kind)kind, v);
	fl_report(ctx, hit->node, "bare %s ID %.*s in %s: it exists only in "
	    "the instance the flow was exported from%s",
	    kind >= 0 ? fl_res_kind_label((enum fl_res_kind)kind) :
	    hit->rule->kind, FL_STR_ARGS(v), hit->meta_path,
	    advice(ctx, kind, known, false));
}

/* The portable slots FL101 leaves alone. */
static bool
portable(struct fl_rule_ctx *ctx, const struct fl_ref *r)
{
	struct fl_arn_literals lit;

	fl_portable_literals(&lit, r, ctx->patterns, ctx->match);
	return !lit.account && !lit.region && !lit.instance;
}

static void
literal_arn_id(struct fl_rule_ctx *ctx, const struct fl_ref *r)
{
	struct fl_str id = fl_portable_literal_id(r, ctx->patterns,
	    ctx->match);
	int kind = fl_res_kind_from_arn(r->u.arn.kind);
	const struct fl_resource *known = NULL;

	/* AWS-managed resources (account "aws") exist everywhere. */
	if (id.ptr == NULL || fl_str_eq_cstr(r->u.arn.account, "aws") ||
	    !portable(ctx, r))
		return;
	if (kind == FL_RES_LEX_BOT) {
		known = fl_inventory_by_id(ctx->inventory, FL_RES_LEX_BOT,
		    r->u.arn.id);
		fl_report(ctx, r->node, "Lex bot alias ARN names the bot or "
		    "alias by its ID %.*s, which differs in every account%s",
		    FL_STR_ARGS(id), known != NULL ? fl_arena_printf(ctx->arena,
		    "; it is \"%s\" (%s): write bot-alias/%s", known->name,
		    known->source, known->name) : "; write bot-alias/<bot "
		    "name>/<alias name>, as the reference exporter does");
		return;
	}
	if (kind >= 0)
		known = fl_inventory_by_id(ctx->inventory,
		    (enum fl_res_kind)kind, id);
	fl_report(ctx, r->node, "%s ARN hardcodes the %s ID %.*s, which "
	    "exists only in the instance the flow was exported from%s",
	    kind >= 0 ? fl_res_kind_label((enum fl_res_kind)kind) : "resource",
	    kind >= 0 ? fl_res_kind_label((enum fl_res_kind)kind) : "resource",
	    FL_STR_ARGS(id), advice(ctx, kind, known, true));
}

/*
 * A literal in a parameter of rules/data/instance-values.json: a cases
 * template, a task template, an encryption key (whatever its shape: the
 * console accepts any key ID), a Lex V1 region.  Caller IDs are FL103's.
 */
static void
literal_value(const struct fl_param_hit *hit, void *arg)
{
	struct bare *b = arg;
	struct fl_str v = fl_json_string(b->f->doc, hit->node);

	if (v.ptr == NULL || !fl_params_is_literal(v) ||
	    strcmp(hit->rule->kind, "phone-number") == 0)
		return;
	/* At the "Region" member: the parameter is what to rewrite. */
	if (strcmp(hit->rule->kind, "region") == 0)
		fl_report_key(b->ctx, hit->node, "literal region %.*s in %s ties "
		    "the flow to one region; write ${REGION}, as the "
		    "reference exporter does", FL_STR_ARGS(v), hit->meta_path);
	else
		fl_report(b->ctx, hit->node, "%s ID %.*s in %s exists only in "
		    "the instance the flow was exported from; set it per "
		    "environment (a contact attribute, or a value the deploy "
		    "fills in)", hit->rule->kind, FL_STR_ARGS(v),
		    hit->meta_path);
}

/* An AWS-managed resource (account "aws") is everywhere, but not its
 * region: the reference exporter writes ${REGION} there too. */
static void
managed_region(struct fl_rule_ctx *ctx, const struct fl_ref *r)
{
	struct fl_arn_literals lit;

	if (!fl_str_eq_cstr(r->u.arn.account, "aws"))
		return;
	fl_portable_literals(&lit, r, ctx->patterns, ctx->match);
	if (lit.region)
		fl_report(ctx, r->node, "AWS-managed %.*s ARN hardcodes region "
		    "%.*s: the resource exists in every region, but this ARN "
		    "only in one; write ${REGION}, as the reference exporter "
		    "does", FL_STR_ARGS(r->u.arn.kind),
		    FL_STR_ARGS(r->u.arn.region));
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	struct bare b = { ctx, f };
	uint32_t i;

	for (i = 0; i < f->nactions; i++) {
		fl_params_foreach(ctx->params, f, &f->actions[i], bare_id,
		    &b);
		fl_params_foreach_value(ctx->params, f, &f->actions[i],
		    literal_value, &b);
	}
	for (i = 0; i < f->nrefs; i++) {
		if (f->refs[i].kind != FL_REF_ARN || f->refs[i].in_metadata)
			continue;
		literal_arn_id(ctx, &f->refs[i]);
		managed_region(ctx, &f->refs[i]);
	}
}

const struct fl_rule fl_rule_hardcoded_resource_id = {
	.code = "FL102",
	.name = "hardcoded-resource-id",
	.severity = FL_SEV_ERROR,
	.check = check,
	.legacy = true,
};
