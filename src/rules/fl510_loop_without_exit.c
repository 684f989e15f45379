/*
 * FL510 loop-without-exit: a cycle of the transition graph that the
 * contact can never leave except by hanging up.  Precisely: a strongly
 * connected component (two or more actions, or one that names itself),
 * reachable from StartAction, from which every branch (NextAction,
 * each error, each condition) leads back into it, and none of whose
 * actions waits for the customer or may end the flow's run by a
 * transfer (catalog "takes-input", "leaves-flow").
 *
 * What stays quiet, because it can end or is meant to repeat:
 *  - flows whose loop ends from outside: customer queue and hold flows
 *    play until an agent answers or the hold ends; a component holding
 *    an action that only such flows allow (MessageParticipantIteratively)
 *    is one of them wherever it lies (a module);
 *  - flows of unknown type (a raw document): they may be queue flows;
 *  - a terminal action (DisconnectParticipant) ends the flow even when
 *    it is given Transitions (FL505 says they must be {});
 *  - a branch whose target is missing, not a string or names no action,
 *    an action without a NextAction, or a Type not in the catalog:
 *    Connect's way out there is not known, so it may be one.
 */
#include "flow/catalog.h"
#include "flow/flow.h"
#include "rules/rule.h"
#include "util/arena.h"
#include "util/buf.h"

/* The flow kinds whose loops end from outside. */
#define WAITING_KINDS ((1u << FL_KIND_CUSTOMER_QUEUE) | \
	(1u << FL_KIND_CUSTOMER_HOLD) | (1u << FL_KIND_AGENT_HOLD))

/* Members listed in the message before "...". */
#define LIST_MAX 6

/*
 * Tarjan's components, without recursion (a flow may hold thousands of
 * actions): comp[i] is action i's component, numbered in the order they
 * complete, which puts every component after all those it reaches.
 * Unresolved successors (FL_NO_ACTION) are no edge.  Returns the count.
 */
static uint32_t
components(const struct fl_flow *f, struct fl_arena *a, uint32_t *comp)
{
	uint32_t n = f->nactions, next = 1, ncomp = 0, sp = 0, cp = 0;
	uint32_t *index = fl_arena_array(a, n + 1, sizeof(*index));
	uint32_t *low = fl_arena_array(a, n + 1, sizeof(*low));
	uint32_t *stack = fl_arena_array(a, n + 1, sizeof(*stack));
	uint32_t *call = fl_arena_array(a, n + 1, sizeof(*call));
	uint32_t *edge = fl_arena_array(a, n + 1, sizeof(*edge));
	uint8_t *on = fl_arena_alloc(a, n + 1);
	uint32_t root;

	for (root = 0; root < n; root++) {
		if (index[root] != 0)
			continue;
		index[root] = low[root] = next++;
		stack[sp++] = root;
		on[root] = 1;
		call[cp] = root;
		edge[cp++] = 0;
		while (cp > 0) {
			uint32_t v = call[cp - 1];
			const struct fl_action *act = &f->actions[v];

			if (edge[cp - 1] < act->nsucc) {
				int32_t w = act->succ[edge[cp - 1]++];

				if (w == FL_NO_ACTION)
					continue;
				if (index[w] == 0) {
					index[w] = low[w] = next++;
					stack[sp++] = (uint32_t)w;
					on[w] = 1;
					call[cp] = (uint32_t)w;
					edge[cp++] = 0;
				} else if (on[w] && index[w] < low[v]) {
					low[v] = index[w];
				}
				continue;
			}
			if (low[v] == index[v]) {
				uint32_t w;

				do {
					w = stack[--sp];
					on[w] = 0;
					comp[w] = ncomp;
				} while (w != v);
				ncomp++;
			}
			if (--cp > 0 && low[v] < low[call[cp - 1]])
				low[call[cp - 1]] = low[v];
		}
	}
	return ncomp;
}

/* Whether every branch of `act` (a NextAction, each element of its
 * Errors and Conditions) names its target with a string, so that its
 * successors are all of them. */
static bool
all_branches_named(const struct fl_flow *f, const struct fl_action *act)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t it, n = 0;

	if (!fl_json_is(d, fl_flow_get(f, act->transitions, "NextAction"),
	    FL_JSON_STRING))
		return false;
	fl_json_foreach(d, act->transitions, it)
		n += d->nodes[it].type == FL_JSON_ARRAY ?
		    d->nodes[it].count : 0;
	return act->nsucc == n + 1;
}

/* Whether action `i`, a member of component `c`, keeps the contact in
 * it: every branch resolves into `c` and nothing else can end it. */
static bool
holds(const struct fl_rule_ctx *ctx, const struct fl_flow *f,
    const uint32_t *comp, uint32_t c, uint32_t i)
{
	const struct fl_action *act = &f->actions[i];
	const struct fl_cat_action *e = ctx->entries[i];
	uint32_t k;

	if (e == NULL || e->terminal || e->takes_input || e->leaves_flow ||
	    (e->kinds & ~(WAITING_KINDS | (1u << FL_KIND_MODULE))) == 0 ||
	    !all_branches_named(f, act))
		return false;
	for (k = 0; k < act->nsucc; k++)
		if (act->succ[k] == FL_NO_ACTION || comp[act->succ[k]] != c)
			return false;
	return true;
}

/* Whether component `c` is a loop: more than one action, or one that
 * branches to itself. */
static bool
is_cycle(const struct fl_flow *f, const uint32_t *comp, uint32_t c,
    uint32_t first, uint32_t size)
{
	const struct fl_action *act = &f->actions[first];
	uint32_t k;

	if (size > 1)
		return true;
	for (k = 0; k < act->nsucc; k++)
		if (act->succ[k] != FL_NO_ACTION &&
		    comp[act->succ[k]] == c)
			return true;
	return false;
}

static void
report(struct fl_rule_ctx *ctx, const struct fl_flow *f, const uint32_t *comp,
    uint32_t c, uint32_t first, uint32_t size)
{
	struct fl_buf b = FL_BUF_INIT;
	uint32_t i, listed = 0;

	for (i = first; i < f->nactions && listed < LIST_MAX; i++) {
		if (comp[i] != c)
			continue;
		fl_buf_addf(&b, "%s%.*s \"%.*s\"", listed > 0 ? ", " : "",
		    FL_STR_ARGS(f->actions[i].type),
		    FL_STR_ARGS(f->actions[i].id));
		listed++;
	}
	fl_report(ctx, f->actions[first].id_node, "loop without exit: %s%s "
	    "%s waits for the customer or transfers the contact, so the "
	    "contact circles until it is disconnected", b.ptr,
	    size > listed ? ", ..." : "", size == 1 ?
	    "leads only back to itself and never" :
	    "lead only back to each other and none");
	fl_buf_release(&b);
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	int kind = fl_flow_kind_of(f);
	uint8_t *seen;
	uint32_t *comp, *first, *size, ncomp, i;
	bool *closed;

	if (kind < 0 || (WAITING_KINDS & (1u << kind)) != 0 ||
	    (seen = fl_flow_reach(f, ctx->arena, FL_NO_ACTION)) == NULL)
		return;
	comp = fl_arena_array(ctx->arena, f->nactions + 1, sizeof(*comp));
	ncomp = components(f, ctx->arena, comp);
	first = fl_arena_array(ctx->arena, ncomp + 1, sizeof(*first));
	size = fl_arena_array(ctx->arena, ncomp + 1, sizeof(*size));
	closed = fl_arena_array(ctx->arena, ncomp + 1, sizeof(*closed));
	for (i = f->nactions; i-- > 0;) {
		first[comp[i]] = i;
		size[comp[i]]++;
		closed[comp[i]] = true;
	}
	for (i = 0; i < f->nactions; i++)
		if (!seen[i] || !holds(ctx, f, comp, comp[i], i))
			closed[comp[i]] = false;
	for (i = 0; i < ncomp; i++)
		if (closed[i] && is_cycle(f, comp, i, first[i], size[i]))
			report(ctx, f, comp, i, first[i], size[i]);
}

const struct fl_rule fl_rule_loop_without_exit = {
	.code = "FL510",
	.name = "loop-without-exit",
	.severity = FL_SEV_WARNING,
	.check = check,
};
