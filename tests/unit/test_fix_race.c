/*
 * fix never clobbers an edit: files edited or deleted between fix's read
 * and its write (by a hook test builds have, util/fs.h) keep the edit or
 * stay deleted, and the others are fixed.  The hook acts on every file
 * at the worst moment, just before the last check, so the test is
 * deterministic where a real editor racing a real run would be luck.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "util/buf.h"
#include "util/fs.h"
#include "tmp_tree.h"

#define NFILES 3000

/* What the hook does to file i. */
enum race {
	RACE_NONE,		/* left alone: fixed */
	RACE_APPEND,		/* edited, size changes */
	RACE_SAME_SIZE,		/* edited in place, same size, mtime reset:
				   only the bytes tell */
	RACE_DELETE,		/* deleted */
	RACE_READ_ONLY,		/* made read-only (0444) */
	RACE_RESAVE,		/* saved unchanged by an editor that writes
				   a new file and renames it */
	RACE_KINDS
};

static char dir[64];
static unsigned hook_calls;

static enum race
race_of(unsigned i)
{
	return (enum race)(i % RACE_KINDS);
}

/* A flow with metadata for an action it lacks (FL305, fixable). */
static void
flow_text(struct fl_buf *b, unsigned i)
{
	fl_buf_reset(b);
	fl_buf_addf(b, "{\"Version\":\"2019-10-30\",\"StartAction\":\"hi\","
	    "\"Metadata\":{\"entryPointPosition\":{\"x\":0,\"y\":0},"
	    "\"ActionMetadata\":{\"hi\":{\"position\":{\"x\":1,\"y\":1}},"
	    "\"gone\":{\"position\":{\"x\":9,\"y\":9}}}},\"Actions\":["
	    "{\"Identifier\":\"hi\",\"Type\":\"MessageParticipant\","
	    "\"Parameters\":{\"Text\":\"Hello %04u\"},"
	    "\"Transitions\":{\"NextAction\":\"bye\"}},"
	    "{\"Identifier\":\"bye\",\"Type\":\"DisconnectParticipant\","
	    "\"Parameters\":{},\"Transitions\":{}}]}\n", i);
}

static void
file_path(char *out, size_t n, unsigned i)
{
	snprintf(out, n, "%s/f%04u.json", dir, i);
}

static void
slurp(struct fl_buf *b, const char *path)
{
	assert_int_equal(fl_fs_read(b, path, FL_FS_MAX_FILE), 0);
}

/* The user's edits to dir/name, as the hook makes them. */
static void
edit(const char *path, const char *name, enum race r)
{
	struct fl_buf b = FL_BUF_INIT;
	char tmp[128];
	struct stat st;
	char *hello;

	switch (r) {
	case RACE_NONE:
		break;
	case RACE_APPEND:
		slurp(&b, path);
		fl_buf_adds(&b, "\n");
		tmp_tree_put(dir, name, b.ptr);
		break;
	case RACE_SAME_SIZE:
		assert_int_equal(stat(path, &st), 0);
		slurp(&b, path);
		hello = strstr(b.ptr, "Hello");
		assert_non_null(hello);
		memcpy(hello, "Howdy", 5);
		tmp_tree_put(dir, name, b.ptr);
		{
			const struct timespec times[2] = { st.st_atim,
			    st.st_mtim };

			assert_int_equal(utimensat(AT_FDCWD, path, times, 0),
			    0);
		}
		break;
	case RACE_DELETE:
		assert_int_equal(unlink(path), 0);
		break;
	case RACE_READ_ONLY:
		assert_int_equal(chmod(path, 0444), 0);
		break;
	case RACE_RESAVE:
		slurp(&b, path);
		snprintf(tmp, sizeof(tmp), "%s.swp", name);
		tmp_tree_put(dir, tmp, b.ptr);
		snprintf(tmp, sizeof(tmp), "%s/%s.swp", dir, name);
		assert_int_equal(rename(tmp, path), 0);
		break;
	case RACE_KINDS:
		fail();
	}
	fl_buf_release(&b);
}

static void
before_replace(const char *path)
{
	const char *base = strrchr(path, '/');

	hook_calls++;
	assert_non_null(base);
	edit(path, base + 1, race_of((unsigned)atoi(base + 2)));
}

/* Runs `flowlint fix dir` with its output thrown away. */
static int
run_fix(void)
{
	char *argv[] = { "fix", "--quiet", dir, NULL };
	int out = dup(STDOUT_FILENO), err = dup(STDERR_FILENO);
	int null = open("/dev/null", O_WRONLY);
	int rc;

	fflush(stdout);
	fflush(stderr);
	dup2(null, STDOUT_FILENO);
	dup2(null, STDERR_FILENO);
	rc = fl_cmd_fix.run(3, argv);
	fflush(stdout);
	fflush(stderr);
	dup2(out, STDOUT_FILENO);
	dup2(err, STDERR_FILENO);
	close(out);
	close(err);
	close(null);
	return rc;
}

static void
test_fix_race__no_edit_lost_no_file_back(void **state)
{
	struct fl_buf orig = FL_BUF_INIT, now = FL_BUF_INIT;
	char path[256], name[32];
	unsigned i, fixed = 0;
	struct stat st;

	strcpy(dir, "/tmp/flowlint-test-race-XXXXXX");
	assert_non_null(mkdtemp(dir));
	for (i = 0; i < NFILES; i++) {
		snprintf(name, sizeof(name), "f%04u.json", i);
		flow_text(&orig, i);
		tmp_tree_put(dir, name, orig.ptr);
	}

	fl_fs_test_before_replace = before_replace;
	assert_int_equal(run_fix(), FL_EXIT_ERROR);	/* files were skipped */
	fl_fs_test_before_replace = NULL;
	assert_int_equal(hook_calls, NFILES);

	for (i = 0; i < NFILES; i++) {
		file_path(path, sizeof(path), i);
		flow_text(&orig, i);
		if (race_of(i) == RACE_DELETE) {
			assert_int_equal(stat(path, &st), -1);
			continue;
		}
		slurp(&now, path);
		switch (race_of(i)) {
		case RACE_NONE:
			/* Fixed: the orphan metadata is gone. */
			assert_null(strstr(now.ptr, "\"gone\""));
			fixed++;
			break;
		case RACE_APPEND:
			assert_int_equal(now.len, orig.len + 1);
			assert_memory_equal(now.ptr, orig.ptr, orig.len);
			break;
		case RACE_SAME_SIZE:
			assert_non_null(strstr(now.ptr, "Howdy"));
			assert_non_null(strstr(now.ptr, "\"gone\""));
			break;
		case RACE_READ_ONLY:
		case RACE_RESAVE:
			assert_string_equal(now.ptr, orig.ptr);
			break;
		default:
			fail();
		}
	}
	assert_int_equal(fixed, (NFILES + RACE_KINDS - 1) / RACE_KINDS);
	/* No temporary file left behind (grep finds nothing: exit 1). */
	snprintf(path, sizeof(path), "find %s -name '.*flowlint-*' | grep -q .",
	    dir);
	assert_int_equal(system(path), 256);
	fl_buf_release(&orig);
	fl_buf_release(&now);
	tmp_tree_remove(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fix_race__no_edit_lost_no_file_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
