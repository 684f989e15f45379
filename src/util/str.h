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

static inline bool
fl_str_eq(struct fl_str a, struct fl_str b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
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

/* FNV-1a. */
static inline uint32_t
fl_str_hash(struct fl_str s)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < s.len; i++) {
		h ^= (unsigned char)s.ptr[i];
		h *= 16777619u;
	}
	return h;
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
