/*
 * Fuzz target: the parser, its position index and the flow loader.
 *
 * Whatever the bytes, parsing either fails with an offset inside the
 * text or yields nodes whose spans, parents and sibling links are
 * consistent; loading a flow from them never crashes, and every node of
 * the flow document maps to a position inside the file, as do the
 * loader's problems.  Parsing with Content left raw (as the inventory
 * does) accepts and rejects exactly the same texts, with the same nodes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "flow/load.h"
#include "fuzz.h"
#include "json/json.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/source.h"
#include "util/xalloc.h"

/* fl_json_parse_raw(..., "Content") agrees with the full parse. */
static void
check_raw(const struct fl_source *src, const struct fl_json_doc *full,
    bool full_ok)
{
	struct fl_json_error err;
	struct fl_json_doc raw;
	struct fl_arena arena;
	uint32_t i;

	fl_arena_init(&arena);
	FL_FUZZ_CHECK((fl_json_parse_raw(&raw, &arena, src->text, src->len,
	    "Content", &err) == 0) == full_ok);
	for (i = 0; full_ok && i < full->count; i++) {
		FL_FUZZ_CHECK(raw.count == full->count);
		FL_FUZZ_CHECK(raw.nodes[i].type == full->nodes[i].type);
		FL_FUZZ_CHECK(raw.nodes[i].off == full->nodes[i].off);
		FL_FUZZ_CHECK(raw.nodes[i].len == full->nodes[i].len);
		FL_FUZZ_CHECK((raw.nodes[i].flags & FL_JSON_F_RAW) != 0 ||
		    fl_str_eq(raw.nodes[i].str, full->nodes[i].str));
	}
	fl_arena_release(&arena);
}

static void
check_index(const struct fl_json_doc *d)
{
	uint32_t i;

	FL_FUZZ_CHECK(d->count >= 2);
	FL_FUZZ_CHECK(d->nodes[FL_JSON_ROOT].parent == FL_JSON_NONE);
	for (i = FL_JSON_ROOT; i < d->count; i++) {
		const struct fl_json_node *n = &d->nodes[i];

		FL_FUZZ_CHECK((size_t)n->off + n->len <= d->len);
		FL_FUZZ_CHECK(n->next == FL_JSON_NONE || n->next > i);
		FL_FUZZ_CHECK(n->next < d->count);
		if (i > FL_JSON_ROOT) {
			const struct fl_json_node *p = &d->nodes[n->parent];

			FL_FUZZ_CHECK(n->parent < i);
			FL_FUZZ_CHECK(p->type == FL_JSON_ARRAY ||
			    p->type == FL_JSON_OBJECT);
			/* A child lies inside its container's text. */
			FL_FUZZ_CHECK(n->off > p->off &&
			    n->off + n->len < p->off + p->len);
			FL_FUZZ_CHECK(p->type != FL_JSON_OBJECT ||
			    n->key_off < n->off);
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fl_fuzz_env *env = fl_fuzz_env();
	struct fl_load_problems probs = { 0 };
	struct fl_json_error err;
	struct fl_json_doc outer;
	struct fl_source src;
	struct fl_arena arena;
	struct fl_flow flow;
	uint32_t i, line, col;

	fl_arena_init(&arena);
	fl_source_init(&src, fl_xstrdup("fuzz.json"),
	    fl_xstrndup((const char *)data, size), size);
	if (fl_json_parse(&outer, &arena, src.text, src.len, &err) != 0) {
		FL_FUZZ_CHECK(err.off <= size);
		FL_FUZZ_CHECK(err.msg[0] != '\0');
		fl_source_linecol(&src, err.off, &line, &col);
		check_raw(&src, &outer, false);
		goto done;
	}
	check_raw(&src, &outer, true);
	check_index(&outer);
	fl_flow_load(&flow, &probs, &arena, &outer,
	    fl_str_make("fuzz", 4), &env->pats, env->m);
	if (flow.doc != NULL) {
		if (flow.doc == &flow.inner)
			check_index(&flow.inner);
		for (i = FL_JSON_ROOT; i < flow.doc->count; i++) {
			uint32_t off = fl_flow_file_off(&flow, flow.doc, i,
			    true);
			struct fl_buf ptr = FL_BUF_INIT;

			FL_FUZZ_CHECK(off <= size);
			fl_source_linecol(&src, off, &line, &col);
			FL_FUZZ_CHECK(line >= 1 && col >= 1);
			if (i % 64 == 0) {
				fl_json_pointer(&ptr, flow.doc, i);
				fl_buf_release(&ptr);
			}
		}
		for (i = 0; i < flow.nactions; i++)
			FL_FUZZ_CHECK(fl_flow_find_action(&flow,
			    flow.actions[i].id) >= 0);
		(void)fl_flow_reach(&flow, &arena, flow.object_map);
	}
	for (i = 0; i < probs.n; i++)
		FL_FUZZ_CHECK(probs.v[i].file_off <= size);
done:
	fl_source_release(&src);
	fl_arena_release(&arena);
	return 0;
}
