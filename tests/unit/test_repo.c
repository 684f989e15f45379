/*
 * Unit tests for src/repo/: real repositories built with libgit2 in a
 * temporary folder (fixed signature and time, so every run builds the
 * same objects), then read back the way check's git modes do.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <git2.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include "repo/targets.h"
#include "repo/repo.h"
#include "repo/snapshot.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

#define GOOD "{\"good\": true}\n"
#define BAD "{\"good\": false}\n"

static char dir[64];		/* the test's folder; the repository is in it */
static char home[PATH_MAX];	/* the current directory before the test */
static git_repository *repo;

static void
ok(int rc)
{
	if (rc < 0)
		fail_msg("libgit2: %s", git_error_last() != NULL ?
		    git_error_last()->message : "?");
}

static int
setup(void **state)
{
	strcpy(dir, "/tmp/flowlint-test-repo-XXXXXX");
	if (mkdtemp(dir) == NULL || getcwd(home, sizeof(home)) == NULL ||
	    git_repository_init(&repo, dir, 0) < 0 || chdir(dir) != 0)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	git_repository_free(repo);
	repo = NULL;
	unsetenv("GIT_INDEX_FILE");
	if (chdir(home) != 0)
		return -1;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Writes `text` to `path` (relative to the work tree), making folders. */
static void
put(const char *path, const char *text)
{
	char buf[256], *slash;
	FILE *f;

	snprintf(buf, sizeof(buf), "%s", path);
	for (slash = strchr(buf, '/'); slash != NULL;
	    slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(buf, 0777);
		*slash = '/';
	}
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void
stage(const char *path)
{
	git_index *index;

	ok(git_repository_index(&index, repo));
	ok(git_index_add_bypath(index, path));
	ok(git_index_write(index));
	git_index_free(index);
}

static void
unstage(const char *path)
{
	git_index *index;

	ok(git_repository_index(&index, repo));
	ok(git_index_remove_bypath(index, path));
	ok(git_index_write(index));
	git_index_free(index);
}

/* Adds an index entry by hand (a gitlink, an intent to add). */
static void
stage_entry(const char *path, uint32_t mode, uint16_t ext_flags,
    const char *blob)
{
	git_index_entry e;
	git_index *index;

	memset(&e, 0, sizeof(e));
	e.path = path;
	e.mode = mode;
	e.flags_extended = ext_flags;
	ok(git_repository_index(&index, repo));
	if (blob != NULL)
		ok(git_blob_create_from_buffer(&e.id, repo, blob, strlen(blob)));
	else
		ok(git_oid_fromstr(&e.id,
		    "1111111111111111111111111111111111111111"));
	ok(git_index_add(index, &e));
	ok(git_index_write(index));
	git_index_free(index);
}

/*
 * Commits the index on `ref` ("HEAD" or "refs/heads/x") with the given
 * parent (NULL: the current HEAD, if any; "" none) and returns its ID.
 */
static git_oid
commit_on(const char *ref, const char *parent_rev)
{
	git_signature *sig;
	git_index *index;
	git_tree *tree;
	git_object *parent = NULL;
	git_oid tree_id, id;
	const git_commit *parents[1];
	size_t n = 0;

	ok(git_signature_new(&sig, "flowlint test", "test@example.com",
	    1700000000, 0));
	ok(git_repository_index(&index, repo));
	ok(git_index_write_tree(&tree_id, index));
	ok(git_tree_lookup(&tree, repo, &tree_id));
	if (parent_rev == NULL && git_repository_head_unborn(repo) != 1)
		parent_rev = "HEAD";
	if (parent_rev != NULL && parent_rev[0] != '\0') {
		ok(git_revparse_single(&parent, repo, parent_rev));
		parents[n++] = (const git_commit *)parent;
	}
	ok(git_commit_create(&id, repo, ref, sig, sig, NULL, "test", tree, n,
	    parents));
	git_object_free(parent);
	git_tree_free(tree);
	git_index_free(index);
	git_signature_free(sig);
	return id;
}

static git_oid
commit(void)
{
	return commit_on("HEAD", NULL);
}

static struct fl_repo *
open_here(void)
{
	struct fl_repo *r = NULL;

	if (fl_repo_open_worktree(&r, ".") != 0)
		fail_msg("fl_repo_open_worktree: %s", fl_error_msg());
	return r;
}

/* The staged targets, with their paths and notes checked by the caller. */
static void
staged(struct fl_targets *t, struct fl_pathlist *notes, size_t limit)
{
	struct fl_repo *r = open_here();

	assert_int_equal(fl_repo_staged_targets(t, notes, r, NULL, 0, limit),
	    0);
	fl_repo_free(r);
}

static void
assert_target(const struct fl_targets *t, size_t i, const char *path,
    const char *data)
{
	assert_true(i < t->n);
	assert_string_equal(t->v[i].path, path);
	assert_null(t->v[i].fs_path);
	assert_int_equal(t->v[i].len, strlen(data));
	assert_memory_equal(t->v[i].data, data, strlen(data));
}

static void
test_repo__staged_reads_index_not_worktree(void **state)
{
	struct fl_targets t = { 0 };
	struct fl_pathlist notes = { 0 };

	/* A good version staged and a bad one only in the work tree. */
	put("flows/a.json", GOOD);
	stage("flows/a.json");
	put("flows/a.json", BAD);
	/* And the reverse. */
	put("flows/b.json", BAD);
	stage("flows/b.json");
	put("flows/b.json", GOOD);
	staged(&t, &notes, FL_FS_MAX_FILE);
	assert_int_equal(t.n, 2);
	assert_target(&t, 0, "flows/a.json", GOOD);
	assert_target(&t, 1, "flows/b.json", BAD);
	assert_int_equal(notes.n, 0);
	fl_targets_release(&t);
	fl_pathlist_release(&notes);
}

static void
test_repo__staged_only_changes_are_read(void **state)
{
	struct fl_targets t = { 0 };
	struct fl_pathlist notes = { 0 };

	put("a.json", GOOD);
	put("b.json", GOOD);
	put("c.json", GOOD);
	put("notes.txt", "x");
	stage("a.json");
	stage("b.json");
	stage("c.json");
	stage("notes.txt");
	commit();
	/* Partial staging: one edit staged, a later one not. */
	put("b.json", BAD);
	stage("b.json");
	put("b.json", GOOD "more");
	put("notes.txt", "y");
	stage("notes.txt");
	staged(&t, &notes, FL_FS_MAX_FILE);
	assert_int_equal(t.n, 1);
	assert_target(&t, 0, "b.json", BAD);
	fl_targets_release(&t);
	fl_pathlist_release(&notes);
}

static void
test_repo__staged_first_commit(void **state)
{
	struct fl_targets t = { 0 };
	struct fl_pathlist notes = { 0 };

	put("x/first.json", GOOD);
	put("readme.md", "hi");
	stage("x/first.json");
	stage("readme.md");
	staged(&t, &notes, FL_FS_MAX_FILE);
	assert_int_equal(t.n, 1);
	assert_target(&t, 0, "x/first.json", GOOD);
	fl_targets_release(&t);
	fl_pathlist_release(&notes);
}

static void
test_repo__staged_rename_and_delete(void **state)
{
	struct fl_targets t = { 0 };
	struct fl_pathlist notes = { 0 };

	put("old.json", GOOD);
	put("gone.json", GOOD);
	stage("old.json");
	stage("gone.json");
	commit();
	rename("old.json", "new.json");
	unstage("old.json");
	stage("new.json");
	unlink("gone.json");
	unstage("gone.json");
	staged(&t, &notes, FL_FS_MAX_FILE);
	assert_int_equal(t.n, 1);
	assert_target(&t, 0, "new.json", GOOD);
	assert_int_equal(notes.n, 0);
	fl_targets_release(&t);
	fl_pathlist_release(&notes);
}

static void
test_repo__staged_passes_over_what_is_not_a_file(void **state)
{
	struct fl_targets t = { 0 };
	struct fl_pathlist notes = { 0 };

	put("target.txt", GOOD);
	assert_int_equal(symlink("target.txt", "link.json"), 0);
	stage("link.json");
	{
		/* A NUL makes it binary to git. */
		FILE *f = fopen("bin.json", "wb");

		assert_non_null(f);
		fwrite("{\0}", 1, 3, f);
		fclose(f);
	}
	stage("bin.json");
	put("big.json", "{\"a\": \"0123456789012345678901234567890\"}");
	stage("big.json");
	stage_entry("module.json", GIT_FILEMODE_COMMIT, 0, NULL);
	stage_entry("later.json", GIT_FILEMODE_BLOB,
	    GIT_INDEX_ENTRY_INTENT_TO_ADD, "");
	put("ok.json", GOOD);
	stage("ok.json");
	staged(&t, &notes, 20);
	assert_int_equal(t.n, 1);
	assert_target(&t, 0, "ok.json", GOOD);
	assert_int_equal(notes.n, 3);
	assert_string_equal(notes.v[0], "big.json: larger than the 0 MiB "
	    "limit, not checked");
	assert_string_equal(notes.v[1], "bin.json: a binary file, not "
	    "checked");
	assert_string_equal(notes.v[2], "link.json: a symbolic link in git, "
	    "not checked");
	fl_targets_release(&t);
	fl_pathlist_release(&notes);
}

static void
test_repo__staged_honours_git_index_file(void **state)
{
	struct fl_targets t = { 0 };
	struct fl_pathlist notes = { 0 };
	git_index_entry e;
	git_object *head;
	git_index *alt;

	put("a.json", GOOD);
	stage("a.json");
	commit();
	/* What `git commit -a` does: a temporary index with the edit. */
	put("a.json", BAD);
	ok(git_index_open(&alt, ".git/next-index.lock"));
	ok(git_revparse_single(&head, repo, "HEAD^{tree}"));
	ok(git_index_read_tree(alt, (git_tree *)head));
	git_object_free(head);
	memset(&e, 0, sizeof(e));
	e.path = "a.json";
	e.mode = GIT_FILEMODE_BLOB;
	ok(git_blob_create_from_buffer(&e.id, repo, BAD, strlen(BAD)));
	ok(git_index_add(alt, &e));
	ok(git_index_write(alt));
	git_index_free(alt);

	staged(&t, &notes, FL_FS_MAX_FILE);
	assert_int_equal(t.n, 0);	/* the repository's index: nothing */
	setenv("GIT_INDEX_FILE", ".git/next-index.lock", 1);
	staged(&t, &notes, FL_FS_MAX_FILE);
	assert_int_equal(t.n, 1);
	assert_target(&t, 0, "a.json", BAD);
	fl_targets_release(&t);
	fl_pathlist_release(&notes);
}

static void
test_repo__staged_limited_to_paths(void **state)
{
	struct fl_targets t = { 0 };
	struct fl_pathlist notes = { 0 };
	struct fl_repo *r;
	char *paths[] = { "one" };
	char *sub[] = { "." };

	put("one/a.json", GOOD);
	put("one-more/b.json", GOOD);
	put("two/c.json", GOOD);
	stage("one/a.json");
	stage("one-more/b.json");
	stage("two/c.json");
	r = open_here();
	assert_int_equal(fl_repo_staged_targets(&t, &notes, r, paths, 1,
	    FL_FS_MAX_FILE), 0);
	assert_int_equal(t.n, 1);
	assert_target(&t, 0, "one/a.json", GOOD);
	fl_repo_free(r);
	fl_targets_release(&t);

	/* From a subfolder, "." is that folder; paths stay root-relative. */
	assert_int_equal(chdir("two"), 0);
	r = open_here();
	assert_int_equal(fl_repo_staged_targets(&t, &notes, r, sub, 1,
	    FL_FS_MAX_FILE), 0);
	assert_int_equal(t.n, 1);
	assert_target(&t, 0, "two/c.json", GOOD);
	fl_repo_free(r);
	fl_targets_release(&t);
	fl_pathlist_release(&notes);
}

static void
test_repo__worktree_honours_ignores(void **state)
{
	struct fl_pathlist l = { 0 };
	struct fl_repo *r;
	char gconf[PATH_MAX], cfgdir[128];
	FILE *f;

	/* Global excludes: core.excludesFile in the global config. */
	snprintf(cfgdir, sizeof(cfgdir), "%s/home", dir);
	mkdir(cfgdir, 0777);
	snprintf(gconf, sizeof(gconf), "%s/.gitconfig", cfgdir);
	f = fopen(gconf, "w");
	fprintf(f, "[core]\n\texcludesFile = %s/home/ignore\n", dir);
	fclose(f);
	put("home/ignore", "global-*.json\n");
	ok(git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL,
	    cfgdir));

	/* A file in an ignored folder cannot be taken back by a negation. */
	put(".gitignore", "build/\nhome/\nignored-*.json\n!build/neg.json\n");
	put(".git/info/exclude", "local-*.json\n");
	put("tracked.json", GOOD);
	put("build/out.json", GOOD);
	put("ignored-a.json", GOOD);
	put("local-a.json", GOOD);
	put("global-a.json", GOOD);
	put("sub/untracked.json", GOOD);
	put("sub/readme.txt", "x");
	put("deleted.json", GOOD);
	put("ignored-but-tracked.json", GOOD);
	put("build/kept.json", GOOD);
	put("build/neg.json", GOOD);
	/* Another repository inside this one is not entered. */
	put("nested/.git/HEAD", "ref: refs/heads/main\n");
	put("nested/inner.json", GOOD);
	assert_int_equal(symlink("tracked.json", "link.json"), 0);
	assert_int_equal(symlink("sub", "sublink"), 0);
	stage("tracked.json");
	stage("deleted.json");
	{
		git_index *index;

		/* git add -f: tracked although ignored. */
		ok(git_repository_index(&index, repo));
		ok(git_index_add_bypath(index, "ignored-but-tracked.json"));
		ok(git_index_add_bypath(index, "build/kept.json"));
		ok(git_index_write(index));
		git_index_free(index);
	}
	commit();
	unlink("deleted.json");

	r = open_here();
	assert_int_equal(fl_repo_list_worktree(&l, r, ""), 0);
	assert_int_equal(l.n, 5);
	assert_string_equal(l.v[0], "build/kept.json");
	assert_string_equal(l.v[1], "ignored-but-tracked.json");
	assert_string_equal(l.v[2], "link.json");
	assert_string_equal(l.v[3], "sub/untracked.json");
	assert_string_equal(l.v[4], "tracked.json");
	fl_pathlist_release(&l);
	assert_int_equal(fl_repo_list_worktree(&l, r, "sub"), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0], "sub/untracked.json");
	fl_pathlist_release(&l);
	/* An ignored folder named as the prefix: what it tracks. */
	assert_int_equal(fl_repo_list_worktree(&l, r, "build"), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0], "build/kept.json");
	fl_pathlist_release(&l);
	fl_repo_free(r);
	ok(git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL,
	    NULL));
}

static void
test_repo__targets_from_paths_keep_operand_form(void **state)
{
	struct fl_targets t = { 0 };
	char *ops[] = { "sub/", "./sub", "." };
	char *missing[] = { "gone.json", "sub", "lost" };
	unsigned failed = 99;

	put(".gitignore", "*.tmp.json\n");
	put("sub/a.json", GOOD);
	put("sub/b.tmp.json", GOOD);
	assert_int_equal(fl_repo_targets_from_paths(&t, ops, 3, &failed), 0);
	assert_int_equal(failed, 0);
	assert_int_equal(t.n, 3);
	assert_string_equal(t.v[0].path, "sub/a.json");
	assert_string_equal(t.v[1].path, "./sub/a.json");
	assert_string_equal(t.v[2].path, "./sub/a.json");
	assert_string_equal(t.v[0].fs_path, "sub/a.json");
	assert_false(t.v[0].explicit_path);
	fl_targets_release(&t);
	/* Operands that do not exist are counted, and each is named. */
	assert_true(fl_repo_targets_from_paths(&t, missing, 3, &failed) < 0);
	assert_int_equal(failed, 2);
	assert_int_equal(t.n, 1);
	assert_non_null(strstr(fl_error_msg(), "gone.json"));
	assert_non_null(strstr(fl_error_msg(), "lost"));
	fl_targets_release(&t);
}

static void
test_repo__changed_since_merge_base(void **state)
{
	struct fl_targets t = { 0 };
	struct fl_pathlist notes = { 0 };
	struct fl_repo *r;
	git_oid base;
	git_commit *c;
	git_reference *ref;

	put("same.json", GOOD);
	put("edited.json", GOOD);
	stage("same.json");
	stage("edited.json");
	base = commit();
	/* main moves on after the branch point: not part of the change. */
	ok(git_commit_lookup(&c, repo, &base));
	ok(git_branch_create(&ref, repo, "main-line", c, 0));
	git_reference_free(ref);
	git_commit_free(c);
	put("on-main.json", GOOD);
	stage("on-main.json");
	commit_on("refs/heads/main-line", "main-line");
	unstage("on-main.json");
	unlink("on-main.json");
	/* The merge request's own commit. */
	put("edited.json", BAD);
	put("added.json", GOOD);
	stage("edited.json");
	stage("added.json");
	commit();
	/* Not committed yet. */
	put("edited.json", GOOD "x");
	put("fresh.json", GOOD);

	r = open_here();
	assert_int_equal(fl_repo_changed_targets(&t, &notes, r, "main-line",
	    false, NULL, 0, FL_FS_MAX_FILE), 0);
	assert_int_equal(t.n, 2);
	assert_target(&t, 0, "added.json", GOOD);
	assert_target(&t, 1, "edited.json", BAD);
	fl_targets_release(&t);

	assert_int_equal(fl_repo_changed_targets(&t, &notes, r, "main-line",
	    true, NULL, 0, FL_FS_MAX_FILE), 0);
	assert_int_equal(t.n, 3);
	assert_string_equal(t.v[0].path, "added.json");
	assert_string_equal(t.v[1].path, "edited.json");
	assert_string_equal(t.v[2].path, "fresh.json");
	assert_non_null(t.v[2].fs_path);
	assert_string_equal(t.v[2].fs_path + strlen(t.v[2].fs_path) -
	    strlen("/fresh.json"), "/fresh.json");
	fl_targets_release(&t);

	assert_int_equal(fl_repo_changed_targets(&t, &notes, r, "no-such",
	    false, NULL, 0, FL_FS_MAX_FILE), FL_ENOTFOUND);
	assert_string_equal(fl_error_msg(), "unknown revision 'no-such'");
	commit_on("refs/heads/orphan", "");
	assert_int_equal(fl_repo_changed_targets(&t, &notes, r, "orphan",
	    false, NULL, 0, FL_FS_MAX_FILE), FL_ENOTFOUND);
	assert_non_null(strstr(fl_error_msg(), "no common ancestor"));
	assert_int_equal(notes.n, 0);
	fl_repo_free(r);
	fl_pathlist_release(&notes);
}

static void
test_repo__changed_since_unborn_head(void **state)
{
	struct fl_targets t = { 0 };
	struct fl_pathlist notes = { 0 };
	struct fl_repo *r = open_here();

	assert_int_equal(fl_repo_changed_targets(&t, &notes, r, "main",
	    false, NULL, 0, FL_FS_MAX_FILE), FL_EINVAL);
	assert_non_null(strstr(fl_error_msg(), "no commits yet"));
	fl_repo_free(r);
}

/* The hex ID git gives a blob of `text`. */
static void
blob_id(char out[FL_SNAPSHOT_ID_SIZE], const char *text)
{
	git_oid id;

	ok(git_odb_hash(&id, text, strlen(text), GIT_OBJECT_BLOB));
	git_oid_tostr(out, FL_SNAPSHOT_ID_SIZE, &id);
}

static void
test_repo__snapshot_index_and_commit(void **state)
{
	struct fl_buf b = FL_BUF_INIT, shown = FL_BUF_INIT;
	struct fl_snapshot_files l = { 0 };
	struct fl_snapshot idx = { FL_SNAPSHOT_INDEX, NULL, NULL };
	struct fl_snapshot head = { FL_SNAPSHOT_COMMIT, NULL, "HEAD" };
	struct fl_snapshot nope = { FL_SNAPSHOT_COMMIT, NULL, "nope" };
	char good[FL_SNAPSHOT_ID_SIZE], outside[] = "/tmp/fl-outside-XXXXXX";
	struct fl_repo *r;
	int fd;

	put("res/queues/q.json", GOOD);
	put("res/flows/f.json", GOOD);
	put("res/flows.json", GOOD);
	put("res/flows/notes.txt", "not a flow");
	stage("res/queues/q.json");
	stage("res/flows/f.json");
	stage("res/flows.json");
	stage("res/flows/notes.txt");
	commit();
	put("res/queues/q.json", BAD);
	stage("res/queues/q.json");
	put("res/queues/q.json", "work tree");
	put("res/flows/untracked.json", GOOD);

	r = open_here();
	idx.repo = head.repo = nope.repo = r;
	/* Reading a path: the index, the commit, and disk outside the work
	 * tree; git's files are shown by repository path. */
	assert_int_equal(fl_snapshot_read(&idx, &b, &shown, "res/queues/q.json",
	    FL_FS_MAX_FILE), 0);
	assert_string_equal(b.ptr, BAD);
	assert_string_equal(shown.ptr, "res/queues/q.json");
	assert_int_equal(fl_snapshot_read(&head, &b, &shown,
	    "./res/../res/queues/q.json", FL_FS_MAX_FILE), 0);
	assert_string_equal(b.ptr, GOOD);
	assert_string_equal(shown.ptr, "res/queues/q.json");
	assert_int_equal(fl_snapshot_read(&idx, &b, &shown, "res/queues/q.json",
	    3), FL_ETOOBIG);
	assert_int_equal(fl_snapshot_read(&idx, &b, &shown, "res/none.json",
	    FL_FS_MAX_FILE), FL_ENOTFOUND);
	assert_int_equal(fl_snapshot_read(&idx, &b, &shown,
	    "res/flows/untracked.json", FL_FS_MAX_FILE), FL_ENOTFOUND);
	assert_int_equal(fl_snapshot_read(&head, &b, &shown, "res/queues",
	    FL_FS_MAX_FILE), FL_ENOTFOUND);
	assert_int_equal(fl_snapshot_read(&nope, &b, &shown,
	    "res/queues/q.json", FL_FS_MAX_FILE), FL_ENOTFOUND);
	fd = mkstemp(outside);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "outside", 7), 7);
	close(fd);
	assert_int_equal(fl_snapshot_read(&idx, &b, &shown, outside,
	    FL_FS_MAX_FILE), 0);
	assert_string_equal(b.ptr, "outside");
	assert_string_equal(shown.ptr, outside);
	unlink(outside);

	/* Listing: "*.json" regular files only, in byte order, with IDs. */
	blob_id(good, GOOD);
	assert_int_equal(fl_snapshot_list_json(&idx, &l, "res/flows"), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].path, "res/flows/f.json");
	assert_string_equal(l.v[0].id, good);
	assert_int_equal(fl_snapshot_read_file(&idx, &b, &l.v[0],
	    FL_FS_MAX_FILE), 0);
	assert_string_equal(b.ptr, GOOD);
	fl_snapshot_files_release(&l);
	assert_int_equal(fl_snapshot_list_json(&head, &l, "res"), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0].path, "res/flows.json");
	assert_string_equal(l.v[1].path, "res/flows/f.json");
	assert_string_equal(l.v[2].path, "res/queues/q.json");
	assert_string_equal(l.v[2].id, good);
	fl_snapshot_files_release(&l);
	assert_int_equal(fl_snapshot_list_json(&head, &l, "missing"),
	    FL_ENOTFOUND);
	assert_int_equal(fl_snapshot_list_json(&idx, &l, "missing"),
	    FL_ENOTFOUND);
	assert_int_equal(l.n, 0);
	/* On disk: what is there, untracked or not, without IDs. */
	assert_int_equal(fl_snapshot_list_json(&fl_snapshot_disk, &l,
	    "res/flows"), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].path, "res/flows/f.json");
	assert_string_equal(l.v[1].path, "res/flows/untracked.json");
	assert_string_equal(l.v[1].id, "");
	fl_snapshot_files_release(&l);
	fl_repo_free(r);
	fl_buf_release(&b);
	fl_buf_release(&shown);
}

/* Sets the modification time of `path` to `sec` seconds. */
static void
set_mtime(const char *path, time_t sec)
{
	struct timespec ts[2] = { { sec, 0 }, { sec, 0 } };

	assert_int_equal(utimensat(AT_FDCWD, path, ts, 0), 0);
}

/* What git's stat data says of the work tree, as a cold inventory
 * trusts it to read files from disk instead of inflating blobs. */
static void
test_repo__same_on_disk(void **state)
{
	struct fl_snapshot idx = { FL_SNAPSHOT_INDEX, NULL, NULL };
	struct fl_snapshot head = { FL_SNAPSHOT_COMMIT, NULL, "HEAD" };
	struct fl_snapshot_files l = { 0 };
	struct fl_buf disk = FL_BUF_INIT;
	struct fl_repo *r;
	struct stat st;
	char expect[PATH_MAX + 32], real[PATH_MAX];
	size_t i;

	put("a.json", GOOD);
	put("b.json", GOOD);
	put("c.json", GOOD);
	put("d.json", GOOD);
	/* Written well before the index, so no entry is racy. */
	set_mtime("a.json", 1000000000);
	set_mtime("b.json", 1000000000);
	set_mtime("c.json", 1000000000);
	set_mtime("d.json", 1000000000);
	stage("a.json");
	stage("b.json");
	stage("c.json");
	stage("d.json");
	commit();
	put("b.json", BAD);			/* changed on disk only */
	put("c.json", BAD);			/* changed and staged */
	set_mtime("c.json", 1000000000);
	stage("c.json");
	put("c.json", BAD);			/* same bytes, new mtime */
	set_mtime("c.json", 1000000000);

	r = open_here();
	idx.repo = head.repo = r;
	assert_non_null(realpath(dir, real));
	assert_int_equal(fl_snapshot_list_json(&idx, &l, ""), 0);
	assert_int_equal(l.n, 4);
	for (i = 0; i < l.n; i++) {
		bool same = fl_snapshot_same_on_disk(&idx, &l.v[i], &disk);

		/* a and c (as staged) are what the disk holds; b is not. */
		assert_int_equal(same, strcmp(l.v[i].path, "b.json") != 0);
		if (same) {
			snprintf(expect, sizeof(expect), "%s/%s", real,
			    l.v[i].path);
			assert_string_equal(disk.ptr, expect);
		}
	}
	fl_snapshot_files_release(&l);
	/* HEAD's c is not the staged one, whatever the disk says. */
	assert_int_equal(fl_snapshot_list_json(&head, &l, ""), 0);
	assert_string_equal(l.v[2].path, "c.json");
	assert_false(fl_snapshot_same_on_disk(&head, &l.v[2], &disk));
	assert_true(fl_snapshot_same_on_disk(&head, &l.v[0], &disk));
	fl_snapshot_files_release(&l);
	/* On disk there is nothing to compare. */
	assert_int_equal(fl_snapshot_list_json(&fl_snapshot_disk, &l, "."), 0);
	assert_false(fl_snapshot_same_on_disk(&fl_snapshot_disk, &l.v[0],
	    &disk));
	fl_snapshot_files_release(&l);
	fl_repo_free(r);

	/* Racy: the index written in the second the file last changed. */
	assert_int_equal(stat("d.json", &st), 0);
	set_mtime(".git/index", st.st_mtim.tv_sec);
	r = open_here();
	idx.repo = r;
	assert_int_equal(fl_snapshot_list_json(&idx, &l, ""), 0);
	assert_string_equal(l.v[3].path, "d.json");
	assert_false(fl_snapshot_same_on_disk(&idx, &l.v[3], &disk));
	fl_snapshot_files_release(&l);
	fl_repo_free(r);
	fl_buf_release(&disk);
}

static void
test_repo__hooks_dir(void **state)
{
	struct fl_buf b = FL_BUF_INIT;
	struct fl_repo *r = open_here();
	git_config *cfg;
	char expect[PATH_MAX + 32], real[PATH_MAX];

	assert_non_null(realpath(dir, real));
	assert_int_equal(fl_repo_hooks_dir(&b, r), 0);
	snprintf(expect, sizeof(expect), "%s/.git/hooks/", real);
	assert_string_equal(b.ptr, expect);
	fl_repo_cache_path(&b, r, "c");
	snprintf(expect, sizeof(expect), "%s/.git/flowlint/c", real);
	assert_string_equal(b.ptr, expect);
	fl_repo_free(r);

	ok(git_repository_config(&cfg, repo));
	ok(git_config_set_string(cfg, "core.hooksPath", "tools/hooks"));
	git_config_free(cfg);
	r = open_here();
	assert_int_equal(fl_repo_hooks_dir(&b, r), 0);
	snprintf(expect, sizeof(expect), "%s/tools/hooks/", real);
	assert_string_equal(b.ptr, expect);
	fl_repo_free(r);
	fl_buf_release(&b);
}

static void
test_repo__outside_and_bare(void **state)
{
	struct fl_repo *r = NULL;
	struct fl_buf b = FL_BUF_INIT;
	git_repository *bare;
	char path[128];

	/* Outside: a folder beside the repository, with the search capped. */
	snprintf(path, sizeof(path), "%s/plain", dir);
	mkdir(path, 0777);
	setenv("GIT_CEILING_DIRECTORIES", dir, 1);
	assert_int_equal(fl_repo_open(&r, path), FL_ENOTFOUND);
	assert_null(r);

	snprintf(path, sizeof(path), "%s/bare.git", dir);
	ok(git_repository_init(&bare, path, 1));
	git_repository_free(bare);
	assert_int_equal(fl_repo_open(&r, path), 0);
	assert_null(fl_repo_workdir(r));
	fl_repo_free(r);
	assert_int_equal(fl_repo_open_worktree(&r, path), FL_EINVAL);
	assert_non_null(strstr(fl_error_msg(), "bare repository"));
	assert_null(r);
	unsetenv("GIT_CEILING_DIRECTORIES");

	r = open_here();
	assert_int_equal(fl_repo_relpath(&b, r, "/"), FL_EINVAL);
	assert_non_null(strstr(fl_error_msg(), "outside the repository"));
	/* Paths that do not exist (deleted files) resolve by name. */
	assert_int_equal(fl_repo_relpath(&b, r, "not/there.json"), 0);
	assert_string_equal(b.ptr, "not/there.json");
	assert_int_equal(fl_repo_relpath(&b, r, "not/../gone/./x.json"), 0);
	assert_string_equal(b.ptr, "gone/x.json");
	assert_int_equal(fl_repo_relpath(&b, r, "plain/.."), 0);
	assert_string_equal(b.ptr, "");
	assert_int_equal(fl_repo_relpath(&b, r, "no/../.."), FL_EINVAL);
	fl_repo_free(r);
	fl_buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(test_repo__staged_reads_index_not_worktree),
		T(test_repo__staged_only_changes_are_read),
		T(test_repo__staged_first_commit),
		T(test_repo__staged_rename_and_delete),
		T(test_repo__staged_passes_over_what_is_not_a_file),
		T(test_repo__staged_honours_git_index_file),
		T(test_repo__staged_limited_to_paths),
		T(test_repo__worktree_honours_ignores),
		T(test_repo__targets_from_paths_keep_operand_form),
		T(test_repo__changed_since_merge_base),
		T(test_repo__changed_since_unborn_head),
		T(test_repo__snapshot_index_and_commit),
		T(test_repo__same_on_disk),
		T(test_repo__hooks_dir),
		T(test_repo__outside_and_bare),
#undef T
	};
	int rc;

	/* Held for the whole run so that search-path settings stick. */
	git_libgit2_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	git_libgit2_shutdown();
	return rc;
}
