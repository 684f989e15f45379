/*
 * A graph as a Mermaid flowchart, for GitLab's Markdown (merge-request
 * notes and the review artifact render it).  Labels are quoted strings,
 * in which Mermaid decodes "#name;" and "#NNN;" entities: every
 * character that could end the string, start an entity or be read as
 * HTML is written as one.  Mermaid refuses diagrams over 50,000
 * characters or 500 edges by default; the budget stays under both.
 */
#include <stdio.h>

#include "review/graph.h"
#include "util/buf.h"

static void
escape(struct fl_buf *out, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '"': fl_buf_adds(out, "#quot;"); break;
		case '#': fl_buf_adds(out, "#35;"); break;
		case '&': fl_buf_adds(out, "#amp;"); break;
		case '<': fl_buf_adds(out, "#lt;"); break;
		case '>': fl_buf_adds(out, "#gt;"); break;
		case '`': fl_buf_adds(out, "#96;"); break;
		case '|': fl_buf_adds(out, "#124;"); break;
		case ';': fl_buf_adds(out, "#59;"); break;
		default: fl_buf_addch(out, *s); break;
		}
	}
}

static const char *
node_class(const struct fl_graph_node *n)
{
	if (n->kind == FL_GNODE_MISSING)
		return "missing";
	if (n->changed)
		return n->findings != NULL ? "changedfinding" : "changed";
	return n->findings != NULL ? "finding" : NULL;
}

static void
node_line(struct fl_buf *out, const struct fl_graph_node *n, uint32_t i)
{
	const char *cls = node_class(n);

	fl_buf_addf(out, "  n%u%s\"", i, n->kind == FL_GNODE_START ? "([" :
	    "[");
	if (n->kind == FL_GNODE_MISSING)
		fl_buf_adds(out, "missing: ");
	escape(out, n->title);
	if (n->detail != NULL) {
		fl_buf_adds(out, "<br/>");
		escape(out, n->detail);
	}
	if (n->findings != NULL) {
		fl_buf_adds(out, "<br/>findings: ");
		escape(out, n->findings);
	}
	fl_buf_adds(out, n->kind == FL_GNODE_START ? "\"])" : "\"]");
	if (cls != NULL)
		fl_buf_addf(out, ":::%s", cls);
	fl_buf_addch(out, '\n');
}

static void
edge_line(struct fl_buf *out, const struct fl_graph_edge *e)
{
	fl_buf_addf(out, "  n%u -->", e->from);
	if (e->label[0] != '\0') {
		fl_buf_adds(out, "|\"");
		escape(out, e->label);
		fl_buf_adds(out, "\"|");
	}
	fl_buf_addf(out, " n%u\n", e->to);
}

static const char styles[] =
"  classDef changed fill:#fff3b0,stroke:#b58900,stroke-width:2px\n"
"  classDef finding stroke:#d00000,stroke-width:3px\n"
"  classDef changedfinding fill:#fff3b0,stroke:#d00000,stroke-width:3px\n"
"  classDef missing fill:#eeeeee,stroke:#888888,stroke-dasharray:4\n"
"  classDef hidden fill:#ffffff,stroke:#888888,stroke-dasharray:2\n";

static void
hidden(struct fl_buf *out, const struct fl_graph *g)
{
	fl_buf_adds(out, "  hidden[\"");
	fl_graph_hidden_text(out, g);
	fl_buf_adds(out, "\"]:::hidden\n");
}

/* Mermaid's defaults (maxTextSize, maxEdges), with a margin for the
   fence and heading a Markdown document puts around the chart. */
const struct fl_graph_style fl_graph_mermaid = {
	.header = "flowchart TD\n",
	.footer = styles,
	.node = node_line,
	.edge = edge_line,
	.hidden = hidden,
	.max_chars = 50000 - 1000,
	.max_edges = 500,
};
