/*
 * The staged state: what the index holds, and what it changes against
 * HEAD -- the files `git commit` would record.  Only the blobs of staged
 * changes are read, so a commit touching one flow costs one flow
 * however large the repository is.
 */
#include "repo/git.h"

int
fl_repo_staged_targets(struct fl_targets *t, struct fl_pathlist *notes,
    struct fl_repo *r, char **paths, size_t n, size_t limit)
{
	git_diff_options opts;
	git_strarray spec;
	git_index *index = NULL;
	git_tree *head = NULL;
	git_diff *diff = NULL;
	size_t i, nd = 0;
	int err;

	err = fl_repo_pathspec(&spec, r, paths, n);
	if (err < 0)
		return err;
	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	err = fl_repo_git_index(&index, r);
	if (err == 0)
		err = fl_repo_git_tree(&head, r, "HEAD");
	opts.flags = GIT_DIFF_INCLUDE_TYPECHANGE |
	    GIT_DIFF_DISABLE_PATHSPEC_MATCH;
	opts.pathspec = spec;
	/* An unborn HEAD (head == NULL) diffs against the empty tree. */
	if (err == 0)
		err = fl_git_call(git_diff_tree_to_index(&diff, r->git, head,
		    index, &opts));
	if (err == 0)
		nd = git_diff_num_deltas(diff);
	for (i = 0; err == 0 && i < nd; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		const git_index_entry *e;

		if (d->status == GIT_DELTA_DELETED ||
		    d->status == GIT_DELTA_CONFLICTED)
			continue;
		e = git_index_get_bypath(index, d->new_file.path, 0);
		if (e != NULL && (e->flags_extended &
		    GIT_INDEX_ENTRY_INTENT_TO_ADD) != 0)
			continue;
		err = fl_repo_add_blob(t, notes, r, &d->new_file, limit);
	}
	git_diff_free(diff);
	git_tree_free(head);
	fl_repo_pathspec_release(&spec);
	return err;
}
