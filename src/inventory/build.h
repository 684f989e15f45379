/*
 * Building the inventory from its specification (spec.h): the
 * reference layout, then every configured source in order, read from a
 * snapshot's state (repo/snapshot.h), through the repository's
 * inventory cache when asked.
 */
#ifndef FL_INVENTORY_BUILD_H
#define FL_INVENTORY_BUILD_H

#include <stdbool.h>
#include <stddef.h>

struct fl_inventory;
struct fl_inventory_spec;
struct fl_snapshot;

/* How the inventory is read, and what reading it cost. */
struct fl_inventory_build {
	const struct fl_snapshot *snapshot;	/* borrowed: the state read */
	bool cache;		/* through the repository's cache (a git
				   state only: files on disk have no blob) */
	unsigned jobs;		/* threads to read with; 0: one per core */
	char *(*display)(const char *path);	/* a path as messages and
				   source lists show it (fl_xmalloc'd);
				   NULL: as given */
	size_t files;		/* set: resource files read from folders */
	size_t cached;		/* set: ... of them taken from the cache */
};

/*
 * Builds *out: the reference layout below the folder the spec names,
 * else below `layout_root` (the one found; NULL: none), unless the spec
 * turns it off, then every source of the spec in order.  Returns 0, or
 * the error of the first source that cannot be read, prefixed with
 * where the configuration names it (*out is then NULL).
 */
int fl_inventory_build(struct fl_inventory **out,
    const struct fl_inventory_spec *spec, const char *layout_root,
    struct fl_inventory_build *b);

#endif
