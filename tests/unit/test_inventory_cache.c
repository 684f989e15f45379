/*
 * The inventory cache (inventory/cache.h): what is recorded comes back in
 * the next run, strings of any bytes survive the file, only what a run
 * used is kept, and a damaged or foreign file is an empty cache.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inventory/cache.h"
#include "util/buf.h"
#include "util/fs.h"
#include "tmp_tree.h"

#define BLOB_A "0123456789abcdef0123456789abcdef01234567"
#define BLOB_B "89abcdef0123456789abcdef0123456789abcdef"
#define BLOB_C "fedcba9876543210fedcba9876543210fedcba98"

static char dir[] = "/tmp/fl-cache-XXXXXX";
static char path[sizeof(dir) + 32];

static int
setup(void **state)
{
	strcpy(dir, "/tmp/fl-cache-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	/* The folder the cache lives in is created on the first write. */
	snprintf(path, sizeof(path), "%s/flowlint/cache", dir);
	return 0;
}

static int
teardown(void **state)
{
	tmp_tree_remove(dir);
	return 0;
}

static void
put(struct fl_inventory_cache *c, const char *blob, enum fl_res_kind folder,
    int kind, const char *name, const char *id, const char *arn)
{
	struct fl_cached_resource r = { kind, name, id, arn };

	fl_inventory_cache_put(c, blob, folder, &r);
}

static void
test_cache__round_trip(void **state)
{
	struct fl_inventory_cache *c;
	const struct fl_cached_resource *r;

	c = fl_inventory_cache_open(path);
	assert_null(fl_inventory_cache_get(c, BLOB_A, FL_RES_FLOW));
	put(c, BLOB_A, FL_RES_FLOW, FL_RES_MODULE, "tab\there, line\nand \\",
	    "id-1", NULL);
	put(c, BLOB_B, FL_RES_FLOW, -1, NULL, NULL, NULL);
	put(c, BLOB_A, FL_RES_QUEUE, FL_RES_QUEUE, "sales", NULL,
	    "arn:aws:connect:eu-west-2:111122223333:instance/i/queue/q");
	/* Not a blob ID: ignored. */
	put(c, "abc", FL_RES_QUEUE, FL_RES_QUEUE, "short", NULL, NULL);
	assert_int_equal(fl_inventory_cache_misses(c), 3);
	fl_inventory_cache_close(c);

	c = fl_inventory_cache_open(path);
	r = fl_inventory_cache_get(c, BLOB_A, FL_RES_FLOW);
	assert_non_null(r);
	assert_int_equal(r->kind, FL_RES_MODULE);
	assert_string_equal(r->name, "tab\there, line\nand \\");
	assert_string_equal(r->id, "id-1");
	assert_null(r->arn);
	r = fl_inventory_cache_get(c, BLOB_B, FL_RES_FLOW);
	assert_non_null(r);
	assert_int_equal(r->kind, -1);
	assert_null(r->name);
	/* The same blob in another kind of folder is another entry. */
	r = fl_inventory_cache_get(c, BLOB_A, FL_RES_QUEUE);
	assert_non_null(r);
	assert_string_equal(r->name, "sales");
	assert_string_equal(r->arn, "arn:aws:connect:eu-west-2:111122223333:"
	    "instance/i/queue/q");
	assert_null(fl_inventory_cache_get(c, BLOB_A, FL_RES_HOURS));
	assert_null(fl_inventory_cache_get(c, "abc", FL_RES_QUEUE));
	assert_int_equal(fl_inventory_cache_hits(c), 3);
	assert_int_equal(fl_inventory_cache_misses(c), 0);
	fl_inventory_cache_close(c);
}

static void
test_cache__keeps_what_a_run_used(void **state)
{
	struct fl_inventory_cache *c;

	c = fl_inventory_cache_open(path);
	put(c, BLOB_A, FL_RES_QUEUE, FL_RES_QUEUE, "a", NULL, NULL);
	put(c, BLOB_B, FL_RES_QUEUE, FL_RES_QUEUE, "b", NULL, NULL);
	fl_inventory_cache_close(c);

	/* A run that sees only A and a new C: B is dropped. */
	c = fl_inventory_cache_open(path);
	assert_non_null(fl_inventory_cache_get(c, BLOB_A, FL_RES_QUEUE));
	put(c, BLOB_C, FL_RES_QUEUE, FL_RES_QUEUE, "c", NULL, NULL);
	put(c, BLOB_C, FL_RES_QUEUE, FL_RES_QUEUE, "c", NULL, NULL);
	fl_inventory_cache_close(c);

	c = fl_inventory_cache_open(path);
	assert_non_null(fl_inventory_cache_get(c, BLOB_A, FL_RES_QUEUE));
	assert_null(fl_inventory_cache_get(c, BLOB_B, FL_RES_QUEUE));
	assert_non_null(fl_inventory_cache_get(c, BLOB_C, FL_RES_QUEUE));
	fl_inventory_cache_close(c);
}

/* Writes `text` as the cache file, then expects an empty cache. */
static void
expect_ignored(const char *text)
{
	struct fl_inventory_cache *c;

	assert_int_equal(fl_fs_write_atomic(path, text, strlen(text)), 0);
	c = fl_inventory_cache_open(path);
	assert_null(fl_inventory_cache_get(c, BLOB_A, FL_RES_QUEUE));
	fl_inventory_cache_close(c);
}

static void
test_cache__damaged_or_foreign(void **state)
{
	struct fl_buf header = FL_BUF_INIT;
	struct fl_inventory_cache *c;

	c = fl_inventory_cache_open(path);
	put(c, BLOB_A, FL_RES_QUEUE, FL_RES_QUEUE, "a", NULL, NULL);
	fl_inventory_cache_close(c);

	fl_buf_adds(&header, "flowlint inventory cache 1 " FLOWLINT_VERSION "\n");
	/* A good line first, so that a partly good file is thrown away
	 * whole, not trusted up to the damage. */
	fl_buf_adds(&header, BLOB_A "\tqueue\tqueue\ta\t\t\n");
	expect_ignored("flowlint inventory cache 1 0.0.0-older\n" BLOB_A
	    "\tqueue\tqueue\ta\t\t\n");
	expect_ignored("");
	expect_ignored("\x7f" "ELF binary");
	fl_buf_adds(&header, BLOB_B "\tqueue\tqueue\tb\t\t");	/* cut short */
	expect_ignored(header.ptr);
	header.len -= strlen(BLOB_B "\tqueue\tqueue\tb\t\t");
	fl_buf_adds(&header, BLOB_B "\tshelf\tqueue\tb\t\t\n");
	expect_ignored(header.ptr);
	header.len -= strlen(BLOB_B "\tshelf\tqueue\tb\t\t\n");
	fl_buf_adds(&header, BLOB_B "\tqueue\tqueue\tb\\q\t\t\n");
	expect_ignored(header.ptr);
	header.len -= strlen(BLOB_B "\tqueue\tqueue\tb\\q\t\t\n");
	fl_buf_adds(&header, "0123\tqueue\tqueue\tb\t\t\n");
	expect_ignored(header.ptr);
	header.len -= strlen("0123\tqueue\tqueue\tb\t\t\n");
	fl_buf_adds(&header, BLOB_B "\tqueue\tqueue\t\t\t\n");	/* no name */
	expect_ignored(header.ptr);
	fl_buf_release(&header);
}

static void
test_cache__unsorted_file_still_found(void **state)
{
	struct fl_inventory_cache *c;
	const char *text = "flowlint inventory cache 1 " FLOWLINT_VERSION "\n"
	    BLOB_C "\tqueue\tqueue\tc\t\t\n"
	    BLOB_A "\tqueue\tqueue\ta\t\t\n"
	    BLOB_B "\tqueue\t-\t\t\t\n";

	tmp_tree_put(dir, "flowlint/cache", text);
	c = fl_inventory_cache_open(path);
	assert_string_equal(fl_inventory_cache_get(c, BLOB_A,
	    FL_RES_QUEUE)->name, "a");
	assert_string_equal(fl_inventory_cache_get(c, BLOB_C,
	    FL_RES_QUEUE)->name, "c");
	assert_int_equal(fl_inventory_cache_get(c, BLOB_B,
	    FL_RES_QUEUE)->kind, -1);
	fl_inventory_cache_close(c);
}

static void
test_cache__unwritable_is_not_an_error(void **state)
{
	struct fl_inventory_cache *c;
	char file[sizeof(dir) + 32];

	/* The cache's folder is a file: nothing can be written below it. */
	snprintf(file, sizeof(file), "%s/flowlint", dir);
	tmp_tree_put(dir, "flowlint", "in the way");
	c = fl_inventory_cache_open(path);
	put(c, BLOB_A, FL_RES_QUEUE, FL_RES_QUEUE, "a", NULL, NULL);
	fl_inventory_cache_close(c);
	c = fl_inventory_cache_open(path);
	assert_null(fl_inventory_cache_get(c, BLOB_A, FL_RES_QUEUE));
	fl_inventory_cache_close(c);
	unlink(file);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_cache__round_trip,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache__keeps_what_a_run_used,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache__damaged_or_foreign,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_cache__unsorted_file_still_found, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_cache__unwritable_is_not_an_error, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
