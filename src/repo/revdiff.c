/*
 * The "*.json" files that differ between two revisions, or between a
 * revision and the work tree, with the bytes of both sides: what
 * `flowlint diff --git` compares.
 */
#include "repo/git.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/xalloc.h"

/* The bytes of one side, or NULL (with *len 0) when it has none. */
static int
side(char **out, size_t *len, struct fl_repo *r, const git_diff_file *f,
    bool from_disk, size_t limit)
{
	struct fl_buf b = FL_BUF_INIT, abs = FL_BUF_INIT;
	int err;

	*out = NULL;
	*len = 0;
	if (!(f->flags & GIT_DIFF_FLAG_EXISTS))
		return 0;
	if (from_disk) {
		fl_buf_addf(&abs, "%s%s", r->workdir, f->path);
		err = fl_fs_read(&b, abs.ptr, limit);
	} else {
		err = fl_repo_blob_read(&b, r, &f->id, f->path, limit);
	}
	if (err == 0)
		*out = fl_buf_detach(&b, len);
	fl_buf_release(&b);
	fl_buf_release(&abs);
	return err;
}

int
fl_repo_diff_revisions(struct fl_repo_change **out, size_t *n,
    struct fl_repo *r, const char *from, const char *to, size_t limit)
{
	git_diff_options opts;
	git_tree *old_tree = NULL, *new_tree = NULL;
	git_diff *diff = NULL;
	size_t i, nd = 0;
	int err;

	*out = NULL;
	*n = 0;
	if (to == NULL && r->workdir == NULL)
		return fl_error_set(FL_EINVAL, "a bare repository has no work "
		    "tree to compare with '%s'", from);
	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.flags = GIT_DIFF_INCLUDE_UNTRACKED |
	    GIT_DIFF_RECURSE_UNTRACKED_DIRS;
	err = fl_repo_git_tree(&old_tree, r, from);
	if (err == 0 && to != NULL)
		err = fl_repo_git_tree(&new_tree, r, to);
	if (err == 0)
		err = fl_git_call(to == NULL ?
		    git_diff_tree_to_workdir_with_index(&diff, r->git, old_tree,
		    &opts) : git_diff_tree_to_tree(&diff, r->git, old_tree,
		    new_tree, &opts));
	if (err == 0)
		nd = git_diff_num_deltas(diff);
	if (nd > 0)
		*out = fl_xcalloc(nd, sizeof(**out));
	for (i = 0; err == 0 && i < nd; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		const char *path = d->new_file.path != NULL ?
		    d->new_file.path : d->old_file.path;
		struct fl_repo_change *c = &(*out)[*n];

		/* Links and submodules hold no flow; neither side is read. */
		if (!fl_repo_is_json_path(path) ||
		    d->old_file.mode == GIT_FILEMODE_LINK ||
		    d->new_file.mode == GIT_FILEMODE_LINK ||
		    d->old_file.mode == GIT_FILEMODE_COMMIT ||
		    d->new_file.mode == GIT_FILEMODE_COMMIT)
			continue;
		c->path = fl_xstrdup(path);
		(*n)++;
		err = side(&c->old, &c->old_len, r, &d->old_file, false, limit);
		if (err == 0)
			err = side(&c->new, &c->new_len, r, &d->new_file,
			    to == NULL, limit);
	}
	git_diff_free(diff);
	git_tree_free(old_tree);
	git_tree_free(new_tree);
	if (err != 0) {
		fl_repo_changes_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return err;
}

void
fl_repo_changes_free(struct fl_repo_change *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].path);
		free(v[i].old);
		free(v[i].new);
	}
	free(v);
}
