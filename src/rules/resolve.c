/*
 * Reference kinds and inventory resolution for the cross-file rules
 * (resolve.h).
 */
#include "rules/resolve.h"

#include <stdlib.h>
#include <string.h>

#include "flow/flow.h"
#include "flow/params.h"
#include "inventory/inventory.h"
#include "rules/rule.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/by_node.h"

struct collect {
	struct fl_param_kinds *pk;
	struct fl_arena *arena;
	uint32_t alloc;
};

static void
collect_hit(const struct fl_param_hit *hit, void *arg)
{
	struct collect *c = arg;
	struct fl_param_kinds *pk = c->pk;

	if (pk->n == c->alloc) {
		uint32_t alloc = c->alloc ? 2 * c->alloc : 16;
		struct fl_param_kind *v = fl_arena_array(c->arena, alloc,
		    sizeof(*v));

		if (pk->n)
			memcpy(v, pk->v, pk->n * sizeof(*v));
		pk->v = v;
		c->alloc = alloc;
	}
	pk->v[pk->n].node = hit->node;
	pk->v[pk->n].kind = fl_res_kind_from_name(fl_str_cstr(hit->rule->kind));
	pk->n++;
}

static int
cmp_node(const void *a, const void *b)
{
	const struct fl_param_kind *x = a, *y = b;

	return x->node < y->node ? -1 : x->node > y->node;
}

void
fl_resolve_param_kinds(struct fl_param_kinds *out, struct fl_rule_ctx *ctx,
    const struct fl_flow *f)
{
	struct collect c = { out, ctx->arena, 0 };
	uint32_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < f->nactions; i++)
		fl_params_foreach(ctx->params, f, &f->actions[i],
		    collect_hit, &c);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_node);
}

int
fl_resolve_node_kind(const struct fl_param_kinds *pk, uint32_t node)
{
	uint32_t lo = FL_LOWER_BOUND(pk->v, pk->n,
	    struct fl_param_kind, node, node);

	return lo < pk->n && pk->v[lo].node == node ? pk->v[lo].kind : -1;
}

/* The kind of what the object map's entry `name` holds, or -1. */
static int
map_entry_kind(const struct fl_flow *f, struct fl_str name)
{
	uint32_t entry, value, i;
	int kind = -1;

	if (f->map_attrs == FL_JSON_NONE)
		return -1;
	entry = fl_json_get_str(f->doc, f->map_attrs, name);
	value = fl_flow_get(f, entry, "Value");
	if (!fl_json_is(f->doc, value, FL_JSON_STRING))
		return -1;
	for (i = 0; i < f->nrefs; i++) {
		const struct fl_ref *r = &f->refs[i];

		if (r->node != value)
			continue;
		if (r->kind == FL_REF_PLACEHOLDER)
			return fl_res_kind_from_letter(r->u.ph.kind);
		if (r->kind == FL_REF_ARN && kind < 0)
			kind = fl_res_kind_from_arn(r->u.arn.kind);
	}
	return kind;
}

int
fl_resolve_attr_kind(const struct fl_param_kinds *pk, const struct fl_flow *f,
    const struct fl_ref *r)
{
	int kind = r->whole_value ? fl_resolve_node_kind(pk, r->node) : -1;

	return kind >= 0 ? kind : map_entry_kind(f, r->u.attr.name);
}

struct fl_str
fl_resolve_name_key(struct fl_arena *a, struct fl_str name)
{
	long at = fl_str_find(name, ".wav");
	char *key;

	if (at < 0)
		return name;
	key = fl_arena_alloc(a, name.len - 4 + 1);
	memcpy(key, name.ptr, (size_t)at);
	memcpy(key + at, name.ptr + at + 4, name.len - (size_t)at - 4);
	return fl_str_make(key, name.len - 4);
}

struct fl_str
fl_resolve_placeholder_key(struct fl_rule_ctx *ctx, const struct fl_ref *r)
{
	return fl_resolve_name_key(ctx->arena, r->u.ph.name);
}

bool
fl_resolve_map_rebuilt(const struct fl_flow *f)
{
	uint32_t i;

	for (i = 0; i < f->nrefs; i++)
		if (f->refs[i].kind == FL_REF_FLOW_ATTR)
			return true;
	return false;
}

void
fl_resolve(struct fl_resolution *out, const struct fl_rule_ctx *ctx, int kind,
    struct fl_str key)
{
	const struct fl_inventory *inv = ctx->inventory;

	memset(out, 0, sizeof(*out));
	out->kind = kind;
	out->key = key;
	out->picked = fl_inventory_replacer_pick(inv, key);
	if (kind < 0)
		return;
	out->own = fl_inventory_by_key(inv, (enum fl_res_kind)kind, key);
	out->checkable = fl_inventory_has_kind(inv, (enum fl_res_kind)kind);
	out->mapped = fl_inventory_replacer_has_kind(inv,
	    (enum fl_res_kind)kind);
}

const char *
fl_resolve_sources(struct fl_rule_ctx *ctx, int kind)
{
	struct fl_buf b = FL_BUF_INIT;
	const char *const *v;
	const char *out;
	size_t i, n;

	v = fl_inventory_sources(ctx->inventory, (enum fl_res_kind)kind,
	    &n);
	for (i = 0; i < n && i < 3; i++)
		fl_buf_addf(&b, "%s%s", i ? ", " : "", v[i]);
	if (n > 3)
		fl_buf_addf(&b, " and %zu more", n - 3);
	if (n == 0)
		fl_buf_adds(&b, "the configured sources");
	out = fl_arena_strndup(ctx->arena, b.ptr, b.len);
	fl_buf_release(&b);
	return out;
}
