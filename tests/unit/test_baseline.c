/*
 * The baseline: matching by fingerprint (what the fingerprint holds is
 * tested in test_fingerprint.c), writing and reading back, and the
 * errors of a damaged baseline file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/baseline.h"
#include "rules/rule.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

static struct fl_diag
diag(const struct fl_rule *rule, const char *action, const char *pointer,
    uint32_t line)
{
	struct fl_diag d;

	memset(&d, 0, sizeof(d));
	d.rule = rule;
	d.severity = rule->severity;
	d.line = line;
	d.col = 7;
	d.message = "some message";
	d.action = action ? fl_str_cstr(action) : (struct fl_str){ NULL, 0 };
	d.pointer = pointer;
	return d;
}

/* A fingerprint whose 64 hex digits are all `c`. */
static struct fl_fingerprint
fp_of(char c)
{
	struct fl_fingerprint fp;

	memset(fp.hex, c, FL_FINGERPRINT_HEX);
	fp.hex[FL_FINGERPRINT_HEX] = '\0';
	fp.occurrence = 0;
	return fp;
}

static void
test_baseline__round_trip_by_fingerprint(void **state)
{
	char path[] = "/tmp/fl-baseline-XXXXXX";
	struct fl_baseline rec = { 0 }, in;
	struct fl_diag a = diag(&fl_rule_dangling_placeholder, "a1",
	    "/Actions/2/Parameters/QueueId", 4);
	struct fl_diag w = diag(&fl_rule_unused_object_map_entry, "m",
	    "/Actions/0/Parameters/FlowAttributes/x", 4);
	struct fl_fingerprint f1 = fp_of('1'), f2 = fp_of('2'), f3 = fp_of('3'),
	    f9 = fp_of('9');
	struct fl_str flow = fl_str_cstr("main");
	struct fl_buf text = FL_BUF_INIT;
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	close(fd);
	/* The same finding twice has two fingerprints (occurrence). */
	fl_baseline_add(&rec, &f2, "flows/b.json", flow, &a);
	fl_baseline_add(&rec, &f1, "flows/b.json", flow, &a);
	fl_baseline_add(&rec, &f3, "flows/a.json", flow, &w);
	assert_int_equal(fl_baseline_write(&rec, path), 0);
	assert_int_equal(fl_fs_read(&text, path, 1 << 20), 0);
	assert_non_null(strstr(text.ptr, "{\n  \"version\": 2,\n"));
	assert_non_null(strstr(text.ptr, "{\"fingerprint\": \"3333"));
	assert_non_null(strstr(text.ptr, "\", \"code\": \"FL204\", "
	    "\"path\": \"flows/a.json\", \"flow\": \"main\", \"action\": "
	    "\"m\", \"pointer\": \"/Parameters/FlowAttributes/x\", "
	    "\"message\": \"some message\"}"));
	/* Sorted by path, then code, then fingerprint. */
	assert_true(strstr(text.ptr, "flows/a.json") <
	    strstr(text.ptr, "flows/b.json"));
	assert_true(strstr(text.ptr, "1111") < strstr(text.ptr, "2222"));
	assert_null(strstr(text.ptr, "\"line\""));

	assert_int_equal(fl_baseline_load(&in, path), 0);
	assert_int_equal(in.n, 3);
	assert_true(fl_baseline_take(&in, &f1));
	assert_false(fl_baseline_take(&in, &f1));
	assert_false(fl_baseline_take(&in, &f9));
	assert_true(fl_baseline_take(&in, &f2));
	assert_int_equal(fl_baseline_unmatched(&in), 1);
	assert_true(fl_baseline_take(&in, &f3));
	assert_int_equal(fl_baseline_unmatched(&in), 0);
	fl_baseline_release(&in);
	fl_baseline_release(&rec);

	/* An empty baseline is valid. */
	assert_int_equal(fl_baseline_write(&rec, path), 0);
	assert_int_equal(fl_baseline_load(&in, path), 0);
	assert_int_equal(in.n, 0);
	assert_false(fl_baseline_take(&in, &f1));
	fl_baseline_release(&in);
	fl_buf_release(&text);
	unlink(path);
}

static const char *
load_error(const char *path, const char *text)
{
	struct fl_baseline b;
	FILE *f = fopen(path, "w");
	int err;

	fputs(text, f);
	fclose(f);
	fl_error_clear();
	err = fl_baseline_load(&b, path);
	fl_baseline_release(&b);
	return err == 0 ? "" : strrchr(fl_error_msg(), '/') + 1;
}

static void
test_baseline__damaged_files(void **state)
{
	char path[] = "/tmp/fl-baseline-XXXXXX";
	int fd = mkstemp(path);
	const char *base;

	assert_true(fd >= 0);
	close(fd);
	base = strrchr(path, '/') + 1;
#define EXPECT(text, want) do {                                         \
		char w[256];                                             \
		snprintf(w, sizeof(w), "%s:%s", base, want);             \
		assert_string_equal(load_error(path, text), w);          \
	} while (0)
#define FP "\"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\""
	EXPECT("{\"version\": 2, \"findings\": [", "1:29: unexpected end of "
	    "input");
	EXPECT("[]", "1:1: not a flowlint baseline (expected {\"version\": 2, "
	    "\"findings\": [...]})");
	EXPECT("{\"version\": 1, \"findings\": []}", "1:13: unsupported "
	    "baseline version (this flowlint reads version 2; rewrite the "
	    "baseline with --write-baseline)");
	EXPECT("{\"version\": 2, \"findings\": [{\"path\": \"a\"}]}", "1:29: "
	    "finding without \"fingerprint\"");
	EXPECT("{\"version\": 2, \"findings\": [{\"fingerprint\": " FP ", "
	    "\"line\": 4}]}", "1:113: unknown key \"line\" in a finding");
	EXPECT("{\"version\": 2, \"findings\": [{\"fingerprint\": \"3f0C\"}]}",
	    "1:45: \"fingerprint\" must be 64 lowercase hex digits");
	EXPECT("{\"version\": 2, \"findings\": [{\"fingerprint\": " FP ", "
	    "\"flow\": 3}]}", "1:121: \"flow\" must be a string or null");
	EXPECT("{\"version\": 2, \"findings\": [3]}", "1:29: a finding must be "
	    "an object");
#undef EXPECT
	assert_string_equal(load_error(path, "{\"version\": 2, \"findings\": "
	    "[{\"fingerprint\": " FP ", \"code\": \"FL101\", \"path\": \"a\", "
	    "\"flow\": null, \"action\": null, \"pointer\": null, "
	    "\"message\": \"m\"}]}"), "");
#undef FP
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_baseline__round_trip_by_fingerprint),
		cmocka_unit_test(test_baseline__damaged_files),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
