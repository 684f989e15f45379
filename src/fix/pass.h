/*
 * One fix pass over a linted file: the requests a rule's fix makes
 * (struct fl_rule's fix, rules/rule.h).
 *
 * Fixes do not write text directly:
 * they ask for changes to the flow document's JSON - replace a value,
 * remove an object member, add members or array elements, make a flag
 * true - and the pass turns all of them into one list of text edits at
 * the end.  Asking for changes rather than writing edits lets several
 * fixers touch one object (a removal and an addition in the same
 * ActionMetadata) and still produce valid JSON with the file's own
 * layout, and it records what was meant to change, node by node, for
 * the verification that follows (verify.c).
 *
 * Offsets are first in the flow document's text (the decoded Content
 * for a wrapped export) and are translated to the file at the end; a
 * replacement inside Content is escaped as a JSON string body there.
 */
#ifndef FL_FIX_PASS_H
#define FL_FIX_PASS_H

#include <stdbool.h>
#include <stdint.h>

#include "fix/edit.h"
#include "util/str.h"
#include "util/strset.h"

struct fl_arena;
struct fl_diag;
struct fl_diag_list;
struct fl_flow;
struct fl_json_doc;

/* What a pass intends for a node of the flow document (verify.c). */
enum fl_fix_mark {
	FL_FIX_REPLACED = 1 << 0,	/* the value is rewritten */
	FL_FIX_REMOVED = 1 << 1,	/* the member is removed */
	FL_FIX_GROWS = 1 << 2,		/* the container gains members */
};

struct fl_fix_add;		/* a member or element to add (pass.c) */
struct fl_fix_plan;		/* what happens to one container (pass.c) */

struct fl_fix_entry {		/* an object-map entry to add */
	struct fl_str key;	/* arena */
	struct fl_str value;	/* arena: the Value string */
	struct fl_fix_entry *next;
};

struct fl_fix_pass {
	const struct fl_flow *f;	/* the linted input (borrowed) */
	const struct fl_json_doc *d;	/* f->doc */
	const struct fl_diag_list *diags; /* f's findings (borrowed) */
	struct fl_arena *a;		/* the file's: lives as long as f */

	uint8_t *marks;			/* enum fl_fix_mark, per node of d */
	bool *claimed;			/* per diags->v: a fix addresses it */
	struct fl_edits values;		/* replacements, in d's offsets */
	struct fl_fix_plan *plans;	/* containers that change */

	/* The object map, shared by FL101, FL201 and FL204. */
	struct fl_fix_entry *entries;	/* to add, in order */
	struct fl_strset referenced;	/* keys this pass starts to use */
	bool create_map;		/* insert FLOW_OBJECT_MAPS# */
};

/* A pass over flow `f` (loaded) with findings `diags`, in arena `a`. */
void fl_fix_pass_init(struct fl_fix_pass *p, const struct fl_flow *f,
    const struct fl_diag_list *diags, struct fl_arena *a);
void fl_fix_pass_release(struct fl_fix_pass *p);

/* Marks the diagnostic as addressed (the finding must go away). */
void fl_fix_claim(struct fl_fix_pass *p, const struct fl_diag *d);

/* Replaces the whole value at `node` with the JSON text `json`. */
void fl_fix_replace(struct fl_fix_pass *p, uint32_t node, struct fl_str json);

/*
 * Replaces `sub`, a slice of the decoded string at `node`, with the
 * string `text` (escaped as needed).
 */
void fl_fix_replace_in_string(struct fl_fix_pass *p, uint32_t node,
    struct fl_str sub, struct fl_str text);

/* Removes member `node` from its object. */
void fl_fix_remove_member(struct fl_fix_pass *p, uint32_t node);

/* Appends member `key` with the compact JSON value `json` to `obj`. */
void fl_fix_add_member(struct fl_fix_pass *p, uint32_t obj, struct fl_str key,
    struct fl_str json);

/* Appends the compact JSON value `json` to array `arr`. */
void fl_fix_add_element(struct fl_fix_pass *p, uint32_t arr, struct fl_str json);

/*
 * Makes obj.<path> true, for a path of member names joined by '/',
 * creating the objects that are missing (merged with additions already
 * asked for in this pass).  Returns false, changing nothing, when the
 * path runs into a value that is not an object, or ends at one that is
 * not a boolean.  With `dry_run` it only answers.
 */
bool fl_fix_ensure_true(struct fl_fix_pass *p, uint32_t obj, const char *path,
    bool dry_run);

/*
 * Turns everything asked for into `out`, edits of the file's bytes,
 * after adding the object map's new entries (or the new map).  A
 * replacement inside a member that is removed is dropped with it;
 * fl_edits_apply refuses any other conflict.
 */
void fl_fix_pass_emit(struct fl_fix_pass *p, struct fl_edits *out);

/*
 * Checks the pass's output - its flow `after` (doc NULL when it is no
 * flow) and findings `found`, linted with every rule - against what the
 * pass meant to do (verify.c).  Returns 0, or FL_EINVAL with the reason.
 */
int fl_fix_verify(const struct fl_fix_pass *p, const struct fl_flow *after,
    const struct fl_diag_list *found);

/* Object-map requests (objmap.c), for FL101's conversions and FL201. */

/*
 * Whether action `act` may read $.FlowAttributes.<key> holding `value`:
 * there is (or this pass inserts) a FLOW_OBJECT_MAPS# that runs before
 * it on every path, and its entry `key` is absent or holds `value`.
 * When the entry holds another string, *held is its node (which a fix
 * may rewrite to `value`), else FL_JSON_NONE.
 */
bool fl_fix_map_can_hold(struct fl_fix_pass *p, int32_t act, struct fl_str key,
    struct fl_str value, uint32_t *held);

/* Adds entry key -> value to the object map (creating it if needed). */
void fl_fix_map_put(struct fl_fix_pass *p, struct fl_str key,
    struct fl_str value);

/* Adds the entries put, or the new map, to the document (emit's first
 * step). */
void fl_fix_map_finish(struct fl_fix_pass *p);

/* Inserts FLOW_OBJECT_MAPS# as the start action (FL201). */
void fl_fix_map_create(struct fl_fix_pass *p);

/*
 * Whether the console metadata entry `key` (of an action that does not
 * exist) serves the object map this pass inserts, and must stay.
 */
bool fl_fix_map_keeps_meta(const struct fl_fix_pass *p, struct fl_str key);

/* Metadata (metadata.c): mark parameter `meta_path` of `act` dynamic. */
bool fl_fix_mark_dynamic(struct fl_fix_pass *p, int32_t act,
    const char *meta_path, bool dry_run);

#endif
