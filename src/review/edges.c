/*
 * Transitions as labelled edges; see edges.h.
 */
#include "review/edges.h"

#include "util/arena.h"
#include "util/buf.h"

static void
add(struct fl_review_edges *out, struct fl_arena *a, uint32_t *alloc,
    enum fl_review_edge_kind kind, const char *label, struct fl_str target)
{
	if (out->n == *alloc) {
		uint32_t n = *alloc ? *alloc * 2 : 4;

		out->v = fl_arena_grow_array(a, out->v, *alloc, n,
		    sizeof(*out->v));
		*alloc = n;
	}
	out->v[out->n++] = (struct fl_review_edge){ kind, label, target };
}

/*
 * "Equals \"1\"" for the usual one-string operand, else the operator
 * and the operands as compact JSON.
 */
static const char *
condition_label(struct fl_arena *a, const struct fl_json_doc *d, uint32_t cond)
{
	uint32_t op = fl_json_get(d, cond, "Operator");
	uint32_t operands = fl_json_get(d, cond, "Operands");
	struct fl_buf b = FL_BUF_INIT;
	const char *label;

	fl_buf_adds(&b, "if ");
	if (fl_json_is(d, op, FL_JSON_STRING)) {
		fl_buf_addstr(&b, d->nodes[op].str);
		fl_buf_addch(&b, ' ');
		if (fl_json_is(d, operands, FL_JSON_ARRAY) &&
		    d->nodes[operands].count == 1 &&
		    fl_json_is(d, operands + 1, FL_JSON_STRING))
			operands++;
		if (operands != FL_JSON_NONE)
			fl_json_print(&b, d, operands,
			    &(struct fl_json_print_opts){ .limit = SIZE_MAX });
	} else if (cond != FL_JSON_NONE) {
		fl_json_print(&b, d, cond,
		    &(struct fl_json_print_opts){ .limit = SIZE_MAX });
	} else {
		fl_buf_adds(&b, "(no condition)");
	}
	label = fl_arena_strndup(a, b.ptr, b.len);
	fl_buf_release(&b);
	return label;
}

void
fl_review_edges(struct fl_review_edges *out, struct fl_arena *a,
    const struct fl_flow *f, uint32_t transitions)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t alloc = 0, it;

	out->v = NULL;
	out->n = 0;
	if (!fl_json_is(d, transitions, FL_JSON_OBJECT))
		return;
	if (fl_json_get(d, transitions, "NextAction") != FL_JSON_NONE)
		add(out, a, &alloc, FL_EDGE_NEXT, "next", fl_json_string(d,
		    fl_json_get(d, transitions, "NextAction")));
	fl_json_foreach(d, fl_json_get(d, transitions, "Conditions"), it)
		add(out, a, &alloc, FL_EDGE_CONDITION, condition_label(a, d,
		    fl_json_get(d, it, "Condition")), fl_json_string(d,
		    fl_json_get(d, it, "NextAction")));
	fl_json_foreach(d, fl_json_get(d, transitions, "Errors"), it) {
		struct fl_str type = fl_json_string(d,
		    fl_json_get(d, it, "ErrorType"));

		add(out, a, &alloc, FL_EDGE_ERROR, fl_arena_printf(a,
		    "error %.*s", FL_STR_ARGS(type)), fl_json_string(d,
		    fl_json_get(d, it, "NextAction")));
	}
}
