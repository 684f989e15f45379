/*
 * The fix loop: lint, plan a pass, apply its edits, verify, repeat until
 * a pass has nothing to do; see fix.h.
 */
#include "lint/fix.h"

#include <stdlib.h>
#include <string.h>

#include "fix/pass.h"
#include "lint/lint.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/xalloc.h"

static bool
fix_enabled(const struct fl_fix_options *o, const struct fl_rule *rule)
{
	return o->enabled == NULL || o->enabled[fl_rule_index(rule)];
}

/* Whether plan() hands finding i of `cur` to its rule's fix. */
static bool
wanted(const struct fl_fix_options *o, const struct fl_result *cur,
    uint32_t i, const bool *refused, int64_t only)
{
	const struct fl_diag *d = &cur->diags.v[i];

	return d->fixable && (refused == NULL || !refused[i]) &&
	    (only < 0 || only == i) &&
	    (o->allows == NULL || o->allows(o->allows_arg, cur, d));
}

/*
 * Plans one pass over `cur` into file edits: each fixable finding goes
 * to its rule's fix, rules in registry order (a later fix may build on
 * an earlier one's requests: FL204 keeps the entries FL101 starts to
 * use).  Findings whose fix was refused (per diagnostic, or NULL) or
 * that o->allows keeps are left out; with `only` >= 0 only that one is
 * fixed.
 */
static void
plan(struct fl_fix_pass *p, struct fl_result *cur,
    const struct fl_fix_options *o, const struct fl_lint_options *all,
    struct fl_re_match *m, const bool *refused, int64_t only,
    struct fl_edits *edits)
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
			    wanted(o, cur, i, refused, only))
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
 * Runs one pass over `cur` as plan() does with `refused` and `only`.
 * Returns 0 with *next set to the verified new text (NULL when the pass
 * has nothing to change), or an FL_E* code; *claimed (when asked)
 * receives what the pass addressed, per diagnostic of cur (cur's arena).
 */
static int
try_pass(struct fl_result **next, struct fl_result *cur,
    const struct fl_fix_options *o, const struct fl_lint_options *all,
    struct fl_re_match *m, const bool *refused, int64_t only,
    const bool **claimed)
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
	plan(&p, cur, o, all, m, refused, only, &edits);
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
	if (claimed != NULL)
		*claimed = p.claimed;
	fl_buf_release(&text);
	fl_edits_release(&edits);
	fl_fix_pass_release(&p);
	*next = res;
	return err;
}

static bool
is_refusal(const struct fl_fix_refusal *r, const struct fl_diag *d)
{
	return r->rule == d->rule && strcmp(r->message, d->message) == 0 &&
	    strcmp(r->pointer, d->pointer ? d->pointer : "") == 0;
}

static void
refuse(struct fl_fix_outcome *out, const struct fl_diag *d,
    const char *reason)
{
	struct fl_fix_refusal *r;

	out->refused = fl_xreallocarray(out->refused, out->nrefused + 1,
	    sizeof(*out->refused));
	r = &out->refused[out->nrefused++];
	r->rule = d->rule;
	r->pointer = fl_xstrdup(d->pointer ? d->pointer : "");
	r->message = fl_xstrdup(d->message);
	r->reason = fl_xstrdup(reason);
}

/* Per diagnostic of `cur`: whether its fix was refused (cur's arena). */
static bool *
refused_in(struct fl_result *cur, const struct fl_fix_outcome *out)
{
	bool *v = fl_arena_array(&cur->arena, cur->diags.n + 1, sizeof(bool));
	uint32_t i, j;

	for (i = 0; i < cur->diags.n; i++)
		for (j = 0; j < out->nrefused && !v[i]; j++)
			v[i] = is_refusal(&out->refused[j], &cur->diags.v[i]);
	return v;
}

/*
 * One pass over `cur`.  When it fails verification, each fix it made is
 * tried alone; those that fail alone are refused and the pass is run
 * again without them.  Returns as try_pass.
 */
static int
one_pass(struct fl_result **next, struct fl_result *cur,
    const struct fl_fix_options *o, const struct fl_lint_options *all,
    struct fl_re_match *m, struct fl_fix_outcome *out)
{
	bool *refused = refused_in(cur, out);
	const bool *claimed = NULL;
	struct fl_result *alone;
	char *together;
	unsigned added = 0;
	uint32_t i;
	int err;

	err = try_pass(next, cur, o, all, m, refused, -1, &claimed);
	if (err != FL_EINVAL || claimed == NULL)
		return err;
	together = fl_xstrdup(fl_error_msg());
	for (i = 0; i < cur->diags.n; i++) {
		if (!claimed[i])
			continue;
		if (try_pass(&alone, cur, o, all, m, refused, i, NULL) != 0) {
			refuse(out, &cur->diags.v[i], fl_error_msg());
			refused[i] = true;
			added++;
		}
		if (alone != NULL)
			free_result(alone);
	}
	if (added == 0)
		err = fl_error_set(FL_EINVAL, "%s", together);
	else
		err = try_pass(next, cur, o, all, m, refused, -1, NULL);
	free(together);
	return err;
}

/* The findings of `r` whose fix was refused say why, and are not fixable. */
static void
explain_refusals(const struct fl_fix_outcome *out, struct fl_result *r)
{
	uint32_t i, j;

	for (i = 0; i < r->diags.n; i++) {
		struct fl_diag *d = &r->diags.v[i];

		for (j = 0; j < out->nrefused; j++) {
			if (!is_refusal(&out->refused[j], d))
				continue;
			d->message = fl_arena_printf(&r->arena, "%s; not fixed: "
			    "%s", d->message, out->refused[j].reason);
			d->fixable = false;
			break;
		}
	}
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
		if ((err = one_pass(&next, cur, o, &all, m, out)) != 0)
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
		fl_fix_outcome_release(out);
		return err;
	}
	out->final = cur;
	out->changed = cur != in;
	mark_fixed(out, in);
	explain_refusals(out, in);
	if (out->changed)
		explain_refusals(out, out->final);
	return 0;
}

void
fl_fix_outcome_release(struct fl_fix_outcome *out)
{
	unsigned i;

	if (out->changed)
		free_result(out->final);
	for (i = 0; i < out->nrefused; i++) {
		free(out->refused[i].pointer);
		free(out->refused[i].message);
		free(out->refused[i].reason);
	}
	free(out->refused);
	memset(out, 0, sizeof(*out));
}
