/*
 * Unit tests for diag/fingerprint.c: the documented definition (pinned
 * values computed independently from fingerprint.h's text), stability
 * under edits that move findings, and distinct values for identical
 * findings.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "lint_fixture.h"
#include "diag/fingerprint.h"
#include "util/buf.h"

#define QUEUE_ARN "arn:aws:connect:eu-west-2:111122223333:instance/" \
	"6f3d2a91-4b7e-4c58-9e21-d84a7b0c35e6/queue/" \
	"2b8e7c14-93d5-4f6a-a1c7-5e0f9b3d8264"

/* Three actions share "x" (two FL307), "q" is unreachable and has an ARN. */
#define DUP_ACTIONS \
	"    {\"Identifier\": \"x\", \"Type\": \"DisconnectParticipant\", " \
	"\"Parameters\": {}, \"Transitions\": {}},\n" \
	"    {\"Identifier\": \"x\", \"Type\": \"DisconnectParticipant\", " \
	"\"Parameters\": {}, \"Transitions\": {}},\n" \
	"    {\"Identifier\": \"x\", \"Type\": \"DisconnectParticipant\", " \
	"\"Parameters\": {}, \"Transitions\": {}},\n" \
	"    {\"Identifier\": \"q\", \"Type\": \"UpdateContactTargetQueue\", " \
	"\"Parameters\": {\"QueueId\": \"" QUEUE_ARN "\"}, " \
	"\"Transitions\": {\"NextAction\": \"x\"}}\n"

static const char dup_flow[] =
	"{\n  \"Version\": \"2019-10-30\",\n  \"StartAction\": \"x\",\n"
	"  \"Actions\": [\n" DUP_ACTIONS "  ]\n}\n";

/*
 * The same flow after unrelated edits: blank lines and a new key above,
 * and a new first action (every action index moves by one).
 */
static const char dup_flow_edited[] =
	"{\n\n\n  \"Version\": \"2019-10-30\",\n"
	"  \"Description\": \"edited\",\n  \"StartAction\": \"x\",\n"
	"  \"Actions\": [\n"
	"    {\"Identifier\": \"first\", \"Type\": \"DisconnectParticipant\", "
	"\"Parameters\": {}, \"Transitions\": {}},\n"
	DUP_ACTIONS "  ]\n}\n";

static void
test_fingerprint__pointer_below_the_action(void **state)
{
	struct fl_diag d = { 0 };

	assert_int_equal(fl_fingerprint_pointer(&d).len, 0);
	d.pointer = "/Actions/7/Parameters/QueueId";
	/* Without an action the index is all there is. */
	assert_true(fl_str_eq_cstr(fl_fingerprint_pointer(&d),
	    "/Actions/7/Parameters/QueueId"));
	d.action = fl_str_cstr("q");
	assert_true(fl_str_eq_cstr(fl_fingerprint_pointer(&d),
	    "/Parameters/QueueId"));
	d.pointer = "/Actions/7";
	assert_true(fl_str_eq_cstr(fl_fingerprint_pointer(&d), ""));
	d.pointer = "/Actions/7x/Identifier";
	assert_true(fl_str_eq_cstr(fl_fingerprint_pointer(&d),
	    "/Actions/7x/Identifier"));
	d.pointer = "/Metadata/ActionMetadata/q/position";
	assert_true(fl_str_eq_cstr(fl_fingerprint_pointer(&d),
	    "/Metadata/ActionMetadata/q/position"));
}

/* The index of the n-th finding of `code` in `r` (fails the test when
 * there is none). */
static unsigned
nth(const struct fl_result *r, const char *code, unsigned n)
{
	unsigned i;

	for (i = 0; i < r->diags.n; i++)
		if (strcmp(r->diags.v[i].rule->code, code) == 0 && n-- == 0)
			return i;
	fail_msg("no %s finding", code);
	return 0;	/* not reached: fail_msg() jumps out of the test */
}

static void
test_fingerprint__pinned_definition(void **state)
{
	struct fl_result r;
	struct fl_fingerprint fp[8];
	unsigned i;

	lint_text(&r, &env, "somewhere/else/dup.json", dup_flow);
	assert_true(r.diags.n <= 8);
	fl_fingerprint_diags(fp, &r.diags, r.flow.name, "imports/dup.json");
	/*
	 * sha256(b"flowlint/v1\n" + F("FL307") + F("imports/dup.json") +
	 * F("dup") + F("x") + F("/Identifier") + F("0")), F(x) =
	 * str(len(x)) + ":" + x, computed with Python's hashlib.
	 */
	i = nth(&r, "FL307", 0);
	assert_string_equal(fp[i].hex, "b45b2443bddf19aded37a17137e50434"
	    "a4ccd9e4cd26f4078cf11dcc5a687749");
	assert_int_equal(fp[i].occurrence, 0);
	i = nth(&r, "FL307", 1);
	assert_string_equal(fp[i].hex, "87cb5a3133fd3f7f5d3f0705a6ad0b47"
	    "b46f80d19bb7ac493bf805ee568a9b23");
	assert_int_equal(fp[i].occurrence, 1);
	i = nth(&r, "FL101", 0);
	assert_string_equal(fp[i].hex, "261953eefa602a09aa1e8d5df2c04135"
	    "24912afc1e3a706bc8ca51934645d9f5");
	fl_result_release(&r);
}

static bool
has(const struct fl_fingerprint *fp, unsigned n, const char *hex)
{
	unsigned i;

	for (i = 0; i < n; i++)
		if (strcmp(fp[i].hex, hex) == 0)
			return true;
	return false;
}

static void
test_fingerprint__stable_when_findings_move(void **state)
{
	struct fl_result a, b;
	struct fl_fingerprint fa[8], fb[8];
	unsigned i;

	lint_text(&a, &env, "dup.json", dup_flow);
	lint_text(&b, &env, "dup.json", dup_flow_edited);
	assert_true(a.diags.n >= 4 && a.diags.n <= 8 && b.diags.n <= 8);
	fl_fingerprint_diags(fa, &a.diags, a.flow.name, "imports/dup.json");
	fl_fingerprint_diags(fb, &b.diags, b.flow.name, "imports/dup.json");
	/* Every finding moved down, and its action's index grew by one. */
	assert_true(b.diags.v[0].line > a.diags.v[0].line);
	for (i = 0; i < a.diags.n; i++)
		assert_true(has(fb, b.diags.n, fa[i].hex));
	/* Only the new action's own finding (unreachable) is new. */
	assert_int_equal(b.diags.n, a.diags.n + 1);
	fl_result_release(&a);
	fl_result_release(&b);
}

/* The count of findings of `l` that fl_diag_same() pairs with `d`. */
static unsigned
same_count(const struct fl_diag_list *l, const struct fl_diag *d)
{
	unsigned i, n = 0;

	for (i = 0; i < l->n; i++)
		n += fl_diag_same(&l->v[i], d) &&
		    fl_diag_cmp_identity(&l->v[i], d) == 0;
	return n;
}

/*
 * "The same finding" in two versions (diag.h), which diff matches
 * findings by: the action's index is no part of it, the action and the
 * rest of the pointer are.
 */
static void
test_fingerprint__same_finding_when_it_moves(void **state)
{
	struct fl_result a, b;
	struct fl_diag other;
	unsigned i;

	lint_text(&a, &env, "dup.json", dup_flow);
	lint_text(&b, &env, "dup.json", dup_flow_edited);
	i = nth(&a, "FL101", 0);
	assert_string_equal(a.diags.v[i].pointer,
	    "/Actions/3/Parameters/QueueId");
	assert_string_equal(b.diags.v[nth(&b, "FL101", 0)].pointer,
	    "/Actions/4/Parameters/QueueId");
	for (i = 0; i < a.diags.n; i++)
		assert_int_not_equal(same_count(&b.diags, &a.diags.v[i]), 0);
	/* The same rule and pointer in another action is another. */
	other = a.diags.v[nth(&a, "FL101", 0)];
	other.action = fl_str_cstr("elsewhere");
	assert_int_equal(same_count(&a.diags, &other), 0);
	assert_true(fl_diag_cmp_identity(&other, &a.diags.v[nth(&a, "FL101",
	    0)]) < 0);
	fl_result_release(&a);
	fl_result_release(&b);
}

static void
test_fingerprint__distinct_for_distinct_findings(void **state)
{
	struct fl_result r;
	struct fl_fingerprint fp[8], other[8];
	unsigned i, j;

	lint_text(&r, &env, "dup.json", dup_flow);
	fl_fingerprint_diags(fp, &r.diags, r.flow.name, "imports/dup.json");
	for (i = 0; i < r.diags.n; i++) {
		assert_int_equal(strlen(fp[i].hex), FL_FINGERPRINT_HEX);
		for (j = 0; j < i; j++)
			assert_string_not_equal(fp[i].hex, fp[j].hex);
	}
	/* The same findings in another file are other findings. */
	fl_fingerprint_diags(other, &r.diags, r.flow.name, "imports/copy.json");
	for (i = 0; i < r.diags.n; i++)
		assert_false(has(fp, r.diags.n, other[i].hex));
	fl_result_release(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fingerprint__pointer_below_the_action),
		cmocka_unit_test(test_fingerprint__pinned_definition),
		cmocka_unit_test(test_fingerprint__stable_when_findings_move),
		cmocka_unit_test(test_fingerprint__same_finding_when_it_moves),
		cmocka_unit_test(
		    test_fingerprint__distinct_for_distinct_findings),
	};

	return cmocka_run_group_tests(tests, lint_fixture_setup,
	    lint_fixture_teardown);
}
