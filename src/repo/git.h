/*
 * Private to src/repo/: the repository handle and the helpers the
 * libgit2-facing files share.  This is the one header that includes
 * <git2.h>.
 */
#ifndef FL_REPO_GIT_H
#define FL_REPO_GIT_H

#include <git2.h>
#include <time.h>

#include "repo/repo.h"

struct fl_repo {
	git_repository *git;	/* owned */
	git_index *index;	/* owned: GIT_INDEX_FILE's, or NULL until
				   repo_index() loads the repository's */
	char *workdir;		/* owned: absolute, ends in '/'; NULL bare */
	int index_stamp_known;	/* 1: index_stamp holds the index file's
				   mtime; -1: it could not be read */
	struct timespec index_stamp;
};

/*
 * Converts a libgit2 result: a negative one becomes FL_EGIT with
 * libgit2's message; others are returned unchanged.
 */
int fl_git_call(int rc);

/* The index in use (borrowed from r). */
int fl_repo_git_index(git_index **out, struct fl_repo *r);

/*
 * The tree of revision `rev` into *out (caller frees); *out is NULL for
 * "HEAD" when HEAD is unborn.  An unknown revision is FL_ENOTFOUND.
 */
int fl_repo_git_tree(git_tree **out, struct fl_repo *r, const char *rev);

/*
 * Converts operands (relative to the current directory) into a
 * pathspec of repository paths matched literally; `spec` is empty for
 * n = 0.  Release with fl_repo_pathspec_release().
 */
int fl_repo_pathspec(git_strarray *spec, const struct fl_repo *r,
    char **paths, size_t n);
void fl_repo_pathspec_release(git_strarray *spec);

/* Whether the file name in repository path `path` is "*.json". */
bool fl_repo_is_json_path(const char *path);

/*
 * Replaces `out` with the bytes of blob `id`; FL_ETOOBIG (naming `path`)
 * over `limit` bytes, decided from the object's header.
 */
int fl_repo_blob_read(struct fl_buf *out, struct fl_repo *r, const git_oid *id,
    const char *path, size_t limit);

/*
 * Adds the blob a diff side names as a data target, unless it is not a
 * "*.json" regular file (a symlink, a binary or oversized blob gets a
 * note).
 */
int fl_repo_add_blob(struct fl_targets *t, struct fl_pathlist *notes,
    struct fl_repo *r, const git_diff_file *f, size_t limit);

/* Sorts the entries of `l` from index `from` on. */
void fl_repo_sort_tail(struct fl_pathlist *l, size_t from);

/* Appends "PATH: reason" to notes. */
void fl_repo_note(struct fl_pathlist *notes, const char *path,
    const char *reason);

#endif
