/*
 * The state of the project that a run's cross-file sources (the
 * inventory) are read from, so that they match the files being checked:
 * the files on disk, what the index stages (check --staged), or a
 * commit (check --changed-since).
 *
 * Paths going in are as a user gives them (relative to the current
 * directory).  In the index and commit states, a path inside the
 * repository's work tree is read from git and is shown by its
 * repository path, as the checked files are; a path outside it is read
 * from disk.  Files from git carry their blob ID, which caches key on.
 */
#ifndef FL_REPO_SNAPSHOT_H
#define FL_REPO_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"

struct fl_buf;
struct fl_repo;

enum fl_snapshot_state {
	FL_SNAPSHOT_DISK,
	FL_SNAPSHOT_INDEX,
	FL_SNAPSHOT_COMMIT
};

struct fl_snapshot {
	enum fl_snapshot_state state;
	struct fl_repo *repo;	/* borrowed; NULL for FL_SNAPSHOT_DISK */
	const char *rev;	/* borrowed: the commit, for FL_SNAPSHOT_COMMIT */
};

/* The files on disk, for runs outside git's states. */
extern const struct fl_snapshot fl_snapshot_disk;

/* A git object ID in hex, and its terminating NUL. */
#define FL_SNAPSHOT_ID_SIZE 41

struct fl_snapshot_file {
	char *path;			/* as shown in messages; in the
					   list's arena */
	char id[FL_SNAPSHOT_ID_SIZE];	/* the blob's ID; "" on disk */
};

/* A list of files; zero-initialise it. */
struct fl_snapshot_files {
	struct fl_snapshot_file *v;	/* owned */
	size_t n, alloc;
	struct fl_arena paths;		/* the paths */
};

void fl_snapshot_files_release(struct fl_snapshot_files *l);

/*
 * Appends the "*.json" regular files below folder `dir`, recursively,
 * sorted by path (a folder on disk is walked as fl_fs_walk_json()
 * walks).  Returns 0, FL_ENOTFOUND when the state has no folder `dir`
 * (git has no empty folders: a folder with no file in the index or
 * commit is none), or another FL_E* code.
 */
int fl_snapshot_list_json(const struct fl_snapshot *s,
    struct fl_snapshot_files *out, const char *dir);

/* Replaces `out` with the bytes of a listed file (FL_ETOOBIG over
 * `limit`). */
int fl_snapshot_read_file(const struct fl_snapshot *s, struct fl_buf *out,
    const struct fl_snapshot_file *f, size_t limit);

/*
 * Whether the work tree holds exactly the bytes of listed file `f` from
 * git, as git itself decides without reading them: the index has the
 * same blob at that path, and the file's size, inode and modification
 * time are those the index recorded, not so recently that a change in
 * the same tick could hide (git's "racy" check).  Then `disk` is set to
 * the file's path, to be read with fl_fs_read() on any thread.  Always
 * false on disk (nothing to compare) and outside a work tree.
 */
bool fl_snapshot_same_on_disk(const struct fl_snapshot *s,
    const struct fl_snapshot_file *f, struct fl_buf *disk);

/*
 * Replaces `out` with the bytes of the file at `path`, and `shown` with
 * the path to show for it.  FL_ENOTFOUND when the index or commit has
 * no regular file there.
 */
int fl_snapshot_read(const struct fl_snapshot *s, struct fl_buf *out,
    struct fl_buf *shown, const char *path, size_t limit);

/* Replaces `out` with `path` as this snapshot shows it. */
void fl_snapshot_shown(const struct fl_snapshot *s, struct fl_buf *out,
    const char *path);

/* Appends "on disk", "as staged in the index" or "as committed in
 * <rev>", for messages. */
void fl_snapshot_describe(struct fl_buf *out, const struct fl_snapshot *s);

#endif
