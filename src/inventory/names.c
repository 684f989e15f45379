/*
 * Plain name lists: the simplest source for resources that live in
 * another pipeline (prompts, Lambdas, bots of another account).
 */
#include "inventory/sources.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static struct fl_str
trim(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\r'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\r'))
		end--;
	return fl_str_make(p, (size_t)(end - p));
}

/* The next tab-separated field of [*p, end), trimmed; advances *p. */
static struct fl_str
field(const char **p, const char *end)
{
	const char *start = *p;
	const char *tab = memchr(start, '\t', (size_t)(end - start));
	const char *stop = tab != NULL ? tab : end;

	*p = tab != NULL ? tab + 1 : end;
	return trim(start, stop);
}

void
fl_inventory_read_names(struct fl_inventory *inv, enum fl_res_kind kind,
    const char *text, size_t len, const char *label)
{
	const char *p = text, *end = text + len;

	fl_inventory_note_source(inv, kind, label);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl != NULL ? nl : end;
		struct fl_str name, id, arn;
		char *n, *i, *a;

		name = field(&p, eol);
		id = field(&p, eol);
		arn = field(&p, eol);
		p = nl != NULL ? nl + 1 : end;
		if (name.len == 0 || name.ptr[0] == '#')
			continue;
		n = fl_xstrndup(name.ptr, name.len);
		i = id.len ? fl_xstrndup(id.ptr, id.len) : NULL;
		a = arn.len ? fl_xstrndup(arn.ptr, arn.len) : NULL;
		fl_inventory_add(inv, kind, n, i, a, label);
		free(n);
		free(i);
		free(a);
	}
}
