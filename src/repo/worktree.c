/*
 * What `flowlint check FOLDER` sees inside a git work tree: the files
 * git tracks and those it would track.
 *
 * git's status would say, but it compares every tracked file with the
 * index (a stat and often a hash each), which is most of its cost and
 * none of our business.  Instead the folder is walked: a file in the
 * index is tracked; any other is listed unless git ignores it
 * (.gitignore, .git/info/exclude, core.excludesFile, through libgit2).
 * An ignored folder is not entered unless it holds tracked files, and
 * then only those are listed, as git does; nested repositories and
 * submodules are not entered.
 */
#include "repo/git.h"

#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

#include "repo/targets.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

struct listing {
	struct fl_repo *r;
	git_index *index;
	struct fl_pathlist *out;
	struct fl_buf path;	/* the work tree, then the walked path */
	size_t root;		/* where the repository path starts in it */
};

static const char *
rel(const struct listing *l)
{
	return l->path.ptr + l->root;
}

static bool
ignored(const struct listing *l)
{
	int ign = 0;

	return git_ignore_path_is_ignored(&ign, l->r->git, rel(l)) == 0 &&
	    ign == 1;
}

/* Whether the index has entries below the folder being walked. */
static bool
tracked_below(struct listing *l)
{
	size_t pos, len = l->path.len;
	bool found;

	fl_buf_addch(&l->path, '/');
	found = git_index_find_prefix(&pos, l->index, rel(l)) == 0;
	l->path.len = len;
	l->path.ptr[len] = '\0';
	return found;
}

/* Whether the folder being walked is another repository's work tree. */
static bool
nested_repository(struct listing *l)
{
	size_t len = l->path.len;
	struct stat st;
	bool found;

	fl_buf_adds(&l->path, "/.git");
	found = lstat(l->path.ptr, &st) == 0;
	l->path.len = len;
	l->path.ptr[len] = '\0';
	return found;
}

/* The type of directory entry `e` at l->path: S_IFREG, S_IFDIR (after
 * following a symlink to a file, not to a folder), or 0 to skip. */
static mode_t
entry_type(const struct listing *l, const struct dirent *e)
{
	struct stat st;

	if (e->d_type == DT_REG || e->d_type == DT_DIR)
		return e->d_type == DT_REG ? S_IFREG : S_IFDIR;
	if (lstat(l->path.ptr, &st) != 0)
		return 0;
	if (S_ISLNK(st.st_mode))
		return stat(l->path.ptr, &st) == 0 && S_ISREG(st.st_mode) ?
		    S_IFREG : 0;
	return st.st_mode & S_IFMT;
}

/* Lists the folder at l->path; `in_ignored`: git ignores it. */
static void
walk(struct listing *l, bool in_ignored)
{
	size_t len = l->path.len, pos;
	struct dirent *e;
	DIR *d = opendir(l->path.ptr);

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		mode_t type;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
		    strcmp(e->d_name, ".git") == 0 ||
		    (e->d_type == DT_REG && !fl_fs_has_json_suffix(e->d_name)))
			continue;
		l->path.len = len;
		if (len > l->root)
			fl_buf_addch(&l->path, '/');
		fl_buf_adds(&l->path, e->d_name);
		type = entry_type(l, e);
		if (type == S_IFDIR) {
			bool ign = in_ignored || ignored(l);

			if (!nested_repository(l) && (!ign || tracked_below(l)))
				walk(l, ign);
		} else if (type == S_IFREG && fl_fs_has_json_suffix(e->d_name) &&
		    (git_index_find(&pos, l->index, rel(l)) == 0 ||
		    (!in_ignored && !ignored(l)))) {
			fl_pathlist_add(l->out, rel(l));
		}
	}
	closedir(d);
	l->path.len = len;
	l->path.ptr[len] = '\0';
}

int
fl_repo_list_worktree(struct fl_pathlist *out, struct fl_repo *r,
    const char *prefix)
{
	struct listing l = { r, NULL, out, FL_BUF_INIT, 0 };
	size_t first = out->n;
	int err;

	if (r->workdir == NULL)
		return fl_error_set(FL_EINVAL, "a bare repository has no work "
		    "tree");
	err = fl_repo_git_index(&l.index, r);
	if (err < 0)
		return err;
	fl_buf_adds(&l.path, r->workdir);
	l.root = l.path.len;
	fl_buf_adds(&l.path, prefix);
	/* A folder git ignores lists only what it tracks. */
	walk(&l, prefix[0] != '\0' && ignored(&l));
	fl_buf_release(&l.path);
	fl_repo_sort_tail(out, first);
	return 0;
}

/* One folder operand inside the work tree of `r`. */
static int
list_folder(struct fl_targets *t, struct fl_repo *r, const char *path)
{
	struct fl_pathlist found = { 0 };
	struct fl_buf rel = FL_BUF_INIT, shown = FL_BUF_INIT;
	size_t k, plen = strlen(path);
	int err;

	err = fl_repo_relpath(&rel, r, path);
	if (err == 0)
		err = fl_repo_list_worktree(&found, r, rel.ptr);
	for (k = 0; err == 0 && k < found.n; k++) {
		const char *rest = found.v[k] + rel.len;

		/* Shown as the walk shows it: the operand, then the rest. */
		if (*rest == '/')
			rest++;
		fl_buf_reset(&shown);
		fl_buf_add(&shown, path, plen);
		if (plen > 0 && path[plen - 1] != '/')
			fl_buf_addch(&shown, '/');
		fl_buf_adds(&shown, rest);
		fl_targets_add_file(t, shown.ptr, shown.ptr, false);
	}
	fl_pathlist_release(&found);
	fl_buf_release(&rel);
	fl_buf_release(&shown);
	return err;
}

int
fl_repo_targets_from_paths(struct fl_targets *t, char **paths, size_t n,
    unsigned *failed)
{
	struct fl_buf msg = FL_BUF_INIT;
	int err = 0;
	size_t i;

	*failed = 0;

	for (i = 0; i < n; i++) {
		struct fl_repo *r = NULL;
		int e = fl_fs_is_dir(paths[i]) == 1 ?
		    fl_repo_open(&r, paths[i]) : FL_ENOTFOUND;

		if (e == 0 && r->workdir != NULL)
			e = list_folder(t, r, paths[i]);
		else if (e == 0 || e == FL_ENOTFOUND)
			/* A file, or a folder git does not manage. */
			e = fl_targets_from_paths(t, &paths[i], 1);
		fl_repo_free(r);
		if (e < 0) {
			/* Each one said, as probing later operands replaces
			 * the message. */
			if (err == 0)
				err = e;
			else
				fl_buf_adds(&msg, "; ");
			fl_buf_adds(&msg, fl_error_msg());
			++*failed;
		}
	}
	if (err < 0)
		fl_error_set(err, "%s", msg.ptr);
	fl_buf_release(&msg);
	return err;
}
