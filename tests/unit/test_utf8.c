/*
 * Unit tests for util/utf8.c: well-formedness, UTF-16 lengths (SARIF
 * columns) and replacing what is not UTF-8.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "util/buf.h"
#include "util/utf8.h"

/* The length of the sequence at the start of the literal `s`. */
#define SEQ(s) fl_utf8_seq_len((s), sizeof(s) - 1)

static void
test_utf8__sequence_lengths(void **state)
{
	assert_int_equal(SEQ("a"), 1);
	assert_int_equal(SEQ("\xc3\xa9"), 2);			/* é */
	assert_int_equal(SEQ("\xe2\x82\xac"), 3);		/* € */
	assert_int_equal(SEQ("\xf0\x9f\x98\x80"), 4);		/* 😀 */
	assert_int_equal(SEQ(""), 0);
	assert_int_equal(SEQ("\x80"), 0);			/* continuation */
	assert_int_equal(SEQ("\xc0\xaf"), 0);			/* overlong */
	assert_int_equal(SEQ("\xe0\x80\xaf"), 0);		/* overlong */
	assert_int_equal(SEQ("\xed\xa0\x80"), 0);		/* surrogate */
	assert_int_equal(SEQ("\xf4\x90\x80\x80"), 0);		/* > U+10FFFF */
	assert_int_equal(SEQ("\xe2\x82"), 0);			/* truncated */
	assert_int_equal(SEQ("\xff"), 0);
}

static void
test_utf8__utf16_units(void **state)
{
	static const char s[] = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z";

	assert_int_equal(fl_utf8_utf16_len(s, strlen(s)), 6);
	assert_int_equal(fl_utf8_utf16_len(s, 1), 1);
	assert_int_equal(fl_utf8_utf16_len("\xff\xfe", 2), 2);
	assert_int_equal(fl_utf8_utf16_len("", 0), 0);
}

static void
test_utf8__invalid_bytes_become_replacement_characters(void **state)
{
	struct fl_buf b = FL_BUF_INIT;

	fl_utf8_add_valid(&b, fl_str_cstr("ok \xc3\xa9"));
	assert_string_equal(b.ptr, "ok \xc3\xa9");
	fl_buf_reset(&b);
	fl_utf8_add_valid(&b, fl_str_cstr("a\xffz\xe2\x82"));
	assert_string_equal(b.ptr, "a\xef\xbf\xbdz\xef\xbf\xbd\xef\xbf\xbd");
	fl_buf_reset(&b);
	fl_utf8_add_json_string(&b, fl_str_cstr("caf\xe9 \"x\""));
	assert_string_equal(b.ptr, "\"caf\xef\xbf\xbd \\\"x\\\"\"");
	fl_buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8__sequence_lengths),
		cmocka_unit_test(test_utf8__utf16_units),
		cmocka_unit_test(
		    test_utf8__invalid_bytes_become_replacement_characters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
