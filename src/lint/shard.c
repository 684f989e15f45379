/*
 * Shards: a deterministic split of the targets by a hash of the path.
 */
#include "lint/shard.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

#include "repo/targets.h"
#include "util/error.h"

/* Shards beyond this are surely a typo; the bound keeps N sane. */
#define MAX_SHARDS 100000

static int
parse_uint(unsigned *out, const char *s, const char **end)
{
	unsigned long v;
	char *e;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoul(s, &e, 10);
	if (errno != 0 || v > MAX_SHARDS)
		return -1;
	*out = (unsigned)v;
	*end = e;
	return 0;
}

int
fl_shard_parse(unsigned *index, unsigned *count, const char *spec)
{
	const char *p;

	if (parse_uint(index, spec, &p) != 0 || *p != '/' ||
	    parse_uint(count, p + 1, &p) != 0 || *p != '\0')
		return fl_error_set(FL_EINVAL, "--shard takes I/N, such as "
		    "2/4, not '%s'", spec);
	if (*count == 0 || *index == 0 || *index > *count)
		return fl_error_set(FL_EINVAL, "--shard %s: I must be between "
		    "1 and N", spec);
	return 0;
}

/* 32-bit FNV-1a: the shard split is documented, so it must not change. */
static uint32_t
fnv1a(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

static unsigned
shard_of(const char *path, unsigned count)
{
	while (path[0] == '.' && path[1] == '/') {
		path += 2;
		while (*path == '/')
			path++;
	}
	return fnv1a(path) % count + 1;
}

void
fl_targets_shard(struct fl_targets *t, unsigned index, unsigned count)
{
	size_t i, kept = 0;

	for (i = 0; i < t->n; i++) {
		struct fl_target *e = &t->v[i];

		if (shard_of(e->path, count) == index) {
			t->v[kept++] = *e;
			continue;
		}
		fl_target_release(e);
	}
	t->n = kept;
}
