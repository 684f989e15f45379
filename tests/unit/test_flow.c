/*
 * Unit tests for the flow loader (flow/load.c), positions of findings
 * (inside Content too), references and the transition graph.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "flow/load.h"
#include "lint_fixture.h"

#define RAW_OK \
	"{\"Version\":\"2019-10-30\",\"StartAction\":\"a\",\"Metadata\":{}," \
	"\"Actions\":[{\"Identifier\":\"a\",\"Type\":\"DisconnectParticipant\"," \
	"\"Parameters\":{},\"Transitions\":{}}]}"

static void
test_flow__raw_document(void **state)
{
	struct fl_result r;

	lint_text(&r, &env, "dir/raw.json", RAW_OK);
	assert_int_equal(r.shape, FL_SHAPE_RAW);
	assert_true(r.flow_loaded);
	assert_int_equal(r.flow.nactions, 1);
	assert_int_equal(r.flow.start, 0);
	assert_true(fl_str_eq_cstr(r.flow.name, "raw"));
	assert_int_equal(r.diags.n, 0);
	fl_result_release(&r);
}

static void
test_flow__wrapped_string_content(void **state)
{
	struct fl_result r;

	lint_text(&r, &env, "w.json",
	    "{\n  \"Name\": \"w\",\n  \"Type\": \"CONTACT_FLOW\",\n"
	    "  \"Content\": \"{\\\"Version\\\":\\\"2019-10-30\\\","
	    "\\\"StartAction\\\":\\\"a\\\",\\\"Actions\\\":[{\\\"Identifier\\\":"
	    "\\\"a\\\",\\\"Type\\\":\\\"EndFlowExecution\\\",\\\"Transitions\\\":{}}]}\"\n}\n");
	assert_int_equal(r.shape, FL_SHAPE_WRAPPED);
	assert_true(r.flow.content_is_string);
	assert_false(r.flow.is_module);
	assert_true(fl_str_eq_cstr(r.flow.type, "CONTACT_FLOW"));
	assert_int_equal(r.diags.n, 0);
	fl_result_release(&r);
}

/*
 * fl_lint parses with Content left raw; every other string named Content
 * still reads decoded, in a raw document and beside a wrapper's Content.
 */
static void
test_flow__other_content_members_decoded(void **state)
{
	struct fl_result r;
	uint32_t params, tags;

	lint_text(&r, &env, "raw.json",
	    "{\"Version\":\"2019-10-30\",\"StartAction\":\"a\",\"Actions\":"
	    "[{\"Identifier\":\"a\",\"Type\":\"DisconnectParticipant\","
	    "\"Parameters\":{\"Content\":\"x\\ty\"},\"Transitions\":{}}]}");
	assert_int_equal(r.shape, FL_SHAPE_RAW);
	params = r.flow.actions[0].params;
	assert_true(fl_str_eq_cstr(fl_json_string(r.flow.doc,
	    fl_json_get(r.flow.doc, params, "Content")), "x\ty"));
	fl_result_release(&r);

	lint_text(&r, &env, "w.json",
	    "{\"Name\":\"w\",\"Type\":\"CONTACT_FLOW\",\"Tags\":{\"Content\":"
	    "\"x\\ty\"},\"Content\":\"{\\\"Version\\\":\\\"2019-10-30\\\","
	    "\\\"Actions\\\":[]}\"}");
	assert_true(r.flow.content_is_string);
	tags = fl_json_get(&r.flow.outer, FL_JSON_ROOT, "Tags");
	assert_true(fl_str_eq_cstr(fl_json_string(&r.flow.outer,
	    fl_json_get(&r.flow.outer, tags, "Content")), "x\ty"));
	assert_true(fl_str_eq_cstr(fl_json_string(&r.flow.outer,
	    fl_json_get(&r.flow.outer, FL_JSON_ROOT, "Content")),
	    "{\"Version\":\"2019-10-30\",\"Actions\":[]}"));
	fl_result_release(&r);
}

static void
test_flow__module_and_object_content(void **state)
{
	struct fl_result r;

	lint_text(&r, &env, "m.json", "{\"Name\":\"m\",\"Content\":" RAW_OK "}");
	assert_int_equal(r.shape, FL_SHAPE_WRAPPED);
	assert_false(r.flow.content_is_string);
	assert_true(r.flow.is_module);
	/* Read as the flow, but the deploy takes a string (FL008). */
	assert_int_equal(r.diags.n, 1);
	assert_string_equal(r.diags.v[0].code, "FL008");
	fl_result_release(&r);
}

static void
test_flow__api_response_and_contactflowtype(void **state)
{
	struct fl_result r;

	lint_text(&r, &env, "x.json", "{\"ContactFlow\":{\"Name\":\"x\","
	    "\"ContactFlowType\":\"CONTACT_FLOW\",\"Content\":" RAW_OK "}}");
	assert_int_equal(r.shape, FL_SHAPE_WRAPPED);
	assert_true(r.flow.api_response);
	assert_true(fl_str_eq_cstr(r.flow.type, "CONTACT_FLOW"));
	fl_result_release(&r);
}

static void
test_flow__not_a_flow_and_legacy(void **state)
{
	struct fl_result r;

	lint_text(&r, &env, "q.json", "{\"Name\":\"sales\",\"Type\":\"QUEUE\"}");
	assert_int_equal(r.shape, FL_SHAPE_NOT_FLOW);
	assert_int_equal(r.diags.n, 0);
	fl_result_release(&r);
	/* A view: Content object with string Actions but no StartAction. */
	lint_text(&r, &env, "v.json", "{\"Name\":\"v\",\"Type\":"
	    "\"CUSTOMER_MANAGED\",\"Content\":{\"Actions\":[\"Submit\"]}}");
	assert_int_equal(r.shape, FL_SHAPE_NOT_FLOW);
	fl_result_release(&r);
	lint_text(&r, &env, "l.json", "{\"modules\":[],\"version\":\"1\","
	    "\"start\":\"x\",\"metadata\":{}}");
	assert_int_equal(r.shape, FL_SHAPE_LEGACY);
	assert_int_equal(count_code(&r, "FL006"), 1);
	fl_result_release(&r);
}

static void
test_flow__invalid_json_position(void **state)
{
	struct fl_result r;
	const struct fl_diag *d;

	lint_text(&r, &env, "bad.json", "{\n  \"a\": 1,\n  \"b\" 2\n}\n");
	d = find_code(&r, "FL001");
	assert_non_null(d);
	assert_int_equal(d->line, 3);
	assert_int_equal(d->col, 7);
	fl_result_release(&r);
}

/*
 * A finding inside the stringified Content points at the value's first
 * byte on disk: the backslash of its escaped opening quote.
 */
static void
test_flow__position_inside_content(void **state)
{
	const char *text =
	    "{\n  \"Name\": \"p\",\n  \"Type\": \"CONTACT_FLOW\",\n"
	    "  \"Content\": \"{\\\"Version\\\":\\\"2019-10-30\\\","
	    "\\\"StartAction\\\":\\\"a\\\",\\\"Actions\\\":[{\\\"Identifier\\\":"
	    "\\\"a\\\",\\\"Type\\\":\\\"TransferToFlow\\\",\\\"Parameters\\\":"
	    "{\\\"ContactFlowId\\\":\\\"arn:aws:connect:us-east-1:123456789012:"
	    "instance/11111111-2222-3333-4444-555555555555/contact-flow/x\\\"},"
	    "\\\"Transitions\\\":{}}]}\"\n}\n";
	const char *needle = "\\\"arn:";
	const char *at = strstr(text, needle);
	const char *line4 = strstr(text, "  \"Content\"");
	struct fl_result r;
	const struct fl_diag *d;

	lint_text(&r, &env, "p.json", text);
	d = find_code(&r, "FL101");
	assert_non_null(d);
	assert_int_equal(d->line, 4);
	assert_int_equal(d->col, (unsigned)(at - line4) + 1);
	assert_string_equal(d->pointer, "/Actions/0/Parameters/ContactFlowId");
	assert_true(fl_str_eq_cstr(d->action, "a"));
	fl_result_release(&r);
}

/* Actions must not be empty: a flow with none is a stub FL302 skips. */
#define ONE_ACTION "{\"Identifier\":\"a\",\"Type\":\"DisconnectParticipant\"}"

static void
test_flow__crlf_and_bom_positions(void **state)
{
	struct fl_result r;
	const struct fl_diag *d;

	lint_text(&r, &env, "c.json", "\xEF\xBB\xBF{\"Version\":\"2019-10-30\","
	    "\"StartAction\":\"zz\",\r\n\"Actions\":[" ONE_ACTION "]}\r\n");
	d = find_code(&r, "FL302");
	assert_non_null(d);
	assert_int_equal(d->line, 1);
	assert_int_equal(d->col, 39);	/* BOM not counted */
	fl_result_release(&r);
	lint_text(&r, &env, "c.json", "{\r\n\"Version\":\"2019-10-30\",\r\n"
	    "\"StartAction\":\"zz\",\r\n\"Actions\":[" ONE_ACTION "]}\r\n");
	d = find_code(&r, "FL302");
	assert_non_null(d);
	assert_int_equal(d->line, 3);
	assert_int_equal(d->col, 15);
	fl_result_release(&r);
}

static void
test_flow__content_not_json(void **state)
{
	struct fl_result r;
	const struct fl_diag *d;

	/* The bad byte is the 'x' at offset 31 of the file. */
	lint_text(&r, &env, "t.json",
	    "{\"Name\":\"t\",\"Content\":\"{\\\"Ver\\\"x\"}");
	d = find_code(&r, "FL002");
	assert_non_null(d);
	assert_int_equal(d->line, 1);
	assert_int_equal(d->col, 32);
	assert_false(r.flow_loaded);
	fl_result_release(&r);
}

static void
test_flow__references(void **state)
{
	struct fl_result r;
	const struct fl_flow *f;
	unsigned i, arns = 0, phs = 0, attrs = 0;

	lint_text(&r, &env, "refs.json",
	    "{\"Version\":\"2019-10-30\",\"StartAction\":\"a\",\"Metadata\":"
	    "{\"ActionMetadata\":{\"a\":{\"audio\":[{\"id\":\"arn:aws:connect:"
	    "${REGION}:${ACCT_ID}:instance/${INSTANCE_ID}/prompt/${P:hi.wav:P}\"}]}}},"
	    "\"Actions\":[{\"Identifier\":\"a\",\"Type\":\"MessageParticipant\","
	    "\"Parameters\":{\"Text\":\"queue $.FlowAttributes.q1 and "
	    "$.FlowAttributes.['x y']\"},\"Transitions\":{}}]}");
	f = &r.flow;
	for (i = 0; i < f->nrefs; i++) {
		const struct fl_ref *ref = &f->refs[i];

		if (ref->kind == FL_REF_ARN) {
			arns++;
			assert_true(ref->in_metadata);
			assert_int_equal(ref->action, 0);
			assert_true(fl_str_eq_cstr(ref->u.arn.kind, "prompt"));
			assert_true(fl_str_eq_cstr(ref->u.arn.instance,
			    "${INSTANCE_ID}"));
		} else if (ref->kind == FL_REF_PLACEHOLDER) {
			phs++;
			assert_true(ref->u.ph.replacer_ok);
			assert_true(fl_str_eq_cstr(ref->u.ph.name, "hi.wav"));
		} else {
			attrs++;
			assert_false(ref->in_metadata);
		}
	}
	assert_int_equal(arns, 1);
	assert_int_equal(phs, 1);
	assert_int_equal(attrs, 2);
	/* Portable ARN: no FL101.  "q1 and" runs on; bracket form: FL401. */
	assert_int_equal(count_code(&r, "FL101"), 0);
	assert_int_equal(count_code(&r, "FL401"), 2);
	fl_result_release(&r);
}

static void
test_flow__reach_avoiding_a_node(void **state)
{
	struct fl_result r;
	uint8_t *all, *bypass;
	struct fl_arena a;

	/* s -> m -> x ; s -> y (error branch) -> x */
	lint_text(&r, &env, "g.json",
	    "{\"Version\":\"2019-10-30\",\"StartAction\":\"s\",\"Actions\":["
	    "{\"Identifier\":\"s\",\"Type\":\"T\",\"Transitions\":{\"NextAction\":"
	    "\"m\",\"Errors\":[{\"NextAction\":\"y\",\"ErrorType\":\"E\"}]}},"
	    "{\"Identifier\":\"m\",\"Type\":\"T\",\"Transitions\":{\"NextAction\":\"x\"}},"
	    "{\"Identifier\":\"y\",\"Type\":\"T\",\"Transitions\":{\"NextAction\":\"x\"}},"
	    "{\"Identifier\":\"x\",\"Type\":\"T\",\"Transitions\":{}},"
	    "{\"Identifier\":\"z\",\"Type\":\"T\",\"Transitions\":{}}]}");
	fl_arena_init(&a);
	all = fl_flow_reach(&r.flow, &a, FL_NO_ACTION);
	assert_non_null(all);
	assert_int_equal(all[0] + all[1] + all[2] + all[3] + all[4], 4);
	assert_int_equal(all[4], 0);
	bypass = fl_flow_reach(&r.flow, &a, 1);	/* without m */
	assert_int_equal(bypass[3], 1);		/* x still reachable via y */
	assert_int_equal(count_code(&r, "FL306"), 1);
	fl_arena_release(&a);
	fl_result_release(&r);
}

/* Lints `text` as the file `path`, which the run places `d`. */
static void
lint_placed(struct fl_result *r, const char *path, enum fl_deploy d,
    const char *text)
{
	struct fl_file_config c = { .deploy = d };

	fl_result_init(r, fl_xstrdup(path), fl_xstrdup(text), strlen(text));
	lint_result_as(r, &env, &c);
}

/*
 * FL003 also catches a flow moved into a subfolder of the flows folder;
 * where a file stands is the run's to say, not its path's.
 */
static void
test_flow__name_mismatch_subfolder(void **state)
{
	const char *text = "{\"Name\":\"sub\",\"Type\":\"CONTACT_FLOW\","
	    "\"Content\":" RAW_OK "}";
	struct fl_result r;

	lint_placed(&r, "imports/resources/flows/team/sub.json",
	    FL_DEPLOY_NESTED, text);
	assert_int_equal(count_code(&r, "FL003"), 1);
	assert_non_null(strstr(find_code(&r, "FL003")->message, "subfolder"));
	fl_result_release(&r);
	lint_placed(&r, "repo/imports/resources/flows/sub.json",
	    FL_DEPLOY_FLAT, text);
	assert_int_equal(count_code(&r, "FL003"), 0);
	fl_result_release(&r);
	lint_placed(&r, "other/flows/team/sub.json", FL_DEPLOY_UNREAD, text);
	assert_int_equal(count_code(&r, "FL003"), 0);
	fl_result_release(&r);
	/* No layout found: the path alone decides nothing. */
	lint_placed(&r, "imports/resources/flows/team/sub.json",
	    FL_DEPLOY_UNKNOWN, text);
	assert_int_equal(count_code(&r, "FL003"), 0);
	fl_result_release(&r);
}

/* Marks that say a broken file was meant to be a flow, and look-alikes. */
static void
test_flow__marks(void **state)
{
	static const char *const marked[] = {
		"{\"StartAction\": \"a\",",
		"{\"Content\": \"{\\\"StartAction\\\":\\\"a\\\",",
		"{\"ContactFlowType\": \"CONTACT_FLOW\" // x",
		"{\"Actions\": [{\"Transitions\": {}},]}",
		"{\"modules\": [], \"start\": \"x\",",
	};
	static const char *const unmarked[] = {
		"{\"compilerOptions\": {\"strict\": true,}}",
		"{\"Actions\": [],}",			/* no Transitions */
		"{\"name\": \"StartActionHelper\",}",	/* not a key */
		"// StartAction\n{",
		"\"StartAction",			/* at the end */
	};
	size_t i;

	for (i = 0; i < sizeof(marked) / sizeof(*marked); i++)
		assert_true(fl_flow_marked(marked[i], strlen(marked[i])));
	for (i = 0; i < sizeof(unmarked) / sizeof(*unmarked); i++)
		assert_false(fl_flow_marked(unmarked[i], strlen(unmarked[i])));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flow__raw_document),
		cmocka_unit_test(test_flow__wrapped_string_content),
		cmocka_unit_test(test_flow__other_content_members_decoded),
		cmocka_unit_test(test_flow__module_and_object_content),
		cmocka_unit_test(test_flow__api_response_and_contactflowtype),
		cmocka_unit_test(test_flow__not_a_flow_and_legacy),
		cmocka_unit_test(test_flow__marks),
		cmocka_unit_test(test_flow__invalid_json_position),
		cmocka_unit_test(test_flow__position_inside_content),
		cmocka_unit_test(test_flow__crlf_and_bom_positions),
		cmocka_unit_test(test_flow__content_not_json),
		cmocka_unit_test(test_flow__references),
		cmocka_unit_test(test_flow__reach_avoiding_a_node),
		cmocka_unit_test(test_flow__name_mismatch_subfolder),
	};

	return cmocka_run_group_tests(tests, lint_fixture_setup,
	    lint_fixture_teardown);
}
