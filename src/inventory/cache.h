/*
 * What the inventory learnt from each resource file it read out of git,
 * kept between runs so that a pre-commit check reads the files that
 * changed since the last run instead of every flow in the repository.
 *
 * Entries are keyed by blob ID and the kind of folder the file was in,
 * so they cannot go stale: a changed file is a new blob.  The file lives
 * in the repository's git folder (fl_repo_cache_path), and one written
 * by another version of flowlint, or damaged, is ignored and replaced.
 */
#ifndef FL_INVENTORY_CACHE_H
#define FL_INVENTORY_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "inventory/inventory.h"

/* What one file gave: kind -1 when it describes no resource. */
struct fl_cached_resource {
	int kind;		/* enum fl_res_kind, or -1 */
	const char *name;	/* NULL with kind -1 */
	const char *id, *arn;	/* NULL when the file has none */
};

struct fl_inventory_cache;

/* Reads the cache at `path` (copied); a missing, damaged or foreign
 * file gives an empty cache.  Never fails. */
struct fl_inventory_cache *fl_inventory_cache_open(const char *path);

/*
 * The entry for blob `blob` (hex ID) read from a folder of `folder`
 * resources, or NULL.  The strings belong to the cache.
 */
const struct fl_cached_resource *fl_inventory_cache_get(
    struct fl_inventory_cache *c, const char *blob, enum fl_res_kind folder);

/* Records what blob `blob` gave (strings copied). */
void fl_inventory_cache_put(struct fl_inventory_cache *c, const char *blob,
    enum fl_res_kind folder, const struct fl_cached_resource *r);

/* Entries found by fl_inventory_cache_get, and recorded, so far. */
size_t fl_inventory_cache_hits(const struct fl_inventory_cache *c);
size_t fl_inventory_cache_misses(const struct fl_inventory_cache *c);

/*
 * Writes the cache back when something was recorded, keeping only the
 * entries this run used or recorded (so it holds what the repository
 * holds, not its history), then frees it.  A cache that cannot be
 * written is left as it was: it is an optimisation, never an error.
 */
void fl_inventory_cache_close(struct fl_inventory_cache *c);

#endif
