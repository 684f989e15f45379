/*
 * The flow-language action catalog: what Amazon Connect accepts for each
 * action Type, from rules/data/actions.json, extended or overridden per
 * Type by the "actions" key of .flowlint.json.  The file maps each Type
 * to an entry:
 *
 *   "source":          the page (or export) the entry comes from; required
 *   "note":            where sources disagree, what was decided and why
 *   "aliases":         names other tools or the legacy format give the
 *                      action, for "did you mean" (e.g. TransferToQueue)
 *   "flow-types":      the flow types it is allowed in (API values, plus
 *                      "MODULE"), or "*" for all; required
 *   "terminal":        true when its Transitions must be {} (default false)
 *   "takes-input":     true when it waits for the customer (a key press, a
 *                      bot, a view, a chat message), who can change where
 *                      it goes (default false)
 *   "leaves-flow":     true when its success may end this flow's run (a
 *                      transfer, a module that may end the contact)
 *                      rather than take its NextAction (default false)
 *   "parameters":      {"Name": {"required": bool, "value": "static" |
 *                      "path" | "text"}}: "static" takes no JSONPath,
 *                      "path" a static value or one whole JSONPath, "text"
 *                      (the default) anything
 *   "closed":          true when "parameters" lists every parameter, so
 *                      that any other is refused (default false)
 *   "exclusive":       [{"one-of": ["Text", "SSML"], "required": bool}]:
 *                      at most one of the group (exactly one if required)
 *   "errors":          the ErrorTypes it supports (absent: not known, so
 *                      not checked)
 *   "required-errors": ErrorTypes it must have a branch for
 *   "conditions":      false (takes none), true (any), or {"operators":
 *                      [...], "operands": [...], "all": bool}: only those
 *                      operators and operand values, each operand exactly
 *                      once when "all"; absent: not known, not checked
 *
 * A catalog owns every string it holds; entries are sorted by Type.
 */
#ifndef FL_FLOW_CATALOG_H
#define FL_FLOW_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/str.h"

struct fl_json_file;

/* Where an action may run: the flow types of the API, and modules. */
enum fl_flow_kind {
	FL_KIND_CONTACT_FLOW,
	FL_KIND_CUSTOMER_QUEUE,
	FL_KIND_CUSTOMER_HOLD,
	FL_KIND_CUSTOMER_WHISPER,
	FL_KIND_AGENT_HOLD,
	FL_KIND_AGENT_WHISPER,
	FL_KIND_OUTBOUND_WHISPER,
	FL_KIND_AGENT_TRANSFER,
	FL_KIND_QUEUE_TRANSFER,
	FL_KIND_CAMPAIGN,
	FL_KIND_MODULE,
	FL_KIND_COUNT
};

#define FL_KINDS_ALL ((1u << FL_KIND_COUNT) - 1u)

/* "CONTACT_FLOW", ..., "MODULE", by enum fl_flow_kind. */
extern const char *const fl_flow_kind_names[FL_KIND_COUNT];
/* The kind named `s`, or -1. */
int fl_flow_kind_find(struct fl_str s);

struct fl_flow;
/* The kind of flow `f`: its wrapper's Type, MODULE for a module (no
 * Type, or Settings), else -1 (a raw document, an unknown Type). */
int fl_flow_kind_of(const struct fl_flow *f);

enum fl_value_class {
	FL_VALUE_TEXT,		/* static, or text with references */
	FL_VALUE_STATIC,	/* no JSONPath at all */
	FL_VALUE_PATH,		/* static, or one whole JSONPath */
};

enum fl_cat_conditions {
	FL_COND_UNKNOWN,	/* the catalog does not say */
	FL_COND_NONE,		/* takes no conditions */
	FL_COND_ANY,		/* any well-formed condition */
	FL_COND_RESTRICTED,	/* see operators/operands */
};

struct fl_cat_names {
	const char **v;
	size_t n;
};

struct fl_cat_param {
	const char *name;
	bool required;
	enum fl_value_class value;
};

struct fl_cat_group {
	struct fl_cat_names names;
	bool required;		/* exactly one, not at most one */
};

struct fl_cat_action {
	const char *type;
	size_t type_len;
	const char *source;
	const char *note;		/* NULL when none */
	struct fl_cat_names aliases;
	uint32_t kinds;			/* 1u << enum fl_flow_kind */
	bool terminal;
	bool takes_input;
	bool leaves_flow;
	struct fl_cat_param *params;
	size_t nparams;
	bool closed;
	struct fl_cat_group *groups;
	size_t ngroups;
	bool errors_known;
	struct fl_cat_names errors;
	struct fl_cat_names required_errors;
	enum fl_cat_conditions conditions;
	struct fl_cat_names operators;	/* RESTRICTED; empty: any */
	struct fl_cat_names operands;	/* RESTRICTED; empty: any */
	bool operands_all;		/* each operand exactly once */
};

struct fl_catalog {
	struct fl_cat_action *v;	/* sorted by type */
	size_t n, alloc;
	/* Type -> 1 + position in v (0: empty), open addressing; rules
	 * look up every action, and a search of v costs ten compares. */
	uint32_t *slots;		/* owned */
	uint32_t mask;
	struct fl_arena arena;		/* every string and list above */
};

/* An empty catalog. */
void fl_catalog_init(struct fl_catalog *c);
void fl_catalog_release(struct fl_catalog *c);

/*
 * Adds the entries of object `obj` of `f` (Type -> entry), replacing
 * entries of the same Type.  Returns 0, or FL_ECONFIG with
 * "<file>:<line>:<col>: <where><Type>.<key>: <reason>" set (`where`,
 * say "actions.", names the object; NULL: nothing); `c` then holds the
 * entries before the bad one.
 */
int fl_catalog_add(struct fl_catalog *c, struct fl_json_file *f,
    uint32_t obj, const char *where);

/*
 * Adds every entry of `from` to `c`, replacing entries of the same Type.
 * The entries borrow their strings from `from`, which must outlive `c`.
 */
void fl_catalog_merge(struct fl_catalog *c, const struct fl_catalog *from);

/* The built-in catalog, rules/data/actions.json, into `c`. */
int fl_catalog_load_default(struct fl_catalog *c);

/* The entry for Type `type`, or NULL (also when `c` is NULL). */
const struct fl_cat_action *fl_catalog_find(const struct fl_catalog *c,
    struct fl_str type);

/* The known Type `type` most likely means: the one that has it as an
 * alias, else the one sharing most CamelCase words with it, then the
 * nearest in edit distance (NULL if the catalog is empty). */
const struct fl_cat_action *fl_catalog_closest(const struct fl_catalog *c,
    struct fl_str type);

const struct fl_cat_param *fl_cat_action_param(const struct fl_cat_action *a,
    struct fl_str name);
bool fl_cat_names_has(const struct fl_cat_names *l, struct fl_str s);

#endif
