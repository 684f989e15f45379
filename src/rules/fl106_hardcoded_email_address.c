/*
 * FL106 hardcoded-email-address: an email address on an instance's own
 * Amazon Connect email domain, <instance alias>.email.connect.aws, in any
 * string of the flow document (the FromEmailAddress of an outbound email,
 * the console's copy of it in Metadata, free text).  The domain belongs
 * to the instance the flow was exported from; another instance's
 * addresses are on its own domain.
 */
#include <string.h>

#include "flow/flow.h"
#include "rules/rule.h"

#define CONNECT_DOMAIN ".email.connect.aws"

static bool
address_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != '\0' && strchr("._%+-", c));
}

/* The address around the domain suffix at s.ptr + at, or {NULL,0}. */
static struct fl_str
address_at(struct fl_str s, size_t at, struct fl_str *domain)
{
	size_t end = at + strlen(CONNECT_DOMAIN), start = at, host;

	if (end < s.len && (address_char(s.ptr[end]) && s.ptr[end] != '.'))
		return fl_str_make(NULL, 0);
	while (start > 0 && s.ptr[start - 1] != '@' &&
	    address_char(s.ptr[start - 1]))
		start--;
	if (start == 0 || s.ptr[start - 1] != '@' || start == at)
		return fl_str_make(NULL, 0);
	host = start;
	start--;
	while (start > 0 && address_char(s.ptr[start - 1]))
		start--;
	if (start == host - 1)
		return fl_str_make(NULL, 0);
	*domain = fl_str_make(s.ptr + host, end - host);
	return fl_str_make(s.ptr + start, end - start);
}

static void
check(struct fl_rule_ctx *ctx, const struct fl_flow *f)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t i;

	for (i = FL_JSON_ROOT; i < d->count; i++) {
		struct fl_str s = d->nodes[i].str, rest, addr, domain;
		long at;
		size_t from = 0;

		if (d->nodes[i].type != FL_JSON_STRING)
			continue;
		for (;;) {
			rest = fl_str_make(s.ptr + from, s.len - from);
			if ((at = fl_str_find(rest, CONNECT_DOMAIN)) < 0)
				break;
			addr = address_at(s, from + (size_t)at, &domain);
			from += (size_t)at + strlen(CONNECT_DOMAIN);
			if (addr.ptr == NULL)
				continue;
			fl_report_within(ctx, i, addr, "email address %.*s is on "
			    "%.*s, the Amazon Connect email domain of the "
			    "instance the flow was exported from; another "
			    "instance sends from its own domain",
			    FL_STR_ARGS(addr), FL_STR_ARGS(domain));
		}
	}
}

const struct fl_rule fl_rule_hardcoded_email_address = {
	.code = "FL106",
	.name = "hardcoded-email-address",
	.severity = FL_SEV_WARNING,
	.check = check,
	.legacy = true,
};
