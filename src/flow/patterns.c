/*
 * Loading and compiling rules/data/patterns.json.
 */
#include "flow/patterns.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "json/json.h"
#include "util/arena.h"
#include "util/embedded.h"
#include "util/error.h"
#include "util/re.h"
#include "util/xalloc.h"

struct slot {
	const char *key;
	size_t re_off;		/* offsetof the struct fl_re * */
	bool optional;		/* a file written before it may lack it */
};

#define SLOT(k) { #k, offsetof(struct fl_patterns, k), false }
static const struct slot slots[] = {
	SLOT(arn), SLOT(literal_account), SLOT(literal_region),
	SLOT(literal_instance), SLOT(placeholder),
	SLOT(replacer_placeholder), SLOT(flow_attribute),
	SLOT(replacer_flow_attribute),
	{ "lambda_stage", offsetof(struct fl_patterns, lambda_stage), true },
};
#undef SLOT

static int
group(int *out, const struct fl_re *re, const char *key, const char *name,
    const char *origin)
{
	*out = fl_re_group(re, name);
	if (*out < 0)
		return fl_error_set(FL_ECONFIG,
		    "%s: pattern \"%s\" lacks the named group (?<%s>...)",
		    origin, key, name);
	return 0;
}

static int
resolve_groups(struct fl_patterns *p, const char *origin)
{
	int err = 0;

	if (!err) err = group(&p->g_partition, p->arn, "arn", "partition", origin);
	if (!err) err = group(&p->g_service, p->arn, "arn", "service", origin);
	if (!err) err = group(&p->g_region, p->arn, "arn", "region", origin);
	if (!err) err = group(&p->g_account, p->arn, "arn", "account", origin);
	if (!err) err = group(&p->g_resource, p->arn, "arn", "resource", origin);
	if (!err) err = group(&p->g_kind, p->placeholder, "placeholder", "kind", origin);
	if (!err) err = group(&p->g_name, p->placeholder, "placeholder", "name", origin);
	if (!err) err = group(&p->g_kind2, p->placeholder, "placeholder", "kind2", origin);
	if (!err) err = group(&p->g_close, p->placeholder, "placeholder", "close", origin);
	if (!err) err = group(&p->g_quoted, p->flow_attribute, "flow_attribute", "quoted", origin);
	if (!err) err = group(&p->g_attr_name, p->flow_attribute, "flow_attribute", "name", origin);
	if (!err && p->lambda_stage != NULL)
		err = group(&p->g_stage, p->lambda_stage, "lambda_stage",
		    "stage", origin);
	return err;
}

static const struct slot *
find_slot(struct fl_str key)
{
	size_t i;

	for (i = 0; i < sizeof(slots) / sizeof(slots[0]); i++)
		if (fl_str_eq_cstr(key, slots[i].key))
			return &slots[i];
	return NULL;
}

int
fl_patterns_load(struct fl_patterns *out, const char *text, size_t len,
    const char *origin)
{
	struct fl_json_doc doc;
	struct fl_arena arena;
	uint32_t it;
	size_t i;
	int err = 0;

	memset(out, 0, sizeof(*out));
	fl_arena_init(&arena);
	err = fl_json_parse_object(&doc, &arena, text, len, origin);
	if (err != 0)
		goto done;
	fl_json_foreach(&doc, FL_JSON_ROOT, it) {
		const struct fl_json_node *n = &doc.nodes[it];
		const struct slot *s = find_slot(n->key);
		struct fl_re **re;
		char *pattern;

		if (s == NULL) {
			err = fl_error_set(FL_ECONFIG, "%s: unknown key \"%.*s\"",
			    origin, FL_STR_ARGS(n->key));
			goto done;
		}
		if (n->type != FL_JSON_STRING) {
			err = fl_error_set(FL_ECONFIG,
			    "%s: \"%s\" must be a string", origin, s->key);
			goto done;
		}
		re = (struct fl_re **)((char *)out + s->re_off);
		fl_re_free(*re);
		*re = NULL;
		pattern = fl_xstrndup(n->str.ptr, n->str.len);
		err = fl_re_compile(re, s->key, pattern);
		free(pattern);
		if (err)
			goto done;
	}
	for (i = 0; i < sizeof(slots) / sizeof(slots[0]); i++) {
		if (!slots[i].optional &&
		    *(struct fl_re **)((char *)out + slots[i].re_off) == NULL) {
			err = fl_error_set(FL_ECONFIG, "%s: missing key \"%s\"",
			    origin, slots[i].key);
			goto done;
		}
	}
	err = resolve_groups(out, origin);
done:
	if (err)
		fl_patterns_release(out);
	fl_arena_release(&arena);
	return err;
}

int
fl_patterns_load_default(struct fl_patterns *out)
{
	const struct fl_embedded *e = fl_embedded_find("rules/data/patterns.json");

	if (e == NULL)
		return fl_error_set(FL_ECONFIG,
		    "rules/data/patterns.json is not embedded in this build");
	return fl_patterns_load(out, e->data, e->len,
	    "rules/data/patterns.json");
}

void
fl_patterns_release(struct fl_patterns *p)
{
	size_t i;

	for (i = 0; i < sizeof(slots) / sizeof(slots[0]); i++) {
		struct fl_re **re = (struct fl_re **)((char *)p + slots[i].re_off);

		fl_re_free(*re);
		*re = NULL;
	}
}

bool
fl_patterns_is_literal(const struct fl_re *shape, struct fl_re_match *m,
    struct fl_str slot)
{
	struct fl_str g[1];

	return slot.len > 0 && fl_re_search(shape, m, slot, 0, g, 1);
}
