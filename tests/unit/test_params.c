/*
 * Unit tests for the resource-parameter table (flow/params.c): both
 * forms of an entry, and the errors a bad table gives.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "flow/params.h"
#include "util/error.h"

static int
load(struct fl_params *p, const char *text)
{
	return fl_params_load(p, text, strlen(text), "t.json");
}

static void
test_params__plain_and_dynamic_entries(void **state)
{
	struct fl_params p;

	assert_int_equal(load(&p, "{\"A\": {\"X\": \"queue\", "
	    "\"Y/*\": {\"kind\": \"flow\", \"dynamic\": true}, "
	    "\"Z\": {\"kind\": \"prompt\"}}}"), 0);
	assert_int_equal(p.n, 3);
	assert_string_equal(p.v[0].kind, "queue");
	assert_false(p.v[0].dynamic);
	assert_string_equal(p.v[1].path, "Y/*");
	assert_string_equal(p.v[1].kind, "flow");
	assert_true(p.v[1].dynamic);
	assert_false(p.v[2].dynamic);
	fl_params_release(&p);
}

static void
test_params__bad_entries_are_errors(void **state)
{
	static const char *const bad[] = {
		"{\"A\": {\"X\": 1}}",
		"{\"A\": {\"X\": {\"dynamic\": true}}}",
		"{\"A\": {\"X\": {\"kind\": \"q\", \"dynamic\": \"yes\"}}}",
		"{\"A\": {\"X\": {\"kind\": \"q\", \"dinamic\": true}}}",
	};
	struct fl_params p;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(load(&p, bad[i]), FL_ECONFIG);
		assert_non_null(strstr(fl_error_msg(), "t.json: \"A\" / \"X\" "
		    "must be a resource kind"));
	}
}

static void
test_params__builtin_table_loads(void **state)
{
	struct fl_params p;
	size_t i, dynamic = 0;

	assert_int_equal(fl_params_load_default(&p), 0);
	for (i = 0; i < p.n; i++)
		dynamic += p.v[i].dynamic;
	assert_true(dynamic > 0 && dynamic < p.n);
	fl_params_release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_params__plain_and_dynamic_entries),
		cmocka_unit_test(test_params__bad_entries_are_errors),
		cmocka_unit_test(test_params__builtin_table_loads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
