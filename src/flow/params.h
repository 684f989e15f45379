/*
 * Which action parameters hold which kind of resource, from
 * rules/data/resource-parameters.json:
 *
 *   { "<action Type>": { "<parameter path>": "<resource kind>" } }
 *
 * A path is member names joined by '/'; "*" stands for every member of
 * an object, as in the path EventHooks-slash-star.  A parameter that
 * accepts a whole-value JSONPath reference (connect-flow-format.md §3,
 * classes J and D) is written {"kind": "<resource kind>", "dynamic":
 * true}; `flowlint fix` may then point it at $.FlowAttributes.<name>.
 */
#ifndef FL_FLOW_PARAMS_H
#define FL_FLOW_PARAMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/str.h"

struct fl_flow;
struct fl_action;

struct fl_param_rule {
	char *type;		/* action Type (owned) */
	size_t type_len;	/* strlen(type): compared first, per action */
	char *path;		/* parameter path (owned) */
	char *kind;		/* resource kind (owned) */
	bool dynamic;		/* accepts a whole-value JSONPath */
};

struct fl_params {
	struct fl_param_rule *v;	/* owned */
	size_t n;
	/*
	 * Parameters whose literal value ties the flow to its instance
	 * without naming a resource, from rules/data/instance-values.json
	 * (same format; kinds such as "phone-number", "case-template",
	 * "encryption-key", "region").  Owned; empty unless loaded by
	 * fl_params_load_default.
	 */
	struct fl_param_rule *values;
	size_t nvalues;
};

int fl_params_load(struct fl_params *out, const char *text, size_t len,
    const char *origin);
/* Both built-in tables: resource parameters and instance values. */
int fl_params_load_default(struct fl_params *out);
void fl_params_release(struct fl_params *p);

/* One resource parameter found in an action. */
struct fl_param_hit {
	const struct fl_param_rule *rule;
	uint32_t node;			/* the parameter's value */
	const char *meta_path;		/* e.g. "EventHooks/CustomerQueue" */
};

/*
 * Calls `fn` for every resource parameter of action `act`.  The
 * meta_path passed is valid only during the call.
 */
void fl_params_foreach(const struct fl_params *p, const struct fl_flow *f,
    const struct fl_action *act,
    void (*fn)(const struct fl_param_hit *hit, void *arg), void *arg);

/* The same for the instance-value parameters of action `act`. */
void fl_params_foreach_value(const struct fl_params *p,
    const struct fl_flow *f, const struct fl_action *act,
    void (*fn)(const struct fl_param_hit *hit, void *arg), void *arg);

/*
 * The rule for a top-level parameter `name` whatever the action, when
 * every action that has it holds the same kind there (QueueId: a
 * queue); else NULL.  For actions of a type the table does not know.
 */
const struct fl_param_rule *fl_params_by_name(const struct fl_params *p,
    struct fl_str name);

/*
 * Whether a parameter value is written literally: not empty, not a
 * JSONPath reference, and not some convention's placeholder.
 */
bool fl_params_is_literal(struct fl_str v);

#endif
