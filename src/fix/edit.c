/*
 * Sorting, checking and applying text edits; see edit.h.
 */
#include "fix/edit.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/error.h"
#include "util/xalloc.h"

void
fl_edits_add(struct fl_edits *e, uint32_t start, uint32_t end,
    struct fl_str text)
{
	FL_GROW(e->v, e->n + 1, e->alloc);
	e->v[e->n] = (struct fl_edit){ start, end, text, (uint32_t)e->n };
	e->n++;
}

static bool
conflict(uint32_t s1, uint32_t e1, uint32_t s2, uint32_t e2)
{
	return s1 == s2 || (s1 < e2 && s2 < e1);
}

bool
fl_edits_conflict(const struct fl_edits *e, uint32_t start, uint32_t end)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		if (conflict(e->v[i].start, e->v[i].end, start, end))
			return true;
	return false;
}

static int
cmp_edit(const void *a, const void *b)
{
	const struct fl_edit *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int
fl_edits_apply(struct fl_buf *out, const char *text, size_t len,
    struct fl_edits *e)
{
	size_t i, at = 0;

	if (e->n > 1)
		qsort(e->v, e->n, sizeof(*e->v), cmp_edit);
	for (i = 0; i < e->n; i++) {
		const struct fl_edit *ed = &e->v[i];

		if (ed->start > ed->end || ed->end > len)
			return fl_error_set(FL_EINVAL, "edit [%u, %u) lies "
			    "outside the %zu-byte text", ed->start, ed->end,
			    len);
		if (i > 0 && conflict(e->v[i - 1].start, e->v[i - 1].end,
		    ed->start, ed->end))
			return fl_error_set(FL_EINVAL, "edits at bytes %u and "
			    "%u overlap", e->v[i - 1].start, ed->start);
		fl_buf_add(out, text + at, ed->start - at);
		fl_buf_addstr(out, ed->text);
		at = ed->end;
	}
	fl_buf_add(out, text + at, len - at);
	return 0;
}

void
fl_edits_reset(struct fl_edits *e)
{
	e->n = 0;
}

void
fl_edits_release(struct fl_edits *e)
{
	free(e->v);
	memset(e, 0, sizeof(*e));
}
