/*
 * A set of borrowed strings in an arena (open addressing), for the
 * name lookups rules do per reference.
 */
#ifndef FL_UTIL_STRSET_H
#define FL_UTIL_STRSET_H

#include <stdbool.h>
#include <stdint.h>

#include "util/str.h"

struct fl_arena;

struct fl_strset {
	struct fl_str *slots;	/* arena; ptr NULL = empty */
	uint32_t mask, count;
};

/* Sized for about `expected` members; grows as needed. */
void fl_strset_init(struct fl_strset *s, struct fl_arena *a, uint32_t expected);
/* Adds `str` (borrowed: it must outlive the set); true if it was new. */
bool fl_strset_add(struct fl_strset *s, struct fl_arena *a, struct fl_str str);
bool fl_strset_has(const struct fl_strset *s, struct fl_str str);

#endif
