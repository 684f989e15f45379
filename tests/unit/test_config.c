/*
 * Configuration: globs, finding the project and .flowlint.json, reading
 * every key, the exact errors for bad files, the rule selection, the
 * inventory sources it names, and the filter that applies
 * per-file-ignores and suppressions to findings.
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

#include "config/config.h"
#include "config/filter.h"
#include "config/glob.h"
#include "config/project.h"
#include "inventory/inventory.h"
#include "inventory/sources.h"
#include "lint/lint.h"
#include "repo/targets.h"
#include "repo/snapshot.h"
#include "util/error.h"
#include "util/xalloc.h"
#include "tmp_tree.h"

static char *
tmpdir(void)
{
	char buf[] = "/tmp/fl-cfg-XXXXXX", real[4096];

	assert_non_null(mkdtemp(buf));
	/* Physical path, as the project discovery reports it. */
	assert_non_null(realpath(buf, real));
	return strdup(real);
}

static void
test_config__glob_match(void **state)
{
	static const struct {
		const char *glob, *path;
		bool match;
	} cases[] = {
		{ "*.json", "a.json", true },
		{ "*.json", "imports/resources/flows/a.json", true },
		{ "*.json", "a.jsonx", false },
		{ "flows/*.json", "flows/a.json", true },
		{ "flows/*.json", "x/flows/a.json", false },
		{ "flows/*.json", "flows/sub/a.json", false },
		{ "flows/**/*.json", "flows/a.json", true },
		{ "flows/**/*.json", "flows/sub/deeper/a.json", true },
		{ "**/templates", "a/b/templates/x.json", true },
		{ "**/templates/**", "templates/x.json", true },
		{ "imports/resources/flows", "imports/resources/flows/a.json",
		  true },
		{ "imports/resources/flows/", "imports/resources/flows/a.json",
		  true },
		{ "/imports/resources", "imports/resources/flows/a.json", true },
		{ "imports/resources", "other/imports/resources/a.json", false },
		{ "legacy", "flows/legacy/a.json", true },
		{ "legacy", "flows/legacy_a.json", false },
		{ "legacy_*", "flows/legacy_a.json", true },
		{ "a?c.json", "abc.json", true },
		{ "a?c.json", "a/c.json", false },
		{ "[ab]*.json", "b1.json", true },
		{ "[!ab]*.json", "b1.json", false },
		{ "[a-c]x.json", "cx.json", true },
		{ "\\*.json", "*.json", true },
		{ "\\*.json", "a.json", false },
		{ "acme_main_AUTO.json", "imports/resources/flows/"
		  "acme_main_AUTO.json", true },
		{ "a**b", "axxb", true },
		{ "**", "anything/at/all.json", true },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (fl_glob_check(cases[i].glob) != NULL)
			fail_msg("%s: %s", cases[i].glob,
			    fl_glob_check(cases[i].glob));
		if (fl_glob_match(cases[i].glob, cases[i].path) !=
		    cases[i].match)
			fail_msg("glob \"%s\" on \"%s\": expected %s",
			    cases[i].glob, cases[i].path,
			    cases[i].match ? "a match" : "no match");
	}
	assert_non_null(fl_glob_check(""));
	assert_non_null(fl_glob_check("[abc"));
	assert_non_null(fl_glob_check("abc\\"));
	assert_null(fl_glob_check("[]]"));
}

static void
test_config__project_discovery(void **state)
{
	char *d = tmpdir(), path[512], cwd[4096];
	struct fl_project p;
	struct fl_path_memo memo = FL_PATH_MEMO_INIT;
	char *rel;

	tmp_tree_put(d, "repo/.git/HEAD", "ref: refs/heads/main\n");
	tmp_tree_put(d, "repo/.flowlint.json", "{}");
	tmp_tree_put(d, "repo/imports/resources/flows/a.json", "{}");
	tmp_tree_put(d, "repo/nested/imports/resources/queues/q.json", "{}");
	tmp_tree_put(d, "repo/nested/flows/x.json", "{}");
	tmp_tree_put(d, ".flowlint.json", "{}");	/* above the repository: not used */

	snprintf(path, sizeof(path), "%s/repo/imports/resources/flows/a.json",
	    d);
	assert_int_equal(fl_project_discover(&p, path, NULL), 0);
	snprintf(path, sizeof(path), "%s/repo", d);
	assert_string_equal(p.repo_root, path);
	assert_string_equal(p.layout_root, path);
	assert_string_equal(p.root, path);
	snprintf(path, sizeof(path), "%s/repo/.flowlint.json", d);
	assert_string_equal(p.config, path);
	rel = fl_project_relpath(&p, &memo, p.start);
	assert_string_equal(rel, "imports/resources/flows");
	free(rel);
	fl_project_release(&p);

	/* The nearest imports/resources wins. */
	snprintf(path, sizeof(path), "%s/repo/nested/flows", d);
	assert_int_equal(fl_project_discover(&p, path, NULL), 0);
	snprintf(path, sizeof(path), "%s/repo/nested", d);
	assert_string_equal(p.layout_root, path);
	fl_project_release(&p);

	/* Relative operands are taken from the current directory. */
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	snprintf(path, sizeof(path), "%s/repo/nested", d);
	assert_int_equal(chdir(path), 0);
	assert_int_equal(fl_project_discover(&p, "flows/../flows/x.json",
	    NULL), 0);
	rel = fl_project_relpath(&p, &memo, "./flows//x.json");
	assert_string_equal(rel, "nested/flows/x.json");
	free(rel);
	/* The same folder again, from the memo. */
	rel = fl_project_relpath(&p, &memo, "./flows//y.json");
	assert_string_equal(rel, "nested/flows/y.json");
	free(rel);
	fl_path_memo_release(&memo);
	/* Shown relative to the cwd only below it. */
	rel = fl_project_display(p.config);
	assert_string_equal(rel, p.config);
	free(rel);
	snprintf(path, sizeof(path), "%s/repo/nested/flows/x.json", d);
	rel = fl_project_display(path);
	assert_string_equal(rel, "flows/x.json");
	free(rel);
	fl_project_release(&p);
	assert_int_equal(chdir(cwd), 0);

	/* --config names the file; its folder is the root. */
	snprintf(path, sizeof(path), "%s/repo/nested/flows/x.json", d);
	assert_int_equal(fl_project_discover(&p, NULL, path), 0);
	snprintf(path, sizeof(path), "%s/repo/nested/flows", d);
	assert_string_equal(p.root, path);
	fl_project_release(&p);
	assert_int_equal(fl_project_discover(&p, NULL, "/nonexistent.json"),
	    FL_EIO);
	assert_non_null(strstr(fl_error_msg(), "cannot read configuration "
	    "'/nonexistent.json'"));
	fl_project_release(&p);
	tmp_tree_remove(d);
	free(d);
}

static const char full_config[] =
"{\n"
"  \"select\": [\"FL101\", \"FL102\", \"dangling-placeholder\", \"FL303\",\n"
"             \"FL306\", \"FL007\"],\n"
"  \"ignore\": [\"FL306\"],\n"
"  \"severity\": {\"FL102\": \"warning\", \"dangling-placeholder\": "
"\"info\"},\n"
"  \"include\": [\"imports/resources/flows\"],\n"
"  \"exclude\": [\"**/legacy_*.json\"],\n"
"  \"per-file-ignores\": {\"imports/resources/flows/old/*.json\": "
"[\"FL303\"]},\n"
"  \"inventory\": {\n"
"    \"layout\": \"repo\",\n"
"    \"replacer-kinds\": [\"queue\", \"flow\", \"hours\"],\n"
"    \"sources\": [\n"
"      {\"kind\": \"prompt\", \"names\": [\"Welcome.wav\", \"Beep.wav\"]},\n"
"      {\"kind\": \"lambda\", \"file\": \"inventory/lambdas.txt\"},\n"
"      {\"aws\": \"inventory/list-queues.json\"},\n"
"      {\"kind\": \"queue\", \"folder\": \"admin/queues\"}\n"
"    ]\n"
"  },\n"
"  \"patterns\": \"ci/patterns.json\",\n"
"  \"suppressions\": [\n"
"    {\"rule\": \"FL303\", \"path\": \"flows/main.json\", \"flow\": "
"\"main\",\n"
"     \"action\": \"a1\", \"reason\": \"the bot lives in the shared "
"account\"}\n"
"  ]\n"
"}\n";

static void
test_config__every_key(void **state)
{
	char *d = tmpdir(), path[512], want[512];
	struct fl_config c;
	bool enabled[FL_MAX_RULES];
	enum fl_severity sev[FL_MAX_RULES];
	unsigned i;

	tmp_tree_put(d, ".flowlint.json", full_config);
	snprintf(path, sizeof(path), "%s/.flowlint.json", d);
	if (fl_config_load(&c, path) != 0)
		fail_msg("%s", fl_error_msg());
	for (i = 0; i < fl_rule_count; i++)
		enabled[i] = true;
	fl_config_rules(&c, enabled, sev);
	assert_true(enabled[fl_rule_index(&fl_rule_hardcoded_arn)]);
	assert_true(enabled[fl_rule_index(&fl_rule_dangling_placeholder)]);
	assert_false(enabled[fl_rule_index(&fl_rule_unreachable_action)]);
	assert_false(enabled[fl_rule_index(&fl_rule_invalid_json)]);
	assert_int_equal(sev[fl_rule_index(&fl_rule_hardcoded_resource_id)],
	    FL_SEV_WARNING);
	assert_int_equal(sev[fl_rule_index(&fl_rule_dangling_placeholder)],
	    FL_SEV_INFO);
	assert_int_equal(sev[fl_rule_index(&fl_rule_unused_object_map_entry)],
	    FL_SEV_WARNING);
	/* enabled NULL: --select on the command line keeps its choice. */
	fl_config_rules(&c, NULL, sev);

	assert_true(fl_config_wants(&c, "imports/resources/flows/a.json"));
	assert_false(fl_config_wants(&c, "imports/resources/flows/legacy_a.json"));
	assert_false(fl_config_wants(&c, "templates/a.json"));
	assert_int_equal(c.nignores, 1);
	assert_true(c.ignores[0].rules[fl_rule_index(
	    &fl_rule_dangling_flow_attribute)]);

	snprintf(want, sizeof(want), "%s/repo", d);
	assert_string_equal(c.layout_root, want);
	assert_true(c.has_replacer_kinds);
	assert_int_equal(c.nreplacer_kinds, 3);
	assert_int_equal(c.replacer_kinds[2], FL_RES_HOURS);
	assert_int_equal(c.nsources, 4);
	assert_int_equal(c.sources[0].type, FL_SOURCE_NAMES);
	assert_int_equal(c.sources[0].nnames, 2);
	assert_int_equal(c.sources[1].type, FL_SOURCE_FILE);
	assert_int_equal(c.sources[1].kind, FL_RES_LAMBDA);
	snprintf(want, sizeof(want), "%s/inventory/lambdas.txt", d);
	assert_string_equal(c.sources[1].path, want);
	assert_int_equal(c.sources[2].type, FL_SOURCE_AWS);
	assert_int_equal(c.sources[2].kind, -1);
	assert_int_equal(c.sources[3].type, FL_SOURCE_FOLDER);
	snprintf(want, sizeof(want), "%s/ci/patterns.json", d);
	assert_string_equal(c.patterns, want);
	assert_int_equal(c.nsupp, 1);
	assert_ptr_equal(c.supp[0].rule, &fl_rule_dangling_flow_attribute);
	assert_string_equal(c.supp[0].flow, "main");
	assert_string_equal(c.supp[0].action, "a1");
	assert_string_equal(c.supp[0].pointer, "/suppressions/0");
	assert_int_equal(c.supp[0].line, 21);
	assert_int_equal(c.supp[0].col, 5);
	fl_config_release(&c);
	tmp_tree_remove(d);
	free(d);
}

/* The error a configuration text gives ("" when it loads). */
static char *
config_error(const char *dir, const char *text)
{
	struct fl_config c;
	char path[512];
	int err;

	tmp_tree_put(dir, "cfg.json", text);
	snprintf(path, sizeof(path), "%s/cfg.json", dir);
	fl_error_clear();
	err = fl_config_load(&c, path);
	fl_config_release(&c);
	return strdup(err == 0 ? "" : fl_error_msg());
}

static void
expect_error(const char *dir, const char *text, const char *want)
{
	char *msg = config_error(dir, text);
	size_t n = strlen(dir);

	/* The path is absolute here (the test's cwd is elsewhere). */
	if (strncmp(msg, dir, n) != 0 || msg[n] != '/' ||
	    strcmp(msg + n + 1, want) != 0)
		fail_msg("config %s\n  gave: %s\n  want: .../%s", text, msg,
		    want);
	free(msg);
}

static void
test_config__errors_name_file_position_key_reason(void **state)
{
	char *d = tmpdir();

	expect_error(d, "{\"selcet\": []}", "cfg.json:1:2: unknown key "
	    "\"selcet\" (expected one of: select, ignore, severity, include, "
	    "exclude, per-file-ignores, inventory, patterns, suppressions, "
	    "actions, stages, environments, exporter-named)");
	expect_error(d, "[]", "cfg.json:1:1: expected a JSON object");
	expect_error(d, "{\"actions\": []}", "cfg.json:1:13: actions: "
	    "expected an object mapping action Types to their entries");
	expect_error(d, "{\"actions\": {\"New\": {\"source\": \"s\",\n"
	    "  \"flow-types\": [\"INBOUND\"]}}}", "cfg.json:2:18: "
	    "actions.New.flow-types: expected a flow type such as "
	    "\"CONTACT_FLOW\" or \"MODULE\"");
	expect_error(d, "{\"select\": [\"FL101\",]}", "cfg.json:1:21: "
	    "trailing comma; expected a value");
	expect_error(d, "{\"select\": \"FL101\"}", "cfg.json:1:12: select: "
	    "expected an array of rule codes or names, not a string");
	expect_error(d, "{\"ignore\": [\"FL999\"]}", "cfg.json:1:13: "
	    "ignore[0]: unknown rule \"FL999\" (see 'flowlint rules')");
	expect_error(d, "{\"select\": [], \"select\": []}", "cfg.json:1:16: "
	    "select: duplicate key");
	expect_error(d, "{\"severity\": {\"FL101\": \"fatal\"}}", "cfg.json:1:24: "
	    "severity.FL101: expected \"error\", \"warning\" or \"info\"");
	expect_error(d, "{\"severity\": {\"nope\": \"error\"}}", "cfg.json:1:15: "
	    "severity.nope: unknown rule (see 'flowlint rules')");
	expect_error(d, "{\"exclude\": [\"a/[b\"]}", "cfg.json:1:14: "
	    "exclude[0]: bad glob \"a/[b\": a '[' is not closed by ']'");
	expect_error(d, "{\"include\": [\"\"]}", "cfg.json:1:14: include[0]: "
	    "must not be empty");
	expect_error(d, "{\"per-file-ignores\": {\"x[\": [\"FL101\"]}}",
	    "cfg.json:1:23: per-file-ignores.\"x[\": bad glob: a '[' is not "
	    "closed by ']'");
	expect_error(d, "{\"per-file-ignores\": {\"x\": \"FL101\"}}",
	    "cfg.json:1:28: per-file-ignores.\"x\": expected an array of rule "
	    "codes or names, not a string");
	expect_error(d, "{\"inventory\": {\"layout\": 1}}", "cfg.json:1:26: "
	    "inventory.layout: expected true, false or the folder that holds "
	    "imports/, not a number");
	expect_error(d, "{\"inventory\": {\"source\": []}}", "cfg.json:1:16: "
	    "inventory: unknown key \"source\" (expected one of: layout, "
	    "replacer-kinds, sources)");
	expect_error(d, "{\"inventory\": {\"replacer-kinds\": [\"queues\"]}}",
	    "cfg.json:1:35: inventory.replacer-kinds[0]: expected a resource "
	    "kind such as \"queue\"");
	expect_error(d, "{\"inventory\": {\"sources\": [{\"kind\": \"prompt\"}]}}",
	    "cfg.json:1:28: inventory.sources[0]: needs one of \"names\", "
	    "\"file\", \"aws\" or \"folder\"");
	expect_error(d, "{\"inventory\": {\"sources\": [{\"file\": \"a\", "
	    "\"aws\": \"b\"}]}}", "cfg.json:1:42: inventory.sources[0]: give "
	    "only one of \"names\", \"file\", \"aws\" and \"folder\"");
	expect_error(d, "{\"inventory\": {\"sources\": [{\"file\": \"a\"}]}}",
	    "cfg.json:1:28: inventory.sources[0]: needs \"kind\" (the kind of "
	    "resource it lists)");
	expect_error(d, "{\"inventory\": {\"sources\": [{\"kind\": \"prompts\", "
	    "\"file\": \"a\"}]}}", "cfg.json:1:37: inventory.sources[0].kind: "
	    "unknown resource kind \"prompts\" (expected one of: queue, flow, "
	    "module, prompt, hours, lambda, lex-bot, assistant, quick-connect, "
	    "routing-profile, view, agent-status)");
	expect_error(d, "{\"inventory\": {\"sources\": [{\"kind\": \"prompt\", "
	    "\"names\": [\"a\", 2]}]}}", "cfg.json:1:62: "
	    "inventory.sources[0].names[1]: expected a string, not a number");
	expect_error(d, "{\"inventory\": {\"sources\": [{\"aws\": \"a\", "
	    "\"url\": \"b\"}]}}", "cfg.json:1:41: inventory.sources[0]: unknown "
	    "key \"url\" (expected one of: kind, names, file, aws, folder)");
	expect_error(d, "{\"suppressions\": [{\"rule\": \"FL303\", \"path\": "
	    "\"a.json\"}]}", "cfg.json:1:19: suppressions[0].reason: missing: "
	    "say why the finding is accepted");
	expect_error(d, "{\"suppressions\": [{\"rule\": \"FL303\", \"path\": "
	    "\"a.json\", \"reason\": \"\"}]}", "cfg.json:1:65: "
	    "suppressions[0].reason: must not be empty");
	expect_error(d, "{\"suppressions\": [{\"path\": \"a\", \"reason\": \"r\"}]}",
	    "cfg.json:1:19: suppressions[0].rule: missing");
	expect_error(d, "{\"suppressions\": [{\"rule\": \"FL303\", \"reason\": "
	    "\"r\"}]}", "cfg.json:1:19: suppressions[0].path: missing (a glob "
	    "of the files it applies to)");
	expect_error(d, "{\"suppressions\": [{\"rule\": \"FL303\", \"path\": "
	    "\"a\", \"reason\": \"r\", \"line\": 3}]}", "cfg.json:1:65: "
	    "suppressions[0]: unknown key \"line\" (expected one of: rule, path, "
	    "flow, action, reason)");
	expect_error(d, "{\"patterns\": true}", "cfg.json:1:14: patterns: "
	    "expected a string, not a boolean");
	{
		char *msg = config_error(d, "{\"suppressions\": "
		    "\"missing.json\"}");

		assert_non_null(strstr(msg, "cfg.json:1:18: suppressions: "));
		assert_non_null(strstr(msg, "missing.json: cannot open: No "
		    "such file or directory"));
		free(msg);
	}
	tmp_tree_remove(d);
	free(d);
}

static void
test_config__suppressions_file(void **state)
{
	char *d = tmpdir(), path[512];
	struct fl_config c;
	char *msg;

	tmp_tree_put(d, ".flowlint.json", "{\"suppressions\": \"supp.json\"}");
	tmp_tree_put(d, "supp.json", "{\"suppressions\": [\n  {\"rule\": \"FL204\", "
	    "\"path\": \"*.json\", \"reason\": \"kept for the console\"}]}");
	snprintf(path, sizeof(path), "%s/.flowlint.json", d);
	if (fl_config_load(&c, path) != 0)
		fail_msg("%s", fl_error_msg());
	assert_int_equal(c.nsupp, 1);
	assert_int_equal(c.supp[0].line, 2);
	assert_int_equal(c.supp[0].col, 3);
	assert_string_equal(c.supp[0].pointer, "/suppressions/0");
	assert_non_null(strstr(c.supp[0].file, "supp.json"));
	fl_config_release(&c);

	/* A bare array, and errors that name the suppressions file. */
	tmp_tree_put(d, "supp.json", "[{\"rule\": \"FL204\", \"path\": \"*.json\", "
	    "\"reason\": \"r\"}]");
	assert_int_equal(fl_config_load(&c, path), 0);
	assert_string_equal(c.supp[0].pointer, "/0");
	fl_config_release(&c);
	tmp_tree_put(d, "supp.json", "{\"suppressions\": [{\"rule\": \"FL204\"}]}");
	assert_int_equal(fl_config_load(&c, path), FL_ECONFIG);
	msg = strdup(fl_error_msg());
	assert_non_null(strstr(msg, "supp.json:1:19: suppressions[0].path: "
	    "missing"));
	free(msg);
	fl_config_release(&c);
	tmp_tree_remove(d);
	free(d);
}

static void
test_config__inventory_sources(void **state)
{
	char *d = tmpdir(), path[512];
	struct fl_inventory *inv;
	struct fl_config c;
	struct fl_inventory_reader rd = { &fl_snapshot_disk, NULL, 0, 0 };
	char *msg;

	tmp_tree_put(d, "repo/imports/resources/queues/sales.json", "{\"Name\": \"sales\"}");
	tmp_tree_put(d, "inventory/lambdas.txt", "acme-exampleFunction-use1\n");
	tmp_tree_put(d, "inventory/list-queues.json", "{\"QueueSummaryList\": [{\"Id\": "
	    "\"q-1\", \"Arn\": \"arn:q-1\", \"Name\": \"finance\"}]}");
	tmp_tree_put(d, "admin/queues/support.json", "{\"Name\": \"support\"}");
	tmp_tree_put(d, ".flowlint.json", full_config);
	snprintf(path, sizeof(path), "%s/.flowlint.json", d);
	assert_int_equal(fl_config_load(&c, path), 0);
	if (fl_config_inventory(&inv, &c, NULL, &rd) != 0)
		fail_msg("%s", fl_error_msg());
	assert_non_null(fl_inventory_by_name(inv, FL_RES_QUEUE,
	    fl_str_cstr("sales")));
	assert_non_null(fl_inventory_by_id(inv, FL_RES_QUEUE,
	    fl_str_cstr("q-1")));
	assert_non_null(fl_inventory_by_name(inv, FL_RES_QUEUE,
	    fl_str_cstr("support")));
	assert_non_null(fl_inventory_by_key(inv, FL_RES_PROMPT,
	    fl_str_cstr("Welcome")));
	assert_non_null(fl_inventory_by_key(inv, FL_RES_LAMBDA,
	    fl_str_cstr("acme-exampleFunction")));
	assert_true(fl_inventory_replacer_has_kind(inv, FL_RES_HOURS));
	assert_false(fl_inventory_replacer_has_kind(inv, FL_RES_PROMPT));
	fl_inventory_free(inv);

	/* A missing source is an error naming the entry. */
	unlink(strcat(strcpy(path, d), "/inventory/lambdas.txt"));
	assert_int_equal(fl_config_inventory(&inv, &c, NULL, &rd), FL_EIO);
	assert_null(inv);
	msg = strdup(fl_error_msg());
	assert_non_null(strstr(msg, ".flowlint.json:14:7: inventory source: "));
	assert_non_null(strstr(msg, "lambdas.txt"));
	free(msg);
	fl_config_release(&c);

	/* The layout can be turned off. */
	tmp_tree_put(d, ".flowlint.json", "{\"inventory\": {\"layout\": false}}");
	snprintf(path, sizeof(path), "%s/.flowlint.json", d);
	assert_int_equal(fl_config_load(&c, path), 0);
	snprintf(path, sizeof(path), "%s/repo", d);
	assert_int_equal(fl_config_inventory(&inv, &c, path, &rd), 0);
	assert_false(fl_inventory_has_kind(inv, FL_RES_QUEUE));
	fl_inventory_free(inv);
	fl_config_release(&c);
	tmp_tree_remove(d);
	free(d);
}

/* A result for `path` with one finding per rule in `rules`. */
static void
fake_result(struct fl_result *r, const char *path,
    const struct fl_rule *const *rules, size_t n, const char *action)
{
	size_t i;

	fl_result_init(r, fl_xstrdup(path), fl_xstrdup("{}"), 2);
	r->flow.name = fl_str_cstr("main");
	r->diags.v = fl_arena_array(&r->arena, n, sizeof(*r->diags.v));
	r->diags.alloc = (uint32_t)n;
	for (i = 0; i < n; i++) {
		struct fl_diag *d = &r->diags.v[r->diags.n++];

		d->rule = rules[i];
		d->code = rules[i]->code;
		d->severity = rules[i]->severity;
		d->message = "m";
		d->action = fl_str_cstr(action);
		d->pointer = "/Actions/0/Parameters/QueueId";
	}
}

struct collected {
	unsigned results, diags;
	char msg[512];
};

static void
collect(void *arg, struct fl_result *res)
{
	struct collected *c = arg;

	c->results++;
	c->diags += res->diags.n;
	if (res->diags.n > 0)
		snprintf(c->msg, sizeof(c->msg), "%s:%u:%u %s %s", res->src.path,
		    res->diags.v[0].line, res->diags.v[0].col,
		    res->diags.v[0].pointer, res->diags.v[0].message);
}

static void
test_config__filter(void **state)
{
	static const struct fl_rule *const rules[] = {
		&fl_rule_dangling_flow_attribute, &fl_rule_unreachable_action,
		&fl_rule_hardcoded_arn,
	};
	char *d = tmpdir(), cwd[4096];
	struct fl_project p;
	struct fl_config c;
	struct fl_filter f = { 0 };
	struct fl_result r;
	struct fl_targets t = { 0 };
	struct collected got = { 0 };

	tmp_tree_put(d, ".flowlint.json", "{\n"
	    "\"exclude\": [\"templates\"],\n"
	    "\"per-file-ignores\": {\"flows/old_*.json\": [\"FL101\"]},\n"
	    "\"suppressions\": [\n"
	    " {\"rule\": \"FL303\", \"path\": \"flows/main.json\", \"flow\": "
	    "\"main\", \"action\": \"a1\", \"reason\": \"shared account\"},\n"
	    " {\"rule\": \"FL306\", \"path\": \"flows/*.json\", \"action\": "
	    "\"zz\", \"reason\": \"stale\"},\n"
	    " {\"rule\": \"FL306\", \"path\": \"other/*.json\", \"reason\": "
	    "\"never in scope\"}]}\n");
	tmp_tree_put(d, "flows/main.json", "{}");
	tmp_tree_put(d, "flows/old_x.json", "{}");
	tmp_tree_put(d, "templates/t.json", "{}");
	tmp_tree_put(d, ".git/HEAD", "ref: refs/heads/main\n");
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(d), 0);
	assert_int_equal(fl_project_discover(&p, ".", NULL), 0);
	assert_int_equal(fl_config_load(&c, p.config), 0);
	f.config = &c;
	f.project = &p;

	fl_targets_from_paths(&t, (char *[]){ "." }, 1);
	assert_int_equal(fl_filter_targets(&f, &t), 1);	/* templates/ */
	assert_int_equal(t.n, 3);	/* .flowlint.json and the two flows */
	fl_targets_release(&t);

	fl_targets_add_file(&t, "flows/main.json", "flows/main.json", true);
	fake_result(&r, "flows/main.json", rules, 3, "a1");
	fl_filter_result(&f, &t.v[0], &r);
	assert_int_equal(r.diags.n, 2);	/* FL303 suppressed */
	assert_int_equal(f.suppressed, 1);
	fl_result_release(&r);
	/* A git blob, shown by its repository path from a subfolder. */
	assert_int_equal(chdir("templates"), 0);
	fl_targets_add_data(&t, "flows/old_x.json", fl_xstrdup("{}"), 2);
	fake_result(&r, "flows/old_x.json", rules, 3, "a2");
	fl_filter_result(&f, &t.v[1], &r);
	assert_int_equal(r.diags.n, 2);	/* FL101 ignored for old_*.json */
	assert_int_equal(f.ignored, 1);
	fl_result_release(&r);
	assert_int_equal(chdir(".."), 0);
	fl_targets_release(&t);

	/* The FL306 one in scope matched nothing: reported at its entry. */
	fl_filter_unused(&f, NULL, NULL, collect, &got);
	assert_int_equal(got.results, 1);
	assert_int_equal(got.diags, 1);
	assert_string_equal(got.msg, ".flowlint.json:6:2 /suppressions/1 "
	    "suppression of FL306 unreachable-action for \"flows/*.json\", "
	    "action zz matched no finding; remove it");
	/* Not when FL007 or the suppressed rule is off. */
	{
		bool enabled[FL_MAX_RULES];
		unsigned i;

		for (i = 0; i < fl_rule_count; i++)
			enabled[i] = true;
		enabled[fl_rule_index(&fl_rule_unreachable_action)] = false;
		memset(&got, 0, sizeof(got));
		fl_filter_unused(&f, enabled, NULL, collect, &got);
		assert_int_equal(got.results, 0);
		enabled[fl_rule_index(&fl_rule_unreachable_action)] = true;
		enabled[fl_rule_index(&fl_rule_unused_suppression)] = false;
		fl_filter_unused(&f, enabled, NULL, collect, &got);
		assert_int_equal(got.results, 0);
	}
	fl_config_release(&c);
	fl_project_release(&p);
	fl_path_memo_release(&f.memo);
	assert_int_equal(chdir(cwd), 0);
	tmp_tree_remove(d);
	free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config__glob_match),
		cmocka_unit_test(test_config__project_discovery),
		cmocka_unit_test(test_config__every_key),
		cmocka_unit_test(test_config__errors_name_file_position_key_reason),
		cmocka_unit_test(test_config__suppressions_file),
		cmocka_unit_test(test_config__inventory_sources),
		cmocka_unit_test(test_config__filter),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
