/*
 * Eight bytes at a time in a 64-bit word, for the string scans of the
 * parser and the unescaper.  A "mask" has the top bit set in each byte
 * that matched; (x - ONES) & ~x marks the zero bytes of x, and since a
 * borrow only starts at a matching byte and moves towards later bytes,
 * the first marked byte is always a true match (later ones may not be).
 * Internal to src/json.
 */
#ifndef FL_JSON_SWAR_H
#define FL_JSON_SWAR_H

#include <stdint.h>
#include <string.h>

#define FL_SWAR_ONES UINT64_C(0x0101010101010101)
#define FL_SWAR_HIGHS UINT64_C(0x8080808080808080)

/* The 8 bytes at p, the first in the lowest bits on any byte order. */
static inline uint64_t
fl_swar_load(const void *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	return v;
}

/* The bytes of v equal to c. */
static inline uint64_t
fl_swar_eq(uint64_t v, unsigned char c)
{
	uint64_t x = v ^ (FL_SWAR_ONES * c);

	return (x - FL_SWAR_ONES) & ~x & FL_SWAR_HIGHS;
}

/* Position (0-7) of the first matching byte of a non-zero mask. */
static inline unsigned
fl_swar_first(uint64_t mask)
{
	return (unsigned)__builtin_ctzll(mask) / 8;
}

/* The mask without its bytes 0 to k (k <= 7). */
static inline uint64_t
fl_swar_drop_through(uint64_t mask, unsigned k)
{
	return k >= 7 ? 0 : mask & (~UINT64_C(0) << (8 * (k + 1)));
}

#endif
