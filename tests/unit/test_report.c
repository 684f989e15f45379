/*
 * Unit tests for the machine-readable reports (report/codequality.c,
 * sarif.c, junit.c), the spans they are built from (lint.c), and how
 * --format/--output pairs become a list of reports (report/list.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "json/json.h"
#include "lint_fixture.h"
#include "report/list.h"
#include "report/report.h"
#include "util/arena.h"
#include "util/error.h"

#define QUEUE_ARN "arn:aws:connect:eu-west-2:111122223333:instance/" \
	"6f3d2a91-4b7e-4c58-9e21-d84a7b0c35e6/queue/" \
	"2b8e7c14-93d5-4f6a-a1c7-5e0f9b3d8264"

/*
 * A wrapped export whose Content holds, on the file's one long line, a
 * note with characters of two and four UTF-8 bytes (one and two UTF-16
 * units) before a hardcoded queue ARN.
 */
static const char wrapped[] =
	"{\"Name\":\"w\",\"Type\":\"CONTACT_FLOW\",\"Content\":\"{"
	"\\\"Version\\\":\\\"2019-10-30\\\",\\\"StartAction\\\":\\\"q\\\","
	"\\\"Metadata\\\":{\\\"note\\\":\\\"\xc3\xa9\xf0\x9f\x98\x80\\\"},"
	"\\\"Actions\\\":[{\\\"Identifier\\\":\\\"q\\\",\\\"Type\\\":"
	"\\\"UpdateContactTargetQueue\\\",\\\"Parameters\\\":{\\\"QueueId\\\":"
	"\\\"" QUEUE_ARN "\\\"},\\\"Transitions\\\":{\\\"NextAction\\\":"
	"\\\"d\\\"}},{\\\"Identifier\\\":\\\"d\\\",\\\"Type\\\":"
	"\\\"DisconnectParticipant\\\",\\\"Parameters\\\":{},"
	"\\\"Transitions\\\":{}}]}\"}\n";

static void
test_report__span_of_a_value_inside_content(void **state)
{
	struct fl_result r;
	const struct fl_diag *d;
	static const char want[] = "\\\"" QUEUE_ARN "\\\"";

	lint_text(&r, &env, "w.json", wrapped);
	d = find_code(&r, "FL101");
	assert_non_null(d);
	/* The value as written in the file: escaped quotes included. */
	assert_int_equal(d->len, sizeof(want) - 1);
	assert_memory_equal(r.src.text + d->off, want, d->len);
	fl_result_release(&r);
}

static void
test_report__span_of_a_key(void **state)
{
	struct fl_result r;
	const struct fl_diag *d;

	lint_text(&r, &env, "k.json", "{\"Version\":\"2019-10-30\","
	    "\"StartAction\":\"a\", \"StartAction\" : \"a\",\"Actions\":"
	    "[{\"Identifier\":\"a\",\"Type\":\"DisconnectParticipant\","
	    "\"Transitions\":{}}]}");
	d = find_code(&r, "FL004");
	assert_non_null(d);
	assert_int_equal(d->len, 13);
	assert_memory_equal(r.src.text + d->off, "\"StartAction\"", 13);
	fl_result_release(&r);
}

/* Runs one format over `r` and returns what it wrote (caller frees). */
static char *
render(const struct fl_report_format *f, struct fl_result *r, size_t *len)
{
	struct fl_report rep = { 0 };
	struct fl_report_totals t = { 0 };
	struct fl_report_file view;
	char *text = NULL;

	rep.format = f;
	rep.out = open_memstream(&text, len);
	assert_non_null(rep.out);
	f->begin(&rep);
	if (r != NULL) {
		fl_result_fingerprinted(r);
		fl_result_report_file(r, &view);
		f->file(&rep, &view);
	}
	f->end(&rep, &t);
	fclose(rep.out);
	return text;
}

static uint32_t
get(const struct fl_json_doc *d, uint32_t obj, const char *path)
{
	char key[64];
	const char *dot;

	while ((dot = strchr(path, '.')) != NULL) {
		snprintf(key, sizeof(key), "%.*s", (int)(dot - path), path);
		obj = fl_json_get(d, obj, key);
		assert_int_not_equal(obj, FL_JSON_NONE);
		path = dot + 1;
	}
	obj = fl_json_get(d, obj, path);
	assert_int_not_equal(obj, FL_JSON_NONE);
	return obj;
}

static const char *
get_str(struct fl_arena *a, const struct fl_json_doc *d, uint32_t obj,
    const char *path)
{
	uint32_t n = get(d, obj, path);

	assert_int_equal(d->nodes[n].type, FL_JSON_STRING);
	return fl_arena_strndup(a, d->nodes[n].str.ptr, d->nodes[n].str.len);
}

static long
get_num(const struct fl_json_doc *d, uint32_t obj, const char *path)
{
	uint32_t n = get(d, obj, path);

	assert_int_equal(d->nodes[n].type, FL_JSON_NUMBER);
	return strtol(d->nodes[n].str.ptr, NULL, 10);
}

static void
parse(struct fl_json_doc *doc, struct fl_arena *a, const char *text,
    size_t len)
{
	struct fl_json_error err;

	if (fl_json_parse(doc, a, text, len, &err) != 0)
		fail_msg("invalid JSON at %zu: %s", err.off, err.msg);
}

static void
test_report__codequality_entries_are_complete(void **state)
{
	struct fl_result r;
	struct fl_json_doc doc;
	struct fl_arena a;
	uint32_t it, n = 0;
	size_t len;
	char *text;

	fl_arena_init(&a);
	lint_text(&r, &env, "nowhere/flows/w.json", wrapped);
	text = render(&fl_report_codequality, &r, &len);
	parse(&doc, &a, text, len);
	assert_int_equal(doc.nodes[FL_JSON_ROOT].type, FL_JSON_ARRAY);
	fl_json_foreach(&doc, FL_JSON_ROOT, it) {
		const char *sev = get_str(&a, &doc, it, "severity");

		assert_true(strncmp(get_str(&a, &doc, it, "description"),
		    "[FL", 3) == 0);
		assert_true(strncmp(get_str(&a, &doc, it, "check_name"),
		    "FL", 2) == 0);
		assert_int_equal(strlen(get_str(&a, &doc, it, "fingerprint")),
		    64);
		assert_true(strcmp(sev, "major") == 0 ||
		    strcmp(sev, "minor") == 0 || strcmp(sev, "info") == 0);
		/* A folder that does not exist: the path as given. */
		assert_string_equal(get_str(&a, &doc, it, "location.path"),
		    "nowhere/flows/w.json");
		assert_int_equal(get_num(&doc, it, "location.lines.begin"), 1);
		n++;
	}
	assert_int_equal(n, r.diags.n);
	assert_true(n > 0);
	free(text);
	/* No findings: an empty array, still valid. */
	text = render(&fl_report_codequality, NULL, &len);
	assert_string_equal(text, "[]\n");
	free(text);
	fl_result_release(&r);
	fl_arena_release(&a);
}

static void
test_report__sarif_columns_count_utf16_units(void **state)
{
	struct fl_result r;
	struct fl_json_doc doc;
	struct fl_arena a;
	const struct fl_diag *d;
	uint32_t run, it, found = 0;
	size_t len;
	char *text;

	fl_arena_init(&a);
	lint_text(&r, &env, "nowhere/w.json", wrapped);
	d = find_code(&r, "FL101");
	assert_non_null(d);
	text = render(&fl_report_sarif, &r, &len);
	parse(&doc, &a, text, len);
	assert_string_equal(get_str(&a, &doc, FL_JSON_ROOT, "version"),
	    "2.1.0");
	run = fl_json_first(&doc, get(&doc, FL_JSON_ROOT, "runs"));
	assert_string_equal(get_str(&a, &doc, run, "columnKind"),
	    "utf16CodeUnits");
	/* Every registered rule, in registry order (ruleIndex relies on it). */
	assert_int_equal(doc.nodes[get(&doc, run, "tool.driver.rules")].count,
	    fl_rule_count);
	fl_json_foreach(&doc, get(&doc, run, "results"), it) {
		uint32_t loc = fl_json_first(&doc, get(&doc, it, "locations"));
		const char *rule = get_str(&a, &doc, it, "ruleId");

		assert_int_equal(get_num(&doc, it, "ruleIndex"),
		    fl_rule_index(fl_rule_find(rule)));
		assert_string_equal(get_str(&a, &doc, loc,
		    "physicalLocation.artifactLocation.uri"), "nowhere/w.json");
		assert_int_equal(strlen(get_str(&a, &doc, it,
		    "partialFingerprints.flowlint/v1")), 64);
		if (strcmp(rule, "FL101") != 0)
			continue;
		found++;
		/* é is 2 bytes and 1 unit, the emoji 4 bytes and 2 units. */
		assert_int_equal(get_num(&doc, loc,
		    "physicalLocation.region.startColumn"), d->col - 3);
		assert_int_equal(get_num(&doc, loc,
		    "physicalLocation.region.endColumn"),
		    d->col - 3 + (long)d->len);
		assert_int_equal(get_num(&doc, loc,
		    "physicalLocation.region.endLine"), 1);
	}
	assert_int_equal(found, 1);
	free(text);
	fl_result_release(&r);
	fl_arena_release(&a);
}

static void
test_report__junit_cases(void **state)
{
	struct fl_result r;
	size_t len;
	char *text, *p;
	unsigned cases = 0, failures = 0;

	lint_text(&r, &env, "nowhere/w.json", wrapped);
	text = render(&fl_report_junit, &r, &len);
	for (p = text; (p = strstr(p, "<testcase ")) != NULL; p++)
		cases++;
	for (p = text; (p = strstr(p, "<failure ")) != NULL; p++)
		failures++;
	/* The file's own case, and one per finding; all of them fail. */
	assert_int_equal(cases, r.diags.n + 1);
	assert_int_equal(failures, r.diags.n + 1);
	assert_non_null(strstr(text, "<testcase name=\"[FL101 hardcoded-arn] "
	    "nowhere/w.json action q /Parameters/QueueId: queue ARN "
	    "hardcodes"));
	assert_non_null(strstr(text, ">nowhere/w.json:1:"));
	free(text);
	fl_result_release(&r);

	/* A clean file is one passing case. */
	lint_text(&r, &env, "nowhere/ok.json", "{\"Version\":\"2019-10-30\","
	    "\"StartAction\":\"a\",\"Actions\":[{\"Identifier\":\"a\","
	    "\"Type\":\"DisconnectParticipant\",\"Parameters\":{},"
	    "\"Transitions\":{}}]}");
	assert_int_equal(r.diags.n, 0);
	text = render(&fl_report_junit, &r, &len);
	assert_non_null(strstr(text, "<testsuite name=\"nowhere/ok.json\" "
	    "tests=\"1\" failures=\"0\""));
	assert_non_null(strstr(text, "<testcase name=\"nowhere/ok.json\" "
	    "classname=\"nowhere/ok.json\" file=\"nowhere/ok.json\" "
	    "time=\"0\"></testcase>"));
	assert_null(strstr(text, "<failure"));
	free(text);
	fl_result_release(&r);
}

static void
test_report__junit_escapes_what_xml_cannot_hold(void **state)
{
	struct fl_result r;
	size_t len;
	char *text;

	/* FL001's message quotes no bytes, but the path is ours to choose. */
	lint_text(&r, &env, "nowhere/a&b<\x01>\xff.json", "{");
	text = render(&fl_report_junit, &r, &len);
	assert_non_null(strstr(text, "a&amp;b&lt;\xef\xbf\xbd&gt;"
	    "\xef\xbf\xbd.json"));
	assert_null(strstr(text, "\x01"));
	free(text);
	fl_result_release(&r);
}

/* The list's reports as "format>path" pairs ("-" for stdout). */
static void
expect_list(struct fl_report_list *l, const char *want)
{
	char got[256] = "";
	size_t i;

	assert_int_equal(fl_report_list_finish(l), 0);
	for (i = 0; i < l->n; i++)
		snprintf(got + strlen(got), sizeof(got) - strlen(got),
		    "%s%s>%s", i ? " " : "", l->v[i].rep.format->name,
		    l->v[i].path ? l->v[i].path : "-");
	assert_string_equal(got, want);
	fl_report_list_release(l);
}

static void
test_report__format_output_pairs(void **state)
{
	struct fl_report_list l = FL_REPORT_LIST_INIT;

	expect_list(&l, "text>-");
	fl_report_list_add_format(&l, "json");
	expect_list(&l, "json>-");
	/* A file alone is the text report's; text still goes to stdout. */
	fl_report_list_add_output(&l, "out.txt");
	expect_list(&l, "text>out.txt text>-");
	fl_report_list_add_format(&l, "codequality");
	fl_report_list_add_output(&l, "cq.json");
	fl_report_list_add_format(&l, "junit");
	fl_report_list_add_output(&l, "j.xml");
	expect_list(&l, "codequality>cq.json junit>j.xml text>-");
	/* --output before its --format, as in "-o FILE -f FORMAT". */
	fl_report_list_add_output(&l, "s.sarif");
	fl_report_list_add_format(&l, "sarif");
	fl_report_list_add_format(&l, "json");
	expect_list(&l, "sarif>s.sarif json>-");
}

static void
test_report__bad_format_output_pairs(void **state)
{
	struct fl_report_list l = FL_REPORT_LIST_INIT;

	assert_int_equal(fl_report_list_add_format(&l, "xml"), FL_EINVAL);
	assert_non_null(strstr(fl_error_msg(), "unknown format 'xml'"));
	fl_report_list_release(&l);

	fl_report_list_add_format(&l, "json");
	fl_report_list_add_format(&l, "sarif");
	assert_int_equal(fl_report_list_finish(&l), FL_EINVAL);
	assert_non_null(strstr(fl_error_msg(), "only one report can go to "
	    "standard output"));
	fl_report_list_release(&l);

	fl_report_list_add_format(&l, "json");
	fl_report_list_add_output(&l, "a.json");
	fl_report_list_add_output(&l, "b.json");
	assert_int_equal(fl_report_list_finish(&l), FL_EINVAL);
	assert_non_null(strstr(fl_error_msg(), "--output 'b.json' has no "
	    "--format after it"));
	fl_report_list_release(&l);

	fl_report_list_add_format(&l, "json");
	fl_report_list_add_output(&l, "r");
	fl_report_list_add_format(&l, "sarif");
	fl_report_list_add_output(&l, "r");
	assert_int_equal(fl_report_list_finish(&l), FL_EINVAL);
	assert_non_null(strstr(fl_error_msg(), "two reports would go to 'r'"));
	fl_report_list_release(&l);

	fl_report_list_add_output(&l, "a");
	assert_int_equal(fl_report_list_add_output(&l, "b"), FL_EINVAL);
	fl_report_list_release(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report__span_of_a_value_inside_content),
		cmocka_unit_test(test_report__span_of_a_key),
		cmocka_unit_test(test_report__codequality_entries_are_complete),
		cmocka_unit_test(test_report__sarif_columns_count_utf16_units),
		cmocka_unit_test(test_report__junit_cases),
		cmocka_unit_test(
		    test_report__junit_escapes_what_xml_cannot_hold),
		cmocka_unit_test(test_report__format_output_pairs),
		cmocka_unit_test(test_report__bad_format_output_pairs),
	};

	return cmocka_run_group_tests(tests, lint_fixture_setup,
	    lint_fixture_teardown);
}
