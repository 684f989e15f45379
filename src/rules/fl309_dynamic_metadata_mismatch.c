/*
 * FL309 dynamic-metadata-mismatch: a resource parameter holds a JSONPath
 * reference, but the console's metadata for it is not marked useDynamic,
 * so the console shows a static selection and may overwrite the
 * reference when the flow is next saved.  Actions without console
 * metadata are not checked.  Current consoles mark the parameter
 * (parameters.<Param>.useDynamic); older ones mark only the action
 * (useDynamic beside position), which counts when the parameter has no
 * entry of its own.
 */
#include <string.h>

#include "fix/pass.h"
#include "flow/flow.h"
#include "flow/params.h"
#include "rules/rule.h"
#include "util/arena.h"

/* What the fix marks: the action and its parameter's metadata path. */
struct dynamic_fix {
	int32_t act;
	const char *meta_path;		/* arena */
};

struct visit {
	struct fl_rule_ctx *ctx;
	const struct fl_flow *f;
	const struct fl_action *act;
};

/* meta.parameters.<a>.<b>...useDynamic, for meta_path "a/b". */
static bool
marked_dynamic(const struct fl_flow *f, uint32_t meta, const char *path)
{
	uint32_t at = fl_flow_get(f, meta, "parameters");
	uint32_t own;

	while (at != FL_JSON_NONE && *path != '\0') {
		const char *slash = strchr(path, '/');
		size_t len = slash ? (size_t)(slash - path) : strlen(path);

		at = fl_json_is(f->doc, at, FL_JSON_OBJECT) ?
		    fl_json_get_str(f->doc, at, fl_str_make(path, len)) :
		    FL_JSON_NONE;
		path += len + (slash ? 1 : 0);
	}
	if (at == FL_JSON_NONE)
		own = FL_JSON_NONE;
	else
		own = fl_json_is(f->doc, at, FL_JSON_OBJECT) ?
		    fl_flow_get(f, at, "useDynamic") : FL_JSON_NONE;
	if (own != FL_JSON_NONE)
		return fl_json_is(f->doc, own, FL_JSON_TRUE);
	return fl_json_is(f->doc, fl_flow_get(f, meta, "useDynamic"),
	    FL_JSON_TRUE);
}

/* A member that is missing, or a boolean: `fix` can make it true. */
static bool
settable(const struct fl_flow *f, uint32_t v)
{
	return v == FL_JSON_NONE || fl_json_is(f->doc, v, FL_JSON_TRUE) ||
	    fl_json_is(f->doc, v, FL_JSON_FALSE);
}

/*
 * Whether `flowlint fix` can mark the parameter: every object on the way
 * to parameters.<a>.<b>.useDynamic is an object or missing, and the
 * flags are booleans or missing.
 */
static bool
fixable(const struct fl_flow *f, uint32_t meta, const char *path)
{
	uint32_t at = fl_flow_get(f, meta, "parameters");

	if (!settable(f, fl_flow_get(f, meta, "useDynamic")))
		return false;
	while (at != FL_JSON_NONE) {
		const char *slash = strchr(path, '/');
		size_t len = slash ? (size_t)(slash - path) : strlen(path);

		if (!fl_json_is(f->doc, at, FL_JSON_OBJECT))
			return false;
		if (*path == '\0')
			return settable(f, fl_flow_get(f, at, "useDynamic"));
		at = fl_json_get_str(f->doc, at, fl_str_make(path, len));
		path += len + (slash ? 1 : 0);
	}
	return true;
}

static void
visit(const struct fl_param_hit *hit, void *arg)
{
	struct visit *v = arg;
	struct fl_str value = fl_json_string(v->f->doc, hit->node);
	struct fl_diag *d;

	if (!fl_flow_is_dynamic(value) ||
	    marked_dynamic(v->f, v->act->meta, hit->meta_path))
		return;
	d = fl_report(v->ctx, hit->node, "%s holds the reference \"%.*s\" but "
	    "its metadata is not marked useDynamic; the console shows it as a "
	    "fixed %s", hit->meta_path, FL_STR_ARGS(value), hit->rule->kind);
	d->fixable = fixable(v->f, v->act->meta, hit->meta_path);
	if (d->fixable) {
		struct dynamic_fix *fx = fl_arena_alloc(v->ctx->arena,
		    sizeof(*fx));

		fx->act = (int32_t)(v->act - v->f->actions);
		fx->meta_path = fl_arena_strdup(v->ctx->arena, hit->meta_path);
		d->fix_data = fx;
	}
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	uint32_t i;

	for (i = 0; i < f->nactions; i++) {
		struct visit v = { ctx, f, &f->actions[i] };

		if (!fl_json_is(f->doc, f->actions[i].meta, FL_JSON_OBJECT))
			continue;
		fl_params_foreach(ctx->params, f, &f->actions[i], visit,
		    &v);
	}
}

static void
fix(const struct fl_rule_ctx *ctx, struct fl_fix_pass *p,
    const struct fl_diag *d)
{
	const struct dynamic_fix *fx = d->fix_data;

	if (fx != NULL && fl_fix_mark_dynamic(p, fx->act, fx->meta_path,
	    false))
		fl_fix_claim(p, d);
}

const struct fl_rule fl_rule_dynamic_metadata_mismatch = {
	.code = "FL309",
	.name = "dynamic-metadata-mismatch",
	.severity = FL_SEV_WARNING,
	.check = check,
	.fix = fix,
	.fix_title = "Mark the parameter dynamic in the console metadata",
};
