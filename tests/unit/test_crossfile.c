/*
 * The cross-file rules against an inventory built in the test:
 * FL102 hardcoded-resource-id, FL303 dangling-flow-attribute, FL304
 * dangling-placeholder and FL310 name-collision — what each reports,
 * where, and that a kind without a source (or no inventory) stays
 * silent.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "inventory/inventory.h"
#include "inventory/sources.h"
#include "lint_helper.h"

#define ARN "arn:aws:connect:${REGION}:${ACCT_ID}:instance/${INSTANCE_ID}"
#define QID "0b3e4a6c-1f2d-4e5a-9b8c-7d6e5f4a3b2c"

/* A raw flow: an object map with `map` (members, may be empty), then
 * the actions in `acts` (each ending in "end"), then "end". */
static char *
flow(const char *map, const char *acts)
{
	static const char fmt[] =
	    "{\"Version\":\"2019-10-30\",\"StartAction\":\"FLOW_OBJECT_MAPS#\","
	    "\"Metadata\":{\"ActionMetadata\":{}},\"Actions\":["
	    "{\"Identifier\":\"FLOW_OBJECT_MAPS#\",\"Type\":\"UpdateFlowAttributes\","
	    "\"Parameters\":{\"FlowAttributes\":{%s}},"
	    "\"Transitions\":{\"NextAction\":\"a\"}},%s,"
	    "{\"Identifier\":\"end\",\"Type\":\"DisconnectParticipant\","
	    "\"Parameters\":{},\"Transitions\":{}}]}";
	char *out = malloc(sizeof(fmt) + strlen(map) + strlen(acts));

	sprintf(out, fmt, map, acts);
	return out;
}

/* One action "a" of `type` with `params`, going to "end". */
static char *
action(const char *type, const char *params)
{
	char *out = malloc(strlen(type) + strlen(params) + 128);

	sprintf(out, "{\"Identifier\":\"a\",\"Type\":\"%s\",\"Parameters\":%s,"
	    "\"Transitions\":{\"NextAction\":\"end\"}}", type, params);
	return out;
}

struct check {
	struct lint_env env;
	struct fl_inventory *inv;
	struct fl_result res;
	bool linted;
};

static int
setup(void **state)
{
	struct check *c = calloc(1, sizeof(*c));

	lint_env_init(&c->env);
	c->inv = fl_inventory_new();
	c->env.opts.inventory = c->inv;
	*state = c;
	return 0;
}

static int
teardown(void **state)
{
	struct check *c = *state;

	if (c->linted)
		fl_result_release(&c->res);
	fl_inventory_free(c->inv);
	lint_env_release(&c->env);
	free(c);
	return 0;
}

static void
add(struct check *c, enum fl_res_kind kind, const char *name, const char *id)
{
	fl_inventory_note_source(c->inv, kind, "test");
	fl_inventory_add(c->inv, kind, name, id, NULL, "test");
}

/* Lints `text` (freed) and returns the findings of `code`. */
static unsigned
run(struct check *c, char *text, const char *code)
{
	if (c->linted)
		fl_result_release(&c->res);
	lint_text(&c->res, &c->env, "flow.json", text);
	c->linted = true;
	free(text);
	return count_code(&c->res, code);
}

static char *
with_action(const char *map, const char *type, const char *params)
{
	char *a = action(type, params), *f = flow(map, a);

	free(a);
	return f;
}

static const char *
message(struct check *c, const char *code)
{
	const struct fl_diag *d = find_code(&c->res, code);

	return d != NULL ? d->message : "(no finding)";
}

#define QUEUE_MAP(k) "\"" k "\":{\"Value\":\"" ARN "/queue/${Q:" k ":Q}\"}"

static void
test_fl303__typed_by_parameter(void **state)
{
	struct check *c = *state;
	const struct fl_diag *d;

	add(c, FL_RES_QUEUE, "sales", NULL);
	assert_int_equal(run(c, with_action(QUEUE_MAP("sales"),
	    "UpdateContactTargetQueue", "{\"QueueId\":\"$.FlowAttributes.sales\"}"),
	    "FL303"), 0);
	assert_int_equal(run(c, with_action(QUEUE_MAP("salez"),
	    "UpdateContactTargetQueue", "{\"QueueId\":\"$.FlowAttributes.salez\"}"),
	    "FL303"), 1);
	d = find_code(&c->res, "FL303");
	assert_string_equal(d->message, "$.FlowAttributes.salez: nothing in "
	    "this flow sets it and no queue is named \"salez\" in the inventory "
	    "(test)");
	assert_string_equal(d->pointer, "/Actions/1/Parameters/QueueId");
	assert_int_equal(d->line, 1);
	assert_memory_equal(c->res.src.text + d->off, "\"$.FlowAttributes.salez\"",
	    24);
	/* A flow variable is set, not resolved. */
	assert_int_equal(run(c, flow("", "{\"Identifier\":\"a\",\"Type\":"
	    "\"UpdateFlowAttributes\",\"Parameters\":{\"FlowAttributes\":{"
	    "\"q\":{\"Value\":\"x\"}}},\"Transitions\":{\"NextAction\":\"b\"}},"
	    "{\"Identifier\":\"b\",\"Type\":\"UpdateContactTargetQueue\","
	    "\"Parameters\":{\"QueueId\":\"$.FlowAttributes.q\"},"
	    "\"Transitions\":{\"NextAction\":\"end\"}}"), "FL303"), 0);
}

static void
test_fl303__kinds_without_source_are_not_checked(void **state)
{
	struct check *c = *state;

	assert_int_equal(run(c, with_action(QUEUE_MAP("salez"),
	    "UpdateContactTargetQueue", "{\"QueueId\":\"$.FlowAttributes.salez\"}"),
	    "FL303"), 0);
	assert_int_equal(run(c, with_action("\"fn\":{\"Value\":\"arn:aws:lambda:"
	    "$.AwsRegion:${ACCT_ID}:function:fn\"}", "InvokeLambdaFunction",
	    "{\"LambdaFunctionARN\":\"$.FlowAttributes.fn\"}"), "FL303"), 0);
	add(c, FL_RES_LAMBDA, "other-use1", NULL);
	assert_int_equal(run(c, with_action("\"fn\":{\"Value\":\"arn:aws:lambda:"
	    "$.AwsRegion:${ACCT_ID}:function:fn\"}", "InvokeLambdaFunction",
	    "{\"LambdaFunctionARN\":\"$.FlowAttributes.fn\"}"), "FL303"), 1);
	assert_int_equal(run(c, with_action("\"other\":{\"Value\":\"x\"}",
	    "InvokeLambdaFunction",
	    "{\"LambdaFunctionARN\":\"$.FlowAttributes.other\"}"), "FL303"), 0);
	/* No inventory at all: silent. */
	c->env.opts.inventory = NULL;
	assert_int_equal(run(c, with_action(QUEUE_MAP("salez"),
	    "UpdateContactTargetQueue", "{\"QueueId\":\"$.FlowAttributes.salez\"}"),
	    "FL303"), 0);
}

static void
test_fl303__flows_modules_and_hooks(void **state)
{
	struct check *c = *state;

	add(c, FL_RES_FLOW, "after_hours", NULL);
	add(c, FL_RES_MODULE, "auth", NULL);
	add(c, FL_RES_LEX_BOT, "acme-lexbot", "RRR1QBJYLY");
	assert_int_equal(run(c, with_action("", "TransferToFlow",
	    "{\"ContactFlowId\":\"$.FlowAttributes.after_hours\"}"), "FL303"), 0);
	assert_int_equal(run(c, with_action("", "TransferToFlow",
	    "{\"ContactFlowId\":\"$.FlowAttributes.closed\"}"), "FL303"), 1);
	assert_int_equal(run(c, with_action("", "UpdateContactEventHooks",
	    "{\"EventHooks\":{\"CustomerQueue\":\"$.FlowAttributes.cq\"}}"),
	    "FL303"), 1);
	assert_non_null(strstr(message(c, "FL303"), "no flow is named \"cq\""));
	assert_int_equal(run(c, with_action("", "InvokeFlowModule",
	    "{\"FlowModuleId\":\"$.FlowAttributes.auth\"}"), "FL303"), 0);
	/* A flow's name where a module belongs. */
	assert_int_equal(run(c, with_action("", "InvokeFlowModule",
	    "{\"FlowModuleId\":\"$.FlowAttributes.after_hours\"}"), "FL303"), 1);
	assert_string_equal(message(c, "FL303"), "$.FlowAttributes.after_hours: "
	    "no flow module is named \"after_hours\" in the inventory (test); "
	    "the deploy replacer would resolve it to the flow of that name");
	/* A Lex bot by its name, as the reference bots folder gives it. */
	assert_int_equal(run(c, with_action("", "ConnectParticipantWithLexBot",
	    "{\"LexV2Bot\":{\"AliasArn\":\"$.FlowAttributes.acme-lexbot\"}}"),
	    "FL303"), 0);
}

static void
test_fl303__hours_and_untyped(void **state)
{
	static const enum fl_res_kind with_hours[] = { FL_RES_QUEUE,
		FL_RES_FLOW, FL_RES_HOURS };
	struct check *c = *state;

	add(c, FL_RES_HOURS, "office", NULL);
	assert_int_equal(run(c, with_action("", "CheckHoursOfOperation",
	    "{\"HoursOfOperationId\":\"$.FlowAttributes.office\"}"), "FL303"), 1);
	assert_non_null(strstr(message(c, "FL303"), "the deploy replacer cannot "
	    "resolve this hours of operation reference"));
	fl_inventory_set_replacer_kinds(c->inv, with_hours, 3);
	assert_int_equal(run(c, with_action("", "CheckHoursOfOperation",
	    "{\"HoursOfOperationId\":\"$.FlowAttributes.office\"}"), "FL303"), 0);
	/* Read, never set, not in the map: a misspelt variable. */
	assert_int_equal(run(c, with_action("", "Compare",
	    "{\"ComparisonValue\":\"$.FlowAttributes.retries\"}"), "FL303"), 1);
	assert_non_null(strstr(message(c, "FL303"), "it is not in the object "
	    "map"));
	/* In the map with a value of unknown kind: the kinds are not all
	 * known, so it is not judged. */
	assert_int_equal(run(c, with_action("\"retries\":{\"Value\":\"x\"}",
	    "Compare", "{\"ComparisonValue\":\"$.FlowAttributes.retries\"}"),
	    "FL303"), 0);
	/* Metadata copies are not checked. */
	assert_int_equal(run(c, strdup("{\"Version\":\"2019-10-30\","
	    "\"StartAction\":\"end\",\"Metadata\":{\"ActionMetadata\":{\"end\":"
	    "{\"x\":\"$.FlowAttributes.zzz\"}}},\"Actions\":[{\"Identifier\":"
	    "\"end\",\"Type\":\"DisconnectParticipant\",\"Parameters\":{},"
	    "\"Transitions\":{}}]}"), "FL303"), 0);
}

static void
test_fl304__placeholders(void **state)
{
	struct check *c = *state;
	const struct fl_diag *d;

	add(c, FL_RES_QUEUE, "sales", NULL);
	assert_int_equal(run(c, with_action("", "UpdateContactTargetQueue",
	    "{\"QueueId\":\"" ARN "/queue/${Q:sales:Q}\"}"), "FL304"), 0);
	assert_int_equal(run(c, with_action("", "UpdateContactTargetQueue",
	    "{\"QueueId\":\"" ARN "/queue/${Q:support:Q}\"}"), "FL304"), 1);
	d = find_code(&c->res, "FL304");
	assert_string_equal(d->message, "${Q:support:Q}: no queue is named "
	    "\"support\" in the inventory (test), so the deploy stops with "
	    "\"replacePlaceholder support Arn is undefined\"");
	/* No flow source: flows are not checked. */
	assert_int_equal(run(c, with_action("", "TransferToFlow",
	    "{\"ContactFlowId\":\"" ARN "/contact-flow/${F:x:F}\"}"), "FL304"), 0);
	/* Malformed ones are FL401's. */
	assert_int_equal(run(c, with_action("", "UpdateContactTargetQueue",
	    "{\"QueueId\":\"" ARN "/queue/${Q:sup-port:Q}\"}"), "FL304"), 0);
	assert_int_equal(run(c, with_action("", "UpdateContactTargetQueue",
	    "{\"QueueId\":\"" ARN "/queue/${Q:support:F}\"}"), "FL304"), 0);
	/* The kind letter is ignored: a flow of that name would be used. */
	add(c, FL_RES_FLOW, "support", NULL);
	assert_int_equal(run(c, with_action("", "UpdateContactTargetQueue",
	    "{\"QueueId\":\"" ARN "/queue/${Q:support:Q}\"}"), "FL304"), 1);
	assert_non_null(strstr(message(c, "FL304"), "the deploy replacer "
	    "ignores the kind letter and would resolve it to the flow of that "
	    "name"));
}

static void
test_fl304__prompts_and_wav(void **state)
{
	struct check *c = *state;

#define PROMPT(n) with_action("", "MessageParticipant", \
	    "{\"PromptId\":\"" ARN "/prompt/${P:" n ":P}\"}")
	/* No prompt source: not checked (the reference monorepo case). */
	assert_int_equal(run(c, PROMPT("CustomerQueue.wav"), "FL304"), 0);
	fl_inventory_read_names(c->inv, FL_RES_PROMPT, "Welcome.wav\n"
	    "Hold.Music.wav\nBeep", 31, "prompts.txt");
	assert_int_equal(run(c, PROMPT("CustomerQueue.wav"), "FL304"), 1);
	assert_string_equal(message(c, "FL304"), "${P:CustomerQueue.wav:P}: no "
	    "prompt is named \"CustomerQueue\" in the inventory (prompts.txt), "
	    "so the deploy stops with \"replacePlaceholder CustomerQueue.wav "
	    "Arn is undefined\"");
	assert_int_equal(run(c, PROMPT("Welcome.wav"), "FL304"), 0);
	assert_int_equal(run(c, PROMPT("Welcome"), "FL304"), 0);
	assert_int_equal(run(c, PROMPT("Beep.wav"), "FL304"), 0);
	assert_int_equal(run(c, PROMPT("Hold.Music.wav"), "FL304"), 1);
	assert_non_null(strstr(message(c, "FL304"), "the prompt "
	    "\"Hold.Music.wav\" exists, but the deploy replacer knows prompts "
	    "by their name up to the first '.' and looks up \"Hold.Music\""));
#undef PROMPT
}

static void
test_fl304__hours_and_object_map(void **state)
{
	struct check *c = *state;

	/* Hours never resolve with the reference replacer. */
	assert_int_equal(run(c, with_action("", "CheckHoursOfOperation",
	    "{\"HoursOfOperationId\":\"" ARN "/operating-hours/${H:office:H}\"}"),
	    "FL304"), 1);
	assert_non_null(strstr(message(c, "FL304"), "so the deploy stops with "
	    "\"replacePlaceholder office Arn is undefined\""));
	add(c, FL_RES_QUEUE, "office", NULL);
	assert_int_equal(run(c, with_action("", "CheckHoursOfOperation",
	    "{\"HoursOfOperationId\":\"" ARN "/operating-hours/${H:office:H}\"}"),
	    "FL304"), 1);
	assert_non_null(strstr(message(c, "FL304"), "would silently take the "
	    "ID of the queue named \"office\" instead"));
	/* Map placeholders are dropped when the map is rebuilt... */
	assert_int_equal(run(c, with_action(QUEUE_MAP("gone"),
	    "UpdateContactTargetQueue", "{\"QueueId\":\"$.FlowAttributes.office\"}"),
	    "FL304"), 0);
	/* ...and resolved when it is not. */
	assert_int_equal(run(c, with_action(QUEUE_MAP("gone"),
	    "MessageParticipant", "{\"Text\":\"hi\"}"), "FL304"), 1);
}

static void
test_fl310__collisions(void **state)
{
	struct check *c = *state;
	const struct fl_diag *d;

	add(c, FL_RES_QUEUE, "sales", NULL);
	add(c, FL_RES_HOURS, "sales", NULL);	/* not in the map: harmless */
	assert_int_equal(run(c, with_action(QUEUE_MAP("sales"),
	    "UpdateContactTargetQueue", "{\"QueueId\":\"$.FlowAttributes.sales\"}"),
	    "FL310"), 0);
	add(c, FL_RES_FLOW, "sales", NULL);
	assert_int_equal(run(c, with_action(QUEUE_MAP("sales"),
	    "UpdateContactTargetQueue", "{\"QueueId\":\"$.FlowAttributes.sales\"}"),
	    "FL310"), 1);
	d = find_code(&c->res, "FL310");
	assert_int_equal(d->severity, FL_SEV_ERROR);
	assert_string_equal(d->pointer, "/Actions/1/Parameters/QueueId");
	assert_string_equal(d->message, "\"sales\" names both a queue and a "
	    "flow; the deploy replacer resolves every name in one map where "
	    "the flow wins, so this queue reference gets the flow's ID; rename "
	    "one of them");
	assert_int_equal(run(c, with_action("", "UpdateContactTargetQueue",
	    "{\"QueueId\":\"" ARN "/queue/${Q:sales:Q}\"}"), "FL310"), 1);
	/* The flow wins, so a flow reference is right. */
	assert_int_equal(run(c, with_action("", "TransferToFlow",
	    "{\"ContactFlowId\":\"" ARN "/contact-flow/${F:sales:F}\"}"),
	    "FL310"), 0);
	assert_int_equal(count_code(&c->res, "FL304"), 0);
}

static void
test_fl102__bare_ids(void **state)
{
	struct check *c = *state;
	const struct fl_diag *d;

	c->env.opts.inventory = NULL;
	assert_int_equal(run(c, with_action("", "UpdateContactTargetQueue",
	    "{\"QueueId\":\"" QID "\"}"), "FL102"), 1);
	d = find_code(&c->res, "FL102");
	assert_false(d->fixable);
	assert_string_equal(d->message, "bare queue ID " QID " in QueueId: it "
	    "exists only in the instance the flow was exported from; add the "
	    "instance's queue list (saved `aws connect list-queues` output) to "
	    "the inventory to name it");
	c->env.opts.inventory = c->inv;
	add(c, FL_RES_QUEUE, "sales", QID);
	assert_int_equal(run(c, with_action("", "UpdateContactTargetQueue",
	    "{\"QueueId\":\"" QID "\"}"), "FL102"), 1);
	d = find_code(&c->res, "FL102");
	assert_false(d->fixable);	/* named, but no fix changes it yet */
	assert_non_null(strstr(d->message, "it is the queue \"sales\" (test): "
	    "refer to it by name, as $.FlowAttributes.sales"));
	assert_int_equal(run(c, with_action("", "UpdateContactEventHooks",
	    "{\"EventHooks\":{\"CustomerQueue\":\"" QID "\"}}"), "FL102"), 1);
	assert_non_null(strstr(message(c, "FL102"), "bare flow ID " QID " in "
	    "EventHooks/CustomerQueue"));
	assert_non_null(strstr(message(c, "FL102"), "(saved `aws connect "
	    "list-contact-flows` output)"));
	assert_int_equal(run(c, with_action("", "UpdateContactTargetQueue",
	    "{\"AgentId\":\"" QID "\"}"), "FL102"), 1);
	assert_non_null(strstr(message(c, "FL102"), "bare agent ID"));
	/* Names and references are not IDs. */
	assert_int_equal(run(c, with_action("", "UpdateContactTargetQueue",
	    "{\"QueueId\":\"sales\"}"), "FL102"), 0);
	assert_int_equal(run(c, with_action("", "UpdateContactTargetQueue",
	    "{\"QueueId\":\"$.Attributes.queue\"}"), "FL102"), 0);
	/* Not a resource parameter. */
	assert_int_equal(run(c, with_action("", "MessageParticipant",
	    "{\"Text\":\"" QID "\"}"), "FL102"), 0);
}

/* A flow whose Lex block names bot alias `alias` (bot/alias). */
#define LEX_ALIAS(alias) with_action("", "ConnectParticipantWithLexBot", \
	"{\"LexV2Bot\":{\"AliasArn\":\"arn:aws:lex:$.AwsRegion:${ACCT_ID}:" \
	"bot-alias/" alias "\"}}")

static void
test_fl101__literal_ids_in_arns(void **state)
{
	struct check *c = *state;
	const struct fl_diag *d;

	add(c, FL_RES_QUEUE, "sales", QID);
	assert_int_equal(run(c, with_action("", "UpdateContactTargetQueue",
	    "{\"QueueId\":\"" ARN "/queue/" QID "\"}"), "FL101"), 1);
	assert_int_equal(count_code(&c->res, "FL102"), 0);
	d = find_code(&c->res, "FL101");
	assert_false(d->fixable);	/* named, but no fix changes it yet */
	assert_int_equal(d->severity, FL_SEV_ERROR);
	assert_non_null(strstr(d->message, "queue ARN hardcodes the queue ID "
	    QID ", which exists only in the instance the flow was exported "
	    "from; it is the queue \"sales\" (test): write ${Q:sales:Q}"));
	/* In an object map the deploy rebuilds: a warning that says so; a
	 * qualifier is not part of the ID. */
	assert_int_equal(run(c, with_action("\"x\":{\"Value\":\"" ARN
	    "/contact-flow/" QID ":$SAVED\"}", "TransferToFlow",
	    "{\"ContactFlowId\":\"$.FlowAttributes.x\"}"), "FL101"), 1);
	d = find_code(&c->res, "FL101");
	assert_int_equal(d->severity, FL_SEV_WARNING);
	assert_non_null(strstr(d->message, "the deploy step rebuilds"));
	/* A literal account is reported once, for the account. */
	assert_int_equal(run(c, with_action("", "UpdateContactTargetQueue",
	    "{\"QueueId\":\"arn:aws:connect:us-east-1:111122223333:instance/"
	    "${INSTANCE_ID}/queue/" QID "\"}"), "FL101"), 1);
	assert_non_null(strstr(message(c, "FL101"), "hardcodes account "
	    "111122223333"));
	/* Lex bot and alias IDs, named when the inventory knows them. */
	assert_int_equal(run(c, LEX_ALIAS("RRR1QBJYLY/6D2PWJ4ZZP"), "FL101"), 1);
	assert_non_null(strstr(message(c, "FL101"), "write bot-alias/<bot "
	    "name>/<alias name>"));
	/* A bot ID beside an alias name is as instance-specific. */
	assert_int_equal(run(c, LEX_ALIAS("RRR1QBJYLY/TestBotAlias"), "FL101"), 1);
	/* The draft test alias is the same in every bot: FL104's alone. */
	assert_int_equal(run(c, LEX_ALIAS("acme-lexbot/TSTALIASID"), "FL101"), 0);
	assert_int_equal(count_code(&c->res, "FL104"), 1);
	/* Every ID of a multi-ID ARN counts, not only the first segment. */
	assert_int_equal(run(c, with_action("", "MessageParticipant",
	    "{\"Text\":\"arn:aws:wisdom:${REGION}:${ACCT_ID}:message-template/"
	    "${KB}/" QID ":$ACTIVE_VERSION\"}"), "FL101"), 1);
	fl_inventory_add(c->inv, FL_RES_LEX_BOT, "acme-lexbot", "RRR1QBJYLY",
	    NULL, "bots");
	fl_inventory_add_bot_alias(c->inv, "RRR1QBJYLY", "6D2PWJ4ZZP",
	    "current", NULL, "aliases");
	fl_inventory_finish(c->inv);
	assert_int_equal(run(c, LEX_ALIAS("RRR1QBJYLY/6D2PWJ4ZZP"), "FL101"), 1);
	assert_non_null(strstr(message(c, "FL101"), "write "
	    "bot-alias/acme-lexbot/current"));
	assert_int_equal(run(c, LEX_ALIAS("acme-lexbot/current"), "FL101"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(test_fl303__typed_by_parameter),
		T(test_fl303__kinds_without_source_are_not_checked),
		T(test_fl303__flows_modules_and_hooks),
		T(test_fl303__hours_and_untyped),
		T(test_fl304__placeholders),
		T(test_fl304__prompts_and_wav),
		T(test_fl304__hours_and_object_map),
		T(test_fl310__collisions),
		T(test_fl102__bare_ids),
		T(test_fl101__literal_ids_in_arns),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
