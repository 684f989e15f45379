/*
 * Unit tests for format/printer.c: the cases in tests/format (an input
 * and its expected output, or the expected refusal), the output size
 * limit, and the promises over every file in ../shared/corpus: the
 * formatted document means the same (Content included), formatting
 * twice equals formatting once, and a file the reference exporter wrote
 * is left as it is.
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

#include "format/format.h"
#include "json/json.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/source.h"
#include "util/xalloc.h"

/* Files in the reference monorepo that its exporter wrote. */
static const char *const exported_dirs[] = {
	"flows", "hoop", "quick-connects", "routing-profiles",
	"security-profiles", "views", "agent-statuses",
};

/* Sets `out` to "<FLOWLINT_SOURCE_DIR>/<rel>", or skips when unset. */
static void
source_path(struct fl_buf *out, const char *rel)
{
	const char *src = getenv("FLOWLINT_SOURCE_DIR");

	if (src == NULL)
		skip();
	fl_buf_reset(out);
	fl_buf_addf(out, "%s/%s", src, rel);
}

static void
read_or_fail(struct fl_buf *out, const char *path)
{
	if (fl_fs_read(out, path, FL_FS_MAX_FILE) != 0)
		fail_msg("%s", fl_error_msg());
}

/* Formats `in` into `out`; returns fl_format's result. */
static int
format_text(struct fl_buf *out, struct fl_format_info *info,
    struct fl_str in)
{
	struct fl_arena a;
	int rc;

	fl_arena_init(&a);
	rc = fl_format(out, info, &a, in.ptr, in.len);
	fl_arena_release(&a);
	return rc;
}

static bool docs_equal(const struct fl_json_doc *a, const struct fl_json_doc *b,
    struct fl_arena *arena, bool outer);

/* Whether two strings hold the same JSON values (both must parse). */
static bool
json_strings_equal(struct fl_str a, struct fl_str b, struct fl_arena *arena)
{
	struct fl_json_doc da, db;
	struct fl_json_error err;

	return fl_json_parse(&da, arena, a.ptr, a.len, &err) == 0 &&
	    fl_json_parse(&db, arena, b.ptr, b.len, &err) == 0 &&
	    docs_equal(&da, &db, arena, false);
}

/*
 * Whether two parsed documents hold the same values, node by node: the
 * same structure, keys in the same order, the same decoded strings and
 * the same number text.  In the outer document a string member named
 * Content may differ in its text when both hold the same JSON.
 */
static bool
docs_equal(const struct fl_json_doc *a, const struct fl_json_doc *b,
    struct fl_arena *arena, bool outer)
{
	uint32_t i;

	if (a->count != b->count)
		return false;
	for (i = FL_JSON_ROOT; i < a->count; i++) {
		const struct fl_json_node *na = &a->nodes[i];
		const struct fl_json_node *nb = &b->nodes[i];

		if (na->type != nb->type || na->count != nb->count ||
		    na->parent != nb->parent || na->next != nb->next ||
		    !fl_str_eq(na->key, nb->key))
			return false;
		if (na->type != FL_JSON_STRING && na->type != FL_JSON_NUMBER)
			continue;
		if (fl_str_eq(na->str, nb->str))
			continue;
		if (!outer || na->type != FL_JSON_STRING ||
		    !fl_str_eq_cstr(na->key, "Content") ||
		    !json_strings_equal(na->str, nb->str, arena))
			return false;
	}
	return true;
}

static bool
same_values(struct fl_str a, struct fl_str b)
{
	struct fl_json_doc da, db;
	struct fl_json_error err;
	struct fl_arena arena;
	bool same;

	fl_arena_init(&arena);
	same = fl_json_parse(&da, &arena, a.ptr, a.len, &err) == 0 &&
	    fl_json_parse(&db, &arena, b.ptr, b.len, &err) == 0 &&
	    docs_equal(&da, &db, &arena, true);
	fl_arena_release(&arena);
	return same;
}

/*
 * The promises for one formatted file: the values are kept, formatting
 * again changes nothing, and the text ends in at most one newline, as
 * the input did.
 */
static void
assert_canonical(const char *name, struct fl_str in, struct fl_str out)
{
	struct fl_buf again = FL_BUF_INIT;
	struct fl_format_info info;

	if (!same_values(in, out))
		fail_msg("%s: the formatted document has other values", name);
	if (format_text(&again, &info, out) != 0)
		fail_msg("%s: output refused: %s", name, info.err_msg);
	if (!fl_str_eq(fl_buf_str(&again), out))
		fail_msg("%s: formatting twice differs from once", name);
	assert_false(out.len >= 2 && out.ptr[out.len - 1] == '\n' &&
	    out.ptr[out.len - 2] == '\n');
	assert_int_equal(out.ptr[out.len - 1] == '\n',
	    in.len > 0 && in.ptr[in.len - 1] == '\n');
	fl_buf_release(&again);
}

/* The comparison above is what the corpus test trusts: keep it strict. */
static void
test_format__value_comparison_is_strict(void **state)
{
	assert_true(same_values(fl_str_cstr("{\"a\": [1.0, \"\\u00e9\"]}"),
	    fl_str_cstr("{\"a\":[1.0,\"\xc3\xa9\"]}")));
	assert_false(same_values(fl_str_cstr("{\"a\":1.0}"),
	    fl_str_cstr("{\"a\":1}")));
	assert_false(same_values(fl_str_cstr("{\"a\":1,\"b\":2}"),
	    fl_str_cstr("{\"b\":2,\"a\":1}")));
	assert_false(same_values(fl_str_cstr("{\"a\":\"x\"}"),
	    fl_str_cstr("{\"a\":\"x \"}")));
	assert_true(same_values(fl_str_cstr("{\"Content\":\"{ \\\"v\\\": 1 }\"}"),
	    fl_str_cstr("{\"Content\":\"{\\\"v\\\":1}\"}")));
	assert_false(same_values(fl_str_cstr("{\"Content\":\"{\\\"v\\\":1}\"}"),
	    fl_str_cstr("{\"Content\":\"{\\\"v\\\":2}\"}")));
	assert_false(same_values(fl_str_cstr("{\"Other\":\"{ }\"}"),
	    fl_str_cstr("{\"Other\":\"{}\"}")));
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static bool
exists(const char *path)
{
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		return false;
	fclose(f);
	return true;
}

/* One case of tests/format: NAME.in.json with NAME.out.json or NAME.err. */
static void
run_case(const char *dir, const char *in_name)
{
	struct fl_buf in = FL_BUF_INIT, out = FL_BUF_INIT, want = FL_BUF_INIT;
	struct fl_buf path = FL_BUF_INIT;
	struct fl_format_info info;
	int stem = (int)(strlen(in_name) - strlen(".in.json"));
	int rc;

	fl_buf_addf(&path, "%s/%s", dir, in_name);
	read_or_fail(&in, path.ptr);
	rc = format_text(&out, &info, fl_buf_str(&in));
	fl_buf_reset(&path);
	fl_buf_addf(&path, "%s/%.*s.out.json", dir, stem, in_name);
	if (exists(path.ptr)) {
		if (rc != 0)
			fail_msg("%s: refused: %s", in_name, info.err_msg);
		read_or_fail(&want, path.ptr);
		if (!fl_str_eq(fl_buf_str(&out), fl_buf_str(&want)))
			fail_msg("%s: output differs from %.*s.out.json", in_name,
			    stem, in_name);
		assert_canonical(in_name, fl_buf_str(&in), fl_buf_str(&out));
	} else {
		struct fl_source src;
		char got[512];
		uint32_t line, col;
		size_t len = in.len;

		fl_buf_reset(&path);
		fl_buf_addf(&path, "%s/%.*s.err", dir, stem, in_name);
		read_or_fail(&want, path.ptr);
		if (rc == 0)
			fail_msg("%s: formatted, expected a refusal", in_name);
		assert_int_equal(out.len, 0);
		fl_source_init(&src, fl_xstrdup(in_name), fl_buf_detach(&in, NULL),
		    len);
		fl_source_linecol(&src, info.err_off, &line, &col);
		snprintf(got, sizeof(got), "%u:%u: %s\n", line, col,
		    info.err_msg);
		fl_source_release(&src);
		assert_string_equal(got, want.ptr);
	}
	fl_buf_release(&path);
	fl_buf_release(&in);
	fl_buf_release(&out);
	fl_buf_release(&want);
}

static void
test_format__cases(void **state)
{
	struct fl_buf dir = FL_BUF_INIT;
	char **names = NULL;
	size_t n = 0, alloc = 0, i;
	struct dirent *e;
	DIR *d;

	source_path(&dir, "tests/format");
	d = opendir(dir.ptr);
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		if (!has_suffix(e->d_name, ".in.json"))
			continue;
		FL_GROW(names, n + 1, alloc);
		names[n++] = fl_xstrdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_names);
	assert_true(n >= 10);
	for (i = 0; i < n; i++) {
		run_case(dir.ptr, names[i]);
		free(names[i]);
	}
	free(names);
	fl_buf_release(&dir);
}

/* Formatting that would outgrow the largest readable file is refused. */
static void
test_format__output_limit(void **state)
{
	struct fl_buf in = FL_BUF_INIT, out = FL_BUF_INIT;
	struct fl_format_info info;
	int i;

	/* 35000 elements 999 levels deep: about 70 MB of indentation. */
	for (i = 0; i < 999; i++)
		fl_buf_addch(&in, '[');
	for (i = 0; i < 35000; i++)
		fl_buf_adds(&in, i ? ",0" : "0");
	for (i = 0; i < 999; i++)
		fl_buf_addch(&in, ']');
	assert_int_equal(format_text(&out, &info, fl_buf_str(&in)), -1);
	assert_non_null(strstr(info.err_msg, "larger than the 64 MiB limit"));
	assert_int_equal(out.len, 0);
	fl_buf_release(&in);
	fl_buf_release(&out);
}

/* The shape comes back also when the file is refused. */
static void
test_format__shape_reported_on_refusal(void **state)
{
	struct fl_buf out = FL_BUF_INIT;
	struct fl_format_info info;

	assert_int_equal(format_text(&out, &info,
	    fl_str_cstr("{\"Name\":\"q\",\"Name\":\"r\"}")), -1);
	assert_true(info.json);
	assert_int_equal(info.shape, FL_SHAPE_NOT_FLOW);
	assert_int_equal(format_text(&out, &info, fl_str_cstr("{\"a\":")), -1);
	assert_false(info.json);
	assert_int_equal(format_text(&out, &info, fl_str_cstr(
	    "{\"Name\":\"m\",\"Content\":\"{\\\"Actions\\\": []}\"}")), 0);
	assert_int_equal(info.shape, FL_SHAPE_WRAPPED);
	assert_true(info.content_compacted);
	fl_buf_release(&out);
}

/* Sets `out` to a corpus folder, or skips when there is no ../shared. */
static void
corpus_path(struct fl_buf *out, const char *rel)
{
	source_path(out, "../shared/corpus");
	if (fl_fs_is_dir(out->ptr) != 1) {
		fl_buf_release(out);	/* skip() does not return */
		skip();
	}
	fl_buf_addf(out, "/%s", rel);
}

static void
test_format__corpus_lossless_and_idempotent(void **state)
{
	struct fl_pathlist files = { 0 };
	struct fl_buf dir = FL_BUF_INIT;
	unsigned formatted = 0, refused = 0;
	size_t i;

	corpus_path(&dir, ".");
	assert_int_equal(fl_fs_walk_json(&files, dir.ptr), 0);
	fl_pathlist_sort(&files);
	for (i = 0; i < files.n; i++) {
		struct fl_buf in = FL_BUF_INIT, out = FL_BUF_INIT;
		struct fl_format_info info;

		read_or_fail(&in, files.v[i]);
		if (format_text(&out, &info, fl_buf_str(&in)) != 0) {
			/* Only what cannot be kept whole may be refused. */
			if (!strstr(info.err_msg, "invalid JSON") &&
			    !strstr(info.err_msg, "duplicate key"))
				fail_msg("%s: refused: %s", files.v[i],
				    info.err_msg);
			refused++;
		} else {
			assert_canonical(files.v[i], fl_buf_str(&in),
			    fl_buf_str(&out));
			formatted++;
		}
		fl_buf_release(&in);
		fl_buf_release(&out);
	}
	print_message("corpus: %u files formatted, %u refused\n", formatted,
	    refused);
	assert_true(formatted > 0);
	assert_true(refused <= formatted / 10);
	fl_pathlist_release(&files);
	fl_buf_release(&dir);
}

/*
 * What the exporter wrote is already canonical, byte for byte, also the
 * files committed without a final newline.
 */
static void
test_format__exporter_files_unchanged(void **state)
{
	unsigned same = 0, no_newline = 0;
	size_t d, i;

	for (d = 0; d < sizeof(exported_dirs) / sizeof(exported_dirs[0]); d++) {
		struct fl_pathlist files = { 0 };
		struct fl_buf dir = FL_BUF_INIT;

		corpus_path(&dir, "reference-monorepo/imports/resources");
		fl_buf_addf(&dir, "/%s", exported_dirs[d]);
		assert_int_equal(fl_fs_walk_json(&files, dir.ptr), 0);
		for (i = 0; i < files.n; i++) {
			struct fl_buf in = FL_BUF_INIT, out = FL_BUF_INIT;
			struct fl_format_info info;

			read_or_fail(&in, files.v[i]);
			if (format_text(&out, &info, fl_buf_str(&in)) != 0)
				fail_msg("%s: refused: %s", files.v[i],
				    info.err_msg);
			if (!fl_str_eq(fl_buf_str(&in), fl_buf_str(&out)))
				fail_msg("%s: formatting changed an exported "
				    "file", files.v[i]);
			same++;
			no_newline += in.len > 0 && in.ptr[in.len - 1] != '\n';
			fl_buf_release(&in);
			fl_buf_release(&out);
		}
		fl_pathlist_release(&files);
		fl_buf_release(&dir);
	}
	print_message("exported files: %u unchanged, %u of them without a "
	    "final newline\n", same, no_newline);
	assert_true(same >= 10 && no_newline >= 5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format__value_comparison_is_strict),
		cmocka_unit_test(test_format__cases),
		cmocka_unit_test(test_format__output_limit),
		cmocka_unit_test(test_format__shape_reported_on_refusal),
		cmocka_unit_test(test_format__corpus_lossless_and_idempotent),
		cmocka_unit_test(test_format__exporter_files_unchanged),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
