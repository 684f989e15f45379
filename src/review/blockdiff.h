/*
 * The block-level diff of two versions of a flow, keyed by Identifier:
 * blocks added and removed, a block's type, parameters and designer
 * metadata changed (old -> new), transitions rewired, the start moved,
 * the flow's own properties changed, findings introduced and resolved,
 * and designer-only moves counted rather than listed.
 */
#ifndef FL_REVIEW_BLOCKDIFF_H
#define FL_REVIEW_BLOCKDIFF_H

#include <stdbool.h>
#include <stdint.h>

struct fl_arena;
struct fl_buf;
struct fl_result;
struct fl_review_flow;

enum fl_change_kind {
	FL_CHANGE_START,	/* old and new: Identifiers */
	FL_CHANGE_PROPERTY,	/* a flow property: what = path */
	FL_CHANGE_BLOCK_ADDED,	/* new: its key parameter, or NULL */
	FL_CHANGE_BLOCK_REMOVED,
	FL_CHANGE_TYPE,		/* old and new: Types */
	FL_CHANGE_PARAM,	/* what = path ("Parameters.Text") */
	FL_CHANGE_TRANSITION,	/* what = edge label, old/new = targets */
	FL_CHANGE_METADATA,	/* designer metadata: what = path */
	FL_CHANGE_FINDING_NEW,	/* what = "FL306 unreachable-action",
				   new = the message */
	FL_CHANGE_FINDING_GONE,	/* old = the message */
};

/* One change.  Strings live in the diff's arena; old or new is NULL
   when the thing did not exist on that side. */
struct fl_change {
	enum fl_change_kind kind;
	const char *block;	/* Identifier, or NULL for the flow */
	const char *block_type;	/* its Type (new side when both), or NULL */
	const char *what;
	const char *old, *new;	/* compact JSON values, Identifiers or
				   finding messages */
	const char *old_name, *new_name; /* a parameter value's resource
				   as the inventory knows it, or NULL */
	const char *pointer;	/* a finding's place: its JSON Pointer,
				   from the block when it has one, or NULL */
};

struct fl_blockdiff {
	struct fl_change *v;	/* arena: the flow's own changes, then
				   block by block (by Identifier), then
				   findings */
	uint32_t n, alloc;
	uint32_t moved;		/* blocks on both sides whose designer
				   position changed */
	bool entry_moved;	/* the entry point's position changed */
};

/*
 * Compares `old` with `new` (and the findings of their checks,
 * `old_r` and `new_r`), allocating in `a`.
 */
void fl_blockdiff(struct fl_blockdiff *out, struct fl_arena *a,
    const struct fl_review_flow *old, const struct fl_result *old_r,
    const struct fl_review_flow *new, const struct fl_result *new_r);

static inline bool
fl_blockdiff_same(const struct fl_blockdiff *d)
{
	return d->n == 0 && d->moved == 0 && !d->entry_moved;
}

enum fl_blockdiff_format {
	FL_BLOCKDIFF_TEXT,
	FL_BLOCKDIFF_MARKDOWN,
	FL_BLOCKDIFF_JSON,
};

/*
 * Appends the diff of `old_name` and `new_name` (the paths shown) in
 * `fmt`: text lines for a terminal, a Markdown section for a merge
 * request, or one JSON object (one line) for tools.  Long values are
 * shortened in text and Markdown, never in JSON.
 */
void fl_blockdiff_write(struct fl_buf *out, const struct fl_blockdiff *d,
    const char *old_name, const char *new_name,
    enum fl_blockdiff_format fmt);

#endif
