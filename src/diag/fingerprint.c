/*
 * Finding fingerprints; the definition is in fingerprint.h.
 */
#include "diag/fingerprint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag/diag.h"
#include "util/arena.h"
#include "util/sha256.h"
#include "util/xalloc.h"

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

struct fl_str
fl_fingerprint_pointer(const struct fl_diag *d)
{
	const char *p = d->pointer;
	size_t i = sizeof("/Actions/") - 1;

	if (p == NULL)
		return (struct fl_str){ "", 0 };
	if (d->action.len == 0 || strncmp(p, "/Actions/", i) != 0 ||
	    !is_digit(p[i]))
		return fl_str_cstr(p);
	while (is_digit(p[i]))
		i++;
	if (p[i] != '\0' && p[i] != '/')
		return fl_str_cstr(p);
	return fl_str_cstr(p + i);
}

static void
field(struct fl_sha256 *c, struct fl_str s)
{
	char len[24];
	int n = snprintf(len, sizeof(len), "%zu:", s.len);

	fl_sha256_update(c, len, (size_t)n);
	fl_sha256_update(c, s.ptr, s.len);
}

/* Counts equal tuple digests with an open-addressing table. */
struct counter {
	uint32_t *slot;		/* owned: 1 + index of a digest, 0 if empty */
	uint32_t *count;	/* owned: per slot, findings seen so far */
	uint32_t mask;
	const unsigned char (*digest)[FL_SHA256_LEN];	/* borrowed */
};

static uint32_t
counter_next(struct counter *t, uint32_t i)
{
	const unsigned char *d = t->digest[i];
	uint32_t h = ((uint32_t)d[0] | (uint32_t)d[1] << 8 |
	    (uint32_t)d[2] << 16 | (uint32_t)d[3] << 24) & t->mask;

	while (t->slot[h] != 0 &&
	    memcmp(t->digest[t->slot[h] - 1], d, FL_SHA256_LEN) != 0)
		h = (h + 1) & t->mask;
	t->slot[h] = i + 1;
	return t->count[h]++;
}

void
fl_fingerprint_diags(struct fl_fingerprint *out, const struct fl_diag_list *l,
    struct fl_str flow, const char *relpath)
{
	static const char hex[] = "0123456789abcdef";
	struct fl_sha256 *ctx;
	unsigned char (*digest)[FL_SHA256_LEN];
	struct counter t = { 0 };
	uint32_t i, size = 4, n = l->n;

	if (n == 0)
		return;
	ctx = fl_xcalloc(n, sizeof(*ctx));
	digest = fl_xcalloc(n, sizeof(*digest));
	for (i = 0; i < n; i++) {
		const struct fl_diag *d = &l->v[i];
		struct fl_sha256 tuple;

		fl_sha256_init(&ctx[i]);
		fl_sha256_update(&ctx[i], "flowlint/v1\n", 12);
		field(&ctx[i], fl_str_cstr(d->code));
		field(&ctx[i], fl_str_cstr(relpath));
		field(&ctx[i], flow);
		field(&ctx[i], d->action.ptr != NULL ? d->action :
		    (struct fl_str){ "", 0 });
		field(&ctx[i], fl_fingerprint_pointer(d));
		tuple = ctx[i];
		fl_sha256_final(&tuple, digest[i]);
	}
	while (size < 2 * n)
		size *= 2;
	t.slot = fl_xcalloc(size, sizeof(*t.slot));
	t.count = fl_xcalloc(size, sizeof(*t.count));
	t.mask = size - 1;
	t.digest = (const unsigned char (*)[FL_SHA256_LEN])digest;
	for (i = 0; i < n; i++) {
		unsigned char fp[FL_SHA256_LEN];
		char occ[16];
		unsigned j;

		out[i].occurrence = counter_next(&t, i);
		snprintf(occ, sizeof(occ), "%u", (unsigned)out[i].occurrence);
		field(&ctx[i], fl_str_cstr(occ));
		fl_sha256_final(&ctx[i], fp);
		for (j = 0; j < FL_SHA256_LEN; j++) {
			out[i].hex[2 * j] = hex[fp[j] >> 4];
			out[i].hex[2 * j + 1] = hex[fp[j] & 15];
		}
		out[i].hex[FL_FINGERPRINT_HEX] = '\0';
	}
	free(t.slot);
	free(t.count);
	free(digest);
	free(ctx);
}

void
fl_fingerprint_set(struct fl_diag_list *l, struct fl_arena *a,
    struct fl_str flow, const char *relpath)
{
	struct fl_fingerprint *fp = fl_arena_array(a, l->n + 1, sizeof(*fp));
	uint32_t i;

	fl_fingerprint_diags(fp, l, flow, relpath);
	for (i = 0; i < l->n; i++)
		l->v[i].fingerprint = &fp[i];
}
