/*
 * The inventory and every source that fills it: the store and its
 * replacer keys, the reference layout, plain folders, name lists, and
 * each saved AWS CLI list output (tests/data/awscli), with the errors a
 * malformed source gives.
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

#include "inventory/inventory.h"
#include "inventory/sources.h"
#include "repo/snapshot.h"
#include "util/error.h"
#include "tmp_tree.h"

#define S(s) fl_str_cstr(s)

/* Sources read from disk, without a cache. */
static struct fl_inventory_reader disk = { &fl_snapshot_disk, NULL, 0, 0 };

static const char *
name_of(const struct fl_resource *r)
{
	return r != NULL ? r->name : "(none)";
}

/* A fresh temporary folder; removed by tmp_tree_remove. */
static char *
tmpdir(void)
{
	char *d = strdup("/tmp/fl-inv-XXXXXX");

	assert_non_null(mkdtemp(d));
	return d;
}

/* tests/data/awscli/<name>, or NULL (the test skips) outside ctest. */
static char *
awscli_file(const char *name)
{
	const char *src = getenv("FLOWLINT_SOURCE_DIR");
	char *path;

	if (src == NULL)
		return NULL;
	path = malloc(strlen(src) + strlen(name) + 32);
	sprintf(path, "%s/tests/data/awscli/%s", src, name);
	return path;
}

static void
test_inventory__add_and_look_up(void **state)
{
	struct fl_inventory *inv = fl_inventory_new();
	const struct fl_resource *r;

	assert_false(fl_inventory_has_kind(inv, FL_RES_QUEUE));
	fl_inventory_add(inv, FL_RES_QUEUE, "sales", NULL, NULL, "q.json");
	assert_true(fl_inventory_has_kind(inv, FL_RES_QUEUE));
	assert_false(fl_inventory_has_kind(inv, FL_RES_FLOW));
	r = fl_inventory_by_name(inv, FL_RES_QUEUE, S("sales"));
	assert_non_null(r);
	assert_null(r->id);
	assert_string_equal(r->source, "q.json");
	/* A second source fills in the ID; lookups by ID then find it. */
	fl_inventory_add(inv, FL_RES_QUEUE, "sales", "id-1", "arn:1", "l.json");
	assert_string_equal(r->id, "id-1");
	assert_ptr_equal(fl_inventory_by_id(inv, FL_RES_QUEUE, S("id-1")), r);
	assert_int_equal(fl_inventory_count(inv, FL_RES_QUEUE), 1);
	/* Same name, other ID (another instance): kept beside it. */
	fl_inventory_add(inv, FL_RES_QUEUE, "sales", "id-2", NULL, "p.json");
	assert_int_equal(fl_inventory_count(inv, FL_RES_QUEUE), 2);
	assert_ptr_equal(fl_inventory_by_name(inv, FL_RES_QUEUE, S("sales")), r);
	assert_string_equal(name_of(fl_inventory_by_id(inv, FL_RES_QUEUE,
	    S("id-2"))), "sales");
	/* Kinds do not mix. */
	assert_null(fl_inventory_by_name(inv, FL_RES_FLOW, S("sales")));
	assert_null(fl_inventory_by_name(inv, FL_RES_QUEUE, S("Sales")));
	/* Many entries grow the tables. */
	for (int i = 0; i < 500; i++) {
		char n[16];

		snprintf(n, sizeof(n), "q%d", i);
		fl_inventory_add(inv, FL_RES_QUEUE, n, n, NULL, NULL);
	}
	assert_string_equal(name_of(fl_inventory_by_id(inv, FL_RES_QUEUE,
	    S("q417"))), "q417");
	fl_inventory_free(inv);
	fl_inventory_free(NULL);
	assert_null(fl_inventory_by_name(NULL, FL_RES_QUEUE, S("sales")));
	assert_false(fl_inventory_has_kind(NULL, FL_RES_QUEUE));
}

static void
test_inventory__replacer_keys(void **state)
{
	struct fl_inventory *inv = fl_inventory_new();

	fl_inventory_add(inv, FL_RES_PROMPT, "CustomerQueue.wav", NULL, NULL,
	    NULL);
	fl_inventory_add(inv, FL_RES_PROMPT, "Hold.Music.wav", NULL, NULL, NULL);
	fl_inventory_add(inv, FL_RES_LAMBDA, "acme-exampleFunction-use1", NULL,
	    NULL, NULL);
	fl_inventory_add(inv, FL_RES_LAMBDA, "plain", NULL, NULL, NULL);
	/* Prompts are known by their name up to the first dot. */
	assert_non_null(fl_inventory_by_key(inv, FL_RES_PROMPT,
	    S("CustomerQueue")));
	assert_null(fl_inventory_by_key(inv, FL_RES_PROMPT,
	    S("CustomerQueue.wav")));
	assert_non_null(fl_inventory_by_key(inv, FL_RES_PROMPT, S("Hold")));
	assert_null(fl_inventory_by_key(inv, FL_RES_PROMPT, S("Hold.Music")));
	/* Lambdas by name and without the region suffix. */
	assert_non_null(fl_inventory_by_key(inv, FL_RES_LAMBDA,
	    S("acme-exampleFunction-use1")));
	assert_non_null(fl_inventory_by_key(inv, FL_RES_LAMBDA,
	    S("acme-exampleFunction")));
	assert_non_null(fl_inventory_by_key(inv, FL_RES_LAMBDA, S("plain")));
	fl_inventory_free(inv);
}

static void
test_inventory__replacer_pick_follows_map_order(void **state)
{
	static const enum fl_res_kind with_hours[] = { FL_RES_QUEUE,
		FL_RES_HOURS };
	struct fl_inventory *inv = fl_inventory_new();
	const struct fl_resource *r;

	fl_inventory_add(inv, FL_RES_QUEUE, "sales", NULL, NULL, NULL);
	fl_inventory_add(inv, FL_RES_HOURS, "sales", NULL, NULL, NULL);
	fl_inventory_add(inv, FL_RES_HOURS, "office", NULL, NULL, NULL);
	r = fl_inventory_replacer_pick(inv, S("sales"));
	assert_int_equal(r->kind, FL_RES_QUEUE);	/* no hours in the map */
	assert_null(fl_inventory_replacer_pick(inv, S("office")));
	assert_false(fl_inventory_replacer_has_kind(inv, FL_RES_HOURS));
	fl_inventory_add(inv, FL_RES_FLOW, "sales", NULL, NULL, NULL);
	r = fl_inventory_replacer_pick(inv, S("sales"));
	assert_int_equal(r->kind, FL_RES_FLOW);		/* flows after queues */
	fl_inventory_set_replacer_kinds(inv, with_hours, 2);
	assert_int_equal(fl_inventory_replacer_pick(inv, S("sales"))->kind,
	    FL_RES_HOURS);
	assert_non_null(fl_inventory_replacer_pick(inv, S("office")));
	fl_inventory_free(inv);
}

static void
test_inventory__kind_names_and_letters(void **state)
{
	int k;

	for (k = 0; k < FL_RES_KIND_COUNT; k++)
		assert_int_equal(fl_res_kind_from_name(S(fl_res_kind_name(
		    (enum fl_res_kind)k))), k);
	assert_int_equal(fl_res_kind_from_name(S("agent")), -1);
	assert_int_equal(fl_res_kind_from_letter('Q'), FL_RES_QUEUE);
	assert_int_equal(fl_res_kind_from_letter('H'), FL_RES_HOURS);
	assert_int_equal(fl_res_kind_from_letter('X'), -1);
	assert_int_equal(fl_res_kind_letter(FL_RES_MODULE), 'M');
	assert_int_equal(fl_res_kind_letter(FL_RES_LAMBDA), 0);
	assert_int_equal(fl_res_kind_from_arn(S("contact-flow")), FL_RES_FLOW);
	assert_int_equal(fl_res_kind_from_arn(S("operating-hours")),
	    FL_RES_HOURS);
	assert_int_equal(fl_res_kind_from_arn(S("bot-alias")), FL_RES_LEX_BOT);
	assert_int_equal(fl_res_kind_from_arn(S("agent")), -1);
}

static void
test_inventory__layout(void **state)
{
	char *d = tmpdir();
	struct fl_inventory *inv = fl_inventory_new();
	const struct fl_resource *r;
	const char *const *src;
	size_t n;

	tmp_tree_put(d, "imports/resources/flows/main.json", "{\"Name\": \"main\", "
	    "\"Type\": \"CONTACT_FLOW\", \"Content\": \"{}\"}");
	tmp_tree_put(d, "imports/resources/flows/sub/mod.json", "{\"Name\": \"mod\", "
	    "\"Content\": \"{}\"}");
	tmp_tree_put(d, "imports/resources/flows/api.json", "{\"ContactFlow\": {\"Name\":"
	    " \"api\", \"Id\": \"f-1\", \"Arn\": \"arn:x\", \"Type\": "
	    "\"CONTACT_FLOW\", \"Content\": \"{}\"}}");
	tmp_tree_put(d, "imports/resources/flows/broken.json", "{\"Name\": ");
	tmp_tree_put(d, "imports/resources/flows/noname.json", "{\"Content\": \"{}\"}");
	tmp_tree_put(d, "imports/resources/queues/sales.json", "{\"Name\": \"sales\"}");
	tmp_tree_put(d, "imports/resources/hoop/sales.json", "{\"Name\": \"sales\"}");
	tmp_tree_put(d, "imports/resources/quick-connects/qc.json", "{\"Name\": \"qc\", "
	    "\"Type\": \"QUEUE\"}");
	tmp_tree_put(d, "imports/resources/views/v.json", "{\"Name\": \"Disposition\", "
	    "\"Type\": \"CUSTOMER_MANAGED\", \"Content\": {\"Actions\": []}}");
	tmp_tree_put(d, "imports/resources/routing-profiles/README.md", "empty\n");
	tmp_tree_put(d, "imports/resources/bots/acme/acme/Bot.json", "{\"name\": "
	    "\"acme-lexbot\", \"identifier\": \"RRR1QBJYLY\"}");
	tmp_tree_put(d, "imports/resources/bots/acme/aliases.json", "[{\"botId\": "
	    "\"RRR1QBJYLY\", \"botAliasId\": \"6D2PWJ4ZZP\", \"botAliasName\": "
	    "\"current\"}]");

	assert_int_equal(fl_inventory_read_layout(inv, &disk, d), 7);
	fl_inventory_finish(inv);
	assert_non_null(fl_inventory_by_name(inv, FL_RES_FLOW, S("main")));
	assert_non_null(fl_inventory_by_name(inv, FL_RES_MODULE, S("mod")));
	assert_null(fl_inventory_by_name(inv, FL_RES_FLOW, S("mod")));
	r = fl_inventory_by_id(inv, FL_RES_FLOW, S("f-1"));
	assert_string_equal(name_of(r), "api");
	assert_string_equal(r->arn, "arn:x");
	assert_int_equal(fl_inventory_count(inv, FL_RES_FLOW), 2);
	assert_non_null(fl_inventory_by_name(inv, FL_RES_QUEUE, S("sales")));
	assert_non_null(fl_inventory_by_name(inv, FL_RES_HOURS, S("sales")));
	assert_non_null(fl_inventory_by_name(inv, FL_RES_QUICK_CONNECT,
	    S("qc")));
	assert_non_null(fl_inventory_by_name(inv, FL_RES_VIEW,
	    S("Disposition")));
	/* An empty folder is still a source; a missing one is not. */
	assert_true(fl_inventory_has_kind(inv, FL_RES_ROUTING_PROFILE));
	assert_false(fl_inventory_has_kind(inv, FL_RES_AGENT_STATUS));
	assert_false(fl_inventory_has_kind(inv, FL_RES_PROMPT));
	/* Bots by name, aliases by bot/alias and by IDs. */
	assert_non_null(fl_inventory_by_key(inv, FL_RES_LEX_BOT,
	    S("acme-lexbot")));
	r = fl_inventory_by_key(inv, FL_RES_LEX_BOT, S("acme-lexbot/current"));
	assert_string_equal(name_of(r), "acme-lexbot/current");
	assert_ptr_equal(fl_inventory_by_key(inv, FL_RES_LEX_BOT,
	    S("RRR1QBJYLY/6D2PWJ4ZZP")), r);
	assert_ptr_equal(fl_inventory_by_id(inv, FL_RES_LEX_BOT,
	    S("RRR1QBJYLY/6D2PWJ4ZZP")), r);
	src = fl_inventory_sources(inv, FL_RES_QUEUE, &n);
	assert_int_equal(n, 1);
	assert_non_null(strstr(src[0], "imports/resources/queues"));
	fl_inventory_free(inv);

	/* No imports/resources at all. */
	inv = fl_inventory_new();
	tmp_tree_put(d, "other/x.json", "{}");
	assert_int_equal(fl_inventory_read_layout(inv, &disk, "/nonexistent"), 0);
	fl_inventory_free(inv);
	tmp_tree_remove(d);
	free(d);
}

static void
test_inventory__folder(void **state)
{
	char *d = tmpdir(), path[512];
	struct fl_inventory *inv = fl_inventory_new();

	tmp_tree_put(d, "admin/queues/a.json", "{\"Name\": \"a\", \"Id\": \"1\"}");
	tmp_tree_put(d, "admin/queues/deep/b.json", "{\"Name\": \"b\"}");
	tmp_tree_put(d, "admin/queues/notes.txt", "not json");
	snprintf(path, sizeof(path), "%s/admin/queues", d);
	assert_int_equal(fl_inventory_read_folder(inv, &disk, FL_RES_QUEUE, path), 0);
	assert_int_equal(fl_inventory_count(inv, FL_RES_QUEUE), 2);
	assert_string_equal(name_of(fl_inventory_by_id(inv, FL_RES_QUEUE,
	    S("1"))), "a");
	snprintf(path, sizeof(path), "%s/missing", d);
	assert_int_equal(fl_inventory_read_folder(inv, &disk, FL_RES_QUEUE, path),
	    FL_ENOTFOUND);
	assert_non_null(strstr(fl_error_msg(), "missing"));
	fl_inventory_free(inv);
	tmp_tree_remove(d);
	free(d);
}

/*
 * A big folder is read on several threads; what it gives, and which of
 * two files with one name wins, is what one thread gives.
 */
static void
test_inventory__folder_in_parallel(void **state)
{
	struct fl_inventory_reader threads = { &fl_snapshot_disk, NULL, 4, 0 };
	struct fl_inventory_reader one = { &fl_snapshot_disk, NULL, 1, 0 };
	struct fl_inventory *a = fl_inventory_new(), *b = fl_inventory_new();
	char *d = tmpdir(), rel[64], text[96], path[512];
	const struct fl_resource *ra, *rb;
	int i;

	for (i = 0; i < 300; i++) {
		snprintf(rel, sizeof(rel), "flows/f%03d.json", i);
		/* Every tenth file reuses the name of the one before. */
		snprintf(text, sizeof(text), "{\"Name\": \"flow-%d\", \"Id\": "
		    "\"id-%d\", %s\"Content\": \"{}\"}", i - (i % 10 == 9), i,
		    i % 7 == 0 ? "" : "\"Type\": \"CONTACT_FLOW\", ");
		tmp_tree_put(d, rel, i == 150 ? "{ broken" : text);
	}
	snprintf(path, sizeof(path), "%s/flows", d);
	assert_int_equal(fl_inventory_read_folder(a, &threads, FL_RES_FLOW,
	    path), 0);
	assert_int_equal(fl_inventory_read_folder(b, &one, FL_RES_FLOW, path),
	    0);
	assert_int_equal(threads.files, 300);
	assert_int_equal(fl_inventory_count(a, FL_RES_FLOW),
	    fl_inventory_count(b, FL_RES_FLOW));
	assert_int_equal(fl_inventory_count(a, FL_RES_MODULE),
	    fl_inventory_count(b, FL_RES_MODULE));
	assert_true(fl_inventory_count(a, FL_RES_MODULE) > 0);
	for (i = 0; i < 300; i++) {
		snprintf(text, sizeof(text), "flow-%d", i);
		ra = fl_inventory_by_name(a, i % 7 == 0 ? FL_RES_MODULE :
		    FL_RES_FLOW, S(text));
		rb = fl_inventory_by_name(b, i % 7 == 0 ? FL_RES_MODULE :
		    FL_RES_FLOW, S(text));
		assert_true((ra == NULL) == (rb == NULL));
		if (ra != NULL) {
			assert_string_equal(ra->source, rb->source);
			assert_string_equal(ra->id, rb->id);
		}
	}
	/* The broken file describes nothing; the first of two names wins. */
	assert_null(fl_inventory_by_id(a, FL_RES_FLOW, S("id-150")));
	assert_string_equal(name_of(fl_inventory_by_id(a, FL_RES_FLOW,
	    S("id-8"))), "flow-8");
	fl_inventory_free(a);
	fl_inventory_free(b);
	tmp_tree_remove(d);
	free(d);
}

static void
test_inventory__names(void **state)
{
	static const char text[] =
	    "# prompts of the shared pipeline\n"
	    "Welcome.wav\r\n"
	    "\n"
	    "  Hold music.wav  \n"
	    "CustomerQueue.wav\t0a1b2c3d-0000-4000-8000-000000000001\t"
	    "arn:aws:connect:us-east-1:111122223333:instance/i/prompt/p\n"
	    "Last line without newline";
	struct fl_inventory *inv = fl_inventory_new();
	const struct fl_resource *r;

	fl_inventory_read_names(inv, FL_RES_PROMPT, text, strlen(text),
	    "prompts.txt");
	assert_int_equal(fl_inventory_count(inv, FL_RES_PROMPT), 4);
	assert_non_null(fl_inventory_by_name(inv, FL_RES_PROMPT,
	    S("Welcome.wav")));
	assert_non_null(fl_inventory_by_name(inv, FL_RES_PROMPT,
	    S("Hold music.wav")));
	r = fl_inventory_by_id(inv, FL_RES_PROMPT,
	    S("0a1b2c3d-0000-4000-8000-000000000001"));
	assert_string_equal(name_of(r), "CustomerQueue.wav");
	assert_non_null(r->arn);
	assert_non_null(fl_inventory_by_name(inv, FL_RES_PROMPT,
	    S("Last line without newline")));
	fl_inventory_free(inv);

	/* An empty list is a source that has nothing. */
	inv = fl_inventory_new();
	fl_inventory_read_names(inv, FL_RES_LAMBDA, "", 0, "none.txt");
	assert_true(fl_inventory_has_kind(inv, FL_RES_LAMBDA));
	assert_int_equal(fl_inventory_count(inv, FL_RES_LAMBDA), 0);
	fl_inventory_free(inv);
}

/* Reads one saved list into a fresh inventory. */
static struct fl_inventory *
read_aws(const char *name, int kind)
{
	struct fl_inventory *inv = fl_inventory_new();
	char *path = awscli_file(name);

	if (path == NULL) {
		fl_inventory_free(inv);
		return NULL;
	}
	if (fl_inventory_read_awscli(inv, &disk, kind, path) != 0)
		fail_msg("%s: %s", name, fl_error_msg());
	free(path);
	fl_inventory_finish(inv);
	return inv;
}

static void
test_inventory__awscli_connect_lists(void **state)
{
	static const struct {
		const char *file;
		enum fl_res_kind kind;
		size_t count;
		const char *name, *id;
	} cases[] = {
		{ "list-queues.json", FL_RES_QUEUE, 3, "sales",
		  "0b3e4a6c-1f2d-4e5a-9b8c-7d6e5f4a3b2c" },
		{ "list-contact-flows.json", FL_RES_FLOW, 3,
		  "Default queue transfer",
		  "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d" },
		{ "list-contact-flow-modules.json", FL_RES_MODULE, 1,
		  "acme_contact_flow_module_AUTO",
		  "4b5c6d7e-8f9a-4b0c-9d1e-2f3a4b5c6d7e" },
		{ "list-prompts.json", FL_RES_PROMPT, 3, "CustomerQueue.wav",
		  "d6e7f8a9-b0c1-4d2e-9f3a-4b5c6d7e8f9a" },
		{ "list-hours-of-operations.json", FL_RES_HOURS, 2,
		  "Basic Hours", "f8a9b0c1-d2e3-4f4a-9b5c-6d7e8f9a0b1c" },
		{ "list-quick-connects.json", FL_RES_QUICK_CONNECT, 2,
		  "phone_number", "c1d2e3f4-a5b6-4c7d-8e8f-9a0b1c2d3e4f" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct fl_inventory *inv = read_aws(cases[i].file, -1);
		const struct fl_resource *r;

		if (inv == NULL)
			skip();
		assert_true(fl_inventory_has_kind(inv, cases[i].kind));
		assert_int_equal(fl_inventory_count(inv, cases[i].kind),
		    cases[i].count);
		r = fl_inventory_by_id(inv, cases[i].kind, S(cases[i].id));
		assert_string_equal(name_of(r), cases[i].name);
		assert_non_null(r->arn);
		assert_non_null(strstr(r->arn, cases[i].id));
		fl_inventory_free(inv);
	}
}

static void
test_inventory__awscli_lambda_and_lex(void **state)
{
	struct fl_inventory *inv = fl_inventory_new();
	const struct fl_resource *r;
	char *bots = awscli_file("list-bots.json");
	char *aliases = awscli_file("list-bot-aliases.json");
	char *fns = awscli_file("list-functions.json");

	if (bots == NULL) {
		fl_inventory_free(inv);
		skip();
	}
	/* Aliases first: they are joined with the bots at the end. */
	assert_int_equal(fl_inventory_read_awscli(inv, &disk, FL_RES_LEX_BOT,
	    aliases), 0);
	assert_int_equal(fl_inventory_read_awscli(inv, &disk, -1, bots), 0);
	assert_int_equal(fl_inventory_read_awscli(inv, &disk, FL_RES_LAMBDA, fns), 0);
	fl_inventory_finish(inv);
	r = fl_inventory_by_key(inv, FL_RES_LAMBDA, S("acme-exampleFunction"));
	assert_string_equal(name_of(r), "acme-exampleFunction-use1");
	assert_non_null(strstr(r->arn, ":function:acme-exampleFunction-use1"));
	assert_non_null(fl_inventory_by_key(inv, FL_RES_LAMBDA,
	    S("acme-caller-verify")));
	assert_string_equal(name_of(fl_inventory_by_id(inv, FL_RES_LEX_BOT,
	    S("RRR1QBJYLY"))), "acme-lexbot");
	assert_non_null(fl_inventory_by_key(inv, FL_RES_LEX_BOT,
	    S("acme-lexbot/current")));
	assert_non_null(fl_inventory_by_key(inv, FL_RES_LEX_BOT,
	    S("acme-lexbot/TestBotAlias")));
	assert_string_equal(name_of(fl_inventory_by_id(inv, FL_RES_LEX_BOT,
	    S("RRR1QBJYLY/TSTALIASID"))), "acme-lexbot/TestBotAlias");
	assert_non_null(fl_inventory_by_key(inv, FL_RES_LEX_BOT,
	    S("ACME-lexbot2-tfdemo")));
	fl_inventory_free(inv);

	/* Without list-bots, an alias is known by its IDs only. */
	inv = fl_inventory_new();
	assert_int_equal(fl_inventory_read_awscli(inv, &disk, -1, aliases), 0);
	fl_inventory_finish(inv);
	assert_non_null(fl_inventory_by_key(inv, FL_RES_LEX_BOT,
	    S("RRR1QBJYLY/6D2PWJ4ZZP")));
	assert_null(fl_inventory_by_key(inv, FL_RES_LEX_BOT,
	    S("acme-lexbot/current")));
	fl_inventory_free(inv);
	free(bots);
	free(aliases);
	free(fns);
}

/* The error a saved list gives, or "" when it reads. */
static const char *
aws_error(const char *dir, const char *text, int kind)
{
	struct fl_inventory *inv = fl_inventory_new();
	char path[512];
	int err;

	tmp_tree_put(dir, "list.json", text);
	snprintf(path, sizeof(path), "%s/list.json", dir);
	fl_error_clear();
	err = fl_inventory_read_awscli(inv, &disk, kind, path);
	fl_inventory_free(inv);
	return err == 0 ? "" : fl_error_msg();
}

static void
test_inventory__awscli_errors(void **state)
{
	char *d = tmpdir();
	const char *msg;

	msg = aws_error(d, "{\"QueueSummaryList\": [", -1);
	assert_non_null(strstr(msg, "list.json:1:23: "));
	msg = aws_error(d, "[1, 2]", -1);
	assert_non_null(strstr(msg, "list.json:1:1: not the saved output of "
	    "an AWS CLI list command"));
	msg = aws_error(d, "{\"Queues\": []}", -1);
	assert_non_null(strstr(msg, "it has none of QueueSummaryList, "));
	msg = aws_error(d, "{\n  \"QueueSummaryList\": []\n}", FL_RES_PROMPT);
	assert_non_null(strstr(msg, "list.json:2:3: \"QueueSummaryList\" lists "
	    "queue resources, but the source is declared as kind \"prompt\""));
	msg = aws_error(d, "{\"PromptSummaryList\": {}}", -1);
	assert_non_null(strstr(msg, "\"PromptSummaryList\" is not an array"));
	msg = aws_error(d, "{\"PromptSummaryList\": [\n {\"Name\": \"a\"},\n "
	    "{\"Id\": \"x\"}]}", -1);
	assert_non_null(strstr(msg, "list.json:3:2: PromptSummaryList[1] has no "
	    "string \"Name\""));
	msg = aws_error(d, "{\"botAliasSummaries\": []}", -1);
	assert_non_null(strstr(msg, "without its \"botId\""));
	msg = aws_error(d, "{\"QueueSummaryList\": [{\"Id\": \"agent/1\", "
	    "\"QueueType\": \"AGENT\"}], \"NextToken\": \"abc\"}", FL_RES_QUEUE);
	assert_string_equal(msg, "");
	fl_error_clear();
	{
		struct fl_inventory *inv = fl_inventory_new();

		assert_int_equal(fl_inventory_read_awscli(inv, &disk, -1,
		    "/nonexistent/list.json"), FL_EIO);
		fl_inventory_free(inv);
	}
	tmp_tree_remove(d);
	free(d);
}

static void
test_inventory__awscli_command_names(void **state)
{
	assert_string_equal(fl_inventory_awscli_command(FL_RES_QUEUE),
	    "aws connect list-queues");
	assert_string_equal(fl_inventory_awscli_command(FL_RES_LAMBDA),
	    "aws lambda list-functions");
	assert_null(fl_inventory_awscli_command(FL_RES_KIND_COUNT));
}

/* The reference monorepo, read with no configuration. */
static void
test_inventory__reference_monorepo(void **state)
{
	const char *src = getenv("FLOWLINT_SOURCE_DIR");
	struct fl_inventory *inv;
	char path[1024];
	struct stat st;

	if (src == NULL)
		skip();
	snprintf(path, sizeof(path), "%s/../shared/corpus/reference-monorepo",
	    src);
	if (stat(path, &st) != 0)
		skip();
	inv = fl_inventory_new();
	fl_inventory_read_layout(inv, &disk, path);
	fl_inventory_finish(inv);
	assert_int_equal(fl_inventory_count(inv, FL_RES_FLOW), 8);
	assert_non_null(fl_inventory_by_name(inv, FL_RES_MODULE,
	    S("acme_contact_flow_module_AUTO")));
	assert_non_null(fl_inventory_by_name(inv, FL_RES_QUEUE, S("finance")));
	assert_non_null(fl_inventory_by_name(inv, FL_RES_HOURS, S("support")));
	assert_non_null(fl_inventory_by_key(inv, FL_RES_LEX_BOT,
	    S("acme-lexbot")));
	assert_non_null(fl_inventory_by_name(inv, FL_RES_AGENT_STATUS,
	    S("Meeting")));
	assert_false(fl_inventory_has_kind(inv, FL_RES_PROMPT));
	assert_false(fl_inventory_has_kind(inv, FL_RES_LAMBDA));
	fl_inventory_free(inv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inventory__add_and_look_up),
		cmocka_unit_test(test_inventory__replacer_keys),
		cmocka_unit_test(test_inventory__replacer_pick_follows_map_order),
		cmocka_unit_test(test_inventory__kind_names_and_letters),
		cmocka_unit_test(test_inventory__layout),
		cmocka_unit_test(test_inventory__folder),
		cmocka_unit_test(test_inventory__folder_in_parallel),
		cmocka_unit_test(test_inventory__names),
		cmocka_unit_test(test_inventory__awscli_connect_lists),
		cmocka_unit_test(test_inventory__awscli_lambda_and_lex),
		cmocka_unit_test(test_inventory__awscli_errors),
		cmocka_unit_test(test_inventory__awscli_command_names),
		cmocka_unit_test(test_inventory__reference_monorepo),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
