/*
 * The repository inventory: which resources exist, by kind, with their
 * names, IDs and ARNs where known.  Filled from the repository layout
 * (imports/resources/{flows,queues,hoop,...}, bots/) and from sources the
 * configuration names (name lists, saved AWS CLI list-* output).  No
 * check ever calls AWS.
 *
 * Owned by struct fl_run-level code (built once per run, read-only while
 * files are checked, so threads share it).
 */
#ifndef FL_INVENTORY_INVENTORY_H
#define FL_INVENTORY_INVENTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "util/str.h"

enum fl_res_kind {
	FL_RES_QUEUE,
	FL_RES_FLOW,
	FL_RES_MODULE,
	FL_RES_PROMPT,
	FL_RES_HOURS,
	FL_RES_LAMBDA,
	FL_RES_LEX_BOT,		/* name "bot" or "bot/alias" */
	FL_RES_ASSISTANT,
	FL_RES_QUICK_CONNECT,
	FL_RES_ROUTING_PROFILE,
	FL_RES_VIEW,
	FL_RES_AGENT_STATUS,
	FL_RES_KIND_COUNT
};

struct fl_resource {
	enum fl_res_kind kind;
	char *name;		/* owned; never NULL */
	char *id;		/* owned; NULL when unknown */
	char *arn;		/* owned; NULL when unknown */
	char *source;		/* owned: file it came from, for messages */
};

struct fl_inventory;

struct fl_inventory *fl_inventory_new(void);
void fl_inventory_free(struct fl_inventory *inv);

/* Adds a resource (copies the strings; id, arn may be NULL). */
void fl_inventory_add(struct fl_inventory *inv, enum fl_res_kind kind,
    const char *name, const char *id, const char *arn, const char *source);

/* Marks that some source of this kind exists (even an empty one). */
void fl_inventory_mark_kind(struct fl_inventory *inv, enum fl_res_kind kind);

/* Whether any source for `kind` was read: unknown kinds are not checked. */
bool fl_inventory_has_kind(const struct fl_inventory *inv, enum fl_res_kind kind);

const struct fl_resource *fl_inventory_by_name(const struct fl_inventory *inv,
    enum fl_res_kind kind, struct fl_str name);
const struct fl_resource *fl_inventory_by_id(const struct fl_inventory *inv,
    enum fl_res_kind kind, struct fl_str id);

/*
 * The inventory for a run over `paths` (command-line operands): the
 * repository they belong to, read from its layout and configuration.
 * Returns 0 and a new inventory for the caller to free, or a negative
 * FL_E* code with the message set.
 */
int fl_inventory_load_for(struct fl_inventory **out, char *const *paths,
    size_t n);

/* "queue", "flow", ... as used in messages and configuration. */
const char *fl_res_kind_name(enum fl_res_kind kind);

#endif
