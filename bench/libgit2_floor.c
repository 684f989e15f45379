/*
 * The floor of `flowlint check --staged` set by libgit2 alone: what any
 * libgit2 program pays to learn what is staged -- the library's global
 * initialisation, opening the repository, reading the index and
 * comparing it with HEAD's tree.  bench/run times it beside flowlint
 * and `git diff --cached --name-only`.  Run in the repository.
 */
#include <git2.h>
#include <stdio.h>

int
main(void)
{
	git_repository *repo = NULL;
	git_index *index = NULL;
	git_object *head = NULL;
	git_diff *diff = NULL;
	int rc;

	git_libgit2_init();
	rc = git_repository_open_ext(&repo, ".", 0, NULL);
	if (rc == 0)
		rc = git_repository_index(&index, repo);
	if (rc == 0)
		rc = git_revparse_single(&head, repo, "HEAD^{tree}");
	if (rc == 0)
		rc = git_diff_tree_to_index(&diff, repo, (git_tree *)head,
		    index, NULL);
	if (rc == 0)
		printf("%zu staged\n", git_diff_num_deltas(diff));
	else
		fprintf(stderr, "libgit2_floor: %s\n", git_error_last()->message);
	git_diff_free(diff);
	git_object_free(head);
	git_index_free(index);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return rc == 0 ? 0 : 1;
}
