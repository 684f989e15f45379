/*
 * The reference scanner.  Strings are pre-filtered with memmem so that
 * the regular expressions only run on the few strings that can match.
 */
#include "flow/refs.h"

#include <string.h>

#include "flow/flow.h"
#include "flow/patterns.h"
#include "util/arena.h"
#include "util/re.h"

struct scan {
	struct fl_flow *f;
	struct fl_arena *a;
	const struct fl_patterns *p;
	struct fl_re_match *m;
	uint32_t alloc;
};

static struct fl_ref *
new_ref(struct scan *s, enum fl_ref_kind kind, uint32_t node,
    struct fl_str str, struct fl_str token)
{
	struct fl_flow *f = s->f;
	struct fl_ref *r;

	if (f->nrefs == s->alloc) {
		uint32_t alloc = s->alloc ? s->alloc * 2 : 16;

		f->refs = fl_arena_grow_array(s->a, f->refs, s->alloc, alloc,
		    sizeof(*f->refs));
		s->alloc = alloc;
	}
	r = &f->refs[f->nrefs++];
	memset(r, 0, sizeof(*r));
	r->kind = kind;
	r->node = node;
	r->action = FL_NO_ACTION;
	r->text = token;
	r->whole_value = token.ptr == str.ptr && token.len == str.len;
	return r;
}

/* Which action owns node i, and whether it sits in Metadata. */
static void
locate(struct fl_flow *f, struct fl_ref *r)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t i = r->node, parent;

	for (; i != f->root; i = parent) {
		parent = d->nodes[i].parent;
		if (parent == f->actions_node) {
			uint32_t lo = 0, hi = f->nactions;

			/* Actions are sorted by node: binary search. */
			while (lo < hi) {
				uint32_t mid = (lo + hi) / 2;

				if (f->actions[mid].node < i)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo < f->nactions && f->actions[lo].node == i)
				r->action = (int32_t)lo;
		} else if (parent == f->action_meta_node) {
			r->action = fl_flow_find_action(f, d->nodes[i].key);
		}
		if (i == f->metadata_node)
			r->in_metadata = true;
		if (parent == FL_JSON_NONE)
			break;
	}
	r->in_object_map = !r->in_metadata && r->action != FL_NO_ACTION &&
	    r->action == f->object_map;
}

/* Splits an ARN's resource into instance, kind and id. */
static void
split_resource(struct fl_ref *r)
{
	struct fl_str res = r->u.arn.resource;
	const char *p = res.ptr, *end = res.ptr + res.len;
	const char *sep;

	if (fl_str_has_prefix(res, "instance/")) {
		const char *inst = p + 9;
		const char *slash = memchr(inst, '/', (size_t)(end - inst));

		if (slash == NULL) {
			r->u.arn.instance = fl_str_make(inst, (size_t)(end - inst));
			r->u.arn.kind = FL_STR_LIT("instance");
			return;
		}
		r->u.arn.instance = fl_str_make(inst, (size_t)(slash - inst));
		p = slash + 1;
	}
	for (sep = p; sep < end && *sep != '/' && *sep != ':'; sep++)
		;
	r->u.arn.kind = fl_str_make(p, (size_t)(sep - p));
	if (sep < end)
		r->u.arn.id = fl_str_make(sep + 1, (size_t)(end - sep - 1));
}

/* Fills the kind-specific part of r from the match groups g. */
typedef void fill_fn(struct scan *s, struct fl_ref *r, struct fl_str str,
    const struct fl_str *g);

static void
fill_arn(struct scan *s, struct fl_ref *r, struct fl_str str,
    const struct fl_str *g)
{
	const struct fl_patterns *p = s->p;

	(void)str;
	r->u.arn.partition = g[p->g_partition];
	r->u.arn.service = g[p->g_service];
	r->u.arn.region = g[p->g_region];
	r->u.arn.account = g[p->g_account];
	r->u.arn.resource = g[p->g_resource];
	split_resource(r);
}

static void
fill_placeholder(struct scan *s, struct fl_ref *r, struct fl_str str,
    const struct fl_str *g)
{
	const struct fl_patterns *p = s->p;
	struct fl_str rg[1];

	(void)str;
	r->u.ph.kind = g[p->g_kind].ptr ? g[p->g_kind].ptr[0] : 0;
	r->u.ph.kind2 = g[p->g_kind2].ptr ? g[p->g_kind2].ptr[0] : 0;
	r->u.ph.name = g[p->g_name];
	r->u.ph.closed = g[p->g_close].ptr != NULL;
	/* The replacer resolves it only if its pattern matches all of it. */
	r->u.ph.replacer_ok = fl_re_search(p->replacer_placeholder, s->m,
	    g[0], 0, rg, 1) && rg[0].ptr == g[0].ptr && rg[0].len == g[0].len;
}

static void
fill_flow_attr(struct scan *s, struct fl_ref *r, struct fl_str str,
    const struct fl_str *g)
{
	const struct fl_patterns *p = s->p;
	size_t at = (size_t)(g[0].ptr - str.ptr);
	struct fl_str rg[2];

	r->u.attr.bracketed = g[p->g_quoted].ptr != NULL;
	r->u.attr.name = r->u.attr.bracketed ? g[p->g_quoted] :
	    g[p->g_attr_name];
	/* What the replacer captures from the same position, if anything. */
	if (fl_re_search(p->replacer_flow_attribute, s->m, str, at, rg, 2) &&
	    rg[0].ptr == g[0].ptr)
		r->u.attr.replacer_name = rg[1];
}

/* Adds a reference of `kind` for every match of `re` in `str`. */
static void
scan_matches(struct scan *s, const struct fl_re *re, enum fl_ref_kind kind,
    fill_fn *fill, uint32_t node, struct fl_str str)
{
	struct fl_str g[16];
	size_t pos = 0;

	while (pos < str.len && fl_re_search(re, s->m, str, pos, g, 16)) {
		struct fl_ref *r = new_ref(s, kind, node, str, g[0]);

		fill(s, r, str, g);
		locate(s->f, r);
		pos = (size_t)(g[0].ptr - str.ptr) + (g[0].len ? g[0].len : 1);
	}
}

void
fl_flow_scan_refs(struct fl_flow *f, struct fl_arena *a,
    const struct fl_patterns *p, struct fl_re_match *m)
{
	const struct fl_json_doc *d = f->doc;
	struct scan s = { f, a, p, m, 0 };
	uint32_t i, end_off;

	end_off = d->nodes[f->root].off + d->nodes[f->root].len;
	for (i = f->root; i < d->count && d->nodes[i].off < end_off; i++) {
		struct fl_str str;

		if (d->nodes[i].type != FL_JSON_STRING)
			continue;
		str = d->nodes[i].str;
		if (str.len < 4)
			continue;
		if (fl_str_find(str, "arn:") >= 0)
			scan_matches(&s, p->arn, FL_REF_ARN, fill_arn, i, str);
		/* Both of the others start with '$', which most strings lack. */
		if (memchr(str.ptr, '$', str.len) == NULL)
			continue;
		if (fl_str_find(str, "${") >= 0)
			scan_matches(&s, p->placeholder, FL_REF_PLACEHOLDER,
			    fill_placeholder, i, str);
		if (fl_str_find(str, "$.FlowAttributes.") >= 0)
			scan_matches(&s, p->flow_attribute, FL_REF_FLOW_ATTR,
			    fill_flow_attr, i, str);
	}
}
