/*
 * A flow as a graph to draw: one node per block (its type and key
 * parameter, its findings, whether it changed from a base version),
 * one edge per transition labelled with its condition or error, and a
 * bound on what is drawn.  Renderers (mermaid.c, dot.c) only print what
 * fl_graph_build() selected, so their output stays within the budget
 * whatever the flow: a flow of thousands of blocks, or a base that
 * changed few of them, is drawn as the part that matters plus one node
 * saying how many blocks were left out.
 */
#ifndef FL_REVIEW_GRAPH_H
#define FL_REVIEW_GRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct fl_arena;
struct fl_blockdiff;
struct fl_graph;
struct fl_buf;
struct fl_result;
struct fl_review_flow;

/* Labels are cut to this many bytes (on a character boundary). */
#define FL_GRAPH_LABEL_MAX 60

enum fl_graph_node_kind {
	FL_GNODE_START,		/* the flow's entry */
	FL_GNODE_BLOCK,
	FL_GNODE_MISSING,	/* a transition's target that is no block */
};

struct fl_graph_node {
	enum fl_graph_node_kind kind;
	const char *title;	/* type, "start", or the missing Identifier */
	const char *detail;	/* key parameter, or NULL */
	const char *findings;	/* "FL301 FL306", or NULL */
	bool changed;		/* added or changed since the base */
	bool shown;		/* selected for drawing */
};

struct fl_graph_edge {
	uint32_t from, to;	/* node indexes */
	const char *label;	/* "" for the start edge */
};

/*
 * A renderer: how it writes each part, and the most it may write.  The
 * selection measures a node or edge by writing it, so the budget holds
 * exactly.
 */
struct fl_graph_style {
	const char *header, *footer;
	void (*node)(struct fl_buf *out, const struct fl_graph_node *n,
	    uint32_t index);
	void (*edge)(struct fl_buf *out, const struct fl_graph_edge *e);
	void (*hidden)(struct fl_buf *out, const struct fl_graph *g);
	size_t max_chars;
	uint32_t max_edges;
};

struct fl_graph {
	struct fl_graph_node *nodes;	/* arena: start, blocks, missing */
	uint32_t nnodes;
	struct fl_graph_edge *edges;	/* arena */
	uint32_t nedges;
	bool has_base;
	uint32_t hidden;		/* blocks not shown */
	uint32_t hidden_changed;	/* ... of which changed */
};

/*
 * Builds the graph of `rf` (checked as `r`), marking the blocks that
 * `diff` (against a base version, or NULL) says changed, and selects
 * what fits `style`'s budget: with a base, the changed blocks and their
 * neighbours; then blocks in the order the flow reaches them.
 */
void fl_graph_build(struct fl_graph *g, struct fl_arena *a,
    const struct fl_review_flow *rf, const struct fl_result *r,
    const struct fl_blockdiff *diff, const struct fl_graph_style *style);

/* Appends the selected part of `g` drawn in `style`. */
void fl_graph_write(struct fl_buf *out, const struct fl_graph *g,
    const struct fl_graph_style *style);

extern const struct fl_graph_style fl_graph_mermaid;	/* mermaid.c */

/*
 * GitLab's own caps on Mermaid in Markdown, lower than Mermaid's, for a
 * merge request, an issue or a note (the wiki and repository files have
 * none).  GitLab draws a Mermaid block there only if it holds at most
 * FL_GITLAB_MERMAID_CHARS characters, the blocks it drew before it on
 * the page hold at most that many together, and fewer than
 * FL_GITLAB_MERMAID_BLOCKS came before it; past that it shows the source
 * and a "Display" button (app/assets/javascripts/behaviors/markdown/
 * render_sandboxed_mermaid.js).  Bytes count at least as many as the
 * UTF-16 units GitLab counts.
 */
#define FL_GITLAB_MERMAID_CHARS 2000
#define FL_GITLAB_MERMAID_BLOCKS 50
extern const struct fl_graph_style fl_graph_dot;	/* dot.c */

/* Appends "N blocks not shown (why)", the text of the collapsed node. */
void fl_graph_hidden_text(struct fl_buf *out, const struct fl_graph *g);

#endif
