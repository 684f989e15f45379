/*
 * FL503 invalid-identifier: an action Identifier that Connect refuses:
 * longer than 50 characters, with one of % : ( \ / ) = $ , ; [ ] { },
 * or one of the reserved names of JavaScript objects.
 */
#include <stdbool.h>

#include "flow/flow.h"
#include "rules/rule.h"

#define FL_ID_MAX_CHARS 50

/* With their lengths, so that most Identifiers differ at the first
 * compare. */
#define NAME(s) { s, sizeof(s) - 1 }
static const struct fl_str reserved[] = {
	NAME("__proto__"), NAME("constructor"), NAME("__defineGetter__"),
	NAME("__defineSetter__"), NAME("toString"), NAME("hasOwnProperty"),
	NAME("isPrototypeOf"), NAME("propertyIsEnumerable"),
	NAME("toLocaleString"), NAME("valueOf"),
};
#undef NAME
#define NRESERVED (sizeof(reserved) / sizeof(reserved[0]))

/* The characters it refuses, as a table: every action's Identifier is
 * read byte by byte. */
static const bool forbidden[256] = {
	['%'] = true, [':'] = true, ['('] = true, [')'] = true,
	['\\'] = true, ['/'] = true, ['='] = true, ['$'] = true,
	[','] = true, [';'] = true, ['['] = true, [']'] = true,
	['{'] = true, ['}'] = true,
};

/* Characters (code points) of UTF-8 text. */
static size_t
chars(struct fl_str s)
{
	size_t i, n = 0;

	for (i = 0; i < s.len; i++)
		n += ((unsigned char)s.ptr[i] & 0xc0) != 0x80;
	return n;
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	uint32_t i;
	size_t k;

	for (i = 0; i < f->nactions; i++) {
		struct fl_str id = f->actions[i].id;
		uint32_t node = f->actions[i].id_node;

		for (k = 0; k < NRESERVED; k++)
			if (fl_str_eq(id, reserved[k]))
				break;
		if (k < NRESERVED) {
			fl_report(ctx, node, "Identifier \"%s\" is a reserved "
			    "name", reserved[k].ptr);
			continue;
		}
		for (k = 0; k < id.len; k++)
			if (forbidden[(unsigned char)id.ptr[k]])
				break;
		if (k < id.len) {
			fl_report(ctx, node, "Identifier \"%.*s\" contains "
			    "'%c', which the flow language does not allow",
			    FL_STR_ARGS(id), id.ptr[k]);
			continue;
		}
		/* A character is at least one byte. */
		if (id.len > FL_ID_MAX_CHARS && chars(id) > FL_ID_MAX_CHARS)
			fl_report(ctx, node, "Identifier is %zu characters "
			    "long; the flow language allows at most %d",
			    chars(id), FL_ID_MAX_CHARS);
	}
}

const struct fl_rule fl_rule_invalid_identifier = {
	.code = "FL503",
	.name = "invalid-identifier",
	.severity = FL_SEV_ERROR,
	.check = check,
};
