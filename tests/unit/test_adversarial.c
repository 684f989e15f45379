/*
 * Adversarial inputs through the whole `check` path (read, parse, load,
 * every rule, report): a flow of 100,000 actions, transition cycles, a
 * 50 MB Content string, 10,000-deep arrays, millions of placeholders in
 * one string.  Each input is generated here, at test time, and checked
 * in a child process, so that its peak memory can be measured with
 * wait4() and compared with a bound proportional to the file: memory
 * must follow the largest file, never blow up on its shape.  Time is
 * bounded by the test's TIMEOUT (tests/CMakeLists.txt): a quadratic
 * slip turns these from seconds into many minutes.  No timed assertion.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "util/buf.h"
#include "util/fs.h"

/*
 * Peak memory may be at most this many times the file, plus a constant
 * for the program itself.  Measured (release build): 10x for the flow of
 * 100,000 tiny actions (64-byte parse nodes dominate), 4x for the 50 MB
 * string, 19x for the string of 12-byte placeholders (a 160-byte
 * reference each).  What the bound catches is growth beyond linear.
 */
#define RSS_PER_BYTE 24
#define RSS_BASE_KB (48 * 1024)

static char dir[64];

static int
setup(void **state)
{
	strcpy(dir, "/tmp/flowlint-test-adv-XXXXXX");
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Sanitizers and valgrind multiply memory; bounds hold only without. */
static int
memory_is_measurable(void)
{
#if defined(__SANITIZE_ADDRESS__)
	return 0;
#else
	return getenv("FLOWLINT_VALGRIND") == NULL;
#endif
}

/* Writes `b` to dir/rel (creating folders) and returns the path. */
static char *
write_file(const char *rel, const struct fl_buf *b)
{
	static char path[512];
	char *slash;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	for (slash = strchr(path + strlen(dir) + 1, '/'); slash != NULL;
	    slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0755);
		*slash = '/';
	}
	assert_int_equal(fl_fs_write_atomic(path, b->ptr, b->len), 0);
	return path;
}

struct outcome {
	int exit_code;
	long maxrss_kb;
	size_t lines;		/* lines of standard output */
	size_t matching;	/* of which contain `want` */
};

/*
 * Runs `flowlint check ARGS` in a child with its standard output in a
 * file, and counts the output lines and those containing `want`.
 */
static void
run_check(struct outcome *o, const char *want, int argc, char **argv)
{
	char out[512], line[4096];
	struct rusage ru;
	FILE *f;
	pid_t pid;
	int status;

	snprintf(out, sizeof(out), "%s/stdout.txt", dir);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);

		if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0)
			_exit(99);
		close(fd);
		status = fl_cmd_check.run(argc, argv);
		fflush(NULL);
		_exit(status);
	}
	assert_int_equal(wait4(pid, &status, 0, &ru), pid);
	assert_true(WIFEXITED(status));
	o->exit_code = WEXITSTATUS(status);
	o->maxrss_kb = ru.ru_maxrss;
	o->lines = o->matching = 0;
	f = fopen(out, "r");
	assert_non_null(f);
	while (fgets(line, sizeof(line), f) != NULL) {
		o->lines++;
		if (want != NULL && strstr(line, want) != NULL)
			o->matching++;
	}
	fclose(f);
}

static void
check_file(struct outcome *o, const char *path, const char *want)
{
	char *argv[] = { "check", "--color", "never", (char *)path, NULL };

	run_check(o, want, 4, argv);
}

static void
assert_memory_bounded(const struct outcome *o, size_t file_bytes)
{
	long bound = (long)(file_bytes / 1024 * RSS_PER_BYTE) + RSS_BASE_KB;

	if (!memory_is_measurable())
		return;
	if (o->maxrss_kb > bound)
		fail_msg("peak memory %ld KiB for a %zu KiB file; bound %ld "
		    "KiB", o->maxrss_kb, file_bytes / 1024, bound);
}

/* Wraps a flow-language document as the reference exporter does. */
static void
wrap(struct fl_buf *file, const struct fl_buf *doc, const char *name)
{
	fl_buf_addf(file, "{\n  \"Name\": \"%s\",\n"
	    "  \"Type\": \"CONTACT_FLOW\",\n  \"Content\": ", name);
	fl_buf_add_json_string(file, fl_buf_str(doc));
	fl_buf_adds(file, "\n}");
}

static void
test_adversarial__100k_actions_in_a_cycle(void **state)
{
	struct fl_buf doc = FL_BUF_INIT, file = FL_BUF_INIT;
	const unsigned n = 100000;
	struct outcome o;
	unsigned i;

	/*
	 * Every action has console metadata and a hardcoded queue ARN (a
	 * finding, with its JSON Pointer, on each), and the last one loops
	 * back to the first.
	 */
	fl_buf_adds(&doc, "{\"Version\":\"2019-10-30\",\"StartAction\":\"a0\","
	    "\"Metadata\":{\"ActionMetadata\":{");
	for (i = 0; i < n; i++)
		fl_buf_addf(&doc, "%s\"a%u\":{\"position\":{\"x\":%u,\"y\":0}}",
		    i ? "," : "", i, i);
	fl_buf_adds(&doc, "}},\"Actions\":[");
	for (i = 0; i < n; i++)
		fl_buf_addf(&doc, "%s{\"Identifier\":\"a%u\",\"Type\":"
		    "\"UpdateContactTargetQueue\",\"Parameters\":{\"QueueId\":"
		    "\"arn:aws:connect:us-east-1:123456789012:instance/"
		    "0b7e4c1a-7f51-4a36-8f8e-2f4e0c1d5a21/queue/"
		    "5d0c2b1a-3e4f-4a5b-8c6d-%012u\"},"
		    "\"Transitions\":{\"NextAction\":\"a%u\"}}", i ? "," : "", i,
		    i, (i + 1) % n);
	fl_buf_adds(&doc, "]}");
	wrap(&file, &doc, "big");
	check_file(&o, write_file("big.json", &file), "[FL101 hardcoded-arn]");
	assert_int_equal(o.exit_code, FL_EXIT_FINDINGS);
	assert_int_equal(o.matching, n);
	/* and FL509 on each (no error branch), FL504 at the 251st action
	 * and on Content, FL510 once (the loop nothing leaves), and the
	 * summary */
	assert_int_equal(o.lines, 2 * n + 4);
	assert_memory_bounded(&o, file.len);
	fl_buf_release(&doc);
	fl_buf_release(&file);
}

static void
test_adversarial__transition_cycles(void **state)
{
	/*
	 * a -> b -> c -> a, b also loops to itself and errors back to a:
	 * no terminal action at all.  x <-> y is a cycle nothing reaches.
	 */
	static const char raw[] =
	    "{\"Version\":\"2019-10-30\",\"StartAction\":\"a\",\"Actions\":["
	    "{\"Identifier\":\"a\",\"Type\":\"MessageParticipant\","
	    "\"Parameters\":{\"Text\":\"hi\"},\"Transitions\":{\"NextAction\":\"b\"}},"
	    "{\"Identifier\":\"b\",\"Type\":\"Compare\",\"Parameters\":"
	    "{\"ComparisonValue\":\"$.Attributes.x\"},\"Transitions\":"
	    "{\"NextAction\":\"c\",\"Conditions\":[{\"NextAction\":\"b\","
	    "\"Condition\":{\"Operator\":\"Equals\",\"Operands\":[\"1\"]}}],"
	    "\"Errors\":[{\"NextAction\":\"a\",\"ErrorType\":\"NoMatchingCondition\"}]}},"
	    "{\"Identifier\":\"c\",\"Type\":\"Wait\",\"Parameters\":{},"
	    "\"Transitions\":{\"NextAction\":\"a\"}},"
	    "{\"Identifier\":\"x\",\"Type\":\"Wait\",\"Parameters\":{},"
	    "\"Transitions\":{\"NextAction\":\"y\"}},"
	    "{\"Identifier\":\"y\",\"Type\":\"Wait\",\"Parameters\":{},"
	    "\"Transitions\":{\"NextAction\":\"x\"}}]}";
	struct fl_buf file = FL_BUF_INIT;
	struct outcome o;

	fl_buf_adds(&file, raw);
	check_file(&o, write_file("cycle.json", &file),
	    "[FL306 unreachable-action]");
	assert_int_equal(o.exit_code, FL_EXIT_OK);	/* warnings only */
	assert_int_equal(o.matching, 2);		/* x and y */
	fl_buf_release(&file);
}

static void
test_adversarial__50mb_content_string(void **state)
{
	struct fl_buf doc = FL_BUF_INIT, file = FL_BUF_INIT;
	const size_t text = 50u * 1024 * 1024;
	struct outcome o;

	fl_buf_adds(&doc, "{\"Version\":\"2019-10-30\",\"StartAction\":\"a\","
	    "\"Actions\":[{\"Identifier\":\"a\",\"Type\":\"MessageParticipant\","
	    "\"Parameters\":{\"Text\":\"");
	fl_buf_grow(&doc, text);
	memset(doc.ptr + doc.len, 'x', text);
	doc.len += text;
	doc.ptr[doc.len] = '\0';
	fl_buf_adds(&doc, "\"},\"Transitions\":{}}]}");
	wrap(&file, &doc, "huge");
	assert_true(file.len < FL_FS_MAX_FILE);
	check_file(&o, write_file("huge.json", &file),
	    "[FL504 flow-limit-exceeded] Content is 52428943 characters long");
	assert_int_equal(o.exit_code, FL_EXIT_FINDINGS);
	assert_int_equal(o.matching, 1);
	assert_memory_bounded(&o, file.len);
	fl_buf_release(&doc);
	fl_buf_release(&file);
}

static void
nested_arrays(struct fl_buf *b, unsigned depth)
{
	unsigned i;

	for (i = 0; i < depth; i++)
		fl_buf_addch(b, '[');
	for (i = 0; i < depth; i++)
		fl_buf_addch(b, ']');
}

static void
test_adversarial__10k_deep_arrays(void **state)
{
	struct fl_buf outer = FL_BUF_INIT, doc = FL_BUF_INIT, file = FL_BUF_INIT;
	struct outcome o;

	/* The file itself. */
	nested_arrays(&outer, 10000);
	check_file(&o, write_file("deep.json", &outer),
	    "deep.json:1:1001: error [FL001 invalid-json] nesting deeper than");
	assert_int_equal(o.exit_code, FL_EXIT_FINDINGS);
	assert_int_equal(o.matching, 1);

	/* Inside the Content string, in the Metadata of a valid flow. */
	fl_buf_adds(&doc, "{\"Version\":\"2019-10-30\",\"StartAction\":\"a\","
	    "\"Metadata\":{\"x\":");
	nested_arrays(&doc, 10000);
	fl_buf_adds(&doc, "},\"Actions\":[{\"Identifier\":\"a\",\"Type\":"
	    "\"DisconnectParticipant\",\"Transitions\":{}}]}");
	wrap(&file, &doc, "deepcontent");
	check_file(&o, write_file("deepcontent.json", &file),
	    "error [FL002 invalid-content] \"Content\" is not valid JSON: "
	    "nesting deeper than");
	assert_int_equal(o.exit_code, FL_EXIT_FINDINGS);
	assert_int_equal(o.matching, 1);
	fl_buf_release(&outer);
	fl_buf_release(&doc);
	fl_buf_release(&file);
}

static void
test_adversarial__millions_of_placeholders(void **state)
{
	struct fl_buf doc = FL_BUF_INIT, file = FL_BUF_INIT, queue = FL_BUF_INIT;
	const unsigned n = 2000000;
	char *argv[] = { "check", "--color", "never", "--ignore", "FL504",
		dir, NULL };
	struct outcome o;
	unsigned i;

	/*
	 * Well-formed placeholders of a queue the repository has, so that
	 * no rule (the inventory's included) but FL504 (Content is too
	 * long for Connect) has anything to say: the cost is in finding
	 * and checking 2,000,000 references.
	 */
	fl_buf_adds(&queue, "{\"Name\": \"sales\", \"Status\": \"ENABLED\"}");
	write_file("repo/imports/resources/queues/sales.json", &queue);
	fl_buf_adds(&doc, "{\"Version\":\"2019-10-30\",\"StartAction\":\"a\","
	    "\"Actions\":[{\"Identifier\":\"a\",\"Type\":\"MessageParticipant\","
	    "\"Parameters\":{\"Text\":\"");
	for (i = 0; i < n; i++)
		fl_buf_adds(&doc, "${Q:sales:Q}");
	fl_buf_adds(&doc, "\"},\"Transitions\":{}}]}");
	wrap(&file, &doc, "many");
	write_file("repo/imports/resources/flows/many.json", &file);
	snprintf(dir + strlen(dir), sizeof(dir) - strlen(dir), "/repo");
	run_check(&o, NULL, 6, argv);
	*strrchr(dir, '/') = '\0';
	assert_int_equal(o.exit_code, FL_EXIT_OK);
	assert_memory_bounded(&o, file.len);
	fl_buf_release(&doc);
	fl_buf_release(&file);
	fl_buf_release(&queue);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_adversarial__100k_actions_in_a_cycle),
		cmocka_unit_test(test_adversarial__transition_cycles),
		cmocka_unit_test(test_adversarial__50mb_content_string),
		cmocka_unit_test(test_adversarial__10k_deep_arrays),
		cmocka_unit_test(test_adversarial__millions_of_placeholders),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
