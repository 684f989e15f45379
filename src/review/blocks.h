/*
 * A flow as review sees it: its own properties (wrapper members, the
 * flow document's members, its Metadata) as leaves, and its blocks
 * sorted by Identifier, each with its parameters, transitions, designer
 * metadata and position kept apart.  textconv prints this, diff
 * compares two of them, graph draws one.
 */
#ifndef FL_REVIEW_BLOCKS_H
#define FL_REVIEW_BLOCKS_H

#include <stdbool.h>
#include <stdint.h>

#include "flow/flow.h"
#include "review/edges.h"
#include "review/flatten.h"

struct fl_arena;
struct fl_inventory;

struct fl_review_block {
	struct fl_str id;		/* Identifier (borrowed from the doc);
					   for an element of Actions that is
					   no valid action: "Actions[N]" */
	struct fl_str type;		/* Type, borrowed; may be empty */
	uint32_t index;			/* position in Actions */
	int32_t action;			/* index in flow->actions, or
					   FL_NO_ACTION for an invalid one */
	struct fl_review_leaves logic;	/* Parameters and every other member
					   but Identifier, Type and the
					   transitions edges already name */
	struct fl_review_edges edges;
	struct fl_review_leaves meta;	/* its ActionMetadata but position */
	const char *position;		/* "x=1 y=2" (arena), or NULL */
};

struct fl_review_flow {
	const struct fl_flow *flow;
	const struct fl_inventory *inv;	/* names references, or NULL */
	struct fl_review_leaves props;	/* wrapper (Content left out), the
					   document's members but Actions and
					   Metadata, Metadata's members but
					   ActionMetadata and positions, and
					   metadata of no block */
	const char *entry_position;	/* Metadata.entryPointPosition, or
					   NULL */
	struct fl_review_block *blocks;	/* sorted by id; valid first */
	uint32_t nblocks;
};

/* Builds `out` from the loaded flow `f` (f->doc not NULL), in `a`;
   with an inventory `inv`, the parameters that refer to a resource it
   knows carry its name (names.h). */
void fl_review_blocks(struct fl_review_flow *out, struct fl_arena *a,
    const struct fl_flow *f, const struct fl_inventory *inv);

/* The block with Identifier `id`, or NULL. */
const struct fl_review_block *fl_review_find_block(
    const struct fl_review_flow *rf, struct fl_str id);

/* The block's key parameter for a label: a prompt's text, the name of
   a queue, Lambda function, flow or module (as the inventory knows it,
   else the tail of its ARN); NULL if none. */
const char *fl_review_key_param(const struct fl_review_flow *rf,
    const struct fl_review_block *b, struct fl_arena *a);

#endif
