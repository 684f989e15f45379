/*
 * The FL101 fix.  Every hardcoded ARN of a fixable finding becomes its
 * portable form (rules/portable.h).  Where the ARN is the whole value of
 * a parameter that accepts a dynamic reference (resource-parameters.json)
 * and the convention keeps its kind in FLOW_OBJECT_MAPS#, it moves there
 * under the resource's name: the parameter reads $.FlowAttributes.<name>
 * and the console's metadata marks it dynamic, as in the reference
 * repository's flows.  Everywhere else - Metadata copies, the object
 * map's own values, free text, parameters the convention keeps inline -
 * the ARN is rewritten in place.
 */
#include "fix/pass.h"

#include <string.h>

#include "flow/flow.h"
#include "flow/params.h"
#include "inventory/inventory.h"
#include "lint/lint.h"
#include "rules/portable.h"
#include "util/arena.h"
#include "util/buf.h"

/* The resource parameter whose value is `node`, if any. */
struct param_of {
	uint32_t node;
	struct fl_arena *a;
	const struct fl_param_rule *rule;	/* NULL: not a parameter */
	const char *meta_path;			/* arena */
};

static void
find_param(const struct fl_param_hit *hit, void *arg)
{
	struct param_of *q = arg;

	if (hit->node != q->node || q->rule != NULL)
		return;
	q->rule = hit->rule;
	q->meta_path = fl_arena_strndup(q->a, hit->meta_path,
	    strlen(hit->meta_path));
}

/* Whether the deploy step can resolve port->name as a resource of its
 * kind, as far as the inventory knows: a kind with no source is not
 * checked (FL303 does not check it either). */
static bool
known_name(const struct fl_inventory *inv, const struct fl_portable *port)
{
	int kind = fl_res_kind_from_name(fl_str_cstr(port->kind));

	if (inv == NULL || kind < 0 ||
	    !fl_inventory_has_kind(inv, (enum fl_res_kind)kind))
		return true;
	return fl_inventory_by_key(inv, (enum fl_res_kind)kind, port->name) !=
	    NULL;
}

/* Moves the ARN into the object map, if everything allows it. */
static bool
to_flow_attribute(struct fl_fix_pass *p, const struct fl_ref *r,
    const struct fl_portable *port)
{
	const struct fl_flow *f = p->f;
	struct param_of q = { r->node, p->a, NULL, NULL };
	struct fl_buf ref = FL_BUF_INIT, json = FL_BUF_INIT;

	if (r->in_metadata || !r->whole_value || r->action == FL_NO_ACTION ||
	    port->name.len == 0)
		return false;
	fl_params_foreach(p->lo->params, f, &f->actions[r->action], find_param,
	    &q);
	if (q.rule == NULL || !q.rule->dynamic ||
	    strcmp(q.rule->kind, port->kind) != 0)
		return false;
	/* A key the deploy step cannot read, or that a variable shadows. */
	if (!fl_portable_key_ok(port->name, p->lo->patterns, p->m) ||
	    fl_strset_has(&f->vars, port->name))
		return false;
	/*
	 * A name the inventory's sources for this kind lack would be a
	 * dangling reference (FL303): the ARN stays inline instead.
	 */
	if (!known_name(p->lo->inventory, port))
		return false;
	if (!fl_fix_map_can_hold(p, r->action, port->name, port->text) ||
	    !fl_fix_mark_dynamic(p, r->action, q.meta_path, true))
		return false;

	fl_buf_adds(&ref, "$.FlowAttributes.");
	fl_buf_addstr(&ref, port->name);
	fl_buf_add_json_string(&json, fl_buf_str(&ref));
	fl_fix_replace(p, r->node, fl_buf_str(&json));
	fl_fix_map_put(p, port->name, port->text);
	fl_fix_mark_dynamic(p, r->action, q.meta_path, false);
	fl_buf_release(&ref);
	fl_buf_release(&json);
	return true;
}

void
fl_fix_arns(struct fl_fix_pass *p)
{
	const struct fl_flow *f = p->f;
	struct fl_portable_home home;
	uint8_t *want;
	uint32_t i;

	if (!fl_fix_enabled(p, &fl_rule_hardcoded_arn))
		return;
	want = fl_arena_alloc(p->a, p->d->count);
	for (i = 0; i < p->res->ndiags; i++) {
		const struct fl_diag *d = &p->res->diags[i];

		if (d->rule != &fl_rule_hardcoded_arn || !fl_fix_wants(p, d) ||
		    d->node == FL_JSON_NONE)
			continue;
		want[d->node] = 1;
		fl_fix_claim(p, d);
	}
	fl_portable_home(&home, f, p->lo->patterns, p->m);
	for (i = 0; i < f->nrefs; i++) {
		const struct fl_ref *r = &f->refs[i];
		struct fl_arn_literals lit;
		struct fl_portable port;

		if (r->kind != FL_REF_ARN || !want[r->node])
			continue;
		fl_portable_literals(&lit, r, p->lo->patterns, p->m);
		if (!lit.account && !lit.region && !lit.instance)
			continue;
		fl_portable_arn(&port, p->a, r, &home, p->lo->inventory,
		    p->lo->patterns, p->m);
		if (port.why_not != NULL)
			continue;
		if (!to_flow_attribute(p, r, &port))
			fl_fix_replace_in_string(p, r->node, r->text, port.text);
	}
}
