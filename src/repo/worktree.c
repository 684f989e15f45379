/*
 * What `flowlint check FOLDER` sees inside a git work tree: the files
 * git tracks and those it would track.  libgit2's status applies
 * .gitignore, .git/info/exclude and core.excludesFile exactly as git
 * does, and does not descend into ignored folders.
 */
#include "repo/git.h"

#include <string.h>
#include <sys/stat.h>

#include "lint/targets.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

int
fl_repo_list_worktree(struct fl_pathlist *out, struct fl_repo *r,
    const char *prefix)
{
	git_status_options opts;
	git_status_list *list = NULL;
	struct fl_buf abs = FL_BUF_INIT;
	char *spec = (char *)prefix;
	size_t i, n, first = out->n;
	int err;

	if (r->workdir == NULL)
		return fl_error_set(FL_EINVAL, "a bare repository has no work "
		    "tree");
	git_status_options_init(&opts, GIT_STATUS_OPTIONS_VERSION);
	opts.show = GIT_STATUS_SHOW_WORKDIR_ONLY;
	opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED |
	    GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
	    GIT_STATUS_OPT_INCLUDE_UNMODIFIED |
	    GIT_STATUS_OPT_EXCLUDE_SUBMODULES |
	    GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH;
	if (prefix[0] != '\0') {
		opts.pathspec.strings = &spec;
		opts.pathspec.count = 1;
	}
	err = fl_git_call(git_status_list_new(&list, r->git, &opts));
	if (err < 0)
		return err;
	n = git_status_list_entrycount(list);
	for (i = 0; i < n; i++) {
		const git_status_entry *e = git_status_byindex(list, i);
		const git_diff_delta *d = e->index_to_workdir;
		struct stat st;

		if (d == NULL || (e->status & GIT_STATUS_WT_DELETED) != 0 ||
		    !fl_repo_is_json_path(d->new_file.path))
			continue;
		/* As the folder walk: regular files, symlinks to them. */
		fl_buf_reset(&abs);
		fl_buf_adds(&abs, r->workdir);
		fl_buf_adds(&abs, d->new_file.path);
		if (stat(abs.ptr, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		fl_pathlist_add(out, d->new_file.path);
	}
	git_status_list_free(list);
	fl_buf_release(&abs);
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
fl_repo_targets_from_paths(struct fl_targets *t, char **paths, size_t n)
{
	struct fl_buf msg = FL_BUF_INIT;
	int err = 0;
	size_t i;

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
		if (e < 0 && err == 0) {
			err = e;
			fl_buf_adds(&msg, fl_error_msg());
		}
	}
	/* Probing later operands may have replaced the first message. */
	if (err < 0)
		fl_error_set(err, "%s", msg.ptr);
	fl_buf_release(&msg);
	return err;
}
