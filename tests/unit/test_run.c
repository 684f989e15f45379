/*
 * Unit tests for the run loop (lint/run.c) and shards (lint/shard.c):
 * the callback sees the same results in the same order for every number
 * of jobs, with the fix stage too, unreadable targets keep their own
 * message across threads, and
 * shards split a target list deterministically and completely.  .ci/run
 * also runs it under ThreadSanitizer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint/fix.h"
#include "lint/lint.h"
#include "lint/run.h"
#include "lint/shard.h"
#include "repo/targets.h"
#include "lint_fixture.h"
#include "util/buf.h"
#include "util/error.h"

/*
 * A flow of n actions whose last NextAction dangles when `broken`.  Every
 * other action is of a type with resource parameters, none of them set,
 * and has console metadata, so that the rules walk the parameter table
 * and find nothing (which once wrote to a buffer all threads share).
 */
static char *
flow_text(unsigned n, int broken)
{
	struct fl_buf b = FL_BUF_INIT;
	unsigned i;

	fl_buf_adds(&b, "{\"Version\":\"2019-10-30\",\"StartAction\":\"a0\","
	    "\"Metadata\":{\"ActionMetadata\":{");
	for (i = 0; i < n; i++)
		fl_buf_addf(&b, "%s\"a%u\":{\"position\":{\"x\":1,\"y\":2}}",
		    i ? "," : "", i);
	fl_buf_adds(&b, "}},\"Actions\":[");
	for (i = 0; i < n; i++)
		fl_buf_addf(&b, "%s{\"Identifier\":\"a%u\",\"Type\":\"%s\","
		    "\"Parameters\":{},"
		    "\"Transitions\":{\"NextAction\":\"a%u\"}}", i ? "," : "", i,
		    i % 2 ? "UpdateContactTargetQueue" : "Wait",
		    i + 1 < n ? i + 1 : broken ? n + 7 : 0);
	fl_buf_adds(&b, "]}");
	return fl_buf_detach(&b, NULL);
}

/*
 * 300 targets of very different sizes (so that threads finish out of
 * order), with findings in some and two unreadable files among them.
 */
static void
make_targets(struct fl_targets *t)
{
	unsigned i;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < 300; i++) {
		char path[64];
		char *text;

		if (i == 17 || i == 211) {
			snprintf(path, sizeof(path), "/nonexistent/missing%u.json", i);
			fl_targets_add_file(t, path, path, true);
			continue;
		}
		snprintf(path, sizeof(path), "flows/f%03u.json", i);
		text = flow_text(i % 7 == 0 ? 300 : 1 + i % 13, i % 5 == 0);
		fl_targets_add_data(t, path, text, strlen(text));
	}
}

struct record {
	struct fl_buf log;	/* one line per callback */
	int concurrent;		/* callbacks running now */
};

static void
record_result(void *arg, const struct fl_target *t, struct fl_result *res)
{
	struct record *rec = arg;
	uint32_t i;

	assert_int_equal(++rec->concurrent, 1);
	if (res == NULL) {
		fl_buf_addf(&rec->log, "%s: unreadable: %s\n", t->path,
		    fl_error_msg());
	} else {
		fl_buf_addf(&rec->log, "%s: %u\n", res->src.path, res->diags.n);
		for (i = 0; i < res->diags.n; i++)
			fl_buf_addf(&rec->log, "  %u:%u %s %s\n",
			    res->diags.v[i].line, res->diags.v[i].col,
			    res->diags.v[i].rule->code, res->diags.v[i].message);
	}
	rec->concurrent--;
}

static void
run_with(struct fl_buf *log, const struct fl_targets *t, unsigned jobs,
    unsigned *unreadable)
{
	struct record rec = { FL_BUF_INIT, 0 };

	*unreadable = fl_run(t, &env.opts, jobs, record_result, &rec);
	*log = rec.log;
}

static void
test_run__same_output_for_every_job_count(void **state)
{
	static const unsigned jobs[] = { 0, 2, 3, 8, 64 };
	struct fl_targets t;
	struct fl_buf serial, other;
	unsigned bad, k;

	make_targets(&t);
	run_with(&serial, &t, 1, &bad);
	assert_int_equal(bad, 2);
	assert_non_null(strstr(serial.ptr, "flows/f000.json: "));
	assert_non_null(strstr(serial.ptr, "FL301"));
	for (k = 0; k < sizeof(jobs) / sizeof(jobs[0]); k++) {
		run_with(&other, &t, jobs[k], &bad);
		assert_int_equal(bad, 2);
		assert_string_equal(other.ptr, serial.ptr);
		fl_buf_release(&other);
	}
	fl_buf_release(&serial);
	fl_targets_release(&t);
}

/* What the fix stage handed over, one line per file and fixed finding. */
static void
record_fix(void *arg, const struct fl_target *t, struct fl_result *res)
{
	struct record *rec = arg;
	const struct fl_fix_outcome *out;
	uint32_t i;

	assert_int_equal(++rec->concurrent, 1);
	if (res == NULL) {
		fl_buf_addf(&rec->log, "%s: unreadable\n", t->path);
		rec->concurrent--;
		return;
	}
	out = res->fix;
	assert_true((out == NULL) != (res->fix_refusal == NULL));
	if (out == NULL) {
		fl_buf_addf(&rec->log, "%s: refused: %s\n", res->src.path,
		    res->fix_refusal);
	} else {
		fl_buf_addf(&rec->log, "%s: %s %u\n", res->src.path,
		    out->changed ? "changed" : "unchanged", out->nfixed);
		if (out->changed) {
			assert_null(strstr(out->final->src.text, "ghost"));
			fl_buf_addf(&rec->log, "  %zu bytes\n",
			    out->final->src.len);
		}
	}
	for (i = 0; i < res->diags.n; i++)
		if (res->diags.v[i].fixed)
			fl_buf_addf(&rec->log, "  fixed %u:%u %s\n",
			    res->diags.v[i].line, res->diags.v[i].col,
			    res->diags.v[i].code);
	rec->concurrent--;
}

/* The same 300 targets, every third flow with console metadata for an
 * action it does not have (FL305, which fix removes). */
static void
make_fixable_targets(struct fl_targets *t)
{
	static const char at[] = "\"ActionMetadata\":{";
	size_t i;

	make_targets(t);
	for (i = 0; i < t->n; i += 3) {
		struct fl_target *e = &t->v[i];
		struct fl_buf b = FL_BUF_INIT;
		const char *p;

		if (e->data == NULL || (p = strstr(e->data, at)) == NULL)
			continue;
		fl_buf_add(&b, e->data, (size_t)(p - e->data) + strlen(at));
		fl_buf_adds(&b, "\"ghost\":{\"position\":{\"x\":5,\"y\":5}},");
		fl_buf_adds(&b, p + strlen(at));
		free(e->data);
		e->data = fl_buf_detach(&b, &e->len);
	}
}

static void
test_run__fix_stage_same_for_every_job_count(void **state)
{
	static const unsigned jobs[] = { 0, 3, 8 };
	struct fl_fix_options fo = { .lint = &env.opts };
	struct fl_stages stages = { .lint = &env.opts, .fix = &fo };
	struct record serial = { FL_BUF_INIT, 0 }, other;
	struct fl_targets t;
	unsigned k;

	make_fixable_targets(&t);
	assert_int_equal(fl_run_stages(&t, &stages, 1, record_fix, &serial),
	    2);
	assert_non_null(strstr(serial.log.ptr, "flows/f000.json: changed 1"));
	assert_non_null(strstr(serial.log.ptr, "fixed 1:"));
	for (k = 0; k < sizeof(jobs) / sizeof(jobs[0]); k++) {
		other = (struct record){ FL_BUF_INIT, 0 };
		assert_int_equal(fl_run_stages(&t, &stages, jobs[k], record_fix,
		    &other), 2);
		assert_string_equal(other.log.ptr, serial.log.ptr);
		fl_buf_release(&other.log);
	}
	fl_buf_release(&serial.log);
	fl_targets_release(&t);
}

static void
test_run__unreadable_target_keeps_its_message(void **state)
{
	struct fl_targets t;
	struct fl_buf log;
	unsigned bad;

	/* The message is set on a worker thread and read on the caller's. */
	make_targets(&t);
	run_with(&log, &t, 4, &bad);
	assert_non_null(strstr(log.ptr, "/nonexistent/missing17.json: "
	    "unreadable: /nonexistent/missing17.json: cannot open: "));
	assert_non_null(strstr(log.ptr, "/nonexistent/missing211.json: "
	    "unreadable: /nonexistent/missing211.json: cannot open: "));
	fl_buf_release(&log);
	fl_targets_release(&t);
}

static void
test_run__big_files_past_the_byte_window(void **state)
{
	struct fl_targets t = { 0 };
	struct fl_buf serial, other;
	unsigned bad, i;

	/*
	 * Most about 600 KB: the window fills by bytes long before it fills
	 * by count, and the output must not change.
	 */
	for (i = 0; i < 10; i++) {
		char path[32], *text = flow_text(i % 3 ? 2500 : 5, i % 2);

		snprintf(path, sizeof(path), "big%02u.json", i);
		fl_targets_add_data(&t, path, text, strlen(text));
	}
	run_with(&serial, &t, 1, &bad);
	run_with(&other, &t, 4, &bad);
	assert_int_equal(bad, 0);
	assert_string_equal(other.ptr, serial.ptr);
	fl_buf_release(&serial);
	fl_buf_release(&other);
	fl_targets_release(&t);
}

static void
test_run__empty_and_single(void **state)
{
	struct fl_targets t = { 0 };
	struct fl_buf log;
	unsigned bad;
	char *text = flow_text(3, 0);

	run_with(&log, &t, 4, &bad);
	assert_int_equal(bad, 0);
	assert_int_equal(log.len, 0);
	fl_buf_release(&log);
	fl_targets_add_data(&t, "one.json", text, strlen(text));
	run_with(&log, &t, 4, &bad);
	assert_string_equal(log.ptr, "one.json: 0\n");
	fl_buf_release(&log);
	fl_targets_release(&t);
}

static void
test_shard__parse(void **state)
{
	unsigned i, n;

	assert_int_equal(fl_shard_parse(&i, &n, "2/4"), 0);
	assert_int_equal(i, 2);
	assert_int_equal(n, 4);
	assert_int_equal(fl_shard_parse(&i, &n, "1/1"), 0);
	assert_int_equal(fl_shard_parse(&i, &n, "0/4"), FL_EINVAL);
	assert_non_null(strstr(fl_error_msg(), "between 1 and N"));
	assert_int_equal(fl_shard_parse(&i, &n, "5/4"), FL_EINVAL);
	assert_int_equal(fl_shard_parse(&i, &n, "1/0"), FL_EINVAL);
	assert_int_equal(fl_shard_parse(&i, &n, "2"), FL_EINVAL);
	assert_non_null(strstr(fl_error_msg(), "takes I/N"));
	assert_int_equal(fl_shard_parse(&i, &n, "a/4"), FL_EINVAL);
	assert_int_equal(fl_shard_parse(&i, &n, "1/4x"), FL_EINVAL);
	assert_int_equal(fl_shard_parse(&i, &n, "-1/4"), FL_EINVAL);
	assert_int_equal(fl_shard_parse(&i, &n, "1/99999999999"), FL_EINVAL);
}

static void
paths(struct fl_targets *t, unsigned n)
{
	unsigned i;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < n; i++) {
		char p[64];

		snprintf(p, sizeof(p), "imports/resources/flows/f%u.json", i);
		fl_targets_add_file(t, p, p, false);
	}
}

static void
test_shard__partition_is_complete_disjoint_and_ordered(void **state)
{
	unsigned count, idx, i, n = 1000;
	unsigned *seen = calloc(n, sizeof(*seen));

	for (count = 1; count <= 5; count++) {
		memset(seen, 0, n * sizeof(*seen));
		for (idx = 1; idx <= count; idx++) {
			struct fl_targets t;
			unsigned last = 0;

			paths(&t, n);
			fl_targets_shard(&t, idx, count);
			/* Not everything in one shard: the hash spreads. */
			if (count > 1)
				assert_true(t.n < n * 2 / count);
			for (i = 0; i < t.n; i++) {
				unsigned k = (unsigned)atoi(strrchr(t.v[i].path,
				    'f') + 1);

				assert_true(i == 0 || k > last);
				last = k;
				seen[k]++;
			}
			fl_targets_release(&t);
		}
		for (i = 0; i < n; i++)
			assert_int_equal(seen[i], 1);
	}
	free(seen);
}

static void
test_shard__leading_dot_slash_does_not_matter(void **state)
{
	struct fl_targets a = { 0 }, b = { 0 };
	unsigned idx;

	for (idx = 1; idx <= 3; idx++) {
		fl_targets_add_file(&a, "flows/x.json", "flows/x.json", false);
		fl_targets_add_file(&b, "./flows/x.json", "./flows/x.json", false);
		fl_targets_shard(&a, idx, 3);
		fl_targets_shard(&b, idx, 3);
		assert_int_equal(a.n, b.n);
		fl_targets_release(&a);
		fl_targets_release(&b);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_run__same_output_for_every_job_count),
		cmocka_unit_test(test_run__fix_stage_same_for_every_job_count),
		cmocka_unit_test(test_run__unreadable_target_keeps_its_message),
		cmocka_unit_test(test_run__big_files_past_the_byte_window),
		cmocka_unit_test(test_run__empty_and_single),
		cmocka_unit_test(test_shard__parse),
		cmocka_unit_test(test_shard__partition_is_complete_disjoint_and_ordered),
		cmocka_unit_test(test_shard__leading_dot_slash_does_not_matter),
	};

	return cmocka_run_group_tests(tests, lint_fixture_setup,
	    lint_fixture_teardown);
}
