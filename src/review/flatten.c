/*
 * JSON values as "path = value" leaves; see flatten.h.
 */
#include "review/flatten.h"

#include "util/arena.h"
#include "util/buf.h"

#define LEAF_PATH_MAX 120

static bool
plain_char(char c, bool dot_ok)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '#' ||
	    (dot_ok && c == '.');
}

static bool
plain(struct fl_str s, bool dot_ok)
{
	size_t i;

	if (s.len == 0)
		return false;
	for (i = 0; i < s.len; i++)
		if (!plain_char(s.ptr[i], dot_ok))
			return false;
	return true;
}

void
fl_review_add_name(struct fl_buf *out, struct fl_str s)
{
	if (s.ptr == NULL)	/* a missing value: shown as "" */
		s = FL_STR_LIT("");
	if (plain(s, true))
		fl_buf_addstr(out, s);
	else
		fl_buf_add_json_string(out, s);
}

void
fl_review_path_key(struct fl_buf *path, struct fl_str key)
{
	if (plain(key, false)) {
		fl_buf_addch(path, '.');
		fl_buf_addstr(path, key);
	} else {
		fl_buf_addch(path, '[');
		fl_buf_add_json_string(path, key);
		fl_buf_addch(path, ']');
	}
}

const char *
fl_review_compact(struct fl_arena *a, const struct fl_json_doc *d, uint32_t i)
{
	struct fl_buf b = FL_BUF_INIT;
	const char *s;

	fl_json_print(&b, d, i, &(struct fl_json_print_opts){ .limit = SIZE_MAX });
	s = fl_arena_strndup(a, b.ptr, b.len);
	fl_buf_release(&b);
	return s;
}

static void
add_leaf(struct fl_review_leaves *out, struct fl_arena *a, const char *path,
    const char *value, uint32_t node)
{
	if (out->n == out->alloc) {
		uint32_t n = out->alloc ? out->alloc * 2 : 8;

		out->v = fl_arena_grow_array(a, out->v, out->alloc, n,
		    sizeof(*out->v));
		out->alloc = n;
	}
	out->v[out->n++] = (struct fl_review_leaf){ path, value,
	    node, NULL };
}

/*
 * Recursion is bounded by FL_REVIEW_FLATTEN_DEPTH, not by the input; a
 * path already LEAF_PATH_MAX bytes long goes no deeper, so that a long key
 * over many members is not repeated on every line.
 */
static void
flatten(struct fl_review_leaves *out, struct fl_arena *a,
    const struct fl_json_doc *d, uint32_t i, struct fl_buf *path,
    unsigned depth)
{
	size_t len = path->len;
	uint32_t it, k = 0;

	if (depth == FL_REVIEW_FLATTEN_DEPTH || path->len >= LEAF_PATH_MAX ||
	    fl_json_first(d, i) == FL_JSON_NONE) {
		add_leaf(out, a, fl_arena_strndup(a, path->ptr, path->len),
		    fl_review_compact(a, d, i), i);
		return;
	}
	fl_json_foreach(d, i, it) {
		if (d->nodes[i].type == FL_JSON_OBJECT)
			fl_review_path_key(path, d->nodes[it].key);
		else
			fl_buf_addf(path, "[%u]", k++);
		flatten(out, a, d, it, path, depth + 1);
		path->len = len;
		path->ptr[len] = '\0';
	}
}

void
fl_review_flatten(struct fl_review_leaves *out, struct fl_arena *a,
    const struct fl_json_doc *d, uint32_t i, const char *path)
{
	struct fl_buf b = FL_BUF_INIT;

	fl_buf_adds(&b, path);
	flatten(out, a, d, i, &b, 0);
	fl_buf_release(&b);
}
