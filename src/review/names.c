/*
 * Resource references shown by name; see names.h.
 */
#include "review/names.h"

#include "flow/flow.h"
#include "inventory/inventory.h"
#include "util/arena.h"
#include "util/by_node.h"

/* The first reference in string `node`, or f->nrefs.  f->refs is in
   document order, which is node order. */
static uint32_t
first_ref(const struct fl_flow *f, uint32_t node)
{
	return FL_LOWER_BOUND(f->refs, f->nrefs, struct fl_ref, node, node);
}

static const struct fl_resource *node_resource(const struct fl_flow *f,
    const struct fl_inventory *inv, uint32_t node, int depth);

static const struct fl_resource *
resolve(const struct fl_flow *f, const struct fl_inventory *inv,
    const struct fl_ref *r, int depth)
{
	const struct fl_resource *res;
	uint32_t entry;
	int kind;

	switch (r->kind) {
	case FL_REF_ARN:
		kind = fl_res_kind_from_arn(r->u.arn.kind);
		if (kind < 0)
			return NULL;
		/* A Lambda's ARN ends in its name, the others in an ID. */
		res = fl_inventory_by_id(inv, (enum fl_res_kind)kind,
		    r->u.arn.id);
		return res != NULL ? res : fl_inventory_by_name(inv,
		    (enum fl_res_kind)kind, r->u.arn.id);
	case FL_REF_PLACEHOLDER:
		kind = fl_res_kind_from_letter(r->u.ph.kind);
		return kind < 0 ? NULL : fl_inventory_by_key(inv,
		    (enum fl_res_kind)kind, r->u.ph.name);
	case FL_REF_FLOW_ATTR:
		/* What the object map's entry of that name holds; an entry
		   that refers to an attribute again is not followed. */
		if (depth > 0 || f->map_attrs == FL_JSON_NONE)
			return NULL;
		entry = fl_json_get_str(f->doc, f->map_attrs,
		    r->u.attr.name);
		return node_resource(f, inv, fl_flow_get(f, entry, "Value"),
		    depth + 1);
	default:
		return NULL;
	}
}

/*
 * The resource of a string that is one reference (an ARN whose ID is a
 * placeholder, ".../queue/${Q:sales:Q}", holds two: the first that
 * resolves wins), or NULL.
 */
static const struct fl_resource *
node_resource(const struct fl_flow *f, const struct fl_inventory *inv,
    uint32_t node, int depth)
{
	const struct fl_resource *res = NULL;
	uint32_t k = first_ref(f, node), i;
	bool whole = false;

	for (i = k; i < f->nrefs && f->refs[i].node == node; i++)
		whole = whole || f->refs[i].whole_value;
	for (i = k; whole && res == NULL && i < f->nrefs &&
	    f->refs[i].node == node; i++)
		res = resolve(f, inv, &f->refs[i], depth);
	return res;
}

const char *
fl_review_ref_name(const struct fl_flow *f, const struct fl_inventory *inv,
    uint32_t node, struct fl_arena *a)
{
	const struct fl_resource *res;

	if (inv == NULL || node == FL_JSON_NONE ||
	    (res = node_resource(f, inv, node, 0)) == NULL)
		return NULL;
	return fl_arena_printf(a, "%s %s", fl_res_kind_name(res->kind),
	    res->name);
}
