/*
 * How a rule reports: a finding at a node of the flow gets its position,
 * span, JSON Pointer and action from the node.
 */
#include "rules/rule.h"

#include <stdarg.h>

#include "flow/flow.h"
#include "json/json.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/by_node.h"
#include "util/source.h"

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
	uint32_t lo;

	if (d != f->doc || f->actions_node == FL_JSON_NONE)
		return NULL;
	while (i > FL_JSON_ROOT && d->nodes[i].parent != f->actions_node)
		i = d->nodes[i].parent;
	if (i <= FL_JSON_ROOT)
		return NULL;
	/* Actions are in document order. */
	lo = FL_LOWER_BOUND(f->actions, f->nactions, struct fl_action, node, i);
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
pointer_of(struct fl_rule_ctx *ctx, const struct fl_json_doc *d, uint32_t i)
{
	const struct fl_flow *f = ctx->flow;
	const struct fl_action *act = action_at(f, d, i);
	struct fl_buf buf = FL_BUF_INIT;
	const char *p;

	if (act != NULL) {
		/* Actions is a member of the flow document's root. */
		fl_buf_adds(&buf, "/Actions/");
		fl_buf_add_uint(&buf, act->index);
		fl_json_pointer_from(&buf, d, act->node, i);
	} else if (d == f->doc) {
		fl_json_pointer_from(&buf, d, f->root, i);
	} else {
		fl_json_pointer(&buf, d, i);
	}
	p = fl_arena_strndup(ctx->arena, buf.ptr, buf.len);
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
fl_report_at(struct fl_rule_ctx *ctx, uint32_t off,
    const struct fl_json_doc *doc, uint32_t node, bool key, const char *msg)
{
	const struct fl_flow *f = ctx->flow;
	struct fl_diag *d;

	d = fl_diag_add(ctx->out, ctx->arena, ctx->src, ctx->rule,
	    ctx->rule->code, ctx->severity, off, msg);
	d->fixable = fl_rule_fixable(ctx->rule);
	if (doc == NULL)
		return d;
	d->len = span_len(f, doc, node, key, d->off);
	d->pointer = pointer_of(ctx, doc, node);
	d->action = owning_action(f, doc, node);
	if (doc == f->doc)
		d->node = node;
	return d;
}

struct fl_diag *
fl_report_doc(struct fl_rule_ctx *ctx, const struct fl_json_doc *doc,
    uint32_t node, bool key, const char *fmt, va_list ap)
{
	return fl_report_at(ctx, fl_flow_file_off(ctx->flow, doc, node, key),
	    doc, node, key, fl_arena_vprintf(ctx->arena, fmt, ap));
}

struct fl_diag *
fl_report(struct fl_rule_ctx *ctx, uint32_t node, const char *fmt, ...)
{
	struct fl_diag *d;
	va_list ap;

	va_start(ap, fmt);
	d = fl_report_doc(ctx, ctx->flow->doc, node, false, fmt, ap);
	va_end(ap);
	return d;
}

struct fl_diag *
fl_report_key(struct fl_rule_ctx *ctx, uint32_t node, const char *fmt, ...)
{
	struct fl_diag *d;
	va_list ap;

	va_start(ap, fmt);
	d = fl_report_doc(ctx, ctx->flow->doc, node, true, fmt, ap);
	va_end(ap);
	return d;
}

struct fl_diag *
fl_report_within(struct fl_rule_ctx *ctx, uint32_t node, struct fl_str sub,
    const char *fmt, ...)
{
	const struct fl_flow *f = ctx->flow;
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
	fl_source_linecol(ctx->src, at, &d->line, &d->col);
	return d;
}

struct fl_diag *
fl_report_outer(struct fl_rule_ctx *ctx, uint32_t node, const char *fmt, ...)
{
	struct fl_diag *d;
	va_list ap;

	va_start(ap, fmt);
	d = fl_report_doc(ctx, &ctx->flow->outer, node, false, fmt, ap);
	va_end(ap);
	return d;
}
