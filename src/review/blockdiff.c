/*
 * Comparing two versions of a flow block by block; see blockdiff.h.
 * Everything is matched by sorting both sides and merging, so that a
 * diff of two flows of n blocks costs n log n, not n squared.
 */
#include "review/blockdiff.h"

#include <stdlib.h>
#include <string.h>

#include "diag/diag.h"
#include "diag/fingerprint.h"
#include "lint/lint.h"
#include "review/blocks.h"
#include "util/arena.h"

static const char *
str(struct fl_arena *a, struct fl_str s)
{
	return fl_arena_strndup(a, s.ptr != NULL ? s.ptr : "", s.len);
}

static void
add(struct fl_blockdiff *d, struct fl_arena *a, struct fl_change c)
{
	if (d->n == d->alloc) {
		uint32_t n = d->alloc ? d->alloc * 2 : 16;

		d->v = fl_arena_grow_array(a, d->v, d->alloc, n,
		    sizeof(*d->v));
		d->alloc = n;
	}
	d->v[d->n++] = c;
}

static bool
same(const char *x, const char *y)
{
	if (x == NULL || y == NULL)
		return x == y;
	return strcmp(x, y) == 0;
}

/* --- leaves, matched by path */

static int
cmp_leaf(const void *x, const void *y)
{
	const struct fl_review_leaf *a = x, *b = y;

	return strcmp(a->path, b->path);
}

static struct fl_review_leaf *
sorted_leaves(struct fl_arena *a, const struct fl_review_leaves *l)
{
	struct fl_review_leaf *v = fl_arena_array(a, l->n + 1, sizeof(*v));

	if (l->n > 0)
		memcpy(v, l->v, l->n * sizeof(*v));
	qsort(v, l->n, sizeof(*v), cmp_leaf);
	return v;
}

/* Adds a change of `kind` for every path whose value differs. */
static void
diff_leaves(struct fl_blockdiff *d, struct fl_arena *a, struct fl_change tmpl,
    const struct fl_review_leaves *ol, const struct fl_review_leaves *nl)
{
	struct fl_review_leaf *o = sorted_leaves(a, ol), *n = sorted_leaves(a, nl);
	uint32_t i = 0, j = 0;

	while (i < ol->n || j < nl->n) {
		int c = i == ol->n ? 1 : j == nl->n ? -1 :
		    strcmp(o[i].path, n[j].path);
		struct fl_change ch = tmpl;

		ch.what = c <= 0 ? o[i].path : n[j].path;
		ch.old = c <= 0 ? o[i].value : NULL;
		ch.new = c >= 0 ? n[j].value : NULL;
		ch.old_name = c <= 0 ? o[i].name : NULL;
		ch.new_name = c >= 0 ? n[j].name : NULL;
		if (c <= 0)
			i++;
		if (c >= 0)
			j++;
		if (same(ch.old, ch.new))
			continue;
		if (ch.kind == FL_CHANGE_PROPERTY &&
		    strcmp(ch.what, "StartAction") == 0)
			ch.kind = FL_CHANGE_START;
		add(d, a, ch);
	}
}

/* --- transitions, matched by label (in order when a label repeats) */

struct labelled {
	const struct fl_review_edge *e;
	uint32_t order;
};

static int
cmp_labelled(const void *x, const void *y)
{
	const struct labelled *a = x, *b = y;
	int c = strcmp(a->e->label, b->e->label);

	return c != 0 ? c : a->order < b->order ? -1 : a->order > b->order;
}

static struct labelled *
sorted_edges(struct fl_arena *a, const struct fl_review_edges *e)
{
	struct labelled *v = fl_arena_array(a, e->n + 1, sizeof(*v));
	uint32_t i;

	for (i = 0; i < e->n; i++)
		v[i] = (struct labelled){ &e->v[i], i };
	qsort(v, e->n, sizeof(*v), cmp_labelled);
	return v;
}

static void
diff_edges(struct fl_blockdiff *d, struct fl_arena *a, struct fl_change tmpl,
    const struct fl_review_edges *oe, const struct fl_review_edges *ne)
{
	struct labelled *o = sorted_edges(a, oe), *n = sorted_edges(a, ne);
	uint32_t i = 0, j = 0;

	while (i < oe->n || j < ne->n) {
		int c = i == oe->n ? 1 : j == ne->n ? -1 :
		    strcmp(o[i].e->label, n[j].e->label);
		struct fl_change ch = tmpl;

		ch.kind = FL_CHANGE_TRANSITION;
		ch.what = c <= 0 ? o[i].e->label : n[j].e->label;
		ch.old = c <= 0 ? str(a, o[i].e->target) : NULL;
		ch.new = c >= 0 ? str(a, n[j].e->target) : NULL;
		if (c <= 0)
			i++;
		if (c >= 0)
			j++;
		if (!same(ch.old, ch.new))
			add(d, a, ch);
	}
}

/* --- blocks, matched by Identifier */

static int
cmp_id(const struct fl_review_block *x, const struct fl_review_block *y)
{
	size_t n = x->id.len < y->id.len ? x->id.len : y->id.len;
	int c = n == 0 ? 0 : memcmp(x->id.ptr, y->id.ptr, n);

	if (c != 0)
		return c;
	return x->id.len < y->id.len ? -1 : x->id.len > y->id.len;
}

static void
diff_block(struct fl_blockdiff *d, struct fl_arena *a,
    const struct fl_review_block *o, const struct fl_review_block *n)
{
	struct fl_change tmpl = { .block = str(a, n->id),
	    .block_type = str(a, n->type) };

	if (!fl_str_eq(o->type, n->type)) {
		struct fl_change ch = tmpl;

		ch.kind = FL_CHANGE_TYPE;
		ch.old = str(a, o->type);
		ch.new = str(a, n->type);
		add(d, a, ch);
	}
	tmpl.kind = FL_CHANGE_PARAM;
	diff_leaves(d, a, tmpl, &o->logic, &n->logic);
	diff_edges(d, a, tmpl, &o->edges, &n->edges);
	tmpl.kind = FL_CHANGE_METADATA;
	diff_leaves(d, a, tmpl, &o->meta, &n->meta);
	if (!same(o->position, n->position))
		d->moved++;
}

static void
diff_blocks(struct fl_blockdiff *d, struct fl_arena *a,
    const struct fl_review_flow *old, const struct fl_review_flow *new)
{
	uint32_t i = 0, j = 0;

	while (i < old->nblocks || j < new->nblocks) {
		const struct fl_review_block *o = &old->blocks[i];
		const struct fl_review_block *n = &new->blocks[j];
		int c = i == old->nblocks ? 1 : j == new->nblocks ? -1 :
		    cmp_id(o, n);

		if (c == 0) {
			diff_block(d, a, o, n);
			i++, j++;
		} else if (c < 0) {
			add(d, a, (struct fl_change){ .kind =
			    FL_CHANGE_BLOCK_REMOVED, .block = str(a, o->id),
			    .block_type = str(a, o->type) });
			i++;
		} else {
			add(d, a, (struct fl_change){ .kind =
			    FL_CHANGE_BLOCK_ADDED, .block = str(a, n->id),
			    .block_type = str(a, n->type),
			    .new = fl_review_key_param(new, n, a) });
			j++;
		}
	}
}

/* --- findings, matched as the same finding (diag.h) */

static int
cmp_diag(const void *x, const void *y)
{
	return fl_diag_cmp_identity(*(const struct fl_diag *const *)x,
	    *(const struct fl_diag *const *)y);
}

static const struct fl_diag **
sorted_diags(struct fl_arena *a, const struct fl_result *r)
{
	const struct fl_diag **v = fl_arena_array(a, r->diags.n + 1,
	    sizeof(*v));
	uint32_t i;

	for (i = 0; i < r->diags.n; i++)
		v[i] = &r->diags.v[i];
	qsort(v, r->diags.n, sizeof(*v), cmp_diag);
	return v;
}

static void
add_finding(struct fl_blockdiff *d, struct fl_arena *a,
    enum fl_change_kind kind, const struct fl_diag *g)
{
	const char *msg = fl_arena_strdup(a, g->message);
	struct fl_str place = fl_fingerprint_pointer(g);

	add(d, a, (struct fl_change){ .kind = kind,
	    .pointer = place.len > 0 ? str(a, place) : NULL,
	    .block = g->action.len > 0 ? str(a, g->action) : NULL,
	    .what = fl_arena_printf(a, "%s %s", g->rule->code, g->rule->name),
	    .old = kind == FL_CHANGE_FINDING_GONE ? msg : NULL,
	    .new = kind == FL_CHANGE_FINDING_NEW ? msg : NULL });
}

static void
diff_findings(struct fl_blockdiff *d, struct fl_arena *a,
    const struct fl_result *old_r, const struct fl_result *new_r)
{
	const struct fl_diag **o = sorted_diags(a, old_r);
	const struct fl_diag **n = sorted_diags(a, new_r);
	uint32_t i = 0, j = 0;

	while (i < old_r->diags.n || j < new_r->diags.n) {
		int c = i == old_r->diags.n ? 1 : j == new_r->diags.n ? -1 :
		    cmp_diag(&o[i], &n[j]);

		if (c == 0) {
			i++, j++;
		} else if (c < 0) {
			add_finding(d, a, FL_CHANGE_FINDING_GONE, o[i++]);
		} else {
			add_finding(d, a, FL_CHANGE_FINDING_NEW, n[j++]);
		}
	}
}

void
fl_blockdiff(struct fl_blockdiff *out, struct fl_arena *a,
    const struct fl_review_flow *old, const struct fl_result *old_r,
    const struct fl_review_flow *new, const struct fl_result *new_r)
{
	memset(out, 0, sizeof(*out));
	diff_leaves(out, a, (struct fl_change){ .kind = FL_CHANGE_PROPERTY },
	    &old->props, &new->props);
	diff_blocks(out, a, old, new);
	diff_findings(out, a, old_r, new_r);
	out->entry_moved = !same(old->entry_position, new->entry_position);
}
