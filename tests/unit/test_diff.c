/*
 * Unit tests for util/diff.c: exact unified output for small cases.
 * (A randomised check against patch(1) was run by hand when the module
 * was written; these pin the format.)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "util/buf.h"
#include "util/diff.h"

static void
check(const char *a, const char *b, const char *want)
{
	struct fl_buf out = FL_BUF_INIT;

	fl_diff_unified(&out, "f.json", fl_str_cstr(a), fl_str_cstr(b));
	assert_string_equal(out.ptr, want);
	fl_buf_release(&out);
}

static void
test_diff__equal_texts_give_nothing(void **state)
{
	check("a\nb\n", "a\nb\n", "");
}

static void
test_diff__one_changed_line_with_context(void **state)
{
	check("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nX\n6\n7\n8\n9\n",
	    "--- a/f.json\n+++ b/f.json\n"
	    "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+X\n 6\n 7\n 8\n");
}

static void
test_diff__missing_final_newline(void **state)
{
	check("{\n}", "{\n}\n",
	    "--- a/f.json\n+++ b/f.json\n"
	    "@@ -1,2 +1,2 @@\n {\n-}\n\\ No newline at end of file\n+}\n");
}

static void
test_diff__far_apart_changes_make_two_hunks(void **state)
{
	check("a\n1\n2\n3\n4\n5\n6\n7\n8\n9\nb\n",
	    "A\n1\n2\n3\n4\n5\n6\n7\n8\n9\nB\n",
	    "--- a/f.json\n+++ b/f.json\n"
	    "@@ -1,4 +1,4 @@\n-a\n+A\n 1\n 2\n 3\n"
	    "@@ -8,4 +8,4 @@\n 7\n 8\n 9\n-b\n+B\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_diff__equal_texts_give_nothing),
		cmocka_unit_test(test_diff__one_changed_line_with_context),
		cmocka_unit_test(test_diff__missing_final_newline),
		cmocka_unit_test(test_diff__far_apart_changes_make_two_hunks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
