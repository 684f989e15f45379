/*
 * One fix pass over a linted file (internal to src/fix).
 *
 * The fixers (arn.c, objmap.c, metadata.c) do not write text directly:
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
struct fl_flow;
struct fl_json_doc;
struct fl_lint_options;
struct fl_re_match;
struct fl_result;
struct fl_rule;

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
	struct fl_result *res;		/* the linted input (borrowed) */
	const struct fl_flow *f;	/* &res->flow */
	const struct fl_json_doc *d;	/* f->doc */
	const struct fl_lint_options *lo;
	const bool *enabled;		/* fixes by rule index; NULL: all */
	const bool *refused;		/* per res->diags: a fix already
					   refused, not to try; or NULL */
	int32_t only;			/* the one diagnostic to fix, or -1 */
	struct fl_re_match *m;
	struct fl_arena *a;		/* res->arena: lives as long as res */

	uint8_t *marks;			/* enum fl_fix_mark, per node of d */
	bool *claimed;			/* per res->diags: a fix addresses it */
	struct fl_edits values;		/* replacements, in d's offsets */
	struct fl_fix_plan *plans;	/* containers that change */

	/* The object map, shared by FL101, FL201 and FL204. */
	struct fl_fix_entry *entries;	/* to add, in order */
	struct fl_strset referenced;	/* keys this pass starts to use */
	bool create_map;		/* insert FLOW_OBJECT_MAPS# */
	struct fl_strset keep_meta;	/* ActionMetadata keys FL305 keeps */
};

void fl_fix_pass_init(struct fl_fix_pass *p, struct fl_result *res,
    const struct fl_lint_options *lo, const bool *enabled,
    struct fl_re_match *m);
void fl_fix_pass_release(struct fl_fix_pass *p);

/* Whether the fixes of `rule` run in this pass. */
bool fl_fix_enabled(const struct fl_fix_pass *p, const struct fl_rule *rule);

/*
 * Whether this pass fixes finding d: it is marked fixable, its fix was
 * not refused, and it is the one finding tried when the pass tries one.
 */
bool fl_fix_wants(const struct fl_fix_pass *p, const struct fl_diag *d);

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
 * Turns everything asked for into `out`, edits of the file's bytes.  A
 * replacement inside a member that is removed is dropped with it;
 * fl_edits_apply refuses any other conflict.
 */
void fl_fix_pass_emit(struct fl_fix_pass *p, struct fl_edits *out);

/*
 * Checks `after`, the pass's output linted with every rule, against what
 * the pass meant to do (verify.c).  Returns 0, or FL_EINVAL with the
 * reason.
 */
int fl_fix_verify(const struct fl_fix_pass *p, const struct fl_result *after);

/* The fixers, in the order a pass runs them (arn.c, objmap.c, metadata.c). */
void fl_fix_arns(struct fl_fix_pass *p);
void fl_fix_missing_map(struct fl_fix_pass *p);
void fl_fix_map_finish(struct fl_fix_pass *p);
void fl_fix_unused_entries(struct fl_fix_pass *p);
void fl_fix_orphan_metadata(struct fl_fix_pass *p);
void fl_fix_dynamic_metadata(struct fl_fix_pass *p);

/* Object-map requests (objmap.c), for FL101's conversions. */

/*
 * Whether action `act` may read $.FlowAttributes.<key> holding `value`:
 * there is (or this pass inserts) a FLOW_OBJECT_MAPS# that runs before
 * it on every path, and its entry `key` is absent, or holds `value` or
 * an ARN this pass rewrites to `value`.
 */
bool fl_fix_map_can_hold(struct fl_fix_pass *p, int32_t act, struct fl_str key,
    struct fl_str value);

/* Adds entry key -> value to the object map (creating it if needed). */
void fl_fix_map_put(struct fl_fix_pass *p, struct fl_str key,
    struct fl_str value);

/* Metadata (metadata.c): mark parameter `meta_path` of `act` dynamic. */
bool fl_fix_mark_dynamic(struct fl_fix_pass *p, int32_t act,
    const char *meta_path, bool dry_run);

#endif
