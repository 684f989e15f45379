/*
 * The fixer over every flow file (*.json) of ../shared/corpus (skipped when absent;
 * FLOWLINT_SHARED names another place for ../shared): fixing never fails
 * verification, never produces a file that does not parse, is idempotent,
 * reports a finding for every file it changes, leaves the bytes outside
 * the Content string alone, and keeps every action, every metadata entry
 * and every object-map entry except those its reported fixes remove.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
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
		if (fl_fix_file(&again, &r2, &fo, env.m) != 0)
			fail_msg("%s (second fix): %s", path, fl_error_msg());
		if (again.changed)
			fail_msg("%s: a second fix changed it", path);
		fl_fix_outcome_release(&again);
		fl_result_release(&r2);
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
