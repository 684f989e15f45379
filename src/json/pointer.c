/*
 * Naming nodes for humans: RFC 6901 JSON Pointers and sibling positions.
 */
#include "json/json.h"

#include "util/buf.h"

uint32_t
fl_json_index_in_parent(const struct fl_json_doc *d, uint32_t i)
{
	uint32_t it, k = 0;

	if (i <= FL_JSON_ROOT)
		return 0;
	/*
	 * Nodes keep no position of their own (it would cost every node four
	 * bytes for the rare finding that needs it), so count the siblings.
	 */
	fl_json_foreach(d, d->nodes[i].parent, it) {
		if (it == i)
			break;
		k++;
	}
	return k;
}

static void
add_token(struct fl_buf *out, struct fl_str key)
{
	size_t i, run = 0;

	for (i = 0; i < key.len; i++) {
		const char *esc;

		if (key.ptr[i] == '~')
			esc = "~0";
		else if (key.ptr[i] == '/')
			esc = "~1";
		else
			continue;
		fl_buf_add(out, key.ptr + run, i - run);
		fl_buf_add(out, esc, 2);
		run = i + 1;
	}
	fl_buf_add(out, key.ptr + run, key.len - run);
}

void
fl_json_pointer(struct fl_buf *out, const struct fl_json_doc *d, uint32_t i)
{
	fl_json_pointer_from(out, d, FL_JSON_ROOT, i);
}

void
fl_json_pointer_from(struct fl_buf *out, const struct fl_json_doc *d,
    uint32_t from, uint32_t i)
{
	/*
	 * The parser caps nesting, so the path from the root fits a fixed
	 * array; walking parents yields it leaf first.
	 */
	uint32_t path[FL_JSON_MAX_DEPTH + 1];
	size_t n = 0;

	while (i > FL_JSON_ROOT && i != from &&
	    n < sizeof(path) / sizeof(path[0])) {
		path[n++] = i;
		i = d->nodes[i].parent;
	}
	while (n-- > 0) {
		const struct fl_json_node *node = &d->nodes[path[n]];

		fl_buf_addch(out, '/');
		if (d->nodes[node->parent].type == FL_JSON_OBJECT)
			add_token(out, node->key);
		else
			fl_buf_add_uint(out,
			    fl_json_index_in_parent(d, path[n]));
	}
}
