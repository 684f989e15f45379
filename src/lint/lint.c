/*
 * The per-file pipeline: parse (FL001), load the flow (FL002, FL004,
 * FL005, FL006), run the rules, sort the findings by position.
 */
#include "lint/lint.h"

#include <stdlib.h>
#include <string.h>

#include "flow/load.h"
#include "json/json.h"
#include "util/buf.h"
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
	fl_arena_release(&r->arena);
	fl_source_release(&r->src);
	memset(r, 0, sizeof(*r));
}

static struct fl_diag *
add_diag(struct fl_result *r, const struct fl_rule *rule,
    enum fl_severity sev, uint32_t off, const char *msg)
{
	struct fl_diag *d;

	if (r->ndiags == r->alloc) {
		uint32_t alloc = r->alloc ? r->alloc * 2 : 8;

		r->diags = fl_arena_grow_array(&r->arena, r->diags, r->alloc,
		    alloc, sizeof(*r->diags));
		r->alloc = alloc;
	}
	d = &r->diags[r->ndiags++];
	memset(d, 0, sizeof(*d));
	d->rule = rule;
	d->severity = sev;
	d->off = off;
	fl_source_linecol(&r->src, off, &d->line, &d->col);
	d->message = msg;
	d->fixable = (rule->flags & FL_RULE_FIXABLE) != 0;
	return d;
}

/* The Identifier of the action that contains node i, if any. */
static struct fl_str
owning_action(const struct fl_flow *f, const struct fl_json_doc *d,
    uint32_t i)
{
	uint32_t parent;

	if (d != f->doc)
		return (struct fl_str){ NULL, 0 };
	for (; i != f->root; i = parent) {
		parent = d->nodes[i].parent;
		if (parent == f->actions_node) {
			uint32_t id = fl_json_get(d, i, "Identifier");

			return fl_json_string(d, id);
		}
		if (parent == f->action_meta_node)
			return d->nodes[i].key;
		if (parent == FL_JSON_NONE)
			break;
	}
	return (struct fl_str){ NULL, 0 };
}

/* The valid action whose object is node i or holds it, or NULL. */
static const struct fl_action *
action_at(const struct fl_flow *f, const struct fl_json_doc *d, uint32_t i)
{
	uint32_t lo = 0, hi = f->nactions;

	if (d != f->doc || f->actions_node == FL_JSON_NONE)
		return NULL;
	while (i > FL_JSON_ROOT && d->nodes[i].parent != f->actions_node)
		i = d->nodes[i].parent;
	if (i <= FL_JSON_ROOT)
		return NULL;
	/* Actions are in document order: binary search by node. */
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (f->actions[mid].node < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < f->nactions && f->actions[lo].node == i ?
	    &f->actions[lo] : NULL;
}

/*
 * JSON Pointer of node i relative to the flow document's root (when it
 * is inside it; Content as an object leaves the wrapper's path out).
 * Inside an action the action's index is known: counting its earlier
 * siblings instead would make a finding on every one of 100,000 actions
 * quadratic.
 */
static const char *
pointer_of(struct fl_result *r, const struct fl_json_doc *d, uint32_t i)
{
	const struct fl_flow *f = &r->flow;
	const struct fl_action *act = action_at(f, d, i);
	struct fl_buf buf = FL_BUF_INIT;
	const char *p;

	if (act != NULL) {
		/* Actions is a member of the flow document's root. */
		fl_buf_addf(&buf, "/Actions/%u", act->index);
		fl_json_pointer_from(&buf, d, act->node, i);
	} else if (d == f->doc) {
		fl_json_pointer_from(&buf, d, f->root, i);
	} else {
		fl_json_pointer(&buf, d, i);
	}
	p = fl_arena_strndup(&r->arena, buf.ptr, buf.len);
	fl_buf_release(&buf);
	return p;
}

/* Where node n's key ends: past the quote before the ':' before n. */
static uint32_t
key_end(const struct fl_json_doc *d, const struct fl_json_node *n)
{
	uint32_t p;
	bool colon = false;

	for (p = n->off; p > n->key_off; p--) {
		if (d->text[p - 1] == ':')
			colon = true;
		else if (d->text[p - 1] == '"' && colon)
			return p;
	}
	return n->key_off;
}

/*
 * Bytes in the file from `start` (node i's file offset) to the end of
 * its text or its key, mapped through Content's escapes.
 */
static uint32_t
span_len(const struct fl_flow *f, const struct fl_json_doc *d, uint32_t i,
    bool key, uint32_t start)
{
	const struct fl_json_node *n = &d->nodes[i];
	uint32_t end;

	end = key && n->key.ptr != NULL ? key_end(d, n) : n->off + n->len;
	if (d == &f->inner)
		end = fl_json_offmap_raw(&f->map, end);
	return end > start ? end - start : 0;
}

struct fl_diag *
fl_report_doc(struct fl_rule_ctx *ctx, const struct fl_json_doc *doc,
    uint32_t node, bool key, const char *fmt, va_list ap)
{
	struct fl_result *r = ctx->result;
	const struct fl_flow *f = &r->flow;
	struct fl_diag *d;

	d = add_diag(r, ctx->rule, ctx->severity,
	    fl_flow_file_off(f, doc, node, key),
	    fl_arena_vprintf(&r->arena, fmt, ap));
	d->len = span_len(f, doc, node, key, d->off);
	d->pointer = pointer_of(r, doc, node);
	d->action = owning_action(f, doc, node);
	if (doc == f->doc)
		d->node = node;
	return d;
}

struct fl_diag *
fl_report(struct fl_rule_ctx *ctx, uint32_t node, const char *fmt, ...)
{
	struct fl_diag *d;
	va_list ap;

	va_start(ap, fmt);
	d = fl_report_doc(ctx, ctx->result->flow.doc, node, false, fmt, ap);
	va_end(ap);
	return d;
}

struct fl_diag *
fl_report_key(struct fl_rule_ctx *ctx, uint32_t node, const char *fmt, ...)
{
	struct fl_diag *d;
	va_list ap;

	va_start(ap, fmt);
	d = fl_report_doc(ctx, ctx->result->flow.doc, node, true, fmt, ap);
	va_end(ap);
	return d;
}

struct fl_diag *
fl_report_at(struct fl_rule_ctx *ctx, uint32_t node, struct fl_str sub,
    const char *fmt, ...)
{
	struct fl_result *r = ctx->result;
	const struct fl_flow *f = &r->flow;
	const struct fl_json_node *n = &f->doc->nodes[node];
	struct fl_diag *d;
	uint32_t at, end;
	va_list ap;

	va_start(ap, fmt);
	d = fl_report_doc(ctx, f->doc, node, false, fmt, ap);
	va_end(ap);
	if (n->type != FL_JSON_STRING || (n->flags & FL_JSON_F_ESCAPED) ||
	    sub.ptr < n->str.ptr || sub.ptr + sub.len > n->str.ptr + n->str.len ||
	    (sub.ptr == n->str.ptr && sub.len == n->str.len))
		return d;
	at = n->off + 1 + (uint32_t)(sub.ptr - n->str.ptr);
	end = at + (uint32_t)sub.len;
	if (f->doc == &f->inner) {
		at = fl_json_offmap_raw(&f->map, at);
		end = fl_json_offmap_raw(&f->map, end);
	}
	d->off = at;
	d->len = end > at ? end - at : 0;
	fl_source_linecol(&r->src, at, &d->line, &d->col);
	return d;
}

struct fl_diag *
fl_report_outer(struct fl_rule_ctx *ctx, uint32_t node, const char *fmt, ...)
{
	struct fl_diag *d;
	va_list ap;

	va_start(ap, fmt);
	d = fl_report_doc(ctx, &ctx->result->flow.outer, node, false, fmt, ap);
	va_end(ap);
	return d;
}

static bool
enabled(const struct fl_lint_options *o, const struct fl_rule *rule)
{
	return o->enabled == NULL || o->enabled[fl_rule_index(rule)];
}

static enum fl_severity
severity(const struct fl_lint_options *o, const struct fl_rule *rule)
{
	return o->severity ? o->severity[fl_rule_index(rule)] : rule->severity;
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

static int
cmp_diag(const void *a, const void *b)
{
	const struct fl_diag *x = a, *y = b;
	int c;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	c = strcmp(x->rule->code, y->rule->code);
	if (c != 0)
		return c;
	return strcmp(x->message, y->message);
}

void
fl_lint(struct fl_result *r, const struct fl_lint_options *o,
    struct fl_re_match *m)
{
	struct fl_load_problems probs = { 0 };
	struct fl_json_error err;
	struct fl_json_doc outer;
	uint32_t i;

	r->flow.name = file_stem(r->src.path);
	if (fl_json_parse(&outer, &r->arena, r->src.text, r->src.len, &err)) {
		if (enabled(o, &fl_rule_invalid_json))
			add_diag(r, &fl_rule_invalid_json,
			    severity(o, &fl_rule_invalid_json), (uint32_t)err.off,
			    fl_arena_strdup(&r->arena, err.msg));
		return;
	}
	fl_flow_load(&r->flow, &probs, &r->arena, &outer, file_stem(r->src.path),
	    o->patterns, m);
	r->shape = r->flow.shape;
	for (i = 0; i < probs.n; i++) {
		const struct fl_load_problem *p = &probs.v[i];
		const struct fl_rule *rule = problem_rule(p->kind);
		struct fl_diag *d;

		if (!enabled(o, rule))
			continue;
		d = add_diag(r, rule, severity(o, rule), p->file_off, p->msg);
		if (p->doc != NULL) {
			d->len = span_len(&r->flow, p->doc, p->node,
			    p->kind == FL_LOAD_DUP_KEY, d->off);
			d->pointer = pointer_of(r, p->doc, p->node);
			d->action = owning_action(&r->flow, p->doc, p->node);
		}
	}
	if (r->shape == FL_SHAPE_LEGACY && enabled(o, &fl_rule_legacy_export))
		add_diag(r, &fl_rule_legacy_export,
		    severity(o, &fl_rule_legacy_export), outer.nodes[FL_JSON_ROOT].off,
		    "legacy console export (\"version\": \"1\"): the flow "
		    "designer stopped importing it on 2026-03-31 and the API "
		    "never took it, so it deploys nowhere; re-export the flow "
		    "from the flow designer")->len =
		    outer.nodes[FL_JSON_ROOT].len;
	r->flow_loaded = r->flow.doc != NULL;
	if (r->flow_loaded) {
		for (i = 0; i < fl_rule_count; i++) {
			const struct fl_rule *rule = fl_rules[i];
			struct fl_rule_ctx ctx;

			if (rule->check == NULL || !enabled(o, rule))
				continue;
			ctx.rule = rule;
			ctx.opts = o;
			ctx.match = m;
			ctx.severity = severity(o, rule);
			ctx.result = r;
			ctx.arena = &r->arena;
			rule->check(&ctx, &r->flow);
		}
	}
	if (r->ndiags > 1)
		qsort(r->diags, r->ndiags, sizeof(*r->diags), cmp_diag);
}

void
fl_result_count(const struct fl_result *r, unsigned *errors,
    unsigned *warnings, unsigned *infos)
{
	uint32_t i;

	*errors = *warnings = *infos = 0;
	for (i = 0; i < r->ndiags; i++) {
		switch (r->diags[i].severity) {
		case FL_SEV_ERROR: (*errors)++; break;
		case FL_SEV_WARNING: (*warnings)++; break;
		case FL_SEV_INFO: (*infos)++; break;
		}
	}
}
