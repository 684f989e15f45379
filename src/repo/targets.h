/*
 * What a run checks: a list of files, each read from disk or already in
 * memory (a git blob), with the path shown in reports.
 */
#ifndef FL_REPO_TARGETS_H
#define FL_REPO_TARGETS_H

#include <stdbool.h>
#include <stddef.h>

struct fl_target {
	char *path;		/* owned: shown in reports */
	char *fs_path;		/* owned: where the file is, relative to
				   the current directory; NULL for a git
				   blob (`path` is then a repository path) */
	char *data;		/* owned: the bytes, already read, or NULL:
				   read them from fs_path */
	size_t len;
	bool explicit_path;	/* named on the command line, not found by
				   a walk: a non-flow gets a note */
};

struct fl_targets {
	struct fl_target *v;	/* owned */
	size_t n, alloc;
};

/* Adds a file read from disk at `fs_path`, shown as `path`. */
void fl_targets_add_file(struct fl_targets *t, const char *path,
    const char *fs_path, bool explicit_path);
/* Adds bytes already in memory (found by git, not named); takes
 * ownership of `data` (fl_xmalloc). */
void fl_targets_add_data(struct fl_targets *t, const char *path, char *data,
    size_t len);
/*
 * Adds standard input, read now, as the named file at `path` (which need
 * not exist): it is linted as that file would be, where it lies.  Returns
 * 0, or FL_EIO with the message set (nothing added).
 */
int fl_targets_add_stdin(struct fl_targets *t, const char *path);
/* Frees one target's contents (for code that drops targets from a list). */
void fl_target_release(struct fl_target *e);
void fl_targets_release(struct fl_targets *t);

/*
 * Expands command-line operands: a file is added as is (explicit), a
 * folder is walked for *.json (fl_fs_walk_json, sorted).  Returns 0, or
 * FL_EIO after the first operand that does not exist (the message is
 * set; the rest are still added).
 */
int fl_targets_from_paths(struct fl_targets *t, char **paths, size_t n);

#endif
