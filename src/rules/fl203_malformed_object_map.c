/*
 * FL203 malformed-object-map: the FLOW_OBJECT_MAPS# block is not an
 * UpdateFlowAttributes action with FlowAttributes entries of the form
 * {"Value": "<string>"}, which is what the deploy step rewrites.
 */
#include "flow/flow.h"
#include "rules/rule.h"

static void
check_entry(struct fl_rule_ctx *ctx, const struct fl_flow *f, uint32_t e)
{
	const struct fl_json_doc *d = f->doc;
	struct fl_str key = d->nodes[e].key;
	uint32_t it, value = FL_JSON_NONE;

	if (d->nodes[e].type != FL_JSON_OBJECT) {
		fl_report(ctx, e, "object-map entry \"%.*s\" must be an object "
		    "{\"Value\": \"...\"}", FL_STR_ARGS(key));
		return;
	}
	fl_json_foreach(d, e, it) {
		if (fl_str_eq_cstr(d->nodes[it].key, "Value")) {
			value = it;
			continue;
		}
		fl_report_key(ctx, it, "object-map entry \"%.*s\" has an "
		    "unexpected member \"%.*s\"; only \"Value\" is allowed",
		    FL_STR_ARGS(key), FL_STR_ARGS(d->nodes[it].key));
	}
	if (value == FL_JSON_NONE)
		fl_report(ctx, e, "object-map entry \"%.*s\" has no \"Value\"",
		    FL_STR_ARGS(key));
	else if (d->nodes[value].type != FL_JSON_STRING)
		fl_report(ctx, value, "object-map entry \"%.*s\": \"Value\" "
		    "must be a string", FL_STR_ARGS(key));
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	const struct fl_action *map;
	uint32_t attrs, it;

	if (f->object_map == FL_NO_ACTION)
		return;
	map = &f->actions[f->object_map];
	if (!fl_str_eq_cstr(map->type, "UpdateFlowAttributes"))
		fl_report(ctx, fl_flow_get(f, map->node, "Type"),
		    "FLOW_OBJECT_MAPS# has Type %.*s; it must be "
		    "UpdateFlowAttributes (Set contact attributes, flow scope)",
		    FL_STR_ARGS(map->type));
	attrs = fl_flow_get(f, map->params, "FlowAttributes");
	if (!fl_json_is(f->doc, attrs, FL_JSON_OBJECT)) {
		fl_report(ctx, attrs ? attrs : map->params ? map->params :
		    map->node, "FLOW_OBJECT_MAPS# has no \"FlowAttributes\" "
		    "object in its Parameters");
		return;
	}
	fl_json_foreach(f->doc, attrs, it)
		check_entry(ctx, f, it);
}

const struct fl_rule fl_rule_malformed_object_map = {
	.code = "FL203",
	.name = "malformed-object-map",
	.severity = FL_SEV_ERROR,
	.check = check,
};
