/*
 * Git repositories, through libgit2: which files a work tree holds
 * (honouring .gitignore, .git/info/exclude and the global excludes),
 * what is staged in the index, what changed since a merge base, and the
 * bytes of a file as the index or a commit has them.
 *
 * Only src/repo/ includes <git2.h>; everything here speaks flowlint
 * types.  Paths called "repository paths" are relative to the root of
 * the work tree, with '/' separators, as git stores them.  Every
 * function returns 0 or a negative FL_E* code with the message set.
 */
#ifndef FL_REPO_REPO_H
#define FL_REPO_REPO_H

#include <stdbool.h>
#include <stddef.h>

struct fl_buf;
struct fl_pathlist;
struct fl_repo;
struct fl_targets;

/*
 * Finds the repository that holds `path` (a folder; parents are searched
 * as git does, stopping at GIT_CEILING_DIRECTORIES).  Returns
 * FL_ENOTFOUND when there is none.  When GIT_INDEX_FILE is set (git sets
 * it for hooks: `git commit -a` and `git commit PATH` stage into a
 * temporary index), that index is used instead of the repository's.
 * Free with fl_repo_free().
 */
int fl_repo_open(struct fl_repo **out, const char *path);
/* As fl_repo_open(), and a bare repository is an FL_EINVAL error. */
int fl_repo_open_worktree(struct fl_repo **out, const char *path);
void fl_repo_free(struct fl_repo *r);

/* Absolute path of the work tree ending in '/'; NULL when bare. */
const char *fl_repo_workdir(const struct fl_repo *r);

/*
 * Where flowlint keeps cache file `name` for this repository:
 * "<git folder>/flowlint/<name>" (the common git folder, shared by
 * linked work trees), so caches never show in the work tree.
 */
void fl_repo_cache_path(struct fl_buf *out, const struct fl_repo *r,
    const char *name);

/*
 * The folder git runs hooks from: core.hooksPath (relative to the work
 * tree when relative), else the repository's hooks folder.  Ends in '/'.
 */
int fl_repo_hooks_dir(struct fl_buf *out, struct fl_repo *r);

/*
 * Sets `key` to `value` in the repository's own configuration
 * (.git/config), unless it already has that value there; *changed says
 * whether it wrote.
 */
int fl_repo_config_set(struct fl_repo *r, const char *key, const char *value,
    bool *changed);

/*
 * The repository path of `path` (a file or folder relative to the
 * current directory, which need not exist) into `out`: "" for the root.
 * FL_EINVAL when it lies outside the work tree.
 */
int fl_repo_relpath(struct fl_buf *out, const struct fl_repo *r,
    const char *path);

/*
 * Appends the repository paths of the "*.json" files below `prefix` (a
 * repository path; "" for all) that git tracks or would track: tracked
 * files present in the work tree, and untracked files no ignore rule
 * matches.  Files that are not regular files (after following a
 * symlink) are left out, as the folder walk does; submodules are not
 * entered.  Sorted.
 */
int fl_repo_list_worktree(struct fl_pathlist *out, struct fl_repo *r,
    const char *prefix);

/*
 * Expands command-line operands like fl_targets_from_paths(), except
 * that a folder inside a git work tree is listed with
 * fl_repo_list_worktree() (paths shown as the operand followed by the
 * rest of the path, as the walk shows them).  Folders outside any work
 * tree, and in bare repositories, are walked as before.  *failed is set
 * to the number of operands that could not be listed; the message then
 * names each.
 */
int fl_repo_targets_from_paths(struct fl_targets *t, char **paths, size_t n,
    unsigned *failed);

/*
 * The staged "*.json" files: the index against HEAD (against nothing
 * before the first commit).  Each is added with its index blob as data,
 * shown by its repository path; nothing is read from the work tree and
 * unchanged files are not read at all.  Deletions, submodules and
 * intent-to-add entries are passed over; a rename is the file at its
 * new path.  Symbolic links, binary blobs and blobs over `limit` bytes
 * are not checked: each gets a line "PATH: reason" in `notes`.
 * `paths`/`n` (relative to the current directory) limit the files to
 * those at or below them; n = 0 means all.
 */
int fl_repo_staged_targets(struct fl_targets *t, struct fl_pathlist *notes,
    struct fl_repo *r, char **paths, size_t n, size_t limit);

/*
 * The "*.json" files changed between the merge base of `ref` and HEAD,
 * and HEAD, with their blobs from HEAD, as fl_repo_staged_targets()
 * takes them.  With `uncommitted`, the base is compared with the work
 * tree instead (staged, unstaged and untracked files not ignored), and
 * the files are added to be read from disk like any other (shown by
 * repository path; symlinks noted).  Errors: an unknown `ref`, an unborn
 * HEAD, no common ancestor.
 */
int fl_repo_changed_targets(struct fl_targets *t, struct fl_pathlist *notes,
    struct fl_repo *r, const char *ref, bool uncommitted, char **paths,
    size_t n, size_t limit);

/* The merge base of `ref` and HEAD, as a commit ID in hex, into `out`;
 * errors as fl_repo_changed_targets() gives them. */
int fl_repo_merge_base(struct fl_buf *out, struct fl_repo *r, const char *ref);

/* One file that differs between two states of a repository. */
struct fl_repo_change {
	char *path;		/* repository path (the new one when renamed) */
	char *old, *new;	/* each side's bytes, NUL-terminated, or NULL
				   when the file is absent on that side */
	size_t old_len, new_len;
};

/*
 * The "*.json" files that differ between revision `from` and revision
 * `to`, or the work tree when `to` is NULL (staged and unstaged changes,
 * and untracked files no ignore rule matches), sorted by path, with the
 * bytes of both sides.  Symbolic links and submodules are left out.
 * A side over `limit` bytes is FL_ETOOBIG.  Free with
 * fl_repo_changes_free().
 */
int fl_repo_diff_revisions(struct fl_repo_change **out, size_t *n,
    struct fl_repo *r, const char *from, const char *to, size_t limit);
void fl_repo_changes_free(struct fl_repo_change *v, size_t n);

#endif
