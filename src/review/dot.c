/*
 * A graph in Graphviz's DOT language.  Labels are double-quoted
 * strings: a quote and a backslash (which would start an escape such as
 * \n or \N) are escaped; control characters never reach here (graph.c
 * turns them into spaces) and UTF-8 is DOT's default charset.
 */
#include "review/graph.h"
#include "util/buf.h"

/* Bounded for the time Graphviz takes to lay it out as much as for size:
   dot needs minutes for a few thousand edges. */
#define DOT_MAX_CHARS 100000
#define DOT_MAX_EDGES 500

static void
escape(struct fl_buf *out, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			fl_buf_addch(out, '\\');
		fl_buf_addch(out, *s);
	}
}

static void
node_line(struct fl_buf *out, const struct fl_graph_node *n, uint32_t i)
{
	fl_buf_addf(out, "  n%u [label=\"", i);
	if (n->kind == FL_GNODE_MISSING)
		fl_buf_adds(out, "missing: ");
	escape(out, n->title);
	if (n->detail != NULL) {
		fl_buf_adds(out, "\\n");
		escape(out, n->detail);
	}
	if (n->findings != NULL) {
		fl_buf_adds(out, "\\nfindings: ");
		escape(out, n->findings);
	}
	fl_buf_addch(out, '"');
	if (n->kind == FL_GNODE_START)
		fl_buf_adds(out, ", shape=oval");
	if (n->kind == FL_GNODE_MISSING)
		fl_buf_adds(out, ", style=\"dashed\", fillcolor=\"#eeeeee\"");
	if (n->changed)
		fl_buf_adds(out, ", fillcolor=\"#fff3b0\"");
	if (n->findings != NULL)
		fl_buf_adds(out, ", color=\"#d00000\", penwidth=2");
	fl_buf_adds(out, "];\n");
}

static void
edge_line(struct fl_buf *out, const struct fl_graph_edge *e)
{
	fl_buf_addf(out, "  n%u -> n%u", e->from, e->to);
	if (e->label[0] != '\0') {
		fl_buf_adds(out, " [label=\"");
		escape(out, e->label);
		fl_buf_adds(out, "\"]");
	}
	fl_buf_adds(out, ";\n");
}

static const char header[] =
"digraph flow {\n"
"  graph [rankdir=TB];\n"
"  node [shape=box, style=\"rounded,filled\", fillcolor=\"white\", "
"fontname=\"Helvetica\", fontsize=10];\n"
"  edge [fontname=\"Helvetica\", fontsize=9];\n";


static void
hidden(struct fl_buf *out, const struct fl_graph *g)
{
	fl_buf_adds(out, "  hidden [shape=note, label=\"");
	fl_graph_hidden_text(out, g);
	fl_buf_adds(out, "\"];\n");
}

const struct fl_graph_style fl_graph_dot = {
	.header = header,
	.footer = "}\n",
	.node = node_line,
	.edge = edge_line,
	.hidden = hidden,
	.max_chars = DOT_MAX_CHARS,
	.max_edges = DOT_MAX_EDGES,
};
