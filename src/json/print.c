/*
 * Printing a parsed document (or one value of it) back as JSON, from the
 * parser's nodes: numbers keep their original text and strings are
 * escaped as JSON.stringify escapes them (fl_buf_add_json_string), so
 * nothing is lost or rounded on the way.
 */
#include <stdint.h>

#include "json/json.h"
#include "util/buf.h"

static void
newline(struct fl_buf *out, uint32_t depth)
{
	static const char spaces[] = "                                ";
	size_t n = 2 * (size_t)depth;

	fl_buf_addch(out, '\n');
	while (n > 0) {
		size_t k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;

		fl_buf_add(out, spaces, k);
		n -= k;
	}
}

/* A scalar or an empty container; a string as `value` when not NULL. */
static void
print_leaf(struct fl_buf *out, const struct fl_json_node *n,
    const struct fl_str *value)
{
	switch ((enum fl_json_type)n->type) {
	case FL_JSON_NULL:
		fl_buf_adds(out, "null");
		break;
	case FL_JSON_FALSE:
		fl_buf_adds(out, "false");
		break;
	case FL_JSON_TRUE:
		fl_buf_adds(out, "true");
		break;
	case FL_JSON_NUMBER:
		fl_buf_addstr(out, n->str);
		break;
	case FL_JSON_STRING:
		fl_buf_add_json_string(out, value != NULL ? *value : n->str);
		break;
	case FL_JSON_ARRAY:
		fl_buf_adds(out, "[]");
		break;
	case FL_JSON_OBJECT:
		fl_buf_adds(out, "{}");
		break;
	}
}

uint32_t
fl_json_print(struct fl_buf *out, const struct fl_json_doc *d, uint32_t top,
    const struct fl_json_print_opts *o)
{
	uint32_t i = top, depth = 0;

	for (;;) {
		const struct fl_json_node *n = &d->nodes[i];

		if (out->len > o->limit)
			return i;
		if (i != top && d->nodes[n->parent].type == FL_JSON_OBJECT) {
			fl_buf_add_json_string(out, n->key);
			fl_buf_add(out, ": ", o->pretty ? 2 : 1);
		}
		if (fl_json_first(d, i) != FL_JSON_NONE) {
			fl_buf_addch(out, n->type == FL_JSON_ARRAY ? '[' : '{');
			depth++;
			if (o->pretty)
				newline(out, depth);
			i++;
			continue;
		}
		print_leaf(out, n, i == o->swap && i != FL_JSON_NONE ?
		    &o->swap_value : NULL);
		/* Close every container this was the last member of. */
		while (i != top && d->nodes[i].next == FL_JSON_NONE) {
			i = d->nodes[i].parent;
			depth--;
			if (o->pretty)
				newline(out, depth);
			fl_buf_addch(out,
			    d->nodes[i].type == FL_JSON_ARRAY ? ']' : '}');
		}
		if (i == top)
			return FL_JSON_NONE;
		fl_buf_addch(out, ',');
		if (o->pretty)
			newline(out, depth);
		i = d->nodes[i].next;
	}
}
