/*
 * Fuzz target: the review renderings of two versions of a flow.  The
 * input is split at its first 0xff byte (none: at the middle) into an
 * old and a new file.  textconv stays linear in the input, the block
 * diff is empty for a file against itself and its JSON form parses, and
 * the graphs stay within their budgets: Mermaid's 50,000 characters and
 * 500 edges, whatever the flow.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "json/json.h"
#include "review/blockdiff.h"
#include "review/blocks.h"
#include "review/graph.h"
#include "review/textconv.h"
#include "util/buf.h"
#include "util/xalloc.h"

static bool
load(struct fl_result *r, const uint8_t *data, size_t size)
{
	struct fl_fuzz_env *env = fl_fuzz_env();
	char *text = fl_xmalloc(size + 1);

	memcpy(text, data, size);
	text[size] = '\0';
	fl_result_init(r, fl_xstrdup("flows/fuzz.json"), text, size);
	fl_lint(r, &env->opts, env->m);
	return r->flow_loaded;
}

/* Edges drawn: both ends shown. */
static uint32_t
shown_edges(const struct fl_graph *g)
{
	uint32_t i, n = 0;

	for (i = 0; i < g->nedges; i++)
		n += g->nodes[g->edges[i].from].shown &&
		    g->nodes[g->edges[i].to].shown;
	return n;
}

static void
check_graphs(struct fl_result *r, const struct fl_review_flow *rf,
    const struct fl_blockdiff *d)
{
	struct fl_buf out = FL_BUF_INIT;
	struct fl_graph g;

	fl_graph_build(&g, &r->arena, rf, r, d, &fl_graph_mermaid);
	fl_graph_write(&out, &g, &fl_graph_mermaid);
	FL_FUZZ_CHECK(out.len <= 50000);
	FL_FUZZ_CHECK(shown_edges(&g) <= 500);
	fl_buf_reset(&out);
	fl_graph_build(&g, &r->arena, rf, r, d, &fl_graph_dot);
	fl_graph_write(&out, &g, &fl_graph_dot);
	FL_FUZZ_CHECK(out.len <= fl_graph_dot.max_chars);
	FL_FUZZ_CHECK(shown_edges(&g) <= fl_graph_dot.max_edges);
	fl_buf_release(&out);
}

static void
check_diff(struct fl_result *o, const struct fl_review_flow *ro,
    struct fl_result *n, const struct fl_review_flow *rn)
{
	static const enum fl_blockdiff_format formats[] = {
		FL_BLOCKDIFF_TEXT, FL_BLOCKDIFF_MARKDOWN, FL_BLOCKDIFF_JSON,
	};
	struct fl_buf out = FL_BUF_INIT;
	struct fl_blockdiff d, same;
	struct fl_json_error err;
	struct fl_json_doc doc;
	size_t i;

	fl_blockdiff(&same, &n->arena, rn, n, rn, n);
	FL_FUZZ_CHECK(fl_blockdiff_same(&same));
	fl_blockdiff(&d, &n->arena, ro, o, rn, n);
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		fl_buf_reset(&out);
		fl_blockdiff_write(&out, &d, "old", "new", formats[i]);
	}
	FL_FUZZ_CHECK(fl_json_parse(&doc, &n->arena, out.ptr, out.len,
	    &err) == 0);
	check_graphs(n, rn, &d);
	check_graphs(n, rn, NULL);
	fl_buf_release(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *cut = memchr(data, 0xff, size);
	size_t old_size = cut != NULL ? (size_t)(cut - data) : size / 2;
	size_t new_off = cut != NULL ? old_size + 1 : old_size;
	struct fl_result o, n;
	bool o_flow = load(&o, data, old_size);
	bool n_flow = load(&n, data + new_off, size - new_off);

	if (n_flow) {
		struct fl_review_flow rn, ro;
		struct fl_buf out = FL_BUF_INIT;

		fl_review_blocks(&rn, &n.arena, &n.flow, NULL);
		fl_review_textconv(&out, &rn);
		/* Linear: a leaf's path is bounded, its value is input. */
		FL_FUZZ_CHECK(out.len <= 256 * (size - new_off) + 4096);
		fl_buf_release(&out);
		if (o_flow) {
			fl_review_blocks(&ro, &o.arena, &o.flow, NULL);
			check_diff(&o, &ro, &n, &rn);
		}
	}
	fl_result_release(&o);
	fl_result_release(&n);
	return 0;
}
