/*
 * A strict, position-exact JSON parser (RFC 8259).
 *
 * cJSON keeps no source offsets, rounds numbers to doubles and keeps only
 * the first of two equal keys; a linter needs all three.  This parser
 * turns a text into a flat array of nodes in document order (pre-order):
 * a container's first child is the node right after it, siblings are
 * linked by `next`.  Every node records where its text starts and ends,
 * so any finding maps to an exact line and column, and the formatter can
 * reprint numbers from their original text.
 *
 * Index 0 is a sentinel (type FL_JSON_NULL, no span) that stands for "no
 * node" (FL_JSON_NONE): lookups return it, `next` holds it after the last
 * sibling, the root's `parent` is it.  The root is always FL_JSON_ROOT.
 *
 * Lifetime: the nodes, and decoded strings that had escapes, live in the
 * arena passed to fl_json_parse.  Strings without escapes point into the
 * parsed text (borrowed), so the text must outlive the document.
 */
#ifndef FL_JSON_JSON_H
#define FL_JSON_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/str.h"

struct fl_arena;
struct fl_buf;

#define FL_JSON_NONE 0u
#define FL_JSON_ROOT 1u
#define FL_JSON_MAX_DEPTH 1000	/* deeper nesting is a parse error */

enum fl_json_type {
	FL_JSON_NULL,
	FL_JSON_FALSE,
	FL_JSON_TRUE,
	FL_JSON_NUMBER,
	FL_JSON_STRING,
	FL_JSON_ARRAY,
	FL_JSON_OBJECT,
};

enum fl_json_node_flag {
	FL_JSON_F_ESCAPED = 1 << 0,	/* string value had escapes */
	FL_JSON_F_KEY_ESCAPED = 1 << 1,	/* member key had escapes */
	FL_JSON_F_NUM_OVERFLOW = 1 << 2,/* number beyond double range */
	FL_JSON_F_DUP_KEY = 1 << 3,	/* an earlier sibling has this key */
	FL_JSON_F_RAW = 1 << 4,		/* string value with escapes left
					   undecoded (fl_json_parse_raw):
					   its str is empty */
};

struct fl_json_node {
	uint8_t type;		/* enum fl_json_type */
	uint8_t flags;		/* enum fl_json_node_flag bits */
	uint32_t off;		/* first byte of the value in the text */
	uint32_t len;		/* bytes of the value's text (containers:
				   through the closing bracket) */
	uint32_t parent;	/* index of the container; root: NONE */
	uint32_t next;		/* next sibling's index, FL_JSON_NONE if last */
	uint32_t count;		/* containers: number of children */
	uint32_t key_off;	/* object members: offset of the key's '"' */
	uint32_t escapes;	/* strings: number of escape sequences */
	struct fl_str key;	/* object members: decoded key, else {NULL,0} */
	struct fl_str str;	/* strings: decoded value (borrowed from the
				   text when unescaped, else in the arena);
				   numbers: the number's text */
};

struct fl_json_doc {
	const char *text;		/* borrowed: the parsed bytes */
	size_t len;
	struct fl_json_node *nodes;	/* arena-owned, `count` entries,
					   the sentinel included */
	uint32_t count;
	uint32_t dup_keys;		/* nodes flagged FL_JSON_F_DUP_KEY */
	uint32_t overflows;		/* nodes flagged FL_JSON_F_NUM_OVERFLOW */
};

struct fl_json_error {
	size_t off;		/* byte offset of the first bad byte */
	char msg[128];		/* e.g. "expected ',' or '}' after object member" */
};

/*
 * Parses `len` bytes of `text`.  A UTF-8 byte order mark at offset 0 is
 * skipped (offsets still count it).  Returns 0, or -1 with `err` filled:
 * syntax errors, truncation ("unexpected end of input"), an empty text,
 * invalid UTF-8, raw control characters in strings, lone surrogates in
 * \u escapes, trailing data after the value, nesting deeper than
 * FL_JSON_MAX_DEPTH, and texts of 4 GiB or more.  Duplicate keys and
 * numbers that overflow a double are not errors: they are flagged on the
 * node and counted in the doc.  Never recurses on the C stack.
 */
int fl_json_parse(struct fl_json_doc *out, struct fl_arena *arena,
    const char *text, size_t len, struct fl_json_error *err);

/*
 * fl_json_parse(), except that the string values of object members
 * named `raw_key` are validated but, when they hold escapes, not decoded
 * (FL_JSON_F_RAW): for a reader that needs a wrapper's small members
 * and not its big Content string.
 */
int fl_json_parse_raw(struct fl_json_doc *out, struct fl_arena *arena,
    const char *text, size_t len, const char *raw_key,
    struct fl_json_error *err);

/*
 * Parses a small data file (configuration, rule data) that must hold a
 * JSON object.  Returns 0, or FL_ECONFIG with the message
 * "<origin>:<line>:<col>: <reason>" set.
 */
int fl_json_parse_object(struct fl_json_doc *out, struct fl_arena *arena,
    const char *text, size_t len, const char *origin);

/*
 * Child lookup by decoded key, or FL_JSON_NONE.  When the key repeats,
 * the last member, which is the one JSON.parse keeps (FL004).
 */
uint32_t fl_json_get_str(const struct fl_json_doc *d, uint32_t obj, struct fl_str key);

/* Inline, so that the length of a literal key is known when compiling. */
static inline uint32_t
fl_json_get(const struct fl_json_doc *d, uint32_t obj, const char *key)
{
	return fl_json_get_str(d, obj, fl_str_cstr(key));
}

/* First child of a container, or FL_JSON_NONE when empty or scalar. */
static inline uint32_t
fl_json_first(const struct fl_json_doc *d, uint32_t i)
{
	const struct fl_json_node *n = &d->nodes[i];

	return (n->type == FL_JSON_ARRAY || n->type == FL_JSON_OBJECT) &&
	    n->count > 0 ? i + 1 : FL_JSON_NONE;
}

#define fl_json_foreach(d, parent, it)                                     \
	for ((it) = fl_json_first((d), (parent)); (it) != FL_JSON_NONE;     \
	    (it) = (d)->nodes[(it)].next)

static inline bool
fl_json_is(const struct fl_json_doc *d, uint32_t i, enum fl_json_type t)
{
	return i != FL_JSON_NONE && d->nodes[i].type == t;
}

/* The decoded string at i, or {NULL, 0} when i is not a string. */
static inline struct fl_str
fl_json_string(const struct fl_json_doc *d, uint32_t i)
{
	if (!fl_json_is(d, i, FL_JSON_STRING))
		return (struct fl_str){ NULL, 0 };
	return d->nodes[i].str;
}

/* Position of child i within its parent (0-based). */
uint32_t fl_json_index_in_parent(const struct fl_json_doc *d, uint32_t i);

/*
 * Appends the RFC 6901 JSON Pointer of node i ("" for the root,
 * "/Actions/3/Parameters/QueueId"), escaping '~' and '/'.
 */
void fl_json_pointer(struct fl_buf *out, const struct fl_json_doc *d, uint32_t i);
/*
 * The same relative to node `from`, an ancestor of i (nothing when
 * i == from; the whole pointer when `from` is not an ancestor).  Each
 * array index costs a walk over the earlier siblings, so a caller that
 * knows an index (an action's) starts below it.
 */
void fl_json_pointer_from(struct fl_buf *out, const struct fl_json_doc *d,
    uint32_t from, uint32_t i);

/*
 * Offsets into a decoded string, mapped back to the raw text it was
 * decoded from.  Used for the stringified `Content`, whose inner nodes
 * have offsets in the decoded text but are reported at file positions.
 */
struct fl_json_offmap_entry {
	uint32_t dec;	/* offset in the decoded string */
	uint32_t raw;	/* offset in the raw text of the same byte */
};

struct fl_json_offmap {
	struct fl_json_offmap_entry *v;	/* arena-owned, sorted by dec */
	uint32_t count;
};

/*
 * The decoded string value at node i (NUL-terminated, may contain NUL
 * bytes) and the map from decoded offsets to raw offsets in d->text: one
 * entry at the start of the string and one at the end of each escape
 * sequence (an escape's start maps through the entry before it, as the
 * bytes in between map one to one).  The string is the node's own decoded
 * value when it had escapes (it lives as long as the document), else a
 * copy in `arena`; the map is in `arena`.
 */
void fl_json_decode_mapped(struct fl_str *out, struct fl_json_offmap *map,
    struct fl_arena *arena, const struct fl_json_doc *d, uint32_t i);

/*
 * Decodes the string values fl_json_parse_raw() left raw, so that `d`
 * then reads as fl_json_parse() would have made it (strings in `arena`).
 * A caller that has decoded node `node` already, with
 * fl_json_decode_mapped(), passes the result as `decoded` so that it is
 * not decoded twice (else FL_JSON_NONE).
 */
void fl_json_decode_raw(struct fl_json_doc *d, struct fl_arena *arena,
    uint32_t node, struct fl_str decoded);

/* Raw text offset of decoded offset `dec` (last entry <= dec, plus delta). */
uint32_t fl_json_offmap_raw(const struct fl_json_offmap *map, uint32_t dec);

/* How fl_json_print() prints. */
struct fl_json_print_opts {
	bool pretty;		/* two-space indentation, else compact */
	uint32_t swap;		/* a string node printed with swap_value
				   instead of its own, or FL_JSON_NONE */
	struct fl_str swap_value;
	size_t limit;		/* stop once `out` is longer (SIZE_MAX:
				   no limit) */
};

/*
 * Appends node `top` of `d` and everything below it (without its key)
 * as JSON.stringify(value, null, pretty ? 2 : 0) would, numbers in
 * their original text.  Walks the nodes without recursing.  Returns
 * FL_JSON_NONE, or the node it was about to print when `out` had grown
 * past o->limit bytes.
 */
uint32_t fl_json_print(struct fl_buf *out, const struct fl_json_doc *d,
    uint32_t top, const struct fl_json_print_opts *o);

#endif
