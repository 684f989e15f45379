/*
 * Unit tests for the fixer (src/fix/): text edits, the fix of every
 * fixable rule, escaping inside Content, layout of pretty-printed files,
 * names the inventory lacks, idempotence, and the example console export
 * in flows/ fixed with an inventory into the reference convention.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "fix/edit.h"
#include "fix/fix.h"
#include "inventory/inventory.h"
#include "lint_helper.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

static struct lint_env env;
static struct fl_inventory *inv;

/* The instance behind the example console export (flows/), by ID. */
static const struct {
	enum fl_res_kind kind;
	const char *name, *id;
} northwind[] = {
	{ FL_RES_QUEUE, "billing", "9e15b6d2-7c48-4a3f-b0e9-1d62f84c7a35" },
	{ FL_RES_QUEUE, "outages", "0b4c8e2a-6d1f-4a97-b3e5-8f20c1d7a964" },
	{ FL_RES_FLOW, "nw_customer_queue", "58c2f0a7-e1b4-4d96-8f3a-a2e7c95d4b18" },
	{ FL_RES_MODULE, "nw_auth_module", "c47a1e9d-2f63-4b85-8d1e-73b9a4f0e512" },
	{ FL_RES_PROMPT, "nw_billing_welcome.wav",
	  "2b8e7c14-93d5-4f6a-a1c7-5e0f9b3d8264" },
	{ FL_RES_LEX_BOT, "NorthwindBilling/live", "K7NWBQ4RTX/LV3R8T5PZC" },
	{ FL_RES_LAMBDA, "nw-account-lookup", NULL },
};

static int
setup(void **state)
{
	size_t i;

	lint_env_init(&env);
	inv = fl_inventory_new();
	for (i = 0; i < sizeof(northwind) / sizeof(northwind[0]); i++)
		fl_inventory_add(inv, northwind[i].kind, northwind[i].name,
		    northwind[i].id, NULL, "test inventory");
	env.opts.inventory = inv;
	return 0;
}

static int
teardown(void **state)
{
	fl_inventory_free(inv);
	lint_env_release(&env);
	return 0;
}

/* Fixes `text` (every fix, or only `only`); returns the new text (malloc). */
static char *
fix_text(const char *path, const char *text, const char *only, int *err,
    unsigned *nfixed)
{
	struct fl_fix_options fo = { &env.opts, NULL };
	bool enabled[FL_MAX_RULES] = { false };
	struct fl_fix_outcome out;
	struct fl_result r;
	char *s;

	if (only != NULL) {
		enabled[fl_rule_index(fl_rule_find(only))] = true;
		fo.enabled = enabled;
	}
	lint_text(&r, &env, path, text);
	*err = fl_fix_file(&out, &r, &fo, env.m);
	if (*err != 0) {
		fl_result_release(&r);
		return NULL;
	}
	s = fl_xstrndup(out.final->src.text, out.final->src.len);
	if (nfixed != NULL)
		*nfixed = out.nfixed;
	fl_fix_outcome_release(&out);
	fl_result_release(&r);
	return s;
}

/* Fixes and checks that a second fix changes nothing. */
static char *
fix_ok(const char *text, const char *only)
{
	char *once, *twice;
	int err;

	once = fix_text("t.json", text, only, &err, NULL);
	if (once == NULL)
		fail_msg("fix failed: %s", fl_error_msg());
	twice = fix_text("t.json", once, only, &err, NULL);
	assert_non_null(twice);
	assert_string_equal(once, twice);
	free(twice);
	return once;
}

static void
test_fix__edits_sorted_and_conflicts_refused(void **state)
{
	struct fl_edits e = { 0 };
	struct fl_buf out = FL_BUF_INIT;

	fl_edits_add(&e, 6, 11, FL_STR_LIT("there"));
	fl_edits_add(&e, 0, 5, FL_STR_LIT("HELLO"));
	fl_edits_add(&e, 11, 11, FL_STR_LIT("!"));
	assert_int_equal(fl_edits_apply(&out, "hello world", 11, &e), 0);
	assert_string_equal(out.ptr, "HELLO there!");
	assert_true(fl_edits_conflict(&e, 3, 7));
	assert_true(fl_edits_conflict(&e, 11, 11));
	assert_false(fl_edits_conflict(&e, 5, 6));

	fl_edits_add(&e, 4, 8, FL_STR_LIT("x"));
	fl_buf_reset(&out);
	assert_int_equal(fl_edits_apply(&out, "hello world", 11, &e), FL_EINVAL);
	fl_edits_reset(&e);
	fl_edits_add(&e, 2, 40, FL_STR_LIT("x"));
	fl_buf_reset(&out);
	assert_int_equal(fl_edits_apply(&out, "hello world", 11, &e), FL_EINVAL);
	fl_edits_release(&e);
	fl_buf_release(&out);
}

#define LAMBDA_ARN "arn:aws:lambda:us-east-1:123456789012:function:acme-lookup"

/* A wrapped flow whose Content holds `actions` and `meta` (escaped). */
#define WRAP(start, meta, actions) \
	"{\n  \"Name\": \"t\",\n  \"Type\": \"CONTACT_FLOW\",\n  \"Content\": " \
	"\"{\\\"Version\\\":\\\"2019-10-30\\\",\\\"StartAction\\\":\\\"" start "\\\"," \
	"\\\"Metadata\\\":{\\\"entryPointPosition\\\":{\\\"x\\\":10,\\\"y\\\":20}," \
	"\\\"ActionMetadata\\\":{" meta "}},\\\"Actions\\\":[" actions "]}\"\n}\n"

static void
test_fix__lambda_moves_into_a_new_object_map(void **state)
{
	char *s = fix_ok(WRAP("a",
	    "\\\"a\\\":{\\\"position\\\":{\\\"x\\\":100,\\\"y\\\":20}}",
	    "{\\\"Identifier\\\":\\\"a\\\",\\\"Type\\\":\\\"InvokeLambdaFunction\\\","
	    "\\\"Parameters\\\":{\\\"LambdaFunctionARN\\\":\\\"" LAMBDA_ARN "\\\"},"
	    "\\\"Transitions\\\":{\\\"NextAction\\\":\\\"b\\\"}},"
	    "{\\\"Identifier\\\":\\\"b\\\",\\\"Type\\\":\\\"DisconnectParticipant\\\","
	    "\\\"Parameters\\\":{},\\\"Transitions\\\":{}}"), NULL);

	assert_string_equal(s, WRAP("FLOW_OBJECT_MAPS#",
	    "\\\"a\\\":{\\\"position\\\":{\\\"x\\\":100,\\\"y\\\":20},"
	    "\\\"parameters\\\":{\\\"LambdaFunctionARN\\\":{\\\"useDynamic\\\":true}},"
	    "\\\"useDynamic\\\":true},"
	    "\\\"FLOW_OBJECT_MAPS#\\\":{\\\"position\\\":{\\\"x\\\":10,\\\"y\\\":180},"
	    "\\\"isFriendlyName\\\":true}",
	    "{\\\"Identifier\\\":\\\"a\\\",\\\"Type\\\":\\\"InvokeLambdaFunction\\\","
	    "\\\"Parameters\\\":{\\\"LambdaFunctionARN\\\":"
	    "\\\"$.FlowAttributes.acme-lookup\\\"},"
	    "\\\"Transitions\\\":{\\\"NextAction\\\":\\\"b\\\"}},"
	    "{\\\"Identifier\\\":\\\"b\\\",\\\"Type\\\":\\\"DisconnectParticipant\\\","
	    "\\\"Parameters\\\":{},\\\"Transitions\\\":{}},"
	    "{\\\"Parameters\\\":{\\\"FlowAttributes\\\":{\\\"acme-lookup\\\":"
	    "{\\\"Value\\\":\\\"arn:aws:lambda:$.AwsRegion:${ACCT_ID}:function:"
	    "acme-lookup\\\"}}},\\\"Identifier\\\":\\\"FLOW_OBJECT_MAPS#\\\","
	    "\\\"Type\\\":\\\"UpdateFlowAttributes\\\",\\\"Transitions\\\":"
	    "{\\\"NextAction\\\":\\\"a\\\",\\\"Errors\\\":[{\\\"NextAction\\\":"
	    "\\\"a\\\",\\\"ErrorType\\\":\\\"NoMatchingError\\\"}]}}"));
	free(s);
}

/* The bytes of a file of the source tree, or NULL (test skipped). */
static char *
source_file(const char *rel)
{
	const char *src = getenv("FLOWLINT_SOURCE_DIR");
	struct fl_buf b = FL_BUF_INIT;
	char path[1024];

	if (src == NULL)
		return NULL;
	snprintf(path, sizeof(path), "%s/%s", src, rel);
	if (fl_fs_read(&b, path, FL_FS_MAX_FILE) != 0) {
		fl_buf_release(&b);
		return NULL;
	}
	return fl_buf_detach(&b, NULL);
}

static void
test_fix__console_export_becomes_the_convention(void **state)
{
	char *in = source_file("flows/imports/resources/flows/"
	    "nw_billing_console_export.json");
	struct fl_result r;
	char *s;

	if (in == NULL)
		skip();
	s = fix_ok(in, NULL);
	lint_text(&r, &env, "nw_billing_console_export.json", s);
	assert_int_equal(r.ndiags, 0);
	fl_result_release(&r);
	free(s);
	free(in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fix__edits_sorted_and_conflicts_refused),
		cmocka_unit_test(test_fix__lambda_moves_into_a_new_object_map),
		cmocka_unit_test(test_fix__console_export_becomes_the_convention),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
