/*
 * FL506's check of what a resource parameter holds (see
 * resource_value.h).  Connect takes a queue, flow, module,
 * prompt, hours or agent parameter as the resource's ID or ARN
 * (connect-flow-format.md §4.4), and those IDs are UUIDs (§4.1).
 * Anything a pipeline fills in later is left alone: a JSONPath, a
 * placeholder of any convention (${X}, {{x}}, %%X%%, <X>), a legacy
 * QUEUE#name token or an upper-snake-case one.  What remains is a
 * literal Connect refuses: prose ("PLACEHOLDER - This will be updated
 * by CDK"), a name, an ARN of another resource, or one whose ID slot
 * holds a name ("queue/CENSUS_GENERAL_QUEUE").  Lambda, Lex and
 * assistant parameters take ARNs of other shapes and are not judged.
 */
#include "rules/resource_value.h"

#include <ctype.h>
#include <string.h>

#include "flow/flow.h"
#include "flow/params.h"
#include "flow/patterns.h"
#include "inventory/inventory.h"
#include "rules/portable.h"
#include "rules/rule.h"

/*
 * The segment that names a resource of `kind` in a Connect ARN, for the
 * kinds judged (Connect's own, identified by UUIDs), or NULL; *res is
 * its inventory kind, or -1 (agents are in no inventory).
 */
static const char *
segment_of(const char *kind, int *res)
{
	*res = fl_res_kind_from_name(fl_str_cstr(kind));
	switch (*res) {
	case FL_RES_QUEUE:
	case FL_RES_FLOW:
	case FL_RES_MODULE:
	case FL_RES_PROMPT:
	case FL_RES_HOURS:
		return fl_res_kind_arn_type((enum fl_res_kind)*res);
	default:
		return strcmp(kind, "agent") == 0 ? "agent" : NULL;
	}
}

/* "; it is the queue ..." when the inventory knows `name` as a
 * resource of `res`, else "". */
static const char *
advice(struct fl_rule_ctx *ctx, int res, struct fl_str name, bool arn)
{
	const struct fl_resource *known = res < 0 || ctx->inventory == NULL ?
	    NULL : fl_inventory_by_name(ctx->inventory,
	    (enum fl_res_kind)res, name);

	return known != NULL ? fl_portable_id_advice(ctx, res, known, arn) :
	    "";
}

/*
 * A token some pipeline substitutes: QUEUE#name, as the pre-placeholder
 * deploy Lambdas replaced it, or a whole value in upper snake case
 * (BASIC_QUEUE_ARN), as test harnesses write them.
 */
static bool
token(struct fl_str v)
{
	size_t i = 0;
	bool snake = false;

	while (i < v.len && (isupper((unsigned char)v.ptr[i]) ||
	    isdigit((unsigned char)v.ptr[i]) || v.ptr[i] == '_')) {
		snake = snake || v.ptr[i] == '_';
		i++;
	}
	return i > 0 && ((i < v.len && v.ptr[i] == '#') ||
	    (i == v.len && snake));
}

/* Whether `id` is a Connect resource ID (a UUID). */
static bool
is_id(const struct fl_rule_ctx *ctx, struct fl_str id)
{
	return id.len > 0 &&
	    fl_patterns_is_literal(ctx->patterns->literal_instance,
	    ctx->match, id);
}

/*
 * The resource ID slot of a Connect ARN `v` of `segment` (the last path
 * part, without a :qualifier); {NULL,0} when `v` is no such ARN.
 */
static struct fl_str
arn_id(struct fl_str v, const char *segment)
{
	size_t n = strlen(segment), i, end;

	if (v.len < 20 || memcmp(v.ptr, "arn:", 4) != 0 ||
	    fl_str_find(v, ":connect:") < 0)
		return fl_str_make(NULL, 0);
	for (i = 0; i + n + 2 <= v.len; i++)
		if (v.ptr[i] == '/' && memcmp(v.ptr + i + 1, segment, n) == 0 &&
		    v.ptr[i + n + 1] == '/')
			break;
	if (i + n + 2 > v.len)
		return fl_str_make(NULL, 0);
	i = v.len;
	while (i > 0 && v.ptr[i - 1] != '/')
		i--;
	for (end = i; end < v.len && v.ptr[end] != ':'; end++)
		;
	return fl_str_make(v.ptr + i, end - i);
}

static void
judge(struct fl_rule_ctx *ctx, const struct fl_action *a, uint32_t node,
    struct fl_str name, const char *kind)
{
	const struct fl_json_doc *d = ctx->flow->doc;
	int res;
	const char *segment = segment_of(kind, &res);
	struct fl_str v = d->nodes[node].str, id;

	if (segment == NULL || !fl_json_is(d, node, FL_JSON_STRING))
		return;
	/*
	 * An ARN is judged by its ID slot, whatever fills the others.  An
	 * upper-snake token there is a template's only beside placeholders:
	 * in an otherwise literal ARN it is a name (CENSUS_GENERAL_QUEUE).
	 */
	if (v.len >= 4 && memcmp(v.ptr, "arn:", 4) == 0) {
		id = arn_id(v, segment);
		if (id.ptr == NULL)
			fl_report(ctx, node, "%.*s.%.*s holds an ARN that names "
			    "no %s (no \"/%s/\" in a Connect ARN)",
			    FL_STR_ARGS(a->type), FL_STR_ARGS(name), kind,
			    segment);
		else if (fl_params_is_literal(id) && !is_id(ctx, id) &&
		    !(token(id) && !fl_params_is_literal(v)))
			fl_report_within(ctx, node, id, "the %s ARN in "
			    "%.*s.%.*s ends in \"%.*s\", which is no %s ID (a "
			    "UUID): a name where Connect wants the ID%s", kind,
			    FL_STR_ARGS(a->type), FL_STR_ARGS(name),
			    FL_STR_ARGS(id), kind, advice(ctx, res, id, true));
		return;
	}
	if (fl_params_is_literal(v) && !token(v) && !is_id(ctx, v))
		fl_report(ctx, node, "%.*s.%.*s holds \"%.*s\", which is no "
		    "%s ID or ARN, JSONPath or placeholder: Connect takes "
		    "the %s's ID (a UUID) or ARN here%s", FL_STR_ARGS(a->type),
		    FL_STR_ARGS(name), FL_STR_ARGS(v), kind, kind,
		    advice(ctx, res, v, false));
}

struct hits {
	struct fl_rule_ctx *ctx;
	const struct fl_action *a;
};

static void
on_hit(const struct fl_param_hit *hit, void *arg)
{
	struct hits *h = arg;
	const struct fl_json_doc *d = h->ctx->flow->doc;

	judge(h->ctx, h->a, hit->node, d->nodes[hit->node].key,
	    hit->rule->kind);
}

void
fl_resource_values_check(struct fl_rule_ctx *ctx, const struct fl_action *a,
    bool known)
{
	const struct fl_json_doc *d = ctx->flow->doc;
	struct hits h = { ctx, a };
	uint32_t it;

	if (known) {
		fl_params_foreach(ctx->params, ctx->flow, a, on_hit, &h);
		return;
	}
	/* A type not in the catalog (FL501): by the parameter's name. */
	fl_json_foreach(d, a->params, it) {
		const struct fl_param_rule *r = fl_params_by_name(ctx->params,
		    d->nodes[it].key);

		if (r != NULL)
			judge(ctx, a, it, d->nodes[it].key, r->kind);
	}
}
