/*
 * FL102 hardcoded-resource-id: a resource named by its instance-specific
 * ID where a reference belongs: a bare ID as the value of a resource
 * parameter (QueueId, ContactFlowId, ...) with the shape of a Connect
 * resource ID (a UUID, the literal_instance pattern of
 * rules/data/patterns.json); a literal in a parameter that takes an
 * instance's own value; a literal region outside an ARN.  An ARN that
 * still holds a literal ID is FL101's, whatever else it parameterizes.
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

struct bare {
	struct fl_rule_ctx *ctx;
	const struct fl_flow *f;
	struct fl_portable_home home;	/* once `homed`: for the advice */
	bool homed;
};

/* How to write a literal region so that it is no longer one: in the
 * file's own templating when it has another (a Terraform template would
 * fail on ${REGION}), else as the reference exporter does. */
static const char *
region_advice(struct bare *b)
{
	const char *other;

	if (!b->homed) {
		fl_portable_home(&b->home, b->ctx, b->f);
		b->homed = true;
	}
	other = fl_portable_other_convention(&b->home);
	if (other == NULL)
		return "write ${REGION}, as the reference exporter does";
	return fl_arena_printf(b->ctx->arena, "parameterize it with the "
	    "file's %s, as its other values are", other);
}

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
	    fl_portable_id_advice(ctx, kind, known, false));
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
		    "the flow to one region; %s", FL_STR_ARGS(v),
		    hit->meta_path, region_advice(b));
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
managed_region(struct bare *b, const struct fl_ref *r)
{
	struct fl_rule_ctx *ctx = b->ctx;
	struct fl_arn_literals lit;

	if (!fl_str_eq_cstr(r->u.arn.account, "aws"))
		return;
	fl_portable_literals(&lit, r, ctx->patterns, ctx->match);
	if (lit.region)
		fl_report(b->ctx, r->node, "AWS-managed %.*s ARN hardcodes "
		    "region %.*s: the resource exists in every region, but "
		    "this ARN only in one; %s", FL_STR_ARGS(r->u.arn.kind),
		    FL_STR_ARGS(r->u.arn.region), region_advice(b));
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	struct bare b = { .ctx = ctx, .f = f };
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
		managed_region(&b, &f->refs[i]);
	}
}

const struct fl_rule fl_rule_hardcoded_resource_id = {
	.code = "FL102",
	.name = "hardcoded-resource-id",
	.severity = FL_SEV_ERROR,
	.check = check,
	.legacy = true,
};
