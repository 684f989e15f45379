/*
 * FL502 action-not-allowed-in-flow-type: an action whose catalog entry
 * excludes the flow's type (the wrapper's Type or ContactFlowType; a
 * module is its own kind).  Without a type (a raw document), an action
 * that no flow type allows together with the actions before it (a raw
 * document that starts with a module-only action may be a module's
 * content: it is left alone).
 */
#include "flow/catalog.h"
#include "flow/flow.h"
#include "rules/rule.h"
#include "util/arena.h"
#include "util/buf.h"

/* "CUSTOMER_QUEUE, AGENT_HOLD or MODULE", in the arena. */
static const char *
kinds_text(struct fl_arena *a, uint32_t kinds)
{
	struct fl_buf b = FL_BUF_INIT;
	const char *out;
	int k, left = __builtin_popcount(kinds);

	for (k = 0; k < FL_KIND_COUNT; k++) {
		if (!(kinds & (1u << k)))
			continue;
		left--;
		fl_buf_addf(&b, "%s%s", fl_flow_kind_names[k],
		    left > 1 ? ", " : left == 1 ? " or " : "");
	}
	out = fl_arena_strdup(a, b.ptr ? b.ptr : "");
	fl_buf_release(&b);
	return out;
}

static uint32_t
type_node(const struct fl_flow *f, const struct fl_action *a)
{
	return fl_flow_get(f, a->node, "Type");
}

static uint32_t
kinds_of(struct fl_rule_ctx *ctx, const struct fl_flow *f,
    const struct fl_action *a)
{
	const struct fl_cat_action *e = ctx->entries[a - f->actions];

	return e ? e->kinds : FL_KINDS_ALL;
}

/* The first action before action `n` that shares no flow type with
 * `kinds`, or NULL (when only several together exclude them). */
static const struct fl_action *
disjoint(struct fl_rule_ctx *ctx, const struct fl_flow *f, uint32_t n,
    uint32_t kinds)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		if (!(kinds_of(ctx, f, &f->actions[i]) & kinds &
		    ~(1u << FL_KIND_MODULE)))
			return &f->actions[i];
	return NULL;
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	int kind = fl_flow_kind_of(f);
	uint32_t i, common = FL_KINDS_ALL & ~(1u << FL_KIND_MODULE);
	const struct fl_action *narrowed = NULL;

	if (ctx->catalog == NULL || (kind < 0 && f->type.len > 0))
		return;		/* a Type this catalog does not know */
	for (i = 0; i < f->nactions; i++) {
		const struct fl_action *a = &f->actions[i];
		const struct fl_cat_action *e = ctx->entries[i];

		if (e == NULL)
			continue;
		if (kind >= 0 && !(e->kinds & (1u << kind))) {
			fl_report(ctx, type_node(f, a), "%s is not allowed in "
			    "a %s flow (only in %s)", e->type,
			    fl_flow_kind_names[kind],
			    kinds_text(ctx->arena, e->kinds));
		} else if (kind < 0 && !(e->kinds & common) &&
		    narrowed != NULL) {
			const struct fl_action *b = disjoint(ctx, f, i,
			    e->kinds);

			fl_report(ctx, type_node(f, a), "%s (allowed only in "
			    "%s) and %.*s (Identifier \"%.*s\", allowed only "
			    "in %s) cannot be in the same flow: no flow type "
			    "allows both", e->type,
			    kinds_text(ctx->arena, e->kinds),
			    FL_STR_ARGS(b ? b->type : narrowed->type),
			    FL_STR_ARGS(b ? b->id : narrowed->id),
			    kinds_text(ctx->arena, b ? kinds_of(ctx, f, b) :
			    common));
		} else if (kind < 0 && (e->kinds & common) != common) {
			common &= e->kinds;
			narrowed = a;
		}
	}
}

const struct fl_rule fl_rule_action_not_allowed_in_flow_type = {
	.code = "FL502",
	.name = "action-not-allowed-in-flow-type",
	.severity = FL_SEV_ERROR,
	.check = check,
};
