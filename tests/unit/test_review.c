/*
 * Unit tests for src/review/: what the renderings make of odd flows.
 * textconv and the block diff do not depend on the order of Actions;
 * invalid elements, duplicate Identifiers, dangling transitions and
 * self-loops are rendered, not dropped; a graph never exceeds its
 * budget and counts what it leaves out; a long key does not repeat on
 * every line of textconv.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "lint_helper.h"
#include "review/blockdiff.h"
#include "review/blocks.h"
#include "review/graph.h"
#include "review/textconv.h"
#include "util/buf.h"

#define A_ACTION "{\"Identifier\":\"a\",\"Type\":\"MessageParticipant\"," \
	"\"Parameters\":{\"Text\":\"hi\"},\"Transitions\":{\"NextAction\":\"b\"}}"
#define B_ACTION "{\"Identifier\":\"b\",\"Type\":\"DisconnectParticipant\"," \
	"\"Parameters\":{},\"Transitions\":{}}"

static struct lint_env env;

static int
setup(void **state)
{
	lint_env_init(&env);
	return 0;
}

static int
teardown(void **state)
{
	lint_env_release(&env);
	return 0;
}

/* Lints `text` and builds its review model; the caller releases r. */
static void
load(struct fl_result *r, struct fl_review_flow *rf, const char *text)
{
	lint_text(r, &env, "flows/t.json", text);
	assert_true(r->flow_loaded);
	fl_review_blocks(rf, &r->arena, &r->flow, NULL);
}

static char *
textconv(const char *text)
{
	struct fl_buf out = FL_BUF_INIT;
	struct fl_review_flow rf;
	struct fl_result r;
	size_t len;

	load(&r, &rf, text);
	fl_review_textconv(&out, &rf);
	fl_result_release(&r);
	return fl_buf_detach(&out, &len);
}

static void
test_review__order_of_actions_does_not_matter(void **state)
{
	const char *ab = "{\"StartAction\":\"a\",\"Actions\":[" A_ACTION ","
	    B_ACTION "]}";
	const char *ba = "{\"StartAction\":\"a\",\"Actions\":[" B_ACTION ","
	    A_ACTION "]}";
	char *x = textconv(ab), *y = textconv(ba);
	struct fl_review_flow rx, ry;
	struct fl_result r1, r2;
	struct fl_blockdiff d;

	assert_string_equal(x, y);
	assert_non_null(strstr(x, "action a: MessageParticipant\n"
	    "  Parameters.Text = \"hi\"\n  next -> b\n\naction b: "));
	load(&r1, &rx, ab);
	load(&r2, &ry, ba);
	fl_blockdiff(&d, &r2.arena, &rx, &r1, &ry, &r2);
	assert_true(fl_blockdiff_same(&d));
	fl_result_release(&r1);
	fl_result_release(&r2);
	free(x);
	free(y);
}

static void
test_review__odd_actions_are_rendered(void **state)
{
	char *out = textconv("{\"StartAction\":\"a\",\"Actions\":[" A_ACTION
	    ",\"not an action\"," A_ACTION ",{\"Identifier\":\"c d\","
	    "\"Type\":\"MessageParticipant\",\"Parameters\":{\"a.b\":1},"
	    "\"Transitions\":{\"NextAction\":\"gone\"}}]}");

	assert_non_null(strstr(out, "action Actions[1]: (not a valid action)\n"
	    "  value = \"not an action\"\n"));
	/* Both copies of a duplicated Identifier. */
	assert_non_null(strstr(strstr(out, "action a: ") + 1, "action a: "));
	assert_non_null(strstr(out, "action \"c d\": MessageParticipant\n"
	    "  Parameters[\"a.b\"] = 1\n  next -> gone\n"));
	free(out);
}

static void
test_review__a_long_key_is_not_repeated_on_every_line(void **state)
{
	struct fl_buf text = FL_BUF_INIT;
	char *out;
	int i;

	fl_buf_adds(&text, "{\"StartAction\":\"a\",\"Actions\":[{\"Identifier\":"
	    "\"a\",\"Type\":\"X\",\"Parameters\":{\"");
	for (i = 0; i < 500; i++)
		fl_buf_addch(&text, 'k');
	fl_buf_adds(&text, "\":{");
	for (i = 0; i < 1000; i++)
		fl_buf_addf(&text, "%s\"m%d\":%d", i ? "," : "", i, i);
	fl_buf_adds(&text, "}},\"Transitions\":{}}]}");
	out = textconv(text.ptr);
	/* One line holds the whole object, not a line per member. */
	assert_true(strlen(out) < 2 * text.len);
	assert_non_null(strstr(out, "{\"m0\":0,\"m1\":1,"));
	fl_buf_release(&text);
	free(out);
}

/* A style whose budget holds the start node and about two blocks. */
static void
tiny_node(struct fl_buf *out, const struct fl_graph_node *n, uint32_t i)
{
	fl_buf_addf(out, "node %u %s\n", i, n->title);
}

static void
tiny_edge(struct fl_buf *out, const struct fl_graph_edge *e)
{
	fl_buf_addf(out, "edge %u %u %s\n", e->from, e->to, e->label);
}

static void
tiny_hidden(struct fl_buf *out, const struct fl_graph *g)
{
	fl_graph_hidden_text(out, g);
	fl_buf_addch(out, '\n');
}

static const struct fl_graph_style tiny = {
	.header = "", .footer = "", .node = tiny_node, .edge = tiny_edge,
	.hidden = tiny_hidden, .max_chars = 120, .max_edges = 500,
};

static void
test_review__graphs_stay_in_budget(void **state)
{
	struct fl_buf out = FL_BUF_INIT;
	struct fl_review_flow rf;
	struct fl_result r;
	struct fl_graph g;

	/* a -> b, b loops on itself, c is unreachable and dangles. */
	load(&r, &rf, "{\"StartAction\":\"a\",\"Actions\":[" A_ACTION ","
	    "{\"Identifier\":\"b\",\"Type\":\"Loop\",\"Parameters\":{},"
	    "\"Transitions\":{\"NextAction\":\"b\"}},"
	    "{\"Identifier\":\"c\",\"Type\":\"Lost\",\"Parameters\":{},"
	    "\"Transitions\":{\"NextAction\":\"nowhere\"}}]}");
	fl_graph_build(&g, &r.arena, &rf, &r, NULL, &fl_graph_mermaid);
	assert_int_equal(g.nnodes, 5);	/* start, a, b, c, missing */
	assert_int_equal(g.hidden, 0);
	fl_graph_write(&out, &g, &fl_graph_mermaid);
	assert_non_null(strstr(out.ptr, "n2 -->|\"next\"| n2\n"));
	assert_non_null(strstr(out.ptr, "n4[\"missing: nowhere\"]:::missing"));
	fl_buf_reset(&out);
	fl_graph_build(&g, &r.arena, &rf, &r, NULL, &tiny);
	fl_graph_write(&out, &g, &tiny);
	assert_true(out.len <= tiny.max_chars);
	/* The start first, then what it reaches, in that order. */
	assert_true(g.nodes[0].shown && g.nodes[1].shown);
	assert_false(g.nodes[3].shown);
	assert_int_equal(g.hidden, g.nnodes - 1 - g.nodes[1].shown -
	    g.nodes[2].shown);
	assert_non_null(strstr(out.ptr, " not shown (over the size limit)\n"));
	fl_buf_release(&out);
	fl_result_release(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_review__order_of_actions_does_not_matter),
		cmocka_unit_test(test_review__odd_actions_are_rendered),
		cmocka_unit_test(test_review__a_long_key_is_not_repeated_on_every_line),
		cmocka_unit_test(test_review__graphs_stay_in_budget),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
