/*
 * Paths relative to the root of the git work tree that holds a file, for
 * reports that outlive the machine they were made on (GitLab Code
 * Quality, SARIF, the baseline): the same file has the same path in a
 * developer's clone, in CI, and after the repository folder is moved.
 *
 * The root is found without libgit2, by walking up from the file's
 * folder (symlinks resolved) to the nearest folder that has a `.git`
 * entry: a folder in a normal clone, a file in a linked work tree or a
 * submodule.  GIT_DIR and GIT_WORK_TREE are not consulted.  Outside any
 * work tree, paths are relative to the current folder, and a file that
 * is not below it keeps its absolute path.
 */
#ifndef FL_UTIL_RELPATH_H
#define FL_UTIL_RELPATH_H

struct fl_buf;

/* Remembers the last folder looked up: files come folder by folder. */
struct fl_relpath {
	char *dir;	/* owned: the folder part of the last path, as given */
	char *real;	/* owned: its resolved path, or NULL if unresolved */
	char *root;	/* owned: the root `real` is relative to, or NULL */
};

#define FL_RELPATH_INIT { NULL, NULL, NULL }

void fl_relpath_release(struct fl_relpath *c);

/*
 * Appends to `out` the path of `path` (a file's path as given on the
 * command line or found by a folder walk) relative to its work-tree
 * root, with '/' separators and no "./".  The file itself need not
 * exist (a staged blob); when not even its folder does, the path is
 * appended as given, without a leading "./".  Never fails.
 */
void fl_relpath_get(struct fl_relpath *c, struct fl_buf *out, const char *path);

#endif
