/*
 * The fix loop: lint, plan a pass, apply its edits, verify, repeat until
 * a pass has nothing to do; see fix.h.
 */
#include "lint/fix.h"

#include <stdlib.h>
#include <string.h>

#include "fix/pass.h"
#include "lint/lint.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/xalloc.h"

static bool
fix_enabled(const struct fl_fix_options *o, const struct fl_rule *rule)
{
	return o->enabled == NULL || o->enabled[fl_rule_index(rule)];
}

/*
 * Plans one pass over `cur` into file edits: each fixable finding goes
 * to its rule's fix, rules in registry order (a later fix may build on
 * an earlier one's requests: FL204 keeps the entries FL101 starts to
 * use).
 */
static void
plan(struct fl_fix_pass *p, struct fl_result *cur,
    const struct fl_fix_options *o, const struct fl_lint_options *all,
    struct fl_re_match *m, struct fl_edits *edits)
{
	uint32_t i, k;

	for (k = 0; k < fl_rule_count; k++) {
		const struct fl_rule *rule = fl_rules[k];
		struct fl_rule_ctx ctx;

		if (rule->fix == NULL || !fix_enabled(o, rule))
			continue;
		fl_rule_ctx_init(&ctx, rule, cur, all, m);
		for (i = 0; i < cur->diags.n; i++)
			if (cur->diags.v[i].rule == rule &&
			    cur->diags.v[i].fixable)
				rule->fix(&ctx, p, &cur->diags.v[i]);
	}
	fl_fix_pass_emit(p, edits);
}

static void
free_result(struct fl_result *r)
{
	fl_result_release(r);
	free(r);
}

/*
 * Runs one pass over `cur`.  Returns 0 with *next set to the verified
 * new text (NULL when the pass has nothing to change), or an FL_E* code.
 */
static int
one_pass(struct fl_result **next, struct fl_result *cur,
    const struct fl_fix_options *o, const struct fl_lint_options *all,
    struct fl_re_match *m)
{
	struct fl_fix_pass p;
	struct fl_edits edits = { 0 };
	struct fl_buf text = FL_BUF_INIT;
	struct fl_result *res = NULL;
	size_t len;
	int err;

	*next = NULL;
	if (!cur->flow_loaded)
		return 0;
	fl_fix_pass_init(&p, &cur->flow, &cur->diags, &cur->arena);
	plan(&p, cur, o, all, m, &edits);
	err = edits.n > 0 ? fl_edits_apply(&text, cur->src.text, cur->src.len,
	    &edits) : 0;
	if (err == 0 && edits.n > 0 && (text.len != cur->src.len ||
	    memcmp(text.ptr, cur->src.text, text.len) != 0)) {
		char *bytes = fl_buf_detach(&text, &len);

		res = fl_xmalloc(sizeof(*res));
		fl_result_init(res, fl_xstrdup(cur->src.path), bytes, len);
		fl_lint(res, all, m);
		err = fl_fix_verify(&p, &res->flow, &res->diags);
		if (err != 0) {
			free_result(res);
			res = NULL;
		}
	}
	fl_buf_release(&text);
	fl_edits_release(&edits);
	fl_fix_pass_release(&p);
	*next = res;
	return err;
}

/* Marks the findings of `in` the final text no longer has (as
 * multisets). */
static void
mark_fixed(struct fl_fix_outcome *out, struct fl_result *in)
{
	const struct fl_result *fin = out->final;
	bool *used = fl_xcalloc(fin->diags.n + 1, sizeof(bool));
	uint32_t i, j;

	for (i = 0; i < in->diags.n; i++) {
		for (j = 0; j < fin->diags.n; j++)
			if (!used[j] && fl_diag_same(&in->diags.v[i],
			    &fin->diags.v[j]))
				break;
		if (j < fin->diags.n) {
			used[j] = true;
		} else {
			in->diags.v[i].fixed = true;
			out->nfixed++;
		}
	}
	free(used);
}

int
fl_fix_file(struct fl_fix_outcome *out, struct fl_result *in,
    const struct fl_fix_options *o, struct fl_re_match *m)
{
	struct fl_lint_options all = *o->lint;
	struct fl_result *cur = in, *next;
	int err = 0;

	memset(out, 0, sizeof(*out));
	all.enabled = NULL;
	for (;;) {
		if ((err = one_pass(&next, cur, o, &all, m)) != 0)
			break;
		if (next == NULL)
			break;
		if (cur != in)
			free_result(cur);
		cur = next;
		if (++out->passes > FL_FIX_MAX_PASSES) {
			err = fl_error_set(FL_EINVAL, "the fixes did not settle "
			    "after %d passes", FL_FIX_MAX_PASSES);
			break;
		}
	}
	if (err != 0) {
		if (cur != in)
			free_result(cur);
		memset(out, 0, sizeof(*out));
		return err;
	}
	out->final = cur;
	out->changed = cur != in;
	mark_fixed(out, in);
	return 0;
}

void
fl_fix_outcome_release(struct fl_fix_outcome *out)
{
	if (out->changed)
		free_result(out->final);
	memset(out, 0, sizeof(*out));
}
