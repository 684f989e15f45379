/*
 * FL506 invalid-parameter: Parameters that the action's catalog entry
 * rules out: a parameter it does not have (for entries that list them
 * all), a required one missing, two of an exclusive group (or none of a
 * required group), or a value of the wrong class: a JSONPath where only
 * static values are allowed, or text around a JSONPath where only a
 * whole one is.  Parameters that are not an object are reported for
 * every action, and so are resource parameters whose value Connect
 * cannot take (resource_value.c).
 */
#include <string.h>

#include "flow/catalog.h"
#include "flow/flow.h"
#include "rules/resource_value.h"
#include "rules/rule.h"

/*
 * Text around a JSONPath is prose with a reference in it.  A value that
 * starts with one is a JSONPath (spaces may be quoted in brackets); an
 * ARN with $.AwsRegion in its region slot, as the reference convention
 * writes them, has no spaces: both are left alone.
 */
static bool
has_space(struct fl_str v)
{
	size_t i;

	for (i = 0; i < v.len; i++)
		if (v.ptr[i] == ' ' || v.ptr[i] == '\t' || v.ptr[i] == '\n')
			return true;
	return false;
}

static void
unknown_and_class(struct fl_rule_ctx *ctx, const struct fl_flow *f,
    const struct fl_cat_action *e, uint32_t params)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t it;

	fl_json_foreach(d, params, it) {
		struct fl_str name = d->nodes[it].key;
		const struct fl_cat_param *p = fl_cat_action_param(e, name);
		struct fl_str v = d->nodes[it].str;

		if (p == NULL) {
			if (e->closed)
				fl_report_key(ctx, it, "%s has no parameter "
				    "\"%.*s\"", e->type, FL_STR_ARGS(name));
			continue;
		}
		if (!fl_json_is(d, it, FL_JSON_STRING) ||
		    fl_str_find(v, "$.") < 0)
			continue;
		if (p->value == FL_VALUE_STATIC)
			fl_report(ctx, it, "%s.%s takes only a static value, "
			    "not a JSONPath", e->type, p->name);
		else if (p->value == FL_VALUE_PATH &&
		    !fl_flow_is_dynamic(v) && has_space(v))
			fl_report(ctx, it, "%s.%s takes a static value or one "
			    "whole JSONPath, not text around one", e->type,
			    p->name);
	}
}

static void
required(struct fl_rule_ctx *ctx, const struct fl_flow *f,
    const struct fl_cat_action *e, uint32_t where, uint32_t params)
{
	size_t k;

	for (k = 0; k < e->nparams; k++)
		if (e->params[k].required &&
		    fl_flow_get(f, params, e->params[k].name) == FL_JSON_NONE)
			fl_report(ctx, where, "%s needs the parameter %s",
			    e->type, e->params[k].name);
}

static void
groups(struct fl_rule_ctx *ctx, const struct fl_flow *f,
    const struct fl_cat_action *e, uint32_t where, uint32_t params)
{
	size_t g, k;

	for (g = 0; g < e->ngroups; g++) {
		const struct fl_cat_group *gr = &e->groups[g];
		const char *first = NULL;
		bool reported = false;

		for (k = 0; k < gr->names.n && !reported; k++) {
			uint32_t v = fl_flow_get(f, params, gr->names.v[k]);

			if (v == FL_JSON_NONE)
				continue;
			if (first == NULL) {
				first = gr->names.v[k];
				continue;
			}
			fl_report_key(ctx, v, "%s takes only one of %s and %s",
			    e->type, first, gr->names.v[k]);
			reported = true;
		}
		if (first == NULL && gr->required)
			fl_report(ctx, where, "%s needs one of its parameters "
			    "%s%s", e->type, gr->names.v[0],
			    gr->names.n > 1 ? ", ..." : "");
	}
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t i;

	for (i = 0; i < f->nactions; i++) {
		const struct fl_action *a = &f->actions[i];
		uint32_t params = a->params;
		const struct fl_cat_action *e = ctx->entries[i];
		uint32_t where;

		if (params != FL_JSON_NONE &&
		    !fl_json_is(d, params, FL_JSON_OBJECT)) {
			fl_report(ctx, params, "Parameters must be an object");
			continue;
		}
		if (params != FL_JSON_NONE)
			fl_resource_values_check(ctx, a, e != NULL);
		if (e == NULL)
			continue;
		where = params != FL_JSON_NONE ? params : a->node;
		unknown_and_class(ctx, f, e, params);
		required(ctx, f, e, where, params);
		groups(ctx, f, e, where, params);
	}
}

const struct fl_rule fl_rule_invalid_parameter = {
	.code = "FL506",
	.name = "invalid-parameter",
	.severity = FL_SEV_ERROR,
	.check = check,
};
