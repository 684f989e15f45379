/*
 * Test helper for tests that read the shared corpus, which lives beside
 * the repository (FLOWLINT_SOURCE_DIR/../shared/corpus) and is absent
 * from a user's clone: such tests skip when corpus_path() says so.
 * FLOWLINT_SHARED_DIR, when set, names that shared folder instead (for a
 * checkout that does not sit beside it, such as a git worktree).
 */
#ifndef FL_TESTS_CORPUS_HELPER_H
#define FL_TESTS_CORPUS_HELPER_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "lint_helper.h"
#include "util/buf.h"
#include "util/fs.h"

/*
 * Writes <shared>/corpus/<rel> into `out`; false when that does not exist
 * (or neither variable is set).
 */
static inline bool
corpus_path(char *out, size_t size, const char *rel)
{
	const char *shared = getenv("FLOWLINT_SHARED_DIR");
	const char *src = getenv("FLOWLINT_SOURCE_DIR");
	struct stat st;
	int n;

	if (shared != NULL)
		n = snprintf(out, size, "%s/corpus/%s", shared, rel);
	else if (src != NULL)
		n = snprintf(out, size, "%s/../shared/corpus/%s", src, rel);
	else
		return false;
	return n > 0 && (size_t)n < size && stat(out, &st) == 0;
}

/* The file at `path`, NUL-terminated; aborts the test if unreadable. */
static inline char *
slurp(const char *path, size_t *len)
{
	struct fl_buf b = FL_BUF_INIT;

	if (fl_fs_read(&b, path, FL_FS_MAX_FILE) != 0)
		fail_msg("cannot read %s", path);
	return fl_buf_detach(&b, len);
}

/* Lints `len` bytes (taking them) as if they were the file `shown`. */
static inline void
lint_bytes(struct fl_result *r, struct lint_env *e, const char *shown,
    char *text, size_t len)
{
	fl_result_init(r, fl_xstrdup(shown), text, len);
	fl_lint(r, &e->opts, e->m);
}

/* The same for a file the run says `c` of. */
static inline void
lint_bytes_as(struct fl_result *r, struct lint_env *e, const char *shown,
    const struct fl_file_config *c, char *text, size_t len)
{
	fl_result_init(r, fl_xstrdup(shown), text, len);
	lint_result_as(r, e, c);
}

#endif
