/*
 * A borrowed byte slice.  It owns nothing; the comment at each use says
 * whose bytes it points into.  Print with "%.*s", FL_STR_ARGS(s).
 */
#ifndef FL_UTIL_STR_H
#define FL_UTIL_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct fl_str {
	const char *ptr;	/* not NUL-terminated in general */
	size_t len;
};

#define FL_STR_ARGS(s) (int)(s).len, (s).ptr
#define FL_STR_LIT(lit) ((struct fl_str){ (lit), sizeof(lit) - 1 })

static inline struct fl_str
fl_str_make(const char *ptr, size_t len)
{
	return (struct fl_str){ ptr, len };
}

static inline struct fl_str
fl_str_cstr(const char *s)
{
	return (struct fl_str){ s, strlen(s) };
}

/* The first bytes are compared inline: most keys and names that share a
 * length differ there, and a memcmp call costs more than the compare. */
static inline bool
fl_str_eq(struct fl_str a, struct fl_str b)
{
	return a.len == b.len && (a.len == 0 || (a.ptr[0] == b.ptr[0] &&
	    memcmp(a.ptr, b.ptr, a.len) == 0));
}

/* Byte order, a prefix first, as strcmp() orders C strings. */
static inline int
fl_str_cmp(struct fl_str a, struct fl_str b)
{
	size_t n = a.len < b.len ? a.len : b.len;
	int c = n == 0 ? 0 : memcmp(a.ptr, b.ptr, n);

	if (c == 0 && a.len != b.len)
		c = a.len < b.len ? -1 : 1;
	return c;
}

static inline bool
fl_str_eq_cstr(struct fl_str a, const char *b)
{
	return fl_str_eq(a, fl_str_cstr(b));
}

static inline bool
fl_str_has_prefix(struct fl_str s, const char *prefix)
{
	size_t n = strlen(prefix);

	return s.len >= n && memcmp(s.ptr, prefix, n) == 0;
}

/*
 * A hash for in-memory tables, eight bytes at a time (flow identifiers
 * are 36-byte UUIDs, looked up at every transition).  Not stable across
 * versions: nothing stored or shown may depend on it.
 */
static inline uint32_t
fl_str_hash(struct fl_str s)
{
	uint64_t h = 0x9e3779b97f4a7c15u ^ s.len, w;
	size_t i = 0;

	for (; i + 8 <= s.len; i += 8) {
		memcpy(&w, s.ptr + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	if (i < s.len) {
		w = 0;
		memcpy(&w, s.ptr + i, s.len - i);
		h = (h ^ w) * 0xc4ceb9fe1a85ec53u;
	}
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9u;
	h ^= h >> 32;
	return (uint32_t)h;
}

/* Returns the offset of `needle` in `s`, or -1. */
static inline long
fl_str_find(struct fl_str s, const char *needle)
{
	size_t n = strlen(needle);
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i + n <= s.len; i++) {
		const char *p = memchr(s.ptr + i, needle[0], s.len - i - n + 1);

		if (p == NULL)
			return -1;
		i = (size_t)(p - s.ptr);
		if (memcmp(p, needle, n) == 0)
			return (long)i;
	}
	return -1;
}

#endif
