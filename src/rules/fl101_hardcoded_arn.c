/*
 * FL101 hardcoded-arn: an ARN whose region, account or Connect instance
 * is literal, anywhere in the flow document (Actions, Metadata, the
 * object map); or whose slots are all portable but whose resource ID is
 * still the source instance's (a UUID anywhere in the resource, a Lex V2
 * bot or alias ID: rules/portable.h), outside the console's Metadata.  A slot is literal when it has the shape of a real value
 * (rules/data/patterns.json); placeholders of any convention are not.
 * When `flowlint fix` cannot rewrite the ARN (a resource name the
 * inventory lacks, an account that is not the flow's own), the message
 * says what is missing and the finding is not marked fixable.
 *
 * The fix writes the portable form check worked out (rules/portable.h).
 * Where the ARN is the whole value of a parameter that accepts a dynamic
 * reference (resource-parameters.json) and the convention keeps its kind
 * in FLOW_OBJECT_MAPS#, it moves there under the resource's name: the
 * parameter reads $.FlowAttributes.<name> and the console's metadata
 * marks it dynamic, as in the reference repository's flows.  Everywhere
 * else - Metadata copies, the object map's own values, free text,
 * parameters the convention keeps inline - the ARN is rewritten in place.
 */
#include <string.h>

#include "fix/pass.h"
#include "flow/flow.h"
#include "flow/params.h"
#include "flow/patterns.h"
#include "inventory/inventory.h"
#include "inventory/sources.h"
#include "rules/portable.h"
#include "rules/resolve.h"
#include "rules/rule.h"
#include "util/arena.h"
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

/* What check worked out for the fix of a finding. */
struct arn_fix {
	const struct fl_ref *ref;
	struct fl_portable port;	/* written (why_not NULL) */
};

/*
 * Whether the ARN string at `node` (an object-map entry's value) is
 * rewritten by this rule's fix to `value`: it is the whole value and
 * a fixable finding of this rule.
 */
static bool
rewritten_to(const struct fl_fix_pass *p, uint32_t node, struct fl_str value)
{
	uint32_t i;

	for (i = 0; node != FL_JSON_NONE && i < p->diags->n; i++) {
		const struct fl_diag *d = &p->diags->v[i];
		const struct arn_fix *fx = d->fix_data;

		if (d->rule == &fl_rule_hardcoded_arn && d->node == node &&
		    fx != NULL && fx->ref->whole_value)
			return fl_str_eq(fx->port.text, value);
	}
	return false;
}

/* The resource parameter whose value is `node`, if any. */
struct param_of {
	uint32_t node;
	struct fl_arena *a;
	const struct fl_param_rule *rule;	/* NULL: not a parameter */
	const char *meta_path;			/* arena */
};

static void
find_param(const struct fl_param_hit *hit, void *arg)
{
	struct param_of *q = arg;

	if (hit->node != q->node || q->rule != NULL)
		return;
	q->rule = hit->rule;
	q->meta_path = fl_arena_strndup(q->a, hit->meta_path,
	    strlen(hit->meta_path));
}

/* Whether the deploy step can resolve port->name as a resource of its
 * kind, as far as the inventory knows: a kind with no source is not
 * checked (FL303 does not check it either). */
static bool
known_name(const struct fl_inventory *inv, const struct fl_portable *port)
{
	int kind = fl_res_kind_from_name(fl_str_cstr(port->kind));

	if (inv == NULL || kind < 0 ||
	    !fl_inventory_has_kind(inv, (enum fl_res_kind)kind))
		return true;
	return fl_inventory_by_key(inv, (enum fl_res_kind)kind, port->name) !=
	    NULL;
}

/* Moves the ARN into the object map, if everything allows it. */
static bool
to_flow_attribute(const struct fl_rule_ctx *ctx, struct fl_fix_pass *p,
    const struct fl_ref *r, const struct fl_portable *port)
{
	const struct fl_flow *f = p->f;
	uint32_t held;
	struct param_of q = { r->node, p->a, NULL, NULL };
	struct fl_buf ref = FL_BUF_INIT, json = FL_BUF_INIT;

	if (r->in_metadata || !r->whole_value || r->action == FL_NO_ACTION ||
	    port->name.len == 0)
		return false;
	fl_params_foreach(ctx->params, f, &f->actions[r->action], find_param,
	    &q);
	if (q.rule == NULL || !q.rule->dynamic ||
	    strcmp(q.rule->kind, port->kind) != 0)
		return false;
	/* A key the deploy step cannot read, or that a variable shadows. */
	if (!fl_portable_key_ok(port->name, ctx->patterns, ctx->match) ||
	    fl_strset_has(&f->vars, port->name))
		return false;
	/*
	 * A name the inventory's sources for this kind lack would be a
	 * dangling reference (FL303): the ARN stays inline instead.
	 */
	if (!known_name(ctx->inventory, port))
		return false;
	if ((!fl_fix_map_can_hold(p, r->action, port->name, port->text,
	    &held) && !rewritten_to(p, held, port->text)) ||
	    !fl_fix_mark_dynamic(p, r->action, q.meta_path, true))
		return false;

	fl_buf_adds(&ref, "$.FlowAttributes.");
	fl_buf_addstr(&ref, port->name);
	fl_buf_add_json_string(&json, fl_buf_str(&ref));
	fl_fix_replace(p, r->node, fl_buf_str(&json));
	fl_fix_map_put(p, port->name, port->text);
	fl_fix_mark_dynamic(p, r->action, q.meta_path, false);
	fl_buf_release(&ref);
	fl_buf_release(&json);
	return true;
}

/* Why an ARN in a FLOW_OBJECT_MAPS# value the deploy rebuilds is a
 * warning (connect-flow-format.md §7.4). */
#define REBUILT "; it is a FLOW_OBJECT_MAPS# value, which the deploy step " \
	"rebuilds from the entry's name, so it never reaches Connect, but " \
	"the console and every reader see the source environment's ARN"

/* Only the repository is wrong, not the deployed flow. */
static void
rebuilt_severity(const struct fl_rule_ctx *ctx, struct fl_diag *d,
    bool rebuilt)
{
	if (rebuilt && ctx->severity == FL_SEV_ERROR)
		d->severity = FL_SEV_WARNING;
}

/*
 * An ARN whose account, region and instance are portable, but whose
 * resource ID is still the one of the source instance.  No fix: the
 * message says what to write.
 */
static void
literal_id(struct fl_rule_ctx *ctx, const struct fl_ref *r, bool rebuilt)
{
	struct fl_str id = fl_portable_literal_id(r, ctx->patterns,
	    ctx->match);
	int kind = fl_res_kind_from_arn(r->u.arn.kind);
	const struct fl_resource *known = NULL;
	const char *advice;
	struct fl_diag *d;

	/* The console's Metadata copy follows the parameter. */
	if (id.ptr == NULL || r->in_metadata)
		return;
	if (kind == FL_RES_LEX_BOT) {
		known = fl_inventory_by_id(ctx->inventory, FL_RES_LEX_BOT,
		    r->u.arn.id);
		advice = known != NULL ? fl_arena_printf(ctx->arena, "; it is "
		    "\"%s\" (%s): write bot-alias/%s", known->name,
		    known->source, known->name) : "; write bot-alias/<bot "
		    "name>/<alias name>, as the reference exporter does";
		d = fl_report(ctx, r->node, "Lex bot alias ARN names the bot or "
		    "alias by its ID %.*s, which differs in every account%s%s",
		    FL_STR_ARGS(id), advice, rebuilt ? REBUILT : "");
	} else {
		if (kind >= 0)
			known = fl_inventory_by_id(ctx->inventory,
			    (enum fl_res_kind)kind, id);
		d = fl_report(ctx, r->node, "%s ARN hardcodes the %s ID %.*s, "
		    "which exists only in the instance the flow was exported "
		    "from%s%s", kind >= 0 ?
		    fl_res_kind_label((enum fl_res_kind)kind) : "resource",
		    kind >= 0 ? fl_res_kind_label((enum fl_res_kind)kind) :
		    "resource", FL_STR_ARGS(id),
		    fl_portable_id_advice(ctx, kind, known, true),
		    rebuilt ? REBUILT : "");
	}
	rebuilt_severity(ctx, d, rebuilt);
	d->fixable = false;
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	const struct fl_patterns *p = ctx->patterns;
	struct fl_portable_home home;
	struct fl_buf what = FL_BUF_INIT;
	bool map_rebuilt = fl_resolve_map_rebuilt(f), rebuilt;
	uint32_t i;

	fl_portable_home(&home, ctx, f);
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
		rebuilt = r->in_object_map && map_rebuilt;
		if (n == 0) {
			literal_id(ctx, r, rebuilt);
			continue;
		}
		/* Fixable exactly when `flowlint fix` can write it portably. */
		fl_portable_arn(&port, ctx->arena, r, &home,
		    ctx->inventory, p, ctx->match);
		if (rebuilt)
			fl_buf_adds(&what, REBUILT);
		if (port.why_not != NULL)
			fl_buf_addf(&what, "; no automatic fix: %s",
			    port.why_not);
		res = resource_name(r);
		d = fl_report(ctx, r->node, "%s%.*s ARN hardcodes %s",
		    res != NULL ? res : "", res != NULL ? 0 :
		    (int)r->u.arn.service.len, r->u.arn.service.ptr, what.ptr);
		rebuilt_severity(ctx, d, rebuilt);
		d->fixable = port.why_not == NULL;
		if (d->fixable && d->node != FL_JSON_NONE) {
			struct arn_fix *fx = fl_arena_alloc(ctx->arena,
			    sizeof(*fx));

			fx->ref = r;
			fx->port = port;
			d->fix_data = fx;
		}
	}
	fl_buf_release(&what);
}

/*
 * The ARN becomes its portable form: moved into the object map where
 * the parameter takes a dynamic reference and the convention keeps its
 * kind there, rewritten in place everywhere else.
 */
static void
fix(const struct fl_rule_ctx *ctx, struct fl_fix_pass *p,
    const struct fl_diag *d)
{
	const struct arn_fix *fx = d->fix_data;

	if (fx == NULL)
		return;
	fl_fix_claim(p, d);
	if (!to_flow_attribute(ctx, p, fx->ref, &fx->port))
		fl_fix_replace_in_string(p, fx->ref->node, fx->ref->text,
		    fx->port.text);
}

const struct fl_rule fl_rule_hardcoded_arn = {
	.code = "FL101",
	.name = "hardcoded-arn",
	.severity = FL_SEV_ERROR,
	.check = check,
	.legacy = true,
	.fix = fix,
	.fix_title = "Parameterize the ARN and move it into FLOW_OBJECT_MAPS#",
};
