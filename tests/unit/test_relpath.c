/*
 * Unit tests for util/relpath.c: paths relative to the work-tree root,
 * however the file was named, through symlinks, in linked work trees,
 * and outside any repository.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/relpath.h"

static char tmp[PATH_MAX], saved_cwd[PATH_MAX];

static void
touch(const char *path)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fclose(f);
}

static int
setup(void **state)
{
	char *t;

	snprintf(tmp, sizeof(tmp), "%s/flowlint-relpath-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	t = mkdtemp(tmp);
	if (t == NULL || getcwd(saved_cwd, sizeof(saved_cwd)) == NULL ||
	    chdir(tmp) != 0)
		return -1;
	/* repo/ is a clone, repo/wt/ a linked work tree (.git is a file). */
	if (mkdir("repo", 0755) || mkdir("repo/.git", 0755) ||
	    mkdir("repo/a", 0755) || mkdir("repo/a/b", 0755) ||
	    mkdir("repo/wt", 0755) || mkdir("plain", 0755) ||
	    symlink("repo/a", "link"))
		return -1;
	touch("repo/a/b/f.json");
	touch("repo/top.json");
	touch("repo/wt/.git");
	touch("repo/wt/g.json");
	touch("plain/p.json");
	return 0;
}

static int
teardown(void **state)
{
	char cmd[PATH_MAX + 16];

	if (chdir(saved_cwd) != 0)
		return -1;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp);
	return system(cmd) == 0 ? 0 : -1;
}

static void
expect(struct fl_relpath *c, const char *path, const char *want)
{
	struct fl_buf b = FL_BUF_INIT;

	fl_relpath_get(c, &b, path);
	assert_string_equal(b.ptr, want);
	fl_buf_release(&b);
}

static void
test_relpath__relative_to_the_work_tree_root(void **state)
{
	struct fl_relpath c = FL_RELPATH_INIT;
	char abs[PATH_MAX + 32];

	expect(&c, "repo/a/b/f.json", "a/b/f.json");
	expect(&c, "./repo/a/b/f.json", "a/b/f.json");
	expect(&c, "repo/a/../a/b/f.json", "a/b/f.json");
	expect(&c, "repo/top.json", "top.json");
	expect(&c, "link/b/f.json", "a/b/f.json");
	snprintf(abs, sizeof(abs), "%s/repo/a/b/f.json", tmp);
	expect(&c, abs, "a/b/f.json");
	/* A file that does not exist (a staged blob) in a folder that does. */
	expect(&c, "repo/a/gone.json", "a/gone.json");
	fl_relpath_release(&c);
}

static void
test_relpath__from_inside_the_repository(void **state)
{
	struct fl_relpath c = FL_RELPATH_INIT;

	assert_int_equal(chdir("repo/a"), 0);
	expect(&c, "b/f.json", "a/b/f.json");
	expect(&c, "../top.json", "top.json");
	assert_int_equal(chdir(tmp), 0);
	fl_relpath_release(&c);
}

static void
test_relpath__linked_work_tree(void **state)
{
	struct fl_relpath c = FL_RELPATH_INIT;

	expect(&c, "repo/wt/g.json", "g.json");
	fl_relpath_release(&c);
}

/* Whether a folder above `path` has a `.git` entry. */
static bool
below_a_clone(const char *path)
{
	char dir[PATH_MAX], probe[PATH_MAX + 8];
	struct stat st;
	char *slash;

	snprintf(dir, sizeof(dir), "%s", path);
	while ((slash = strrchr(dir, '/')) != NULL) {
		*slash = '\0';
		snprintf(probe, sizeof(probe), "%s/.git", dir);
		if (lstat(probe, &st) == 0)
			return true;
	}
	return false;
}

static void
test_relpath__outside_any_repository(void **state)
{
	struct fl_relpath c = FL_RELPATH_INIT;

	if (below_a_clone(tmp))
		skip();
	expect(&c, "plain/p.json", "plain/p.json");
	expect(&c, "./plain/p.json", "plain/p.json");
	/* A folder that does not exist: the path as given, less "./". */
	expect(&c, "./nowhere/x.json", "nowhere/x.json");
	fl_relpath_release(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_relpath__relative_to_the_work_tree_root),
		cmocka_unit_test(test_relpath__from_inside_the_repository),
		cmocka_unit_test(test_relpath__linked_work_tree),
		cmocka_unit_test(test_relpath__outside_any_repository),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
