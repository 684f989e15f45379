/*
 * The finding list, identity and order; see diag.h.
 */
#include "diag/diag.h"

#include <stdlib.h>
#include <string.h>

#include "diag/fingerprint.h"
#include "util/arena.h"
#include "util/source.h"

struct fl_diag *
fl_diag_add(struct fl_diag_list *l, struct fl_arena *a, struct fl_source *src,
    const struct fl_rule *rule, const char *code, enum fl_severity sev,
    uint32_t off, const char *msg)
{
	struct fl_diag *d;

	if (l->n == l->alloc) {
		uint32_t alloc = l->alloc ? l->alloc * 2 : 8;

		l->v = fl_arena_grow_array(a, l->v, l->alloc, alloc,
		    sizeof(*l->v));
		l->alloc = alloc;
	}
	d = &l->v[l->n++];
	memset(d, 0, sizeof(*d));
	d->rule = rule;
	d->code = code;
	d->severity = sev;
	d->off = off;
	fl_source_linecol(src, off, &d->line, &d->col);
	d->message = msg;
	return d;
}

int
fl_diag_cmp_identity(const struct fl_diag *a, const struct fl_diag *b)
{
	int c = strcmp(a->code, b->code);

	if (c == 0)
		c = fl_str_cmp(a->action, b->action);
	return c != 0 ? c : fl_str_cmp(fl_fingerprint_pointer(a),
	    fl_fingerprint_pointer(b));
}

bool
fl_diag_same(const struct fl_diag *a, const struct fl_diag *b)
{
	return fl_diag_cmp_identity(a, b) == 0;
}

static int
cmp_diag(const void *a, const void *b)
{
	const struct fl_diag *x = a, *y = b;
	int c;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	c = strcmp(x->code, y->code);
	if (c != 0)
		return c;
	return strcmp(x->message, y->message);
}

void
fl_diag_sort(struct fl_diag_list *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), cmp_diag);
}

void
fl_diag_count(const struct fl_diag_list *l, unsigned *errors,
    unsigned *warnings, unsigned *infos)
{
	uint32_t i;

	*errors = *warnings = *infos = 0;
	for (i = 0; i < l->n; i++) {
		switch (l->v[i].severity) {
		case FL_SEV_ERROR: (*errors)++; break;
		case FL_SEV_WARNING: (*warnings)++; break;
		case FL_SEV_INFO: (*infos)++; break;
		}
	}
}

const char *
fl_severity_name(enum fl_severity s)
{
	switch (s) {
	case FL_SEV_ERROR: return "error";
	case FL_SEV_WARNING: return "warning";
	case FL_SEV_INFO: return "info";
	}
	return "error";
}
