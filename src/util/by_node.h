/*
 * Binary search in an array sorted by a uint32_t field, such as the
 * flow model's actions, references and parameter hits, which are kept
 * in document order (node order).
 */
#ifndef FL_UTIL_BY_NODE_H
#define FL_UTIL_BY_NODE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * The index of the first of the `n` elements at `base`, `stride` bytes
 * apart, whose uint32_t at byte `off` is not below `key`; n if none.
 * FL_LOWER_BOUND(array, n, type, field, key) names them from an array
 * of `type`.
 */
static inline uint32_t
fl_lower_bound_u32(const void *base, uint32_t n, size_t stride, size_t off,
    uint32_t key)
{
	const unsigned char *p = base;
	uint32_t lo = 0, hi = n;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2, v;

		memcpy(&v, p + (size_t)mid * stride + off, sizeof(v));
		if (v < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

#define FL_LOWER_BOUND(array, n, type, field, key) \
	fl_lower_bound_u32((array), (n), sizeof(type), offsetof(type, field), \
	    (key))

#endif
