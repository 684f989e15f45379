/*
 * What a reference names and what the inventory resolves it to, shared
 * by the cross-file rules (FL303 dangling-flow-attribute, FL304
 * dangling-placeholder, FL310 name-collision).
 *
 * A reference has an intended kind when flowlint can tell it: a
 * placeholder by its kind letter; a $.FlowAttributes reference by the
 * resource parameter it is the value of (rules/data/resource-
 * parameters.json: TransferToFlow ContactFlowId is a flow, an event hook
 * a flow, InvokeFlowModule FlowModuleId a module, ...), else by what the
 * FLOW_OBJECT_MAPS# entry of the same name holds.
 */
#ifndef FL_RULES_RESOLVE_H
#define FL_RULES_RESOLVE_H

#include <stdbool.h>
#include <stdint.h>

#include "util/str.h"

struct fl_arena;
struct fl_flow;
struct fl_ref;
struct fl_resource;
struct fl_rule_ctx;

/* The kind of every resource-parameter value of a flow, by node. */
struct fl_param_kinds {
	struct fl_param_kind {
		uint32_t node;	/* the parameter's value in flow->doc */
		int kind;	/* enum fl_res_kind, or -1 (an agent) */
	} *v;			/* ctx arena, sorted by node */
	uint32_t n;
};

void fl_resolve_param_kinds(struct fl_param_kinds *out,
    struct fl_rule_ctx *ctx, const struct fl_flow *f);

/* The kind of the resource parameter whose value is `node`, or -1. */
int fl_resolve_node_kind(const struct fl_param_kinds *pk, uint32_t node);

/* The intended kind of a $.FlowAttributes reference, or -1. */
int fl_resolve_attr_kind(const struct fl_param_kinds *pk,
    const struct fl_flow *f, const struct fl_ref *r);

/*
 * The name the deploy replacer looks up for a placeholder: its name with
 * the first ".wav" removed, as `resource.replace(".wav", "")` does (in
 * the ctx arena when it differs).
 */
struct fl_str fl_resolve_placeholder_key(struct fl_rule_ctx *ctx,
    const struct fl_ref *r);
/* The same for a placeholder that would name `name` (in arena a). */
struct fl_str fl_resolve_name_key(struct fl_arena *a, struct fl_str name);

/*
 * Whether the deploy replacer rebuilds FLOW_OBJECT_MAPS# from the flow's
 * $.FlowAttributes references (it does when there is at least one),
 * discarding the placeholders written in the map.
 */
bool fl_resolve_map_rebuilt(const struct fl_flow *f);

struct fl_resolution {
	int kind;			/* intended kind, or -1 */
	struct fl_str key;		/* the name looked up */
	const struct fl_resource *own;	/* of the intended kind, or NULL */
	const struct fl_resource *picked; /* what the replacer's one name
					   map gives, or NULL */
	bool checkable;			/* the inventory has a source for
					   the intended kind */
	bool mapped;			/* the replacer's map holds the kind */
};

void fl_resolve(struct fl_resolution *out, const struct fl_rule_ctx *ctx,
    int kind, struct fl_str key);

/* "imports/resources/queues, inventory/queues.json" (ctx arena). */
const char *fl_resolve_sources(struct fl_rule_ctx *ctx, int kind);

#endif
