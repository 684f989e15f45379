/*
 * A JSON value as "path = value" leaves: the members of objects and
 * elements of arrays down to a given depth, each deeper value as one
 * line of compact JSON.  One leaf per line keeps a line-based diff of
 * a parameter to the lines that changed; the depth limit keeps the
 * output linear in the input whatever its nesting.
 */
#ifndef FL_REVIEW_FLATTEN_H
#define FL_REVIEW_FLATTEN_H

#include <stdint.h>

#include "json/json.h"

struct fl_arena;
struct fl_buf;

struct fl_review_leaf {
	const char *path;	/* arena: "Parameters.Text", "Tags[\"a b\"]" */
	const char *value;	/* arena: compact JSON */
	uint32_t node;		/* the value shown, in the flattened doc */
	const char *name;	/* the resource a reference value names, as
				   the inventory knows it (names.h), or
				   NULL */
};

struct fl_review_leaves {
	struct fl_review_leaf *v;	/* arena */
	uint32_t n, alloc;
};

/* How deep fl_review_flatten() descends below the node it is given. */
#define FL_REVIEW_FLATTEN_DEPTH 3

/*
 * Appends the leaves of node i of `d`, their paths starting with
 * `path` (the path of i itself: a leaf i, or an empty container, is one
 * leaf named `path`).
 */
void fl_review_flatten(struct fl_review_leaves *out, struct fl_arena *a,
    const struct fl_json_doc *d, uint32_t i, const char *path);

/* Appends member key `key` to a path: ".Key", or "[\"odd key\"]". */
void fl_review_path_key(struct fl_buf *path, struct fl_str key);

/* Appends `s` bare when it is a plain word (A-Z a-z 0-9 _ - # .), else
   as a JSON string literal, so that it never breaks a line. */
void fl_review_add_name(struct fl_buf *out, struct fl_str s);

/* Compact JSON of node i of `d`, in `a`. */
const char *fl_review_compact(struct fl_arena *a, const struct fl_json_doc *d,
    uint32_t i);

#endif
