/*
 * What the resource files of a folder describe -- the wrapper members
 * Name, Id and Arn, and for flows whether the file is a module -- read
 * many at a time: from the inventory cache where it knows the blob, and
 * otherwise read and parsed, files on disk (or unchanged on disk) on
 * several threads at once.
 * Private to src/inventory/.
 */
#ifndef FL_INVENTORY_DESCRIBE_H
#define FL_INVENTORY_DESCRIBE_H

#include <stdbool.h>
#include <stddef.h>

#include <stdint.h>

#include "inventory/cache.h"

struct fl_arena;
struct fl_json_file;
struct fl_snapshot;
struct fl_snapshot_file;
struct fl_inventory_reader;
struct fl_snapshot_files;

struct fl_described {
	struct fl_cached_resource res;	/* kind -1: describes nothing */
	int err;		/* 0, or why the file could not be read or
				   parsed (then res.kind is -1) */
	bool cached;		/* res came from the cache */
};

struct fl_describe_batch {
	struct fl_described *v;		/* owned: one per file */
	struct fl_arena *arenas;	/* owned: the strings, one per thread */
	unsigned narenas;
};

/*
 * Describes every file of `files`, a folder of `kind` resources, in b->v
 * (in the order of `files`).  Cache hits are marked used; nothing is
 * recorded in the cache (the caller does that, in order).  Release `b`
 * in every case.
 */
void fl_describe_files(struct fl_describe_batch *b,
    const struct fl_inventory_reader *rd, enum fl_res_kind kind,
    const struct fl_snapshot_files *files);
void fl_describe_batch_release(struct fl_describe_batch *b);

/* Reads and parses one listed file (error cleared).  Release `f` in
 * every case. */
int fl_describe_load(struct fl_json_file *f, const struct fl_snapshot *s,
    const struct fl_snapshot_file *file);

/* The string member `key` of object `obj` of `f`, copied into `a`; NULL
 * when it is missing, not a string or empty. */
const char *fl_describe_member(struct fl_arena *a, struct fl_json_file *f,
    uint32_t obj, const char *key);

#endif
