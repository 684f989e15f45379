/*
 * The merge-request mode: the files changed between the merge base of
 * a reference and HEAD (or the work tree).
 */
#include "repo/git.h"

#include <stdlib.h>
#include <sys/stat.h>

#include "repo/targets.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/xalloc.h"

/* The merge base of `ref` and HEAD into *merge. */
static int
merge_base(git_oid *merge, struct fl_repo *r, const char *ref)
{
	git_object *obj = NULL, *commit = NULL;
	git_oid head;
	int rc, err;

	if (git_repository_head_unborn(r->git) == 1)
		return fl_error_set(FL_EINVAL, "HEAD has no commits yet: "
		    "nothing has changed since '%s'", ref);
	rc = git_revparse_single(&obj, r->git, ref);
	if (rc == GIT_ENOTFOUND || rc == GIT_EAMBIGUOUS ||
	    rc == GIT_EINVALIDSPEC)
		return fl_error_set(FL_ENOTFOUND, "unknown revision '%s'", ref);
	err = fl_git_call(rc);
	if (err == 0) {
		rc = git_object_peel(&commit, obj, GIT_OBJECT_COMMIT);
		if (rc < 0)
			err = fl_error_set(FL_EINVAL, "'%s' does not name a "
			    "commit", ref);
	}
	if (err == 0)
		err = fl_git_call(git_reference_name_to_id(&head, r->git,
		    "HEAD"));
	if (err == 0) {
		rc = git_merge_base(merge, r->git, git_object_id(commit),
		    &head);
		if (rc == GIT_ENOTFOUND)
			err = fl_error_set(FL_ENOTFOUND, "'%s' and HEAD have "
			    "no common ancestor (in a shallow clone, fetch "
			    "more history: git fetch --unshallow)", ref);
		else
			err = fl_git_call(rc);
	}
	git_object_free(commit);
	git_object_free(obj);
	/* A shallow clone lacks the history: say how to fetch it. */
	if (err != 0 && err != FL_ENOTFOUND &&
	    git_repository_is_shallow(r->git) == 1) {
		char *why = fl_xstrdup(fl_error_msg());

		err = fl_error_set(err, "%s: this is a shallow clone, without "
		    "the history back to the merge base with '%s'; fetch it "
		    "(git fetch --unshallow, or GIT_DEPTH: 0 in GitLab CI)",
		    why, ref);
		free(why);
	}
	return err;
}

int
fl_repo_merge_base(struct fl_buf *out, struct fl_repo *r, const char *ref)
{
	char hex[GIT_OID_HEXSZ + 1];
	git_oid merge;
	int err = merge_base(&merge, r, ref);

	if (err == 0) {
		fl_buf_reset(out);
		fl_buf_adds(out, git_oid_tostr(hex, sizeof(hex), &merge));
	}
	return err;
}

/* The tree of the merge base of `ref` and HEAD into *out. */
static int
base_tree(git_tree **out, struct fl_repo *r, const char *ref)
{
	git_commit *base = NULL;
	git_oid merge;
	int err;

	*out = NULL;
	err = merge_base(&merge, r, ref);
	if (err == 0)
		err = fl_git_call(git_commit_lookup(&base, r->git, &merge));
	if (err == 0)
		err = fl_git_call(git_commit_tree(out, base));
	git_commit_free(base);
	return err;
}

/* A file the work tree side of a diff names, read from disk. */
static void
add_workdir_file(struct fl_targets *t, struct fl_pathlist *notes,
    struct fl_repo *r, const git_diff_file *f, struct fl_buf *abs)
{
	struct stat st;

	if (!fl_repo_is_json_path(f->path))
		return;
	if (f->mode == GIT_FILEMODE_LINK) {
		fl_repo_note(notes, f->path, "a symbolic link in git, not "
		    "checked");
		return;
	}
	fl_buf_reset(abs);
	fl_buf_adds(abs, r->workdir);
	fl_buf_adds(abs, f->path);
	if (lstat(abs->ptr, &st) == 0 && S_ISREG(st.st_mode))
		fl_targets_add_file(t, f->path, abs->ptr, false);
}

int
fl_repo_changed_targets(struct fl_targets *t, struct fl_pathlist *notes,
    struct fl_repo *r, const char *ref, bool uncommitted, char **paths,
    size_t n, size_t limit)
{
	git_diff_options opts;
	struct fl_buf abs = FL_BUF_INIT;
	git_strarray spec;
	git_tree *base = NULL, *head = NULL;
	git_diff *diff = NULL;
	size_t i, nd = 0;
	int err;

	err = fl_repo_pathspec(&spec, r, paths, n);
	if (err < 0)
		return err;
	err = base_tree(&base, r, ref);
	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.flags = GIT_DIFF_INCLUDE_TYPECHANGE |
	    GIT_DIFF_DISABLE_PATHSPEC_MATCH;
	opts.pathspec = spec;
	if (err == 0 && uncommitted) {
		opts.flags |= GIT_DIFF_INCLUDE_UNTRACKED |
		    GIT_DIFF_RECURSE_UNTRACKED_DIRS;
		err = fl_git_call(git_diff_tree_to_workdir_with_index(&diff,
		    r->git, base, &opts));
	} else if (err == 0) {
		err = fl_repo_git_tree(&head, r, "HEAD");
		if (err == 0)
			err = fl_git_call(git_diff_tree_to_tree(&diff, r->git,
			    base, head, &opts));
	}
	if (err == 0)
		nd = git_diff_num_deltas(diff);
	for (i = 0; err == 0 && i < nd; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);

		if (d->status == GIT_DELTA_DELETED ||
		    d->status == GIT_DELTA_CONFLICTED)
			continue;
		if (uncommitted)
			add_workdir_file(t, notes, r, &d->new_file, &abs);
		else
			err = fl_repo_add_blob(t, notes, r, &d->new_file,
			    limit);
	}
	fl_buf_release(&abs);
	git_diff_free(diff);
	git_tree_free(head);
	git_tree_free(base);
	fl_repo_pathspec_release(&spec);
	return err;
}
