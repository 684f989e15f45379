/*
 * SHA-256 (FIPS 180-4), for fingerprints that must be the same on every
 * machine and in every version of flowlint.
 */
#ifndef FL_UTIL_SHA256_H
#define FL_UTIL_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define FL_SHA256_LEN 32	/* bytes in a digest */

struct fl_sha256 {
	uint32_t h[8];		/* the chaining state */
	uint64_t len;		/* bytes hashed so far */
	unsigned char buf[64];	/* a partial block */
	size_t nbuf;		/* bytes in buf */
};

void fl_sha256_init(struct fl_sha256 *c);
void fl_sha256_update(struct fl_sha256 *c, const void *data, size_t len);
/* Writes the digest; `c` must be initialised again before reuse. */
void fl_sha256_final(struct fl_sha256 *c, unsigned char out[FL_SHA256_LEN]);

#endif
