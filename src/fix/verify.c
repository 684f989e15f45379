/*
 * Checking a pass's result before it is kept.  The new text must parse
 * into the same kind of flow; its document must equal the old one
 * everywhere except where the pass meant to change it (a replaced value,
 * a removed member, members or elements added to a container), so that
 * no action, parameter, metadata entry or unknown key is lost; the
 * findings the pass addressed must be gone; and no rule may find more
 * than before.
 */
#include "fix/pass.h"

#include <stdlib.h>
#include <string.h>

#include "diag/diag.h"
#include "flow/flow.h"
#include "json/json.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/xalloc.h"

struct cmp {
	const struct fl_json_doc *old, *new;
	const uint8_t *marks;	/* per old node, or NULL: no change meant */
	uint32_t free_node;	/* an old node that may differ, or NONE */
};

static int
differs(const struct cmp *c, uint32_t a, const char *what)
{
	struct fl_buf ptr = FL_BUF_INIT;
	int err;

	fl_json_pointer(&ptr, c->old, a);
	err = fl_error_set(FL_EINVAL, "the fixed flow would %s at \"%s\"",
	    what, ptr.len ? ptr.ptr : "/");
	fl_buf_release(&ptr);
	return err;
}

static unsigned
mark(const struct cmp *c, uint32_t a)
{
	return c->marks != NULL ? c->marks[a] : 0;
}

static int
same(const struct cmp *c, uint32_t a, uint32_t b)
{
	const struct fl_json_node *x = &c->old->nodes[a], *y = &c->new->nodes[b];
	uint32_t ia, ib;
	int err;

	if ((mark(c, a) & FL_FIX_REPLACED) || a == c->free_node)
		return 0;
	if (x->type != y->type)
		return differs(c, a, "change a value's type");
	switch (x->type) {
	case FL_JSON_NUMBER:
	case FL_JSON_STRING:
		if (!fl_str_eq(x->str, y->str))
			return differs(c, a, "change a value");
		return 0;
	case FL_JSON_ARRAY:
	case FL_JSON_OBJECT:
		break;
	default:
		return 0;
	}
	ia = fl_json_first(c->old, a);
	ib = fl_json_first(c->new, b);
	for (; ia != FL_JSON_NONE; ia = c->old->nodes[ia].next) {
		if (mark(c, ia) & FL_FIX_REMOVED)
			continue;
		if (ib == FL_JSON_NONE)
			return differs(c, ia, "lose a member");
		if (x->type == FL_JSON_OBJECT &&
		    !fl_str_eq(c->old->nodes[ia].key, c->new->nodes[ib].key))
			return differs(c, ia, "rename or reorder a member");
		if ((err = same(c, ia, ib)) != 0)
			return err;
		ib = c->new->nodes[ib].next;
	}
	if (ib != FL_JSON_NONE && !(mark(c, a) & FL_FIX_GROWS))
		return differs(c, a, "gain an unexpected member");
	return 0;
}

/* The Content string of a wrapped export, in the file's document. */
static uint32_t
content_node(const struct fl_flow *f)
{
	uint32_t i;

	for (i = FL_JSON_ROOT; i < f->outer.count; i++)
		if (f->outer.nodes[i].type == FL_JSON_STRING &&
		    f->outer.nodes[i].off + 1 == f->map.v[0].raw)
			return i;
	return FL_JSON_NONE;
}

/* Whether the pass writes an object Content as its string (FL008). */
static bool
encodes_content(const struct fl_fix_pass *p)
{
	const struct fl_flow *f = p->f;

	return f->shape == FL_SHAPE_WRAPPED && !f->content_is_string &&
	    p->d == &f->outer && (p->marks[f->root] & FL_FIX_REPLACED);
}

static int
same_documents(const struct fl_fix_pass *p, const struct fl_flow *g)
{
	const struct fl_flow *f = p->f;
	struct cmp c = { &f->outer, &g->outer, NULL, FL_JSON_NONE };
	int err;

	/* The object, unchanged, is now the string's document. */
	if (encodes_content(p)) {
		c.free_node = f->root;
		if ((err = same(&c, FL_JSON_ROOT, FL_JSON_ROOT)) != 0)
			return err;
		c = (struct cmp){ &f->outer, &g->inner, NULL, FL_JSON_NONE };
		return same(&c, f->root, g->root);
	}
	if (p->d == &f->outer) {
		c.marks = p->marks;
		return same(&c, FL_JSON_ROOT, FL_JSON_ROOT);
	}
	c.free_node = content_node(f);
	if ((err = same(&c, FL_JSON_ROOT, FL_JSON_ROOT)) != 0)
		return err;
	c = (struct cmp){ &f->inner, &g->inner, p->marks, FL_JSON_NONE };
	return same(&c, FL_JSON_ROOT, FL_JSON_ROOT);
}

static unsigned
count_like(const struct fl_diag_list *l, const struct fl_diag *d,
    const bool *only)
{
	unsigned i, n = 0;

	for (i = 0; i < l->n; i++)
		n += fl_diag_same(&l->v[i], d) && (only == NULL || only[i]);
	return n;
}

/* Findings per rule: the rules seen so far, each with its count. */
struct tally {
	const struct fl_rule **rule;	/* owned */
	unsigned *n;			/* owned */
	unsigned len;
};

static unsigned *
tally_of(struct tally *t, const struct fl_rule *rule, bool add)
{
	unsigned i;

	for (i = 0; i < t->len; i++)
		if (t->rule[i] == rule)
			return &t->n[i];
	if (!add)
		return NULL;
	t->rule[t->len] = rule;
	t->n[t->len] = 0;
	return &t->n[t->len++];
}

static int
findings_ok(const struct fl_fix_pass *p, const struct fl_diag_list *after)
{
	const struct fl_diag_list *before = p->diags;
	struct tally t;
	unsigned i, *n;
	int err = 0;

	t.rule = fl_xcalloc(before->n + 1, sizeof(*t.rule));
	t.n = fl_xcalloc(before->n + 1, sizeof(*t.n));
	t.len = 0;
	for (i = 0; i < before->n && err == 0; i++) {
		const struct fl_diag *d = &before->v[i];

		(*tally_of(&t, d->rule, true))++;
		/* Each addressed finding leaves one fewer like it. */
		if (p->claimed[i] && count_like(after, d, NULL) +
		    count_like(before, d, p->claimed) >
		    count_like(before, d, NULL))
			err = fl_error_set(FL_EINVAL, "the fix did not remove "
			    "%s at \"%s\"", d->code,
			    d->pointer ? d->pointer : "");
	}
	for (i = 0; i < after->n && err == 0; i++) {
		const struct fl_diag *d = &after->v[i];

		n = tally_of(&t, d->rule, false);
		if (n == NULL || *n == 0)
			err = fl_error_set(FL_EINVAL, "the fix would add %s at "
			    "\"%s\": %s", d->code, d->pointer ? d->pointer : "",
			    d->message);
		else
			(*n)--;
	}
	free(t.rule);
	free(t.n);
	return err;
}

int
fl_fix_verify(const struct fl_fix_pass *p, const struct fl_flow *after,
    const struct fl_diag_list *found)
{
	int err;

	if (after->doc == NULL || after->shape != p->f->shape ||
	    (after->content_is_string != p->f->content_is_string &&
	    !encodes_content(p)))
		return fl_error_set(FL_EINVAL, "the fixed text is no longer a "
		    "readable flow");
	if ((err = same_documents(p, after)) != 0)
		return err;
	return findings_ok(p, found);
}
