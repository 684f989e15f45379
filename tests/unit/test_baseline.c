/*
 * The baseline: what identifies a finding (never its line), counting
 * equal findings, writing and reading back, and the errors of a
 * damaged baseline file.
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

static char *
key_of(const char *path, const char *flow, const struct fl_diag *d)
{
	struct fl_buf b = FL_BUF_INIT;

	fl_baseline_key(&b, d->rule->code, path, fl_str_cstr(flow), d->action,
	    d->pointer);
	return fl_buf_detach(&b, NULL);
}

static void
test_baseline__key_ignores_position_and_action_index(void **state)
{
	struct fl_diag a = diag(&fl_rule_dangling_flow_attribute, "a1",
	    "/Actions/7/Parameters/QueueId", 4);
	struct fl_diag b = diag(&fl_rule_dangling_flow_attribute, "a1",
	    "/Actions/8/Parameters/QueueId", 90);
	struct fl_diag c = diag(&fl_rule_dangling_flow_attribute, "a2",
	    "/Actions/7/Parameters/QueueId", 4);
	struct fl_diag none = diag(&fl_rule_invalid_json, NULL, NULL, 1);
	struct fl_diag meta = diag(&fl_rule_hardcoded_arn, "a1",
	    "/Metadata/ActionMetadata/a1/audio/0/id", 4);
	struct fl_diag noact = diag(&fl_rule_missing_start_action, NULL,
	    "/Actions/3/x", 1);
	char *ka = key_of("f.json", "main", &a), *kb = key_of("f.json", "main",
	    &b), *kc = key_of("f.json", "main", &c);
	char *k;

	assert_string_equal(ka, kb);
	assert_string_not_equal(ka, kc);
	assert_string_equal(ka, "FL303\x1f" "f.json\x1f" "main\x1f" "a1\x1f"
	    "/Parameters/QueueId");
	k = key_of("f.json", "main", &none);
	assert_string_equal(k, "FL001\x1f" "f.json\x1f" "main\x1f\x1f");
	free(k);
	k = key_of("f.json", "main", &meta);
	assert_string_equal(k, "FL101\x1f" "f.json\x1f" "main\x1f" "a1\x1f"
	    "/Metadata/ActionMetadata/a1/audio/0/id");
	free(k);
	/* Without an action the index is all there is: kept. */
	k = key_of("f.json", "main", &noact);
	assert_string_equal(k, "FL302\x1f" "f.json\x1f" "main\x1f\x1f"
	    "/Actions/3/x");
	free(k);
	/* /Actions/12x is not an action index. */
	{
		struct fl_diag odd = diag(&fl_rule_hardcoded_arn, "a1",
		    "/Actions/12x/y", 1);

		k = key_of("f.json", "main", &odd);
		assert_non_null(strstr(k, "/Actions/12x/y"));
		free(k);
	}
	/* FNV-1a 64 of "a". */
	assert_true(fl_baseline_fingerprint(fl_str_cstr("a")) ==
	    0xaf63dc4c8601ec8cull);
	free(ka);
	free(kb);
	free(kc);
}

static void
test_baseline__round_trip_and_counts(void **state)
{
	char path[] = "/tmp/fl-baseline-XXXXXX";
	struct fl_baseline rec = { 0 }, in;
	struct fl_diag a = diag(&fl_rule_dangling_placeholder, "a1",
	    "/Actions/2/Parameters/QueueId", 4);
	struct fl_diag a2 = diag(&fl_rule_dangling_placeholder, "a1",
	    "/Actions/5/Parameters/QueueId", 40);
	struct fl_diag w = diag(&fl_rule_unused_object_map_entry, "m",
	    "/Actions/0/Parameters/FlowAttributes/x", 4);
	struct fl_str flow = fl_str_cstr("main");
	struct fl_buf text = FL_BUF_INIT;
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	close(fd);
	/* The same finding twice (two placeholders in one string). */
	fl_baseline_add(&rec, "flows/b.json", flow, &a);
	fl_baseline_add(&rec, "flows/b.json", flow, &a);
	fl_baseline_add(&rec, "flows/a.json", flow, &w);
	assert_int_equal(fl_baseline_write(&rec, path), 0);
	assert_int_equal(fl_fs_read(&text, path, 1 << 20), 0);
	assert_non_null(strstr(text.ptr, "\"code\": \"FL204\", \"path\": "
	    "\"flows/a.json\""));
	assert_true(strstr(text.ptr, "flows/a.json") <
	    strstr(text.ptr, "flows/b.json"));
	assert_non_null(strstr(text.ptr, "\"pointer\": \"/Parameters/QueueId\", "
	    "\"count\": 2, \"fingerprint\": \""));
	assert_null(strstr(text.ptr, "\"line\""));

	assert_int_equal(fl_baseline_load(&in, path), 0);
	assert_int_equal(in.n, 2);
	/* Moved down the file and to another index: still known, twice. */
	assert_true(fl_baseline_take(&in, "flows/b.json", flow, &a2));
	assert_true(fl_baseline_take(&in, "flows/b.json", flow, &a));
	assert_false(fl_baseline_take(&in, "flows/b.json", flow, &a));
	assert_false(fl_baseline_take(&in, "flows/c.json", flow, &a));
	assert_int_equal(fl_baseline_unmatched(&in), 1);
	assert_true(fl_baseline_take(&in, "flows/a.json", flow, &w));
	assert_int_equal(fl_baseline_unmatched(&in), 0);
	fl_baseline_release(&in);
	fl_baseline_release(&rec);

	/* An empty baseline is valid. */
	assert_int_equal(fl_baseline_write(&rec, path), 0);
	assert_int_equal(fl_baseline_load(&in, path), 0);
	assert_int_equal(in.n, 0);
	assert_false(fl_baseline_take(&in, "x", flow, &a));
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
	EXPECT("{\"version\": 1, \"findings\": [", "1:29: unexpected end of "
	    "input");
	EXPECT("[]", "1:1: not a flowlint baseline (expected {\"version\": 1, "
	    "\"findings\": [...]})");
	EXPECT("{\"version\": 2, \"findings\": []}", "1:13: unsupported "
	    "baseline version (this flowlint reads version 1)");
	EXPECT("{\"version\": 1, \"findings\": [{\"path\": \"a\"}]}", "1:29: "
	    "finding without \"code\"");
	EXPECT("{\"version\": 1, \"findings\": [{\"code\": \"FL101\", \"path\": "
	    "\"a\", \"line\": 4}]}", "1:60: unknown key \"line\" in a finding");
	EXPECT("{\"version\": 1, \"findings\": [{\"code\": \"FL101\", \"path\": "
	    "\"a\", \"count\": 0}]}", "1:69: \"count\" must be a positive whole "
	    "number");
	EXPECT("{\"version\": 1, \"findings\": [{\"code\": \"FL101\", \"path\": "
	    "\"a\", \"flow\": 3}]}", "1:68: \"flow\" must be a string or null");
	EXPECT("{\"version\": 1, \"findings\": [3]}", "1:29: a finding must be "
	    "an object");
#undef EXPECT
	assert_string_equal(load_error(path, "{\"version\": 1, \"findings\": "
	    "[{\"code\": \"FL101\", \"path\": \"a\", \"flow\": null, \"action\": "
	    "null, \"pointer\": null, \"count\": 3, \"fingerprint\": \"x\", "
	    "\"message\": \"m\"}]}"), "");
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_baseline__key_ignores_position_and_action_index),
		cmocka_unit_test(test_baseline__round_trip_and_counts),
		cmocka_unit_test(test_baseline__damaged_files),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
