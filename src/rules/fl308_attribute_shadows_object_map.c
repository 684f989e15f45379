/*
 * FL308 attribute-shadows-object-map: an UpdateFlowAttributes action
 * other than FLOW_OBJECT_MAPS# sets a key of the object map.  The deploy
 * replacer refuses the flow ("Overlaps found in variables overwriting a
 * FLOW_OBJECT_MAP item").
 */
#include "flow/flow.h"
#include "rules/rule.h"

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t i, it;

	if (f->map_attrs == FL_JSON_NONE)
		return;
	for (i = 0; i < f->nactions; i++) {
		const struct fl_action *act = &f->actions[i];
		uint32_t attrs;

		if ((int32_t)i == f->object_map ||
		    fl_str_eq_cstr(act->id, FL_OBJECT_MAP_ID) ||
		    !fl_str_eq_cstr(act->type, "UpdateFlowAttributes"))
			continue;
		attrs = fl_flow_get(f, act->params, "FlowAttributes");
		if (!fl_json_is(d, attrs, FL_JSON_OBJECT))
			continue;
		fl_json_foreach(d, attrs, it) {
			struct fl_str key = d->nodes[it].key;

			if (fl_strset_has(&f->map_keys, key))
				fl_report_key(ctx, it, "flow attribute \"%.*s\" "
				    "is also a FLOW_OBJECT_MAPS# key; the deploy "
				    "step rejects the overlap", FL_STR_ARGS(key));
		}
	}
}

const struct fl_rule fl_rule_attribute_shadows_object_map = {
	.code = "FL308",
	.name = "attribute-shadows-object-map",
	.severity = FL_SEV_ERROR,
	.check = check,
};
