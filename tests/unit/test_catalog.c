/*
 * Unit tests for the action catalog (flow/catalog.c): the built-in data
 * names a source for every entry and covers every action Type that a
 * console export in the corpora or flows/ uses; extensions replace and
 * add entries; a bad entry is an error at its file, line and column.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "corpus_helper.h"
#include "flow/catalog.h"
#include "json/file.h"
#include "util/error.h"
#include "util/fs.h"

static int
add_text(struct fl_catalog *c, const char *text)
{
	struct fl_json_file f = { 0 };
	struct fl_buf b = FL_BUF_INIT;
	int err;

	fl_buf_adds(&b, text);
	err = fl_json_file_take(&f, "ext.json", &b, NULL);
	if (err == 0)
		err = fl_catalog_add(c, &f, FL_JSON_ROOT, NULL);
	fl_json_file_release(&f);
	fl_buf_release(&b);
	return err;
}

static void
test_catalog__every_builtin_entry_names_its_source(void **state)
{
	struct fl_catalog c;
	size_t i;

	fl_catalog_init(&c);
	assert_int_equal(fl_catalog_load_default(&c), 0);
	assert_true(c.n >= 60);
	for (i = 0; i < c.n; i++) {
		assert_non_null(c.v[i].source);
		assert_true(strlen(c.v[i].source) > 10);
		assert_true(c.v[i].kinds != 0);
	}
	fl_catalog_release(&c);
}

static void
test_catalog__builtin_entries_read_as_documented(void **state)
{
	const struct fl_cat_action *a;
	struct fl_catalog c;

	fl_catalog_init(&c);
	assert_int_equal(fl_catalog_load_default(&c), 0);
	a = fl_catalog_find(&c, FL_STR_LIT("CheckHoursOfOperation"));
	assert_non_null(a);
	assert_int_equal(a->conditions, FL_COND_RESTRICTED);
	assert_true(a->operands_all);
	assert_int_equal(a->operands.n, 2);
	assert_false(a->kinds & (1u << FL_KIND_CUSTOMER_HOLD));
	a = fl_catalog_find(&c, FL_STR_LIT("EndFlowModuleExecution"));
	assert_int_equal(a->kinds, 1u << FL_KIND_MODULE);
	assert_true(a->terminal);
	a = fl_catalog_find(&c, FL_STR_LIT("MessageParticipant"));
	assert_true(a->closed);
	assert_int_equal(a->ngroups, 1);
	assert_true(a->groups[0].required);
	assert_int_equal(fl_cat_action_param(a, FL_STR_LIT("PromptId"))->value,
	    FL_VALUE_PATH);
	assert_null(fl_catalog_find(&c, FL_STR_LIT("TransferToQueue")));
	/* What ends a loop (FL510): customer input, a transfer. */
	assert_true(fl_catalog_find(&c, FL_STR_LIT("GetParticipantInput"))
	    ->takes_input);
	assert_true(fl_catalog_find(&c, FL_STR_LIT("TransferContactToQueue"))
	    ->leaves_flow);
	assert_false(a->takes_input || a->leaves_flow);
	/* An alias, then the most shared words, then the edit distance. */
	assert_string_equal(fl_catalog_closest(&c,
	    FL_STR_LIT("TransferToQueue"))->type, "TransferContactToQueue");
	assert_string_equal(fl_catalog_closest(&c,
	    FL_STR_LIT("SendMessageToParticipant"))->type,
	    "MessageParticipant");
	assert_string_equal(fl_catalog_closest(&c,
	    FL_STR_LIT("Comparre"))->type, "Compare");
	fl_catalog_release(&c);
}

static void
test_catalog__extension_replaces_and_adds(void **state)
{
	struct fl_catalog c;
	size_t n;

	fl_catalog_init(&c);
	assert_int_equal(fl_catalog_load_default(&c), 0);
	n = c.n;
	assert_int_equal(add_text(&c, "{\"Brand\": {\"source\": \"x\", "
	    "\"flow-types\": [\"MODULE\"]}, \"Compare\": {\"source\": \"y\", "
	    "\"flow-types\": \"*\"}}"), 0);
	assert_int_equal(c.n, n + 1);
	assert_string_equal(fl_catalog_find(&c, FL_STR_LIT("Brand"))->source,
	    "x");
	assert_string_equal(fl_catalog_find(&c, FL_STR_LIT("Compare"))->source,
	    "y");
	assert_int_equal(fl_catalog_find(&c, FL_STR_LIT("Compare"))->conditions,
	    FL_COND_UNKNOWN);
	fl_catalog_release(&c);
}

static void
test_catalog__bad_entries_are_errors_at_their_position(void **state)
{
	static const struct {
		const char *text, *msg;
	} bad[] = {
		{ "[]", "ext.json:1:1: expected an object mapping" },
		{ "{\"A\": 1}", "ext.json:1:7: A: expected an object" },
		{ "{\"A\": {\"flow-types\": \"*\"}}", "ext.json:1:7: A.source:" },
		{ "{\"A\": {\"source\": \"s\"}}", "A.flow-types: missing" },
		{ "{\"A\": {\"source\": \"s\",\n \"flow-types\": [\"INBOUND\"]}}",
		  "ext.json:2:17: A.flow-types: expected a flow type" },
		{ "{\"A\": {\"source\": \"s\", \"flow-types\": \"*\", \"x\": 1}}",
		  "A: unknown key \"x\"" },
		{ "{\"A\": {\"source\": \"s\", \"flow-types\": \"*\", "
		  "\"parameters\": {\"P\": {\"value\": \"dynamic\"}}}}",
		  "A.parameters: \"P\".value: expected" },
		{ "{\"A\": {\"source\": \"s\", \"flow-types\": \"*\", "
		  "\"exclusive\": [{\"one-of\": [\"P\"]}]}}",
		  "A.exclusive: a group names at least two" },
		{ "{\"A\": {\"source\": \"s\", \"flow-types\": \"*\", "
		  "\"conditions\": {\"operands\": [1]}}}",
		  "A.conditions.operands: expected a non-empty string" },
		{ "{\"A\": {\"source\": \"s\", \"flow-types\": \"*\", "
		  "\"terminal\": \"yes\"}}", "A.terminal: expected true or false" },
		{ "{\"A\": {\"source\": \"s\", \"flow-types\": \"*\",\n "
		  "\"takes-input\": 1}}",
		  "ext.json:2:17: A.takes-input: expected true or false" },
		{ "{\"A\": {\"source\": \"s\", \"flow-types\": \"*\", "
		  "\"leaves-flow\": null}}", "A.leaves-flow: expected true or false" },
	};
	struct fl_catalog c;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		fl_catalog_init(&c);
		assert_int_equal(add_text(&c, bad[i].text), FL_ECONFIG);
		if (strstr(fl_error_msg(), bad[i].msg) == NULL)
			fail_msg("%s: got \"%s\", want \"%s\"", bad[i].text,
			    fl_error_msg(), bad[i].msg);
		fl_catalog_release(&c);
	}
}

/*
 * Files that carry the console's layout metadata but were not exported
 * from it, so their Types are no evidence (and are reported by FL501).
 */
static const char *const not_console_exports[] = {
	/* written by hand: Start, SetVoice, CheckAttribute, TransferToQueue */
	"636137__multi-tenancy-amazon-connect__censussurvey-ai-agent__",
	/* written by hand (Identifier 12345678-1234-…): TransferToQueue */
	"godwillcho__amazon-connect-flows-cdk__",
	/* a builder's test fixture of invented blocks */
	"fitthejob__connect-flow-builder__tests__fixtures__designer-quirks__",
	/* written by hand (Identifiers "1", "2", …): StartMediaStreaming */
	"aws-samples__sample-amazon-connect-health-unified-clinical-workflow__",
};

static bool
is_console_export(const struct fl_flow *f, const char *path)
{
	const char *base = strrchr(path, '/');
	size_t i;

	base = base ? base + 1 : path;
	for (i = 0; i < sizeof(not_console_exports) /
	    sizeof(not_console_exports[0]); i++)
		if (strncmp(base, not_console_exports[i],
		    strlen(not_console_exports[i])) == 0)
			return false;
	return f->action_meta_node != FL_JSON_NONE &&
	    fl_flow_get(f, f->metadata_node, "entryPointPosition") !=
	    FL_JSON_NONE;
}

/* Fails for every action Type of a console export under `dir` that the
 * catalog lacks; returns the number of exports read. */
static unsigned
check_exports(const struct fl_catalog *c, const char *dir)
{
	struct fl_pathlist files = { 0 };
	struct lint_env env;
	unsigned exports = 0, missing = 0;
	size_t i;
	uint32_t k;

	lint_env_init(&env);
	assert_int_equal(fl_fs_walk_json(&files, dir), 0);
	for (i = 0; i < files.n; i++) {
		struct fl_result r;
		size_t len;
		char *text = slurp(files.v[i], &len);

		lint_bytes(&r, &env, files.v[i], text, len);
		if (r.flow_loaded && r.flow.doc != NULL &&
		    is_console_export(&r.flow, files.v[i])) {
			exports++;
			for (k = 0; k < r.flow.nactions; k++) {
				struct fl_str t = r.flow.actions[k].type;

				if (fl_catalog_find(c, t) != NULL)
					continue;
				print_error("%s: Type %.*s is not in "
				    "rules/data/actions.json\n", files.v[i],
				    FL_STR_ARGS(t));
				missing++;
			}
		}
		fl_result_release(&r);
	}
	fl_pathlist_release(&files);
	lint_env_release(&env);
	assert_int_equal(missing, 0);
	return exports;
}

static void
test_catalog__covers_every_type_of_the_console_exports(void **state)
{
	const char *src = getenv("FLOWLINT_SOURCE_DIR");
	char dir[4096];
	struct fl_catalog c;

	if (src == NULL || !corpus_path(dir, sizeof(dir), "real-flows"))
		skip();
	fl_catalog_init(&c);
	assert_int_equal(fl_catalog_load_default(&c), 0);
	assert_true(check_exports(&c, dir) >= 50);
	assert_true(corpus_path(dir, sizeof(dir), "reference-monorepo"));
	assert_true(check_exports(&c, dir) >= 9);
	snprintf(dir, sizeof(dir), "%s/flows", src);
	assert_true(check_exports(&c, dir) >= 4);
	fl_catalog_release(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalog__every_builtin_entry_names_its_source),
		cmocka_unit_test(test_catalog__builtin_entries_read_as_documented),
		cmocka_unit_test(test_catalog__extension_replaces_and_adds),
		cmocka_unit_test(test_catalog__bad_entries_are_errors_at_their_position),
		cmocka_unit_test(test_catalog__covers_every_type_of_the_console_exports),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
