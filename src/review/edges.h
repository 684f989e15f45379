/*
 * The transitions of one action as labelled edges, in the order Connect
 * weighs them: NextAction, each Condition, each Error.  Shared by the
 * textconv rendering, the block diff and the graph, so that all three
 * name a transition the same way.
 */
#ifndef FL_REVIEW_EDGES_H
#define FL_REVIEW_EDGES_H

#include <stdint.h>

#include "flow/flow.h"

struct fl_arena;

enum fl_review_edge_kind {
	FL_EDGE_NEXT,
	FL_EDGE_CONDITION,
	FL_EDGE_ERROR,
};

struct fl_review_edge {
	enum fl_review_edge_kind kind;
	const char *label;	/* arena: "next", "if Equals \"1\"",
				   "error NoMatchingError" */
	struct fl_str target;	/* NextAction (borrowed from the doc);
				   empty when missing or not a string */
};

struct fl_review_edges {
	struct fl_review_edge *v;	/* arena */
	uint32_t n;
};

/*
 * The edges of the Transitions object `transitions` of flow `f`
 * (FL_JSON_NONE or a non-object gives none); allocated in `a`.
 */
void fl_review_edges(struct fl_review_edges *out, struct fl_arena *a,
    const struct fl_flow *f, uint32_t transitions);

#endif
