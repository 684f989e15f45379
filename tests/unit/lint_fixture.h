/*
 * The one lint environment (env) that all tests of a file share, set up
 * once for the cmocka group:
 *
 *	return cmocka_run_group_tests(tests, lint_fixture_setup,
 *	    lint_fixture_teardown);
 */
#ifndef FL_TESTS_LINT_FIXTURE_H
#define FL_TESTS_LINT_FIXTURE_H

#include "lint_helper.h"

static struct lint_env env;

static int
lint_fixture_setup(void **state)
{
	(void)state;
	lint_env_init(&env);
	return 0;
}

static int
lint_fixture_teardown(void **state)
{
	(void)state;
	lint_env_release(&env);
	return 0;
}

#endif
