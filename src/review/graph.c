/*
 * Building and bounding the graph of a flow; see graph.h.
 */
#include "review/graph.h"

#include <string.h>

#include "lint/lint.h"
#include "review/blockdiff.h"
#include "review/blocks.h"
#include "util/arena.h"
#include "util/buf.h"

/* `s` cut to FL_GRAPH_LABEL_MAX bytes on a character boundary, control
   characters as spaces (renderers escape the rest). */
static const char *
label_text(struct fl_arena *a, struct fl_str s)
{
	struct fl_buf b = FL_BUF_INIT;
	size_t len = s.len, i;
	const char *out;

	if (len > FL_GRAPH_LABEL_MAX) {
		len = FL_GRAPH_LABEL_MAX;
		while (len > 0 && ((unsigned char)s.ptr[len] & 0xc0) == 0x80)
			len--;
	}
	for (i = 0; i < len; i++)
		fl_buf_addch(&b, (unsigned char)s.ptr[i] < 0x20 ||
		    s.ptr[i] == 0x7f ? ' ' : s.ptr[i]);
	if (len < s.len)
		fl_buf_adds(&b, "…");
	out = fl_arena_strndup(a, b.ptr, b.len);
	fl_buf_release(&b);
	return out;
}

struct builder {
	struct fl_graph *g;
	struct fl_arena *a;
	uint32_t nodes_alloc, edges_alloc;
};

static uint32_t
add_node(struct builder *b, struct fl_graph_node n)
{
	struct fl_graph *g = b->g;

	if (g->nnodes == b->nodes_alloc) {
		uint32_t k = b->nodes_alloc ? b->nodes_alloc * 2 : 16;

		g->nodes = fl_arena_grow_array(b->a, g->nodes, b->nodes_alloc,
		    k, sizeof(*g->nodes));
		b->nodes_alloc = k;
	}
	g->nodes[g->nnodes] = n;
	return g->nnodes++;
}

static void
add_edge(struct builder *b, uint32_t from, uint32_t to, const char *label)
{
	struct fl_graph *g = b->g;

	if (g->nedges == b->edges_alloc) {
		uint32_t k = b->edges_alloc ? b->edges_alloc * 2 : 16;

		g->edges = fl_arena_grow_array(b->a, g->edges, b->edges_alloc,
		    k, sizeof(*g->edges));
		b->edges_alloc = k;
	}
	g->edges[g->nedges++] = (struct fl_graph_edge){ from, to,
	    label_text(b->a, fl_str_cstr(label)) };
}

/* Node of the block with Identifier `id`, or UINT32_MAX. */
static uint32_t
block_node(const struct fl_review_flow *rf, struct fl_str id)
{
	const struct fl_review_block *blk = fl_review_find_block(rf, id);

	return blk == NULL ? UINT32_MAX : 1 + (uint32_t)(blk - rf->blocks);
}

static void
add_blocks(struct builder *b, const struct fl_review_flow *rf)
{
	const struct fl_flow *f = rf->flow;
	uint32_t i, k;

	add_node(b, (struct fl_graph_node){ .kind = FL_GNODE_START,
	    .title = "start" });
	for (i = 0; i < rf->nblocks; i++) {
		const struct fl_review_block *blk = &rf->blocks[i];
		const char *key = fl_review_key_param(rf, blk, b->a);

		add_node(b, (struct fl_graph_node){ .kind = FL_GNODE_BLOCK,
		    .title = blk->action == FL_NO_ACTION ? "(not a valid action)"
		    : label_text(b->a, blk->type),
		    .detail = key != NULL ? label_text(b->a, fl_str_cstr(key)) :
		    NULL });
	}
	if (f->start != FL_NO_ACTION)
		add_edge(b, 0, block_node(rf, f->actions[f->start].id), "");
	for (i = 0; i < rf->nblocks; i++) {
		const struct fl_review_edges *e = &rf->blocks[i].edges;

		for (k = 0; k < e->n; k++) {
			uint32_t to = block_node(rf, e->v[k].target);

			if (to == UINT32_MAX)
				to = add_node(b, (struct fl_graph_node){
				    .kind = FL_GNODE_MISSING,
				    .title = label_text(b->a, e->v[k].target) });
			add_edge(b, 1 + i, to, e->v[k].label);
		}
	}
}

/* Appends each finding's code to its block's node (flow-wide: start). */
static void
mark_findings(struct builder *b, const struct fl_review_flow *rf,
    const struct fl_result *r)
{
	uint32_t i;

	for (i = 0; i < r->diags.n; i++) {
		const struct fl_diag *d = &r->diags.v[i];
		uint32_t n = d->action.len > 0 ? block_node(rf, d->action) : 0;
		struct fl_graph_node *node;

		if (n == UINT32_MAX)
			n = 0;
		node = &b->g->nodes[n];
		if (node->findings == NULL)
			node->findings = d->rule->code;
		else if (strstr(node->findings, d->rule->code) == NULL)
			node->findings = fl_arena_printf(b->a, "%s %s",
			    node->findings, d->rule->code);
	}
}

static void
mark_changes(struct builder *b, const struct fl_review_flow *rf,
    const struct fl_blockdiff *diff)
{
	uint32_t i;

	for (i = 0; i < diff->n; i++) {
		const struct fl_change *c = &diff->v[i];
		uint32_t n;

		switch (c->kind) {
		case FL_CHANGE_START:
			b->g->nodes[0].changed = true;
			break;
		case FL_CHANGE_BLOCK_ADDED:
		case FL_CHANGE_TYPE:
		case FL_CHANGE_PARAM:
		case FL_CHANGE_TRANSITION:
			n = block_node(rf, fl_str_cstr(c->block));
			if (n != UINT32_MAX)
				b->g->nodes[n].changed = true;
			break;
		default:
			break;
		}
	}
}

/* --- selection */

struct selector {
	struct fl_graph *g;
	const struct fl_graph_style *style;
	struct fl_buf scratch;		/* for measuring */
	uint32_t *inc_off, *inc;	/* incident edges of each node (CSR) */
	uint32_t *order;		/* candidates, in priority order */
	uint32_t norder;
	uint8_t *queued;
	size_t chars;
	uint32_t edges;
	bool full;
};

static void
incidence(struct selector *s, struct fl_arena *a)
{
	struct fl_graph *g = s->g;
	uint32_t i, *fill;

	s->inc_off = fl_arena_array(a, g->nnodes + 1, sizeof(uint32_t));
	s->inc = fl_arena_array(a, 2 * (size_t)g->nedges + 1, sizeof(uint32_t));
	fill = fl_arena_array(a, g->nnodes + 1, sizeof(uint32_t));
	for (i = 0; i < g->nedges; i++) {
		s->inc_off[g->edges[i].from + 1]++;
		if (g->edges[i].to != g->edges[i].from)
			s->inc_off[g->edges[i].to + 1]++;
	}
	for (i = 0; i < g->nnodes; i++)
		s->inc_off[i + 1] += s->inc_off[i];
	for (i = 0; i < g->nedges; i++) {
		uint32_t u = g->edges[i].from, v = g->edges[i].to;

		s->inc[s->inc_off[u] + fill[u]++] = i;
		if (v != u)
			s->inc[s->inc_off[v] + fill[v]++] = i;
	}
}

static void
enqueue(struct selector *s, uint32_t n)
{
	if (!s->queued[n]) {
		s->queued[n] = 1;
		s->order[s->norder++] = n;
	}
}

/* Queues the nodes reachable from those already queued, breadth first. */
static void
expand(struct selector *s, uint32_t from)
{
	uint32_t k, j;

	for (k = from; k < s->norder; k++) {
		uint32_t n = s->order[k];

		for (j = s->inc_off[n]; j < s->inc_off[n + 1]; j++) {
			const struct fl_graph_edge *e = &s->g->edges[s->inc[j]];

			if (e->from == n)
				enqueue(s, e->to);
		}
	}
}

/* Shows node n if it and its edges to shown nodes fit the budget. */
static void
try_show(struct selector *s, uint32_t n)
{
	struct fl_graph *g = s->g;
	size_t chars;
	uint32_t edges = 0, j;

	fl_buf_reset(&s->scratch);
	s->style->node(&s->scratch, &g->nodes[n], n);
	for (j = s->inc_off[n]; j < s->inc_off[n + 1]; j++) {
		const struct fl_graph_edge *e = &g->edges[s->inc[j]];
		uint32_t other = e->from == n ? e->to : e->from;

		if (g->nodes[other].shown || other == n) {
			s->style->edge(&s->scratch, e);
			edges++;
		}
	}
	chars = s->scratch.len;
	if (s->chars + chars > s->style->max_chars ||
	    s->edges + edges > s->style->max_edges) {
		s->full = true;
		return;
	}
	g->nodes[n].shown = true;
	s->chars += chars;
	s->edges += edges;
}

/* Room for the header, footer and the collapsed node. */
static size_t
fixed_cost(const struct fl_graph *g, const struct fl_graph_style *style)
{
	struct fl_buf b = FL_BUF_INIT;
	struct fl_graph most = *g;
	size_t len;

	most.hidden = most.hidden_changed = UINT32_MAX;
	fl_buf_adds(&b, style->header);
	fl_buf_adds(&b, style->footer);
	style->hidden(&b, &most);
	len = b.len;
	fl_buf_release(&b);
	return len;
}

static void
select_nodes(struct fl_graph *g, struct fl_arena *a,
    const struct fl_graph_style *style)
{
	struct selector s = { .g = g, .style = style,
	    .scratch = FL_BUF_INIT, .chars = fixed_cost(g, style) };
	uint32_t i, j;

	incidence(&s, a);
	s.order = fl_arena_array(a, g->nnodes + 1, sizeof(uint32_t));
	s.queued = fl_arena_alloc(a, g->nnodes + 1);
	if (g->has_base) {
		/* The changed blocks and their neighbours, nothing else. */
		for (i = 0; i < g->nnodes; i++)
			if (g->nodes[i].changed)
				enqueue(&s, i);
		for (i = 0, j = s.norder; i < j; i++) {
			uint32_t n = s.order[i], k;

			for (k = s.inc_off[n]; k < s.inc_off[n + 1]; k++) {
				const struct fl_graph_edge *e =
				    &g->edges[s.inc[k]];

				enqueue(&s, e->from == n ? e->to : e->from);
			}
		}
	} else {
		enqueue(&s, 0);
		expand(&s, 0);
		/* Then what the start does not reach, each with its own. */
		for (i = 0; i < g->nnodes; i++) {
			uint32_t k = s.norder;

			enqueue(&s, i);
			expand(&s, k);
		}
	}
	for (i = 0; i < s.norder && !s.full; i++)
		try_show(&s, s.order[i]);
	for (i = 1; i < g->nnodes; i++)
		if (!g->nodes[i].shown) {
			g->hidden++;
			g->hidden_changed += g->nodes[i].changed;
		}
	fl_buf_release(&s.scratch);
}

void
fl_graph_build(struct fl_graph *g, struct fl_arena *a,
    const struct fl_review_flow *rf, const struct fl_result *r,
    const struct fl_blockdiff *diff, const struct fl_graph_style *style)
{
	struct builder b = { .g = g, .a = a };

	memset(g, 0, sizeof(*g));
	add_blocks(&b, rf);
	mark_findings(&b, rf, r);
	if (diff != NULL) {
		g->has_base = true;
		mark_changes(&b, rf, diff);
	}
	select_nodes(g, a, style);
}

void
fl_graph_hidden_text(struct fl_buf *out, const struct fl_graph *g)
{
	fl_buf_addf(out, "%u block%s not shown (", g->hidden,
	    g->hidden == 1 ? "" : "s");
	if (g->has_base && g->hidden_changed == 0)
		fl_buf_adds(out, "unchanged)");
	else if (g->has_base)
		fl_buf_addf(out, "%u changed, over the size limit)",
		    g->hidden_changed);
	else
		fl_buf_adds(out, "over the size limit)");
}

void
fl_graph_write(struct fl_buf *out, const struct fl_graph *g,
    const struct fl_graph_style *style)
{
	uint32_t i;

	fl_buf_adds(out, style->header);
	for (i = 0; i < g->nnodes; i++)
		if (g->nodes[i].shown)
			style->node(out, &g->nodes[i], i);
	for (i = 0; i < g->nedges; i++)
		if (g->nodes[g->edges[i].from].shown &&
		    g->nodes[g->edges[i].to].shown)
			style->edge(out, &g->edges[i]);
	if (g->hidden > 0)
		style->hidden(out, g);
	fl_buf_adds(out, style->footer);
}
