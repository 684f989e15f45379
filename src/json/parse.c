/*
 * The JSON parser: one pass over the text with an explicit stack instead
 * of recursion, so hostile nesting is an error and never a stack
 * overflow.  Nodes are collected in a growable array and moved into the
 * arena once the document is complete.  See json.h for the contract.
 */
#include "json/json.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json/swar.h"
#include "json/unescape.h"
#include "util/arena.h"
#include "util/xalloc.h"

/* Objects up to this many members are checked for duplicates pairwise. */
#define DUP_PAIRWISE_MAX 16

/*
 * A number whose integer digits plus exponent stay at or below this is
 * below 1e308 and cannot overflow a double, so strtod is never needed.
 */
#define NUM_SAFE_MAGNITUDE 308

/* Exponents are clamped here while scanning; far beyond any double. */
#define NUM_EXP_CLAMP 1000000000

/* The node array starts at most this big and doubles from there. */
#define INITIAL_NODES_MAX (1u << 20)

struct frame {
	uint32_t node;	/* the open container */
	uint32_t last;	/* its last child so far, FL_JSON_NONE before any */
};

/* A member's key and index, sorted to find duplicates in big objects. */
struct key_ref {
	struct fl_str key;
	uint32_t idx;
};

struct parser {
	const unsigned char *s;
	size_t len;
	size_t pos;
	struct fl_arena *arena;
	struct fl_json_error *err;
	struct fl_json_node *nodes;	/* malloc'd until the end */
	size_t count;
	size_t alloc;
	struct key_ref *refs;		/* scratch for check_dups */
	size_t refs_alloc;
	uint32_t dup_keys;
	uint32_t overflows;
	/* The key of the member whose value comes next. */
	struct fl_str key;
	uint32_t key_off;
	uint32_t key_escapes;
	const char *raw_key;	/* values of members so named: not decoded */
};

/*
 * Bytes a string scan must stop at: '"', '\\', control characters and
 * every non-ASCII byte (whose UTF-8 sequence must be validated).
 */
static const unsigned char str_stop[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* '"' */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,	/* '\\' */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* The bytes that make a two-byte escape after a backslash. */
static const bool short_escape[256] = {
	['"'] = true, ['\\'] = true, ['/'] = true, ['b'] = true,
	['f'] = true, ['n'] = true, ['r'] = true, ['t'] = true,
};

/*
 * The str_stop bytes among 8 (swar.h): '"', '\\', below 0x20 (v - 0x20
 * borrows there) and 0x80 or above (the top bit itself).
 */
static inline uint64_t
stop8(uint64_t v)
{
	return fl_swar_eq(v, '"') | fl_swar_eq(v, '\\') |
	    (((v - FL_SWAR_ONES * 0x20) | v) & FL_SWAR_HIGHS);
}

static int
fail(struct parser *p, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail(struct parser *p, size_t off, const char *fmt, ...)
{
	va_list ap;

	p->err->off = off;
	va_start(ap, fmt);
	vsnprintf(p->err->msg, sizeof(p->err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

static int
fail_eof(struct parser *p)
{
	return fail(p, p->len, "unexpected end of input");
}

static inline bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline void
skip_ws(struct parser *p)
{
	while (p->pos < p->len) {
		unsigned char c = p->s[p->pos];

		if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
			break;
		p->pos++;
	}
}

/*
 * Length of the well-formed UTF-8 sequence at s[i], or 0 when it is
 * ill-formed or cut short (Unicode table 3-7: no overlongs, no encoded
 * surrogates, nothing above U+10FFFF).
 */
static size_t
utf8_seq(const unsigned char *s, size_t i, size_t len)
{
	unsigned char c = s[i];
	unsigned char lo = 0x80, hi = 0xbf;
	size_t n, k;

	if (c < 0xc2)
		return 0;
	if (c < 0xe0) {
		n = 2;
	} else if (c < 0xf0) {
		n = 3;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c < 0xf5) {
		n = 4;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else {
		return 0;
	}
	if (len - i < n || s[i + 1] < lo || s[i + 1] > hi)
		return 0;
	for (k = 2; k < n; k++)
		if ((s[i + k] & 0xc0) != 0x80)
			return 0;
	return n;
}

/* The \uXXXX value at s[i] ('\\'), -1 for bad digits, -2 for the end. */
static long
hex4_at(const unsigned char *s, size_t i, size_t len)
{
	long v = 0;
	size_t k;

	for (k = i + 2; k < i + 6; k++) {
		unsigned char c;

		if (k >= len)
			return -2;
		c = s[k];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			v |= (c | 0x20) - 'a' + 10;
		else
			return -1;
	}
	return v;
}

static int
fail_hex(struct parser *p, long v, size_t at)
{
	if (v == -2)
		return fail_eof(p);
	return fail(p, at, "invalid \\u escape; expected four hex digits");
}

/* Validates the escape at s[*ip] ('\\') and steps past it. */
static int
scan_escape(struct parser *p, size_t *ip)
{
	const unsigned char *s = p->s;
	size_t i = *ip, j, k;
	long hi, lo;

	if (i + 1 >= p->len)
		return fail_eof(p);
	if (short_escape[s[i + 1]]) {
		*ip = i + 2;
		return 0;
	}
	if (s[i + 1] != 'u') {
		if (s[i + 1] >= 0x20 && s[i + 1] < 0x7f)
			return fail(p, i, "invalid escape '\\%c'; expected one "
			    "of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
			    s[i + 1]);
		return fail(p, i, "invalid escape: byte 0x%02x after '\\'; "
		    "expected one of \"\\/bfnrtu", s[i + 1]);
	}
	hi = hex4_at(s, i, p->len);
	if (hi < 0)
		return fail_hex(p, hi, i);
	if (hi >= 0xdc00 && hi <= 0xdfff)
		return fail(p, i, "lone low surrogate '\\u%.4s'; expected a "
		    "high surrogate escape before it", (const char *)s + i + 2);
	if (hi < 0xd800 || hi > 0xdbff) {
		*ip = i + 6;
		return 0;
	}
	/* A high surrogate is only valid as the first half of a pair. */
	j = i + 6;
	for (k = 0; k < 2; k++) {
		if (j + k >= p->len)
			return fail_eof(p);
		if (s[j + k] != "\\u"[k])
			return fail(p, i, "lone high surrogate '\\u%.4s'; "
			    "expected a low surrogate escape after it",
			    (const char *)s + i + 2);
	}
	lo = hex4_at(s, j, p->len);
	if (lo < 0)
		return fail_hex(p, lo, j);
	if (lo < 0xdc00 || lo > 0xdfff)
		return fail(p, j, "expected a low surrogate escape after "
		    "'\\u%.4s', found '\\u%.4s'", (const char *)s + i + 2,
		    (const char *)s + j + 2);
	*ip = j + 6;
	return 0;
}

/*
 * Scans the string whose opening quote is at p->pos, leaving p->pos just
 * past the closing quote.  The content is borrowed from the text when it
 * has no escapes, else decoded into the arena -- or, without `decode`,
 * validated only and left empty.  *escapes is set to the number of escape
 * sequences (a surrogate pair counts as one).
 */
static int
parse_string(struct parser *p, struct fl_str *out, uint32_t *escapes,
    bool decode)
{
	const unsigned char *s = p->s;
	size_t len = p->len;
	size_t start = p->pos + 1, i = start, n;
	uint32_t esc = 0;
	char *buf;

	for (;;) {
		/*
		 * Most string bytes are plain ASCII: skip them 8 at a time,
		 * straight to the first stop byte.  Stringified documents
		 * have an escape every few bytes (each quote is escaped):
		 * two-byte escapes within the word are taken without leaving
		 * it.  A byte wrongly marked (swar.h) ends the word early,
		 * and the byte loop below steps over it.
		 */
		while (len - i >= 8) {
			uint64_t m = stop8(fl_swar_load(s + i));
			unsigned k = 0;

			while (m != 0) {
				k = fl_swar_first(m);
				if (s[i + k] != '\\' || k == 7 ||
				    !short_escape[s[i + k + 1]])
					break;
				esc++;
				m = fl_swar_drop_through(m, k + 1);
			}
			if (m != 0) {
				i += k;
				break;
			}
			i += 8;
		}
		while (i < len && !str_stop[s[i]])
			i++;
		if (i >= len)
			return fail_eof(p);
		if (s[i] == '"')
			break;
		if (s[i] == '\\') {
			if (scan_escape(p, &i) < 0)
				return -1;
			esc++;
		} else if (s[i] < 0x20) {
			return fail(p, i, "control character 0x%02x in string; "
			    "escape it as \\u%04x", s[i], s[i]);
		} else {
			n = utf8_seq(s, i, len);
			if (n == 0)
				return fail(p, i, "invalid UTF-8 byte 0x%02x",
				    s[i]);
			i += n;
		}
	}
	p->pos = i + 1;
	*escapes = esc;
	if (esc == 0) {
		*out = fl_str_make((const char *)s + start, i - start);
		return 0;
	}
	if (!decode) {
		*out = fl_str_make(NULL, 0);
		return 0;
	}
	buf = fl_arena_alloc(p->arena, i - start + 1);
	n = fl_json_unescape(buf, (const char *)s + start, i - start, NULL,
	    NULL, 0);
	*out = fl_str_make(buf, n);
	return 0;
}

/*
 * Whether the number text overflows a double.  strtod decides, but it
 * wants a NUL-terminated string and honours the locale's decimal point,
 * so it gets the digits without the '.' and an adjusted exponent.
 */
static bool
number_overflows(const unsigned char *s, size_t int_start,
    size_t int_len, size_t frac_start, size_t frac_len, int64_t exp)
{
	char small[128];
	char *buf = small, *o;
	size_t need = 1 + int_len + frac_len + 24;
	long long e = (long long)exp - (long long)frac_len;
	double v;

	if (need > sizeof(small))
		buf = fl_xmalloc(need);
	o = buf;
	if (s[0] == '-')
		*o++ = '-';
	memcpy(o, s + int_start, int_len);
	o += int_len;
	memcpy(o, s + frac_start, frac_len);
	o += frac_len;
	snprintf(o, 24, "e%lld", e);
	v = strtod(buf, NULL);
	if (buf != small)
		free(buf);
	return isinf(v);
}

/* Scans the number at p->pos into node `idx`. */
static int
parse_number(struct parser *p, uint32_t idx)
{
	const unsigned char *s = p->s;
	size_t len = p->len, start = p->pos, i = start;
	size_t int_start, int_len, frac_start, frac_len = 0;
	int64_t exp = 0;
	struct fl_json_node *node;

	if (s[i] == '-') {
		i++;
		if (i >= len)
			return fail_eof(p);
		if (!is_digit(s[i]))
			return fail(p, i, "expected a digit after '-'");
	}
	int_start = i;
	if (s[i] == '0') {
		i++;
		if (i < len && is_digit(s[i]))
			return fail(p, i, "leading zeros are not allowed; "
			    "expected '.', 'e' or the end of the number");
	} else {
		while (i < len && is_digit(s[i]))
			i++;
	}
	int_len = i - int_start;
	frac_start = i;
	if (i < len && s[i] == '.') {
		i++;
		if (i >= len)
			return fail_eof(p);
		if (!is_digit(s[i]))
			return fail(p, i, "expected a digit after '.'");
		frac_start = i;
		while (i < len && is_digit(s[i]))
			i++;
		frac_len = i - frac_start;
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		bool neg = false;

		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			neg = s[i++] == '-';
		if (i >= len)
			return fail_eof(p);
		if (!is_digit(s[i]))
			return fail(p, i, "expected a digit in the exponent");
		for (; i < len && is_digit(s[i]); i++)
			if (exp < NUM_EXP_CLAMP)
				exp = exp * 10 + (s[i] - '0');
		if (neg)
			exp = -exp;
	}
	node = &p->nodes[idx];
	node->type = FL_JSON_NUMBER;
	node->len = (uint32_t)(i - start);
	node->str = fl_str_make((const char *)s + start, i - start);
	/*
	 * With k integer digits (none for a leading 0) the value is below
	 * 10^(k + exp), so only numbers past that bound need strtod.
	 */
	if ((s[int_start] != '0' ? (long long)int_len : 0) + exp >
	    NUM_SAFE_MAGNITUDE && number_overflows(s + start,
	    int_start - start, int_len, frac_start - start, frac_len, exp)) {
		node->flags |= FL_JSON_F_NUM_OVERFLOW;
		p->overflows++;
	}
	p->pos = i;
	return 0;
}

static int
parse_literal(struct parser *p, uint32_t idx, const char *lit,
    enum fl_json_type type)
{
	size_t n = strlen(lit), k;

	for (k = 0; k < n; k++) {
		if (p->pos + k >= p->len)
			return fail_eof(p);
		if (p->s[p->pos + k] != (unsigned char)lit[k])
			return fail(p, p->pos + k,
			    "invalid literal; expected '%s'", lit);
	}
	p->nodes[idx].type = (uint8_t)type;
	p->nodes[idx].len = (uint32_t)n;
	p->pos += n;
	return 0;
}

/*
 * Reads a member key and its ':' (p->pos is past any whitespace) into
 * p->key, for the value node that follows.  `what` names the expected
 * token for the error message.
 */
static int
parse_key(struct parser *p, const char *what, bool after_comma)
{
	if (p->pos >= p->len)
		return fail_eof(p);
	if (p->s[p->pos] != '"') {
		if (after_comma && p->s[p->pos] == '}')
			return fail(p, p->pos, "trailing comma; expected a "
			    "string key");
		return fail(p, p->pos, "expected %s", what);
	}
	p->key_off = (uint32_t)p->pos;
	if (parse_string(p, &p->key, &p->key_escapes, true) < 0)
		return -1;
	skip_ws(p);
	if (p->pos >= p->len)
		return fail_eof(p);
	if (p->s[p->pos] != ':')
		return fail(p, p->pos, "expected ':' after object key");
	p->pos++;
	return 0;
}

/* Appends a node at p->pos as the next child of `parent` (or the root). */
static uint32_t
new_node(struct parser *p, struct frame *parent)
{
	struct fl_json_node *n;
	uint32_t idx;

	FL_GROW(p->nodes, p->count + 1, p->alloc);
	idx = (uint32_t)p->count++;
	n = &p->nodes[idx];
	memset(n, 0, sizeof(*n));
	n->off = (uint32_t)p->pos;
	if (parent == NULL)
		return idx;
	n->parent = parent->node;
	if (parent->last != FL_JSON_NONE)
		p->nodes[parent->last].next = idx;
	parent->last = idx;
	p->nodes[parent->node].count++;
	if (p->nodes[parent->node].type == FL_JSON_OBJECT) {
		n->key = p->key;
		n->key_off = p->key_off;
		if (p->key_escapes > 0)
			n->flags |= FL_JSON_F_KEY_ESCAPED;
	}
	return idx;
}

static void
flag_dup(struct parser *p, uint32_t idx)
{
	p->nodes[idx].flags |= FL_JSON_F_DUP_KEY;
	p->dup_keys++;
}

static int
cmp_key_ref(const void *a, const void *b)
{
	const struct key_ref *x = a, *y = b;
	size_t n = x->key.len < y->key.len ? x->key.len : y->key.len;
	int c = n != 0 ? memcmp(x->key.ptr, y->key.ptr, n) : 0;

	if (c != 0)
		return c;
	if (x->key.len != y->key.len)
		return x->key.len < y->key.len ? -1 : 1;
	/* Document order among equals, so the first one is the original. */
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/*
 * Flags every member of object `obj` whose key an earlier member already
 * has.  Small objects are compared pairwise; big ones are sorted by key,
 * which keeps a hostile 100,000-member object at n log n.
 */
static void
check_dups(struct parser *p, uint32_t obj)
{
	uint32_t n = p->nodes[obj].count, it, k, j;

	if (n < 2)
		return;
	if (n <= DUP_PAIRWISE_MAX) {
		uint32_t idx[DUP_PAIRWISE_MAX];

		k = 0;
		for (it = obj + 1; it != FL_JSON_NONE; it = p->nodes[it].next)
			idx[k++] = it;
		for (k = 1; k < n; k++) {
			struct fl_str key = p->nodes[idx[k]].key;

			for (j = 0; j < k; j++) {
				if (fl_str_eq(key, p->nodes[idx[j]].key)) {
					flag_dup(p, idx[k]);
					break;
				}
			}
		}
		return;
	}
	FL_GROW(p->refs, n, p->refs_alloc);
	k = 0;
	for (it = obj + 1; it != FL_JSON_NONE; it = p->nodes[it].next) {
		p->refs[k].key = p->nodes[it].key;
		p->refs[k].idx = it;
		k++;
	}
	qsort(p->refs, n, sizeof(*p->refs), cmp_key_ref);
	for (k = 1; k < n; k++)
		if (fl_str_eq(p->refs[k].key, p->refs[k - 1].key))
			flag_dup(p, p->refs[k].idx);
}

static int
fail_value(struct parser *p, bool after_comma)
{
	unsigned char c = p->s[p->pos];

	if (after_comma && c == ']')
		return fail(p, p->pos, "trailing comma; expected a value");
	if (c == '\'')
		return fail(p, p->pos, "expected a value; strings take double "
		    "quotes");
	return fail(p, p->pos, "expected a value");
}

/*
 * The document, as a loop over two states instead of recursion: either a
 * value is expected at p->pos, or a value has just ended and the open
 * container (stack[depth - 1]) decides what may follow.
 */
static int
parse_document(struct parser *p, struct frame *stack)
{
	uint32_t depth = 0;
	bool want_value = true, after_comma = false;

	for (;;) {
		struct frame *top;
		uint32_t idx;
		unsigned char c;
		uint32_t escapes;

		skip_ws(p);
		if (p->pos >= p->len) {
			if (p->count == 1)
				return fail(p, 0, "empty document");
			if (want_value || depth > 0)
				return fail_eof(p);
			return 0;
		}
		c = p->s[p->pos];
		if (!want_value) {
			if (depth == 0)
				return fail(p, p->pos,
				    "unexpected data after the document");
			top = &stack[depth - 1];
			if (p->nodes[top->node].type == FL_JSON_OBJECT) {
				if (c == ',') {
					p->pos++;
					skip_ws(p);
					if (parse_key(p, "a string key",
					    true) < 0)
						return -1;
					want_value = true;
					after_comma = false;
					continue;
				}
				if (c != '}')
					return fail(p, p->pos, "expected ',' or "
					    "'}' after object member");
				check_dups(p, top->node);
			} else {
				if (c == ',') {
					p->pos++;
					want_value = true;
					after_comma = true;
					continue;
				}
				if (c != ']')
					return fail(p, p->pos, "expected ',' or "
					    "']' after array element");
			}
			p->pos++;
			p->nodes[top->node].len =
			    (uint32_t)(p->pos - p->nodes[top->node].off);
			depth--;
			continue;
		}

		idx = new_node(p, depth > 0 ? &stack[depth - 1] : NULL);
		want_value = false;
		switch (c) {
		case '{':
		case '[':
			if (depth == FL_JSON_MAX_DEPTH)
				return fail(p, p->pos, "nesting deeper than "
				    "%d levels", FL_JSON_MAX_DEPTH);
			p->nodes[idx].type = c == '{' ? FL_JSON_OBJECT :
			    FL_JSON_ARRAY;
			stack[depth].node = idx;
			stack[depth].last = FL_JSON_NONE;
			depth++;
			p->pos++;
			skip_ws(p);
			if (p->pos >= p->len)
				return fail_eof(p);
			/* An empty container is closed by the state above. */
			if (p->s[p->pos] == (c == '{' ? '}' : ']'))
				break;
			if (c == '{') {
				if (parse_key(p, "a string key or '}'",
				    false) < 0)
					return -1;
			}
			want_value = true;
			after_comma = false;
			break;
		case '"': {
			bool decode = p->raw_key == NULL || depth == 0 ||
			    p->nodes[stack[depth - 1].node].type !=
			    FL_JSON_OBJECT || !fl_str_eq_cstr(p->key, p->raw_key);

			if (parse_string(p, &p->nodes[idx].str, &escapes,
			    decode) < 0)
				return -1;
			p->nodes[idx].type = FL_JSON_STRING;
			p->nodes[idx].escapes = escapes;
			if (escapes > 0)
				p->nodes[idx].flags |= decode ? FL_JSON_F_ESCAPED :
				    FL_JSON_F_RAW;
			p->nodes[idx].len = (uint32_t)(p->pos -
			    p->nodes[idx].off);
			break;
		}
		case '-': case '0': case '1': case '2': case '3': case '4':
		case '5': case '6': case '7': case '8': case '9':
			if (parse_number(p, idx) < 0)
				return -1;
			break;
		case 't':
			if (parse_literal(p, idx, "true", FL_JSON_TRUE) < 0)
				return -1;
			break;
		case 'f':
			if (parse_literal(p, idx, "false", FL_JSON_FALSE) < 0)
				return -1;
			break;
		case 'n':
			if (parse_literal(p, idx, "null", FL_JSON_NULL) < 0)
				return -1;
			break;
		default:
			return fail_value(p, after_comma);
		}
	}
}

int
fl_json_parse(struct fl_json_doc *out, struct fl_arena *arena,
    const char *text, size_t len, struct fl_json_error *err)
{
	return fl_json_parse_raw(out, arena, text, len, NULL, err);
}

int
fl_json_parse_raw(struct fl_json_doc *out, struct fl_arena *arena,
    const char *text, size_t len, const char *raw_key,
    struct fl_json_error *err)
{
	/* 8 KiB: one frame per open container, so no recursion is needed. */
	struct frame stack[FL_JSON_MAX_DEPTH];
	struct parser p;
	int rc;

	memset(out, 0, sizeof(*out));
	out->text = text;
	out->len = len;
	err->off = 0;
	err->msg[0] = '\0';
	memset(&p, 0, sizeof(p));
	p.s = (const unsigned char *)text;
	p.len = len;
	p.arena = arena;
	p.err = err;
	p.raw_key = raw_key;
	/* Offsets are 32-bit; the first byte they cannot name is the error. */
	if (len > UINT32_MAX)
		return fail(&p, (size_t)UINT32_MAX + 1, "text is 4 GiB or "
		    "larger; expected less than 4 GiB");
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		p.pos = 3;
	/*
	 * Flows have a node every 20 to 30 bytes, so len / 16 rarely needs
	 * to grow; the cap keeps a huge text from reserving gigabytes before
	 * it has shown that it is JSON at all.
	 */
	p.alloc = len / 16 + 16;
	if (p.alloc > INITIAL_NODES_MAX)
		p.alloc = INITIAL_NODES_MAX;
	p.nodes = fl_xreallocarray(NULL, p.alloc, sizeof(*p.nodes));
	/* Node 0 is the sentinel FL_JSON_NONE; the root is FL_JSON_ROOT. */
	memset(&p.nodes[0], 0, sizeof(p.nodes[0]));
	p.count = 1;
	rc = parse_document(&p, stack);
	if (rc == 0) {
		out->nodes = fl_arena_array(arena, p.count, sizeof(*p.nodes));
		memcpy(out->nodes, p.nodes, p.count * sizeof(*p.nodes));
		out->count = (uint32_t)p.count;
		out->dup_keys = p.dup_keys;
		out->overflows = p.overflows;
	}
	free(p.nodes);
	free(p.refs);
	return rc;
}

uint32_t
fl_json_get_str(const struct fl_json_doc *d, uint32_t obj, struct fl_str key)
{
	uint32_t it, found = FL_JSON_NONE;

	/* The sentinel (FL_JSON_NONE) has type NULL, so it yields NONE too. */
	if (d->nodes[obj].type != FL_JSON_OBJECT)
		return FL_JSON_NONE;
	fl_json_foreach(d, obj, it) {
		if (!fl_str_eq(d->nodes[it].key, key))
			continue;
		/*
		 * With duplicate keys the last one wins, as in the deploy
		 * step's JSON.parse: rules must judge what is deployed.
		 */
		found = it;
		if (d->dup_keys == 0)
			break;
	}
	return found;
}
