/*
 * The per-file pipeline: parse (FL001), load the flow (FL002, FL004,
 * FL005, FL006), run the rules, sort the findings by position.
 */
#include "lint/lint.h"

#include <stdlib.h>
#include <string.h>

#include "diag/fingerprint.h"
#include "flow/catalog.h"
#include "flow/load.h"
#include "format/format.h"
#include "json/json.h"
#include "lint/fix.h"
#include "report/report.h"
#include "rules/file_config.h"
#include "util/buf.h"
#include "util/relpath.h"
#include "util/xalloc.h"

void
fl_result_init(struct fl_result *r, char *path, char *text, size_t len)
{
	memset(r, 0, sizeof(*r));
	fl_source_init(&r->src, path, text, len);
	fl_arena_init(&r->arena);
}

void
fl_result_release(struct fl_result *r)
{
	if (r->fix != NULL)
		fl_fix_outcome_release(r->fix);
	free(r->fix);
	free(r->fix_refusal);
	if (r->format != NULL)
		fl_buf_release(&r->format->text);
	free(r->format);
	fl_arena_release(&r->arena);
	fl_source_release(&r->src);
	memset(r, 0, sizeof(*r));
}

/* Whether the rule at `index` in fl_rules runs, and at which severity. */
static bool
enabled_at(const struct fl_lint_options *o, unsigned index)
{
	return o->enabled == NULL || o->enabled[index];
}

static enum fl_severity
severity_at(const struct fl_lint_options *o, unsigned index)
{
	return o->severity ? o->severity[index] : fl_rules[index]->severity;
}

static const struct fl_rule *
problem_rule(enum fl_load_problem_kind kind)
{
	switch (kind) {
	case FL_LOAD_INVALID_CONTENT: return &fl_rule_invalid_content;
	case FL_LOAD_DUP_KEY: return &fl_rule_duplicate_key;
	case FL_LOAD_NUMBER_RANGE: return &fl_rule_number_out_of_range;
	}
	return &fl_rule_invalid_content;
}

static struct fl_str
file_stem(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t len;

	base = base ? base + 1 : path;
	len = strlen(base);
	if (len > 5 && strcmp(base + len - 5, ".json") == 0)
		len -= 5;
	return fl_str_make(base, len);
}

/* The catalog entry of each action (NULL: a Type it does not know). */
static const struct fl_cat_action **
catalog_entries(const struct fl_flow *f, const struct fl_catalog *c,
    struct fl_arena *a)
{
	const struct fl_cat_action **v = fl_arena_array(a, f->nactions + 1,
	    sizeof(*v));
	uint32_t i;

	for (i = 0; i < f->nactions; i++)
		v[i] = fl_catalog_find(c, f->actions[i].type);
	return v;
}

void
fl_rule_ctx_init(struct fl_rule_ctx *ctx, const struct fl_rule *rule,
    struct fl_result *r, const struct fl_lint_options *o,
    struct fl_re_match *m)
{
	ctx->rule = rule;
	ctx->severity = severity_at(o, fl_rule_index(rule));
	ctx->path = r->src.path;
	ctx->flow = &r->flow;
	ctx->patterns = o->patterns;
	ctx->params = o->params;
	ctx->catalog = o->catalog;
	ctx->entries = r->entries;
	ctx->inventory = o->inventory;
	ctx->environments = o->environments;
	ctx->nenvironments = o->nenvironments;
	ctx->file = fl_file_configs_of(o->files, r->src.path);
	ctx->match = m;
	ctx->src = &r->src;
	ctx->arena = &r->arena;
	ctx->out = &r->diags;
}

/* A finding the loader made, for `rule`, if enabled. */
static struct fl_diag *
add_problem(struct fl_result *r, const struct fl_lint_options *o,
    const struct fl_rule *rule, uint32_t off, const struct fl_json_doc *doc,
    uint32_t node, bool key, const char *msg)
{
	struct fl_rule_ctx ctx;

	if (!enabled_at(o, fl_rule_index(rule)))
		return NULL;
	fl_rule_ctx_init(&ctx, rule, r, o, NULL);
	return fl_report_at(&ctx, off, doc, node, key, msg);
}

void
fl_lint(struct fl_result *r, const struct fl_lint_options *o,
    struct fl_re_match *m)
{
	struct fl_load_problems probs = { 0 };
	struct fl_json_error err;
	struct fl_json_doc outer;
	struct fl_diag *d;
	uint32_t i;

	r->flow.name = file_stem(r->src.path);
	if (fl_json_parse_raw(&outer, &r->arena, r->src.text, r->src.len,
	    "Content", &err)) {
		r->json_invalid = true;
		add_problem(r, o, &fl_rule_invalid_json, (uint32_t)err.off,
		    NULL, 0, false, fl_arena_strdup(&r->arena, err.msg));
		return;
	}
	fl_flow_load(&r->flow, &probs, &r->arena, &outer, file_stem(r->src.path),
	    o->patterns, m);
	r->shape = r->flow.shape;
	for (i = 0; i < probs.n; i++) {
		const struct fl_load_problem *p = &probs.v[i];

		add_problem(r, o, problem_rule(p->kind), p->file_off, p->doc,
		    p->node, p->kind == FL_LOAD_DUP_KEY, p->msg);
	}
	if (r->shape == FL_SHAPE_LEGACY && (d = add_problem(r, o,
	    &fl_rule_legacy_export, outer.nodes[FL_JSON_ROOT].off, NULL, 0,
	    false, "legacy console export (\"version\": \"1\"): the flow designer "
	    "stopped importing it on 2026-03-31 and the API never took it, "
	    "so it deploys nowhere; re-export the flow from the flow "
	    "designer")) != NULL)
		d->len = outer.nodes[FL_JSON_ROOT].len;
	r->flow_loaded = r->flow.doc != NULL;
	if (r->flow_loaded) {
		r->entries = catalog_entries(&r->flow, o->catalog,
		    &r->arena);
		struct fl_rule_ctx file, ctx;

		/* What every rule reads of this file, looked up once. */
		fl_rule_ctx_init(&file, fl_rules[0], r, o, m);
		for (i = 0; i < fl_rule_count; i++) {
			const struct fl_rule *rule = fl_rules[i];

			if (rule->check == NULL || !enabled_at(o, i) ||
			    (r->shape == FL_SHAPE_LEGACY && !rule->legacy))
				continue;
			ctx = file;
			ctx.rule = rule;
			ctx.severity = severity_at(o, i);
			rule->check(&ctx, &r->flow);
		}
	}
	fl_diag_sort(&r->diags);
}

/* Fingerprints the findings of `r`, whose path relative to the
 * repository root is `relpath` (r's arena). */
static void
fingerprint(struct fl_result *r, const char *relpath)
{
	r->relpath = relpath;
	fl_fingerprint_set(&r->diags, &r->arena, r->flow.name, relpath);
}

void
fl_result_fingerprint(struct fl_result *r, struct fl_relpath *rel)
{
	struct fl_buf path = FL_BUF_INIT;

	fl_relpath_get(rel, &path, r->src.path);
	fingerprint(r, fl_arena_strndup(&r->arena, path.ptr, path.len));
	fl_buf_release(&path);
	if (r->fix != NULL && r->fix->changed)
		fingerprint(r->fix->final, fl_arena_strdup(&r->fix->final->arena,
		    r->relpath));
}

void
fl_result_fingerprinted(struct fl_result *r)
{
	struct fl_relpath rel = FL_RELPATH_INIT;

	if (r->relpath != NULL)
		return;
	fl_result_fingerprint(r, &rel);
	fl_relpath_release(&rel);
}

void
fl_result_report_file(struct fl_result *r, struct fl_report_file *out)
{
	out->src = &r->src;
	out->relpath = r->relpath;
	out->flow = r->flow.name;
	out->diags = &r->diags;
	out->fixed = (struct fl_str){ NULL, 0 };
	if (r->fix != NULL && r->fix->changed)
		out->fixed = fl_str_make(r->fix->final->src.text,
		    r->fix->final->src.len);
}

void
fl_result_keep(struct fl_result *r, const bool *enabled)
{
	uint32_t i, n = 0;

	if (enabled == NULL)
		return;
	for (i = 0; i < r->diags.n; i++)
		if (enabled[fl_rule_index(r->diags.v[i].rule)])
			r->diags.v[n++] = r->diags.v[i];
	r->diags.n = n;
}

void
fl_result_count(const struct fl_result *r, unsigned *errors,
    unsigned *warnings, unsigned *infos)
{
	fl_diag_count(&r->diags, errors, warnings, infos);
}
