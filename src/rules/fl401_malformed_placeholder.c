/*
 * FL401 malformed-placeholder: reference-convention placeholders and
 * flow-attribute names that the deploy replacer would not resolve as
 * meant (its patterns are data in rules/data/patterns.json):
 *
 *  - ${X:name:Y} with X != Y, a missing kind letter, or no closing brace;
 *  - ${X:undefined:X}, which the exporter writes for a resource it could
 *    not name;
 *  - a name outside the replacer's [a-zA-Z1-9_ .] (a 0, a hyphen), so the
 *    placeholder reaches Connect unreplaced;
 *  - $.FlowAttributes.<name> that the replacer reads differently (cut at
 *    a 0, run on over spaces, or in the bracket form), or whose name goes
 *    on after a '.' or ':' (Welcome.wav), where both it and Connect stop.
 */
#include <string.h>

#include "flow/flow.h"
#include "rules/rule.h"

/* Why the replacer's name pattern rejects `name`. */
static const char *
bad_name_reason(struct fl_str name)
{
	if (name.len == 0)
		return "the name is empty";
	if (memchr(name.ptr, '0', name.len) != NULL)
		return "the deploy replacer does not accept the digit 0 in names";
	if (memchr(name.ptr, '-', name.len) != NULL)
		return "the deploy replacer does not accept hyphens in names";
	return "the name has characters outside [a-zA-Z1-9_ .] that the "
	    "deploy replacer accepts";
}

static void
check_placeholder(struct fl_rule_ctx *ctx, const struct fl_ref *r)
{
	const char kind = r->u.ph.kind, kind2 = r->u.ph.kind2;
	struct fl_str name = r->u.ph.name;
	struct fl_str t = r->text;

	if (!r->u.ph.closed)
		fl_report(ctx, r->node, "placeholder \"%.*s\" is not closed with "
		    "\":%c}\"", FL_STR_ARGS(t), kind);
	else if (kind2 == 0)
		fl_report(ctx, r->node, "placeholder \"%.*s\" lacks its closing "
		    "kind letter: write ${%c:%.*s:%c}", FL_STR_ARGS(t), kind,
		    FL_STR_ARGS(name), kind);
	else if (kind != kind2)
		fl_report(ctx, r->node, "placeholder \"%.*s\" opens with kind "
		    "%c but closes with %c", FL_STR_ARGS(t), kind, kind2);
	else if (fl_str_eq_cstr(name, "undefined"))
		fl_report(ctx, r->node, "placeholder \"%.*s\": the exporter "
		    "could not name this resource (it is not in the exported "
		    "instance's lists)", FL_STR_ARGS(t));
	else if (!r->u.ph.replacer_ok)
		fl_report(ctx, r->node, "placeholder \"%.*s\" will reach "
		    "Connect unreplaced: %s", FL_STR_ARGS(t),
		    bad_name_reason(name));
}

static bool
name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/*
 * Length of what follows the reference as more of its name: ".wav" in
 * "$.FlowAttributes.Welcome.wav", ".x:y" in "...a.x:y".  A '.' or ':'
 * ends the name for the replacer and for Connect alike, but text that
 * goes on right after it was meant as part of the name.
 */
static size_t
name_tail(const struct fl_flow *f, const struct fl_ref *r)
{
	struct fl_str s = f->doc->nodes[r->node].str;
	const char *start = r->text.ptr + r->text.len, *end = s.ptr + s.len;
	const char *p = start;

	while (end - p >= 2 && (p[0] == '.' || p[0] == ':') &&
	    name_char(p[1])) {
		p += 2;
		while (p < end && name_char(*p))
			p++;
	}
	return (size_t)(p - start);
}

static void
check_attribute(struct fl_rule_ctx *ctx, const struct fl_flow *f,
    const struct fl_ref *r)
{
	struct fl_str name = r->u.attr.name;
	struct fl_str seen = r->u.attr.replacer_name;
	size_t tail;

	if (r->u.attr.bracketed)
		fl_report(ctx, r->node, "\"%.*s\": the deploy replacer does not "
		    "understand the bracket form and looks up \"%.*s\"; use "
		    "$.FlowAttributes.<name> with a name of [A-Za-z1-9_-]",
		    FL_STR_ARGS(r->text), FL_STR_ARGS(seen));
	else if (seen.ptr == NULL)
		fl_report(ctx, r->node, "$.FlowAttributes.%.*s: the deploy "
		    "replacer does not recognise this name (%s)",
		    FL_STR_ARGS(name), bad_name_reason(name));
	else if (!fl_str_eq(seen, name))
		fl_report(ctx, r->node, "$.FlowAttributes.%.*s: the deploy "
		    "replacer reads the name as \"%.*s\"%s", FL_STR_ARGS(name),
		    FL_STR_ARGS(seen), seen.len < name.len ?
		    " (it stops at the digit 0)" : " (it runs on over the "
		    "text that follows)");
	else if ((tail = name_tail(f, r)) > 0)
		fl_report(ctx, r->node, "$.FlowAttributes.%.*s%.*s: the deploy "
		    "replacer reads the name as \"%.*s\" (it stops at the "
		    "\"%c\")", FL_STR_ARGS(name), (int)tail,
		    r->text.ptr + r->text.len, FL_STR_ARGS(seen),
		    r->text.ptr[r->text.len]);
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	uint32_t i;

	for (i = 0; i < f->nrefs; i++) {
		const struct fl_ref *r = &f->refs[i];

		if (r->in_metadata)
			continue;
		if (r->kind == FL_REF_PLACEHOLDER)
			check_placeholder(ctx, r);
		else if (r->kind == FL_REF_FLOW_ATTR)
			check_attribute(ctx, f, r);
	}
}

const struct fl_rule fl_rule_malformed_placeholder = {
	.code = "FL401",
	.name = "malformed-placeholder",
	.severity = FL_SEV_ERROR,
	.check = check,
	.legacy = true,
};
