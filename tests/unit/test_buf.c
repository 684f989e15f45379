/*
 * Unit tests for util/buf.c and util/arena.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/buf.h"

static void
test_buf__init_is_empty_string(void **state)
{
	struct fl_buf b = FL_BUF_INIT;

	assert_non_null(b.ptr);
	assert_string_equal(b.ptr, "");
	fl_buf_release(&b);
}

static void
test_buf__addf_and_detach(void **state)
{
	struct fl_buf b = FL_BUF_INIT;
	size_t len;
	char *p;

	fl_buf_addf(&b, "%s:%d", "x", 42);
	fl_buf_addch(&b, '!');
	p = fl_buf_detach(&b, &len);
	assert_string_equal(p, "x:42!");
	assert_int_equal(len, 5);
	assert_int_equal(b.len, 0);
	free(p);
}

/* Additions that fit the room left and ones that need the buffer grown
 * (formatted a second time) append alike. */
static void
test_buf__addf_fits_or_grows(void **state)
{
	struct fl_buf b = FL_BUF_INIT;
	char want[8192];
	size_t len = 0;
	int i;

	(void)state;
	for (i = 0; i < 60; i++) {
		fl_buf_addf(&b, "%d:%*s|", i, i * 3, "y");
		len += (size_t)snprintf(want + len, sizeof(want) - len,
		    "%d:%*s|", i, i * 3, "y");
		assert_int_equal(b.len, len);
		assert_string_equal(b.ptr, want);
	}
	fl_buf_addf(&b, "%s", "");
	assert_int_equal(b.len, len);
	assert_string_equal(b.ptr, want);
	fl_buf_release(&b);
}

static void
test_buf__add_uint(void **state)
{
	struct fl_buf b = FL_BUF_INIT;

	(void)state;
	fl_buf_add_uint(&b, 0);
	fl_buf_addch(&b, ' ');
	fl_buf_add_uint(&b, 7);
	fl_buf_addch(&b, ' ');
	fl_buf_add_uint(&b, 1234567890);
	fl_buf_addch(&b, ' ');
	fl_buf_add_uint(&b, 18446744073709551615ull);
	assert_string_equal(b.ptr, "0 7 1234567890 18446744073709551615");
	fl_buf_release(&b);
}

static void
test_buf__json_string_escapes(void **state)
{
	struct fl_buf b = FL_BUF_INIT;

	fl_buf_add_json_string(&b, fl_str_make("a\"b\\c\n\x01", 7));
	assert_string_equal(b.ptr, "\"a\\\"b\\\\c\\n\\u0001\"");
	fl_buf_release(&b);
}

static void
test_arena__alloc_is_zeroed_and_aligned(void **state)
{
	struct fl_arena a;
	int i;

	fl_arena_init(&a);
	for (i = 0; i < 10000; i++) {
		char *p = fl_arena_alloc(&a, (size_t)(i % 97) + 1);

		assert_int_equal((uintptr_t)p % sizeof(void *), 0);
		assert_int_equal(p[0], 0);
		p[0] = 1;
	}
	assert_string_equal(fl_arena_printf(&a, "%d-%s", 7, "x"), "7-x");
	assert_non_null(fl_arena_alloc(&a, 1 << 20));
	fl_arena_release(&a);
}

/*
 * Messages formatted into the free part of the current block, and ones
 * that do not fit there (crossing into a new block), stay intact beside
 * what is allocated after them.
 */
static void
test_arena__printf_across_blocks(void **state)
{
	struct fl_arena a;
	char *msgs[400], *zeroed[400];
	int i, k;

	(void)state;
	fl_arena_init(&a);
	for (i = 0; i < 400; i++) {
		msgs[i] = fl_arena_printf(&a, "%d:%*s", i, i * 7, "x");
		assert_int_equal((uintptr_t)msgs[i] % sizeof(void *), 0);
		zeroed[i] = fl_arena_alloc(&a, 24);
		for (k = 0; k < 24; k++)
			assert_int_equal(zeroed[i][k], 0);
		memset(zeroed[i], 0xff, 24);
	}
	for (i = 0; i < 400; i++) {
		char want[4096];

		snprintf(want, sizeof(want), "%d:%*s", i, i * 7, "x");
		assert_string_equal(msgs[i], want);
	}
	fl_arena_release(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf__init_is_empty_string),
		cmocka_unit_test(test_buf__addf_and_detach),
		cmocka_unit_test(test_buf__addf_fits_or_grows),
		cmocka_unit_test(test_buf__add_uint),
		cmocka_unit_test(test_buf__json_string_escapes),
		cmocka_unit_test(test_arena__alloc_is_zeroed_and_aligned),
		cmocka_unit_test(test_arena__printf_across_blocks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
