/*
 * Unit tests for util/fs.c: reading with limits, atomic replacement.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

static char dir[64];

static int
setup(void **state)
{
	strcpy(dir, "/tmp/flowlint-test-fs-XXXXXX");
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
path_in(char *out, size_t n, const char *name)
{
	snprintf(out, n, "%s/%s", dir, name);
}

static void
write_file(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	chmod(path, mode);
}

static unsigned
count_entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	unsigned n = 0;

	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.' || strstr(e->d_name, "flowlint") != NULL)
			n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

static void
test_fs__write_atomic_keeps_mode(void **state)
{
	struct fl_buf b = FL_BUF_INIT;
	char path[128];
	struct stat st;

	path_in(path, sizeof(path), "a.json");
	write_file(path, "old", 0751);
	assert_int_equal(fl_fs_write_atomic(path, "new bytes", 9), 0);
	assert_int_equal(fl_fs_read(&b, path, 1024), 0);
	assert_string_equal(b.ptr, "new bytes");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0751);
	assert_int_equal(count_entries(), 1);	/* no temporary left */
	fl_buf_release(&b);
}

static void
test_fs__write_atomic_through_symlink(void **state)
{
	struct fl_buf b = FL_BUF_INIT;
	char target[128], link[128];
	struct stat st;

	path_in(target, sizeof(target), "t.json");
	path_in(link, sizeof(link), "l.json");
	write_file(target, "old", 0644);
	assert_int_equal(symlink("t.json", link), 0);
	assert_int_equal(fl_fs_write_atomic(link, "via link", 8), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(fl_fs_read(&b, target, 1024), 0);
	assert_string_equal(b.ptr, "via link");
	fl_buf_release(&b);
}

static void
test_fs__write_atomic_failure_leaves_original(void **state)
{
	struct fl_buf b = FL_BUF_INIT;
	char path[128];

	if (geteuid() == 0)
		skip();	/* root writes into read-only folders */
	path_in(path, sizeof(path), "ro.json");
	write_file(path, "keep me", 0644);
	chmod(dir, 0555);
	assert_int_equal(fl_fs_write_atomic(path, "lost", 4), FL_EIO);
	chmod(dir, 0755);
	assert_int_equal(fl_fs_read(&b, path, 1024), 0);
	assert_string_equal(b.ptr, "keep me");
	fl_buf_release(&b);
}

static void
test_fs__read_limits(void **state)
{
	struct fl_buf b = FL_BUF_INIT;
	char path[128];

	path_in(path, sizeof(path), "big.json");
	write_file(path, "0123456789", 0644);
	assert_int_equal(fl_fs_read(&b, path, 5), FL_ETOOBIG);
	assert_non_null(strstr(fl_error_msg(), "larger than"));
	assert_int_equal(fl_fs_read(&b, dir, 5), FL_EIO);
	assert_non_null(strstr(fl_error_msg(), "is a directory"));
	fl_buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fs__write_atomic_keeps_mode, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fs__write_atomic_through_symlink, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fs__write_atomic_failure_leaves_original, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fs__read_limits, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
