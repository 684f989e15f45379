/*
 * Every file of the shared corpus (../shared/corpus: real flows from
 * public repositories and the reference monorepo) is checked without a
 * crash, and its findings, counted per rule, are the reviewed ones in
 * tests/corpus/<name>.expected.  The reference monorepo has no error
 * (its SOURCE.md), and its imports/ pass with a single warning: its
 * unused 'ACME-lexbot2-tfdemo/current' entry.
 * Skips when the corpus is absent.  FLOWLINT_BLESS=1 rewrites the
 * expectation files (review the diff before committing it).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "config/flowfile.h"
#include "config/project.h"
#include "corpus_helper.h"
#include "lint_fixture.h"

#define PATH_SIZE 4096

/* A list of owned strings. */
struct lines {
	char **v;
	size_t n, alloc;
};

static void
lines_add(struct lines *l, char *s)
{
	FL_GROW(l->v, l->n + 1, l->alloc);
	l->v[l->n++] = s;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
lines_release(struct lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* Splits `text` (modified) into its lines, skipping '#' comments. */
static void
split_lines(struct lines *out, char *text)
{
	char *save = NULL, *line;

	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		if (line[0] != '#' && line[0] != '\0')
			lines_add(out, fl_xstrdup(line));
}

/* "<key>\t<CODE>=<count>,..." in code order. */
static char *
summarize(const char *key, const struct fl_result *r)
{
	unsigned count[FL_MAX_RULES] = { 0 };
	struct fl_buf b = FL_BUF_INIT;
	unsigned i, sep = 0;

	for (i = 0; i < r->diags.n; i++)
		count[fl_rule_index(r->diags.v[i].rule)]++;
	fl_buf_addf(&b, "%s\t", key);
	for (i = 0; i < fl_rule_count; i++)
		if (count[i] > 0)
			fl_buf_addf(&b, "%s%s=%u", sep++ ? "," : "",
			    fl_rules[i]->code, count[i]);
	return fl_buf_detach(&b, NULL);
}

/*
 * Compares the actual summaries with the expectation file `name` (under
 * tests/corpus/), or rewrites it when FLOWLINT_BLESS=1.  Reports every
 * difference before failing.
 */
static void
compare(struct lines *actual, const char *name, const char *header)
{
	const char *src = getenv("FLOWLINT_SOURCE_DIR");
	const char *bless = getenv("FLOWLINT_BLESS");
	struct lines want = { 0 };
	char path[PATH_SIZE];
	size_t i = 0, j = 0, len;
	unsigned diffs = 0;
	char *text;

	qsort(actual->v, actual->n, sizeof(char *), cmp_str);
	snprintf(path, sizeof(path), "%s/tests/corpus/%s", src, name);
	if (bless != NULL && strcmp(bless, "1") == 0) {
		struct fl_buf b = FL_BUF_INIT;

		fl_buf_adds(&b, header);
		for (i = 0; i < actual->n; i++)
			fl_buf_addf(&b, "%s\n", actual->v[i]);
		assert_int_equal(fl_fs_write_atomic(path, b.ptr, b.len), 0);
		fl_buf_release(&b);
		return;
	}
	text = slurp(path, &len);
	split_lines(&want, text);
	free(text);
	qsort(want.v, want.n, sizeof(char *), cmp_str);
	while (i < actual->n || j < want.n) {
		int c = i == actual->n ? 1 : j == want.n ? -1 :
		    strcmp(actual->v[i], want.v[j]);

		if (c == 0) {
			i++;
			j++;
			continue;
		}
		diffs++;
		if (c < 0)
			print_message("%s: got      %s\n", name, actual->v[i++]);
		else
			print_message("%s: expected %s\n", name, want.v[j++]);
	}
	lines_release(&want);
	if (diffs > 0)
		fail_msg("%u lines differ from tests/corpus/%s", diffs, name);
}

/*
 * The manifest's original path for each flattened file name, so that
 * FL003 judges the name the file has in its repository.
 */
struct manifest {
	struct lines file, path;	/* parallel */
};

static void
manifest_load(struct manifest *m, const char *dir)
{
	char path[PATH_SIZE + 16];	/* dir, then "/MANIFEST.tsv" */
	struct lines rows = { 0 };
	size_t i, len;
	char *text;

	memset(m, 0, sizeof(*m));
	snprintf(path, sizeof(path), "%s/MANIFEST.tsv", dir);
	text = slurp(path, &len);
	split_lines(&rows, text);
	free(text);
	for (i = 1; i < rows.n; i++) {	/* row 0 is the header */
		char *save = NULL;
		char *file = strtok_r(rows.v[i], "\t", &save);
		char *repo = strtok_r(NULL, "\t", &save);
		char *orig = strtok_r(NULL, "\t", &save);
		struct fl_buf b = FL_BUF_INIT;

		assert_non_null(orig);
		fl_buf_addf(&b, "%s/%s", repo, orig);
		lines_add(&m->file, fl_xstrdup(file));
		lines_add(&m->path, fl_buf_detach(&b, NULL));
	}
	lines_release(&rows);
}

static const char *
manifest_find(const struct manifest *m, const char *file)
{
	size_t i;

	for (i = 0; i < m->file.n; i++)
		if (strcmp(m->file.v[i], file) == 0)
			return m->path.v[i];
	return NULL;
}

static void
test_corpus__real_flows(void **state)
{
	struct fl_pathlist files = { 0 };
	struct lines actual = { 0 };
	struct manifest m;
	char dir[PATH_SIZE];
	size_t i, skip_len;

	if (!corpus_path(dir, sizeof(dir), "real-flows"))
		skip();
	manifest_load(&m, dir);
	assert_int_equal(fl_fs_walk_json(&files, dir), 0);
	fl_pathlist_sort(&files);
	skip_len = strlen(dir) + 1;
	assert_int_equal(files.n, m.file.n);
	for (i = 0; i < files.n; i++) {
		const char *name = files.v[i] + skip_len;
		const char *orig = manifest_find(&m, name);
		struct fl_result r;
		size_t len;
		char *text;

		if (orig == NULL)
			fail_msg("%s is not in MANIFEST.tsv", name);
		text = slurp(files.v[i], &len);
		lint_bytes(&r, &env, orig, text, len);
		lines_add(&actual, summarize(name, &r));
		fl_result_release(&r);
	}
	compare(&actual, "real-flows.expected",
	    "# Findings per file of ../shared/corpus/real-flows, counted by rule\n"
	    "# and reviewed against its MANIFEST.tsv (see tests/unit/"
	    "test_corpus.c).\n"
	    "# Each file is linted under its original path from the manifest,\n"
	    "# so FL003 judges the name the file has in its repository.\n");
	lines_release(&actual);
	lines_release(&m.file);
	lines_release(&m.path);
	fl_pathlist_release(&files);
}

/*
 * The one finding imports/ may have: the object-map key that acme_main
 * no longer references, at its key inside Content on line 4.
 */
static void
assert_imports_finding(const struct fl_result *r, const char *fs_path)
{
	const char *key = "\\\"ACME-lexbot2-tfdemo/current\\\":";
	const struct fl_diag *d = &r->diags.v[0];
	const char *at = strstr(r->src.text, key);
	const char *bol = r->src.text, *p;
	unsigned line = 1;

	assert_non_null(strstr(fs_path, "/acme_main_AUTO.json"));
	assert_int_equal(r->diags.n, 1);
	assert_string_equal(d->rule->code, "FL204");
	assert_int_equal(d->severity, FL_SEV_WARNING);
	assert_non_null(at);
	for (p = r->src.text; p < at; p++) {
		if (*p == '\n') {
			line++;
			bol = p + 1;
		}
	}
	assert_int_equal(d->line, line);
	assert_int_equal(d->col, (unsigned)(at - bol) + 1);
	assert_string_equal(d->pointer,
	    "/Actions/6/Parameters/FlowAttributes/ACME-lexbot2-tfdemo~1current");
}

/*
 * The reference monorepo is linted as `check` does with no
 * configuration: each file knows where it stands to the deploy step of
 * the layout the project discovery finds.
 */
static void
test_corpus__reference_monorepo(void **state)
{
	struct fl_pathlist files = { 0 };
	struct lines actual = { 0 };
	struct fl_project project;
	struct fl_config config;
	char found[PATH_SIZE], dir[PATH_MAX];
	size_t i, skip_len;
	unsigned flows = 0, warned = 0;

	if (!corpus_path(found, sizeof(found), "reference-monorepo"))
		skip();
	assert_non_null(realpath(found, dir));
	assert_int_equal(fl_project_discover(&project, dir, NULL), 0);
	fl_config_init(&config);
	assert_int_equal(fl_fs_walk_json(&files, dir), 0);
	fl_pathlist_sort(&files);
	skip_len = strlen(dir) + 1;
	for (i = 0; i < files.n; i++) {
		const char *rel = files.v[i] + skip_len;
		struct fl_file_config c = { 0 };
		struct fl_result r;
		unsigned e, w, n;
		size_t len;
		char *text;

		c.deploy = fl_config_deploy(&project, &config, files.v[i]);
		text = slurp(files.v[i], &len);
		lint_bytes_as(&r, &env, rel, &c, text, len);
		lines_add(&actual, summarize(rel, &r));
		/* SOURCE.md: no errors anywhere in the folder. */
		fl_result_count(&r, &e, &w, &n);
		assert_int_equal(e, 0);
		if (strncmp(rel, "imports/", 8) == 0) {
			if (r.diags.n > 0) {
				assert_imports_finding(&r, files.v[i]);
				warned++;
			}
			flows += r.shape != FL_SHAPE_NOT_FLOW;
		}
		fl_result_release(&r);
	}
	assert_int_equal(warned, 1);
	assert_int_equal(flows, 9);	/* imports/resources/flows/ */
	compare(&actual, "reference-monorepo.expected",
	    "# Findings per file of ../shared/corpus/reference-monorepo, counted\n"
	    "# by rule (see tests/unit/test_corpus.c).\n");
	lines_release(&actual);
	fl_pathlist_release(&files);
	fl_config_release(&config);
	fl_project_release(&project);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus__real_flows),
		cmocka_unit_test(test_corpus__reference_monorepo),
	};

	return cmocka_run_group_tests(tests, lint_fixture_setup,
	    lint_fixture_teardown);
}
