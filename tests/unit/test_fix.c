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
#include "lint/fix.h"
#include "inventory/inventory.h"
#include "lint_helper.h"
#include "rules/environments.h"
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
	{ FL_RES_LAMBDA, "acme-lookup", NULL },
};

/*
 * The account of the Lambda functions below is the flow's own because
 * the configuration says so for own.json: no Connect ARN there tells.
 */
static char *own_accounts[] = { "123456789012" };
static const struct fl_environment own = {
	.name = "own", .accounts = own_accounts, .naccounts = 1,
};
static struct fl_file_configs files;

static int
setup(void **state)
{
	struct fl_file_config c = { .environments = 1 };
	size_t i;

	lint_env_init(&env);
	fl_file_configs_add(&files, "own.json", &c);
	env.opts.environments = &own;
	env.opts.nenvironments = 1;
	env.opts.files = &files;
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
	fl_file_configs_release(&files);
	lint_env_release(&env);
	return 0;
}

/* Fixes `text` (every fix, or only `only`); returns the new text (malloc). */
static char *
fix_text(const char *path, const char *text, const char *only, int *err,
    unsigned *nfixed)
{
	struct fl_fix_options fo = { .lint = &env.opts };
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

/* Fixes the file `path` and checks that a second fix changes nothing. */
static char *
fix_ok_at(const char *path, const char *text, const char *only)
{
	char *once, *twice;
	int err;

	once = fix_text(path, text, only, &err, NULL);
	if (once == NULL)
		fail_msg("fix failed: %s", fl_error_msg());
	twice = fix_text(path, once, only, &err, NULL);
	assert_non_null(twice);
	assert_string_equal(once, twice);
	free(twice);
	return once;
}

static char *
fix_ok(const char *text, const char *only)
{
	return fix_ok_at("t.json", text, only);
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
	char *s = fix_ok_at("own.json", WRAP("a",
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

/*
 * A Lambda the inventory's Lambda sources do not list stays inline: in
 * the map it would be a reference the deploy step cannot resolve (FL303).
 */
static void
test_fix__unknown_lambda_stays_inline(void **state)
{
	char *s = fix_ok_at("own.json", WRAP("a",
	    "\\\"a\\\":{\\\"position\\\":{\\\"x\\\":100,\\\"y\\\":20}}",
	    "{\\\"Identifier\\\":\\\"a\\\",\\\"Type\\\":\\\"InvokeLambdaFunction\\\","
	    "\\\"Parameters\\\":{\\\"LambdaFunctionARN\\\":\\\"arn:aws:lambda:"
	    "us-east-1:123456789012:function:not-in-inventory\\\"},"
	    "\\\"Transitions\\\":{}}"), NULL);

	assert_non_null(strstr(s, "arn:aws:lambda:$.AwsRegion:${ACCT_ID}:"
	    "function:not-in-inventory"));
	assert_null(strstr(s, "FLOW_OBJECT_MAPS#"));
	free(s);
}

/* A raw document, pretty-printed with 2 spaces, from the given members. */
#define RAW_FLOW(start, meta, actions) \
	"{\n  \"Version\": \"2019-10-30\",\n  \"StartAction\": \"" start "\",\n" \
	"  \"Metadata\": {\n    \"entryPointPosition\": {\"x\": 0, \"y\": 0},\n" \
	"    \"ActionMetadata\": {" meta "}\n  },\n  \"Actions\": [" actions "]\n}\n"

#define MAP_ACTION(entries, next) \
	"\n    {\n      \"Identifier\": \"FLOW_OBJECT_MAPS#\",\n" \
	"      \"Type\": \"UpdateFlowAttributes\",\n" \
	"      \"Parameters\": {\"FlowAttributes\": {" entries "}},\n" \
	"      \"Transitions\": {\"NextAction\": \"" next "\"}\n    }"

#define QUEUE_ACTION(id, value, next) "," QUEUE_BODY(id, value, next)
#define QUEUE_BODY(id, value, next) \
	"\n    {\n      \"Identifier\": \"" id "\",\n" \
	"      \"Type\": \"UpdateContactTargetQueue\",\n" \
	"      \"Parameters\": {\"QueueId\": \"" value "\"},\n" \
	"      \"Transitions\": {\"NextAction\": \"" next "\"}\n    }"

#define END_ACTION \
	",\n    {\n      \"Identifier\": \"end\",\n" \
	"      \"Type\": \"DisconnectParticipant\",\n" \
	"      \"Parameters\": {},\n      \"Transitions\": {}\n    }\n  "

#define SALES "arn:aws:connect:${REGION}:${ACCT_ID}:instance/${INSTANCE_ID}/queue/${Q:sales:Q}"

static void
test_fix__unused_entries_removed_with_their_commas(void **state)
{
	const char *in = RAW_FLOW("FLOW_OBJECT_MAPS#", "",
	    MAP_ACTION("\"a\": {\"Value\": \"x\"}, \"sales\": {\"Value\": \""
	    SALES "\"}, \"b\": {\"Value\": \"y\"}, \"c\": {\"Value\": \"z\"}", "q")
	    QUEUE_ACTION("q", "$.FlowAttributes.sales", "end") END_ACTION);
	char *s = fix_ok(in, "FL204");

	assert_string_equal(s, RAW_FLOW("FLOW_OBJECT_MAPS#", "",
	    MAP_ACTION("\"sales\": {\"Value\": \"" SALES "\"}", "q")
	    QUEUE_ACTION("q", "$.FlowAttributes.sales", "end") END_ACTION));
	free(s);
}

static void
test_fix__all_entries_removed_leaves_an_empty_map(void **state)
{
	const char *in = RAW_FLOW("FLOW_OBJECT_MAPS#", "",
	    MAP_ACTION("\"a\": {\"Value\": \"x\"}, \"b\": {\"Value\": \"y\"}", "end")
	    END_ACTION);
	char *s = fix_ok(in, NULL);

	assert_string_equal(s, RAW_FLOW("FLOW_OBJECT_MAPS#", "",
	    MAP_ACTION("", "end") END_ACTION));
	free(s);
}

static void
test_fix__orphan_metadata_removed(void **state)
{
	const char *in = RAW_FLOW("end",
	    "\n      \"gone\": {\"position\": {\"x\": 1, \"y\": 2}},"
	    "\n      \"end\": {\"position\": {\"x\": 3, \"y\": 4}},"
	    "\n      \"also-gone\": {\"position\": {\"x\": 5, \"y\": 6}}\n    ",
	    "\n    {\n      \"Identifier\": \"end\",\n"
	    "      \"Type\": \"DisconnectParticipant\",\n"
	    "      \"Parameters\": {},\n      \"Transitions\": {}\n    }\n  ");
	char *s = fix_ok(in, NULL);

	assert_string_equal(s, RAW_FLOW("end",
	    "\n      \"end\": {\"position\": {\"x\": 3, \"y\": 4}}\n    ",
	    "\n    {\n      \"Identifier\": \"end\",\n"
	    "      \"Type\": \"DisconnectParticipant\",\n"
	    "      \"Parameters\": {},\n      \"Transitions\": {}\n    }\n  "));
	free(s);
}

static void
test_fix__dynamic_metadata_marked_in_the_file_layout(void **state)
{
	const char *in = RAW_FLOW("FLOW_OBJECT_MAPS#",
	    "\n      \"q\": {\n        \"position\": {\"x\": 3, \"y\": 4},\n"
	    "        \"useDynamic\": false\n      }\n    ",
	    MAP_ACTION("\"sales\": {\"Value\": \"" SALES "\"}", "q")
	    QUEUE_ACTION("q", "$.FlowAttributes.sales", "end") END_ACTION);
	char *s = fix_ok(in, NULL);

	assert_string_equal(s, RAW_FLOW("FLOW_OBJECT_MAPS#",
	    "\n      \"q\": {\n        \"position\": {\"x\": 3, \"y\": 4},\n"
	    "        \"useDynamic\": true,\n"
	    "        \"parameters\": {\n          \"QueueId\": {\n"
	    "            \"useDynamic\": true\n          }\n        }\n"
	    "      }\n    ",
	    MAP_ACTION("\"sales\": {\"Value\": \"" SALES "\"}", "q")
	    QUEUE_ACTION("q", "$.FlowAttributes.sales", "end") END_ACTION));
	free(s);
}

/* `text` with CR LF line ends and a tab for each two leading spaces. */
static char *
crlf_tabs(const char *text)
{
	struct fl_buf b = FL_BUF_INIT;
	bool bol = true;

	for (; *text != '\0'; text++) {
		if (bol && text[0] == ' ' && text[1] == ' ') {
			fl_buf_addch(&b, '\t');
			text++;
			continue;
		}
		bol = *text == '\n';
		if (bol)
			fl_buf_addch(&b, '\r');
		fl_buf_addch(&b, *text);
	}
	return fl_buf_detach(&b, NULL);
}

static void
test_fix__crlf_and_tabs_are_followed(void **state)
{
	char *in = crlf_tabs(RAW_FLOW("FLOW_OBJECT_MAPS#",
	    "\n      \"q\": {\n        \"position\": {\"x\": 3, \"y\": 4}\n"
	    "      },\n      \"gone\": {}\n    ",
	    MAP_ACTION("\"sales\": {\"Value\": \"" SALES "\"}", "q")
	    QUEUE_ACTION("q", "$.FlowAttributes.sales", "end") END_ACTION));
	char *want = crlf_tabs(RAW_FLOW("FLOW_OBJECT_MAPS#",
	    "\n      \"q\": {\n        \"position\": {\"x\": 3, \"y\": 4},\n"
	    "        \"parameters\": {\n          \"QueueId\": {\n"
	    "            \"useDynamic\": true\n          }\n        },\n"
	    "        \"useDynamic\": true\n      }\n    ",
	    MAP_ACTION("\"sales\": {\"Value\": \"" SALES "\"}", "q")
	    QUEUE_ACTION("q", "$.FlowAttributes.sales", "end") END_ACTION));
	char *s = fix_ok(in, NULL);

	assert_string_equal(s, want);
	free(s);
	free(in);
	free(want);
}

static void
test_fix__missing_map_inserted_with_entries_from_parameters(void **state)
{
	const char *in = RAW_FLOW("q", "",
	    "\n    {\n      \"Identifier\": \"q\",\n"
	    "      \"Type\": \"UpdateContactTargetQueue\",\n"
	    "      \"Parameters\": {\"QueueId\": \"$.FlowAttributes.sales\"},\n"
	    "      \"Transitions\": {\"NextAction\": \"end\"}\n    }" END_ACTION);
	char *s = fix_ok(in, "FL201");

	assert_string_equal(s, RAW_FLOW("FLOW_OBJECT_MAPS#",
	    "\n      \"FLOW_OBJECT_MAPS#\": {\n        \"position\": {\n"
	    "          \"x\": 0,\n          \"y\": 160\n        },\n"
	    "        \"isFriendlyName\": true\n      }\n    ",
	    "\n    {\n      \"Identifier\": \"q\",\n"
	    "      \"Type\": \"UpdateContactTargetQueue\",\n"
	    "      \"Parameters\": {\"QueueId\": \"$.FlowAttributes.sales\"},\n"
	    "      \"Transitions\": {\"NextAction\": \"end\"}\n    }"
	    ",\n    {\n      \"Identifier\": \"end\",\n"
	    "      \"Type\": \"DisconnectParticipant\",\n"
	    "      \"Parameters\": {},\n      \"Transitions\": {}\n    },\n"
	    "    {\n      \"Parameters\": {\n        \"FlowAttributes\": {\n"
	    "          \"sales\": {\n            \"Value\": \"" SALES "\"\n"
	    "          }\n        }\n      },\n"
	    "      \"Identifier\": \"FLOW_OBJECT_MAPS#\",\n"
	    "      \"Type\": \"UpdateFlowAttributes\",\n"
	    "      \"Transitions\": {\n        \"NextAction\": \"q\",\n"
	    "        \"Errors\": [\n          {\n            \"NextAction\": \"q\",\n"
	    "            \"ErrorType\": \"NoMatchingError\"\n          }\n"
	    "        ]\n      }\n    }\n  "));
	free(s);
}

#define QUEUE_ARN(acct) "arn:aws:connect:us-east-1:" acct \
	":instance/11111111-2222-4333-8444-555555555555/queue/" \
	"9e15b6d2-7c48-4a3f-b0e9-1d62f84c7a35"

static void
test_fix__existing_map_gains_the_entry(void **state)
{
	const char *in = RAW_FLOW("FLOW_OBJECT_MAPS#", "",
	    MAP_ACTION("\"sales\": {\"Value\": \"" SALES "\"}", "q")
	    QUEUE_ACTION("q", "$.FlowAttributes.sales", "q2")
	    QUEUE_ACTION("q2", QUEUE_ARN("123456789012"), "end") END_ACTION);
	char *s = fix_ok(in, NULL);
	const char *billing = "arn:aws:connect:${REGION}:${ACCT_ID}:instance/"
	    "${INSTANCE_ID}/queue/${Q:billing:Q}";
	char want[4096];

	snprintf(want, sizeof(want), "%s", RAW_FLOW("FLOW_OBJECT_MAPS#", "",
	    MAP_ACTION("\"sales\": {\"Value\": \"" SALES "\"}, \"billing\": "
	    "{\"Value\": \"%s\"}", "q")
	    QUEUE_ACTION("q", "$.FlowAttributes.sales", "q2")
	    QUEUE_ACTION("q2", "$.FlowAttributes.billing", "end") END_ACTION));
	{
		char expect[4096];

		snprintf(expect, sizeof(expect), want, billing);
		assert_string_equal(s, expect);
	}
	free(s);
}

static void
test_fix__map_that_does_not_dominate_keeps_the_arn_inline(void **state)
{
	/* The queue action is the start: the map runs after it. */
	const char *in = RAW_FLOW("q2", "",
	    MAP_ACTION("\"sales\": {\"Value\": \"" SALES "\"}", "end")
	    QUEUE_ACTION("q2", QUEUE_ARN("123456789012"), "FLOW_OBJECT_MAPS#")
	    END_ACTION);
	char *s = fix_ok(in, "FL101");

	assert_string_equal(s, RAW_FLOW("q2", "",
	    MAP_ACTION("\"sales\": {\"Value\": \"" SALES "\"}", "end")
	    QUEUE_ACTION("q2", "arn:aws:connect:${REGION}:${ACCT_ID}:instance/"
	    "${INSTANCE_ID}/queue/${Q:billing:Q}", "FLOW_OBJECT_MAPS#")
	    END_ACTION));
	free(s);
}

static void
test_fix__unknown_name_is_not_guessed(void **state)
{
	const char *in = RAW_FLOW("q", "",
	    "\n    {\n      \"Identifier\": \"q\",\n"
	    "      \"Type\": \"UpdateContactTargetQueue\",\n"
	    "      \"Parameters\": {\"QueueId\": \"arn:aws:connect:us-east-1:"
	    "123456789012:instance/11111111-2222-4333-8444-555555555555/queue/"
	    "aaaaaaaa-0000-4000-8000-000000000000\"},\n"
	    "      \"Transitions\": {\"NextAction\": \"end\"}\n    }" END_ACTION);
	const struct fl_diag *d;
	struct fl_result r;
	char *s = fix_ok(in, NULL);

	assert_string_equal(s, in);
	lint_text(&r, &env, "t.json", s);
	d = find_code(&r, "FL101");
	assert_non_null(d);
	assert_false(d->fixable);
	assert_non_null(strstr(d->message, "flowlint does not know the name "
	    "of queue aaaaaaaa-0000-4000-8000-000000000000; add it to the "
	    "inventory (the output of `aws connect list-queues`)"));
	fl_result_release(&r);
	free(s);
}

static void
test_fix__other_accounts_are_not_merged(void **state)
{
	const char *in = RAW_FLOW("q", "",
	    QUEUE_BODY("q", QUEUE_ARN("123456789012"), "q2")
	    QUEUE_ACTION("q2", QUEUE_ARN("210987654321"), "end") END_ACTION);
	const struct fl_diag *d;
	struct fl_result r;
	char *s = fix_ok(in, NULL);

	assert_string_equal(s, in);
	lint_text(&r, &env, "t.json", s);
	assert_int_equal(count_code(&r, "FL101"), 2);
	d = find_code(&r, "FL101");
	assert_false(d->fixable);
	assert_non_null(strstr(d->message, "more than one account"));
	fl_result_release(&r);
	free(s);
}

/*
 * Content written with escapes JSON.stringify would not use (\/ and
 * \u00e9): the bytes outside the fixed ARN stay as they were.
 */
static void
test_fix__noncanonical_escapes_outside_the_edit_are_kept(void **state)
{
	const char *in = WRAP("a",
	    "\\\"a\\\":{\\\"note\\\":\\\"caf\\u00e9 \\\\/ \\\\u00e9\\\"}",
	    "{\\\"Identifier\\\":\\\"a\\\",\\\"Type\\\":\\\"MessageParticipant\\\","
	    "\\\"Parameters\\\":{\\\"Text\\\":\\\"see\\/ arn:aws:lambda:us-east-1:"
	    "123456789012:function:x\\/y caf\\u00e9\\\"},"
	    "\\\"Transitions\\\":{}}");
	char *s = fix_ok_at("own.json", in, NULL);

	assert_string_equal(s, WRAP("a",
	    "\\\"a\\\":{\\\"note\\\":\\\"caf\\u00e9 \\\\/ \\\\u00e9\\\"}",
	    "{\\\"Identifier\\\":\\\"a\\\",\\\"Type\\\":\\\"MessageParticipant\\\","
	    "\\\"Parameters\\\":{\\\"Text\\\":\\\"see\\/ arn:aws:lambda:$.AwsRegion:"
	    "${ACCT_ID}:function:x/y caf\\u00e9\\\"},"
	    "\\\"Transitions\\\":{}}"));
	free(s);
}

static void
test_fix__absurd_positions_stay_in_range(void **state)
{
	char *s = fix_ok_at("own.json", "{\"Version\":\"2019-10-30\",\"StartAction\":\"a\","
	    "\"Metadata\":{\"entryPointPosition\":{\"x\":-1e999,\"y\":1e308},"
	    "\"ActionMetadata\":{}},\"Actions\":[{\"Identifier\":\"a\","
	    "\"Type\":\"InvokeLambdaFunction\",\"Parameters\":"
	    "{\"LambdaFunctionARN\":\"" LAMBDA_ARN "\"},\"Transitions\":{}}]}",
	    NULL);

	assert_non_null(strstr(s, "\"FLOW_OBJECT_MAPS#\":{\"position\":"
	    "{\"x\":0,\"y\":1000160}"));
	free(s);
}

static void
test_fix__select_limits_the_fixes(void **state)
{
	const char *in = RAW_FLOW("end",
	    "\n      \"gone\": {\"position\": {\"x\": 1, \"y\": 2}}\n    ",
	    "\n    {\n      \"Identifier\": \"end\",\n"
	    "      \"Type\": \"DisconnectParticipant\",\n"
	    "      \"Parameters\": {\"Note\": \"" QUEUE_ARN("123456789012")
	    "\"},\n      \"Transitions\": {}\n    }\n  ");
	unsigned fixed = 0;
	int err;
	char *s = fix_text("t.json", in, "FL305", &err, &fixed);

	assert_int_equal(fixed, 1);
	assert_non_null(strstr(s, QUEUE_ARN("123456789012")));
	assert_null(strstr(s, "gone"));
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
	assert_int_equal(r.diags.n, 0);
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
		cmocka_unit_test(test_fix__unknown_lambda_stays_inline),
		cmocka_unit_test(test_fix__unused_entries_removed_with_their_commas),
		cmocka_unit_test(test_fix__all_entries_removed_leaves_an_empty_map),
		cmocka_unit_test(test_fix__orphan_metadata_removed),
		cmocka_unit_test(test_fix__dynamic_metadata_marked_in_the_file_layout),
		cmocka_unit_test(test_fix__crlf_and_tabs_are_followed),
		cmocka_unit_test(test_fix__missing_map_inserted_with_entries_from_parameters),
		cmocka_unit_test(test_fix__existing_map_gains_the_entry),
		cmocka_unit_test(test_fix__map_that_does_not_dominate_keeps_the_arn_inline),
		cmocka_unit_test(test_fix__unknown_name_is_not_guessed),
		cmocka_unit_test(test_fix__other_accounts_are_not_merged),
		cmocka_unit_test(test_fix__noncanonical_escapes_outside_the_edit_are_kept),
		cmocka_unit_test(test_fix__absurd_positions_stay_in_range),
		cmocka_unit_test(test_fix__select_limits_the_fixes),
		cmocka_unit_test(test_fix__console_export_becomes_the_convention),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
