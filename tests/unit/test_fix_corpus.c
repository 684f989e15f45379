/*
 * The fixer over every flow file (*.json) of ../shared/corpus (skipped when absent;
 * FLOWLINT_SHARED names another place for ../shared): fixing never fails
 * verification, never produces a file that does not parse, is idempotent,
 * reports a finding for every file it changes, leaves the bytes outside
 * the Content string alone, and keeps every action, every metadata entry
 * and every object-map entry except those its reported fixes remove.
 * After the fix, check reports none of the fixed findings, and every ARN
 * with a placeholder that still holds a literal resource ID is reported
 * (a fix must never half-parameterize an ARN and silence its finding).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lint/fix.h"
#include "inventory/inventory.h"
#include "lint_helper.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

static struct lint_env env;
static unsigned files, changed;

/* The Content string of a wrapped export in the file's document. */
static uint32_t
content_node(const struct fl_result *r)
{
	uint32_t i;

	if (!r->flow.content_is_string)
		return FL_JSON_NONE;
	for (i = FL_JSON_ROOT; i < r->flow.outer.count; i++)
		if (r->flow.outer.nodes[i].off + 1 == r->flow.map.v[0].raw)
			return i;
	return FL_JSON_NONE;
}

/* Whether a fixed finding of `code` names member `key` of `obj`. */
static bool
removal_reported(const struct fl_result *in, const char *code, const struct fl_json_doc *d, uint32_t member)
{
	struct fl_buf ptr = FL_BUF_INIT;
	uint32_t i;
	bool found = false;

	fl_json_pointer(&ptr, d, member);
	for (i = 0; i < in->diags.n && !found; i++)
		found = in->diags.v[i].fixed && strcmp(in->diags.v[i].rule->code, code) == 0 &&
		    in->diags.v[i].pointer != NULL &&
		    strcmp(in->diags.v[i].pointer, ptr.ptr) == 0;
	fl_buf_release(&ptr);
	return found;
}

/* Every member of old object `o` is in new object `n`, or reported. */
static void
members_kept(const char *path, const struct fl_result *in, const char *code, const struct fl_json_doc *od, uint32_t o,
    const struct fl_json_doc *nd, uint32_t n)
{
	uint32_t it;

	if (!fl_json_is(od, o, FL_JSON_OBJECT))
		return;
	fl_json_foreach(od, o, it) {
		if (fl_json_get_str(nd, n, od->nodes[it].key) != FL_JSON_NONE ||
		    removal_reported(in, code, od, it))
			continue;
		fail_msg("%s: \"%.*s\" vanished without a %s fix", path,
		    FL_STR_ARGS(od->nodes[it].key), code);
	}
}

/* Whether `s` holds, at `i`, an ID of the instance's own making: a UUID
 * (8-4-4-4-12 hex digits), or a Lex bot or alias ID (10 upper-case
 * letters and digits after "bot/" or "bot-alias/"). */
static bool
literal_id_at(struct fl_str s, size_t i)
{
	static const unsigned groups[] = { 8, 4, 4, 4, 12 };
	size_t g, k, at = i;

	for (g = 0; g < 5; g++) {
		for (k = 0; k < groups[g]; k++, at++)
			if (at >= s.len || !isxdigit((unsigned char)s.ptr[at]))
				goto lex;
		if (g < 4 && (at >= s.len || s.ptr[at++] != '-'))
			goto lex;
	}
	return true;
lex:
	if (i < 4 || s.ptr[i - 1] != '/' || s.len - i < 10)
		return false;
	for (k = 0; k < 10; k++)
		if (!isupper((unsigned char)s.ptr[i + k]) &&
		    !isdigit((unsigned char)s.ptr[i + k]))
			return false;
	return (s.len - i == 10 || s.ptr[i + 10] == '/') &&
	    (memcmp(s.ptr + i - 4, "bot/", 4) == 0 ||
	    (i >= 10 && memcmp(s.ptr + i - 10, "bot-alias/", 10) == 0));
}

/* Whether string `s` is an ARN whose region or account is a placeholder
 * and whose resource part still holds a literal ID. */
static bool
half_parameterized(struct fl_str s)
{
	size_t i, colons = 0, resource = 0;
	bool placeholder = false;

	if (s.len < 8 || memcmp(s.ptr, "arn:", 4) != 0)
		return false;
	for (i = 0; i < s.len && resource == 0; i++) {
		if (s.ptr[i] == ':' && ++colons == 5)
			resource = i + 1;
		else if (colons >= 3 && s.ptr[i] == '$' && i + 1 < s.len &&
		    s.ptr[i + 1] == '{')
			placeholder = true;
	}
	if (!placeholder || resource == 0)
		return false;
	for (i = resource; i < s.len; i++)
		if ((i == resource || !isalnum((unsigned char)s.ptr[i - 1])) &&
		    literal_id_at(s, i))
			return true;
	return false;
}

/* Every half-parameterized ARN in `r` has a finding at its string. */
static void
half_parameterized_reported(const char *path, const struct fl_result *r)
{
	const struct fl_json_doc *d = r->flow.doc;
	uint32_t i, k;

	if (!r->flow_loaded || d == NULL)
		return;
	for (i = FL_JSON_ROOT; i < d->count; i++) {
		bool reported = false;

		if (d->nodes[i].type != FL_JSON_STRING ||
		    !half_parameterized(d->nodes[i].str))
			continue;
		for (k = 0; k < r->diags.n && !reported; k++)
			reported = r->diags.v[k].node == i;
		if (!reported)
			fail_msg("%s: %.*s keeps a literal resource ID beside "
			    "a placeholder and nothing reports it", path,
			    FL_STR_ARGS(d->nodes[i].str));
	}
}

/* The fixed text `r2` has no finding that is one the fix removed from
 * `r`. */
static void
fixed_findings_gone(const char *path, const struct fl_result *r,
    const struct fl_result *r2)
{
	uint32_t i, k;

	for (i = 0; i < r->diags.n; i++) {
		if (!r->diags.v[i].fixed)
			continue;
		for (k = 0; k < r2->diags.n; k++)
			if (fl_diag_same(&r->diags.v[i], &r2->diags.v[k]))
				fail_msg("%s: %s was fixed, but check still "
				    "reports it: %s", path,
				    r->diags.v[i].code, r2->diags.v[k].message);
	}
}

static void
check_structure(const char *path, const struct fl_result *in,
    const struct fl_fix_outcome *out)
{
	const struct fl_flow *a = &in->flow, *b = &out->final->flow;
	uint32_t i;

	/* Actions: all kept, in order; only FLOW_OBJECT_MAPS# may be new. */
	assert_true(b->nactions == a->nactions ||
	    (b->nactions == a->nactions + 1 && a->object_map == FL_NO_ACTION &&
	    fl_str_eq_cstr(b->actions[a->nactions].id, FL_OBJECT_MAP_ID)));
	for (i = 0; i < a->nactions; i++) {
		assert_true(fl_str_eq(a->actions[i].id, b->actions[i].id));
		assert_true(fl_str_eq(a->actions[i].type, b->actions[i].type));
	}
	members_kept(path, in, "FL305", a->doc, a->action_meta_node,
	    b->doc, b->action_meta_node);
	members_kept(path, in, "FL204", a->doc, a->map_attrs,
	    b->doc, b->map_attrs);

	/* Outside Content, a wrapped export's bytes are the same. */
	if (a->content_is_string) {
		const struct fl_json_node *x = &a->outer.nodes[content_node(in)];
		const struct fl_json_node *y =
		    &b->outer.nodes[content_node(out->final)];

		assert_int_equal(x->off, y->off);
		assert_memory_equal(in->src.text, out->final->src.text, x->off);
		assert_int_equal(in->src.len - x->off - x->len,
		    out->final->src.len - y->off - y->len);
		assert_memory_equal(in->src.text + x->off + x->len,
		    out->final->src.text + y->off + y->len,
		    in->src.len - x->off - x->len);
	}
}

static void
check_file(const char *path)
{
	struct fl_fix_options fo = { .lint = &env.opts };
	struct fl_fix_outcome out, again;
	struct fl_buf bytes = FL_BUF_INIT;
	struct fl_result r, r2;
	size_t len;
	char *text;

	if (fl_fs_read(&bytes, path, FL_FS_MAX_FILE) != 0)
		return;
	files++;
	text = fl_buf_detach(&bytes, &len);
	fl_result_init(&r, fl_xstrdup(path), text, len);
	fl_lint(&r, &env.opts, env.m);
	if (fl_fix_file(&out, &r, &fo, env.m) != 0)
		fail_msg("%s: %s", path, fl_error_msg());
	if (out.changed) {
		changed++;
		assert_true(out.final->flow_loaded);
		assert_null(find_code(out.final, "FL001"));
		assert_null(find_code(out.final, "FL002"));
		if (out.nfixed == 0)
			fail_msg("%s: changed without a fixed finding", path);
		check_structure(path, &r, &out);

		fl_result_init(&r2, fl_xstrdup(path),
		    fl_xstrndup(out.final->src.text, out.final->src.len),
		    out.final->src.len);
		fl_lint(&r2, &env.opts, env.m);
		fixed_findings_gone(path, &r, &r2);
		half_parameterized_reported(path, &r2);
		if (fl_fix_file(&again, &r2, &fo, env.m) != 0)
			fail_msg("%s (second fix): %s", path, fl_error_msg());
		if (again.changed)
			fail_msg("%s: a second fix changed it", path);
		fl_fix_outcome_release(&again);
		fl_result_release(&r2);
	} else {
		half_parameterized_reported(path, &r);
	}
	fl_fix_outcome_release(&out);
	fl_result_release(&r);
}

static void
test_fix_corpus__every_file(void **state)
{
	const char *shared = getenv("FLOWLINT_SHARED");
	const char *src = getenv("FLOWLINT_SOURCE_DIR");
	struct fl_pathlist list = { 0 };
	char path[1024];
	struct stat st;
	size_t i;

	if (shared != NULL)
		snprintf(path, sizeof(path), "%s/corpus", shared);
	else if (src != NULL)
		snprintf(path, sizeof(path), "%s/../shared/corpus", src);
	else
		skip();
	if (stat(path, &st) != 0)
		skip();
	lint_env_init(&env);
	assert_int_equal(fl_fs_walk_json(&list, path), 0);
	for (i = 0; i < list.n; i++)
		check_file(list.v[i]);
	fl_pathlist_release(&list);
	lint_env_release(&env);
	print_message("%u files, %u changed by fix\n", files, changed);
	assert_true(files > 0 && changed > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fix_corpus__every_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
