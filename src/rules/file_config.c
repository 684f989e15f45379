/*
 * The per-file configuration table; see file_config.h.
 */
#include "rules/file_config.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void
fl_file_configs_add(struct fl_file_configs *t, const char *path,
    const struct fl_file_config *c)
{
	/* Every file of a layout's tree has an entry (where it stands). */
	FL_GROW(t->v, t->n + 1, t->alloc);
	t->v[t->n].path = fl_xstrdup(path);
	t->v[t->n++].c = *c;
}

static int
by_path(const void *a, const void *b)
{
	return strcmp(((const struct fl_file_config_entry *)a)->path,
	    ((const struct fl_file_config_entry *)b)->path);
}

void
fl_file_configs_finish(struct fl_file_configs *t)
{
	if (t->n > 1)
		qsort(t->v, t->n, sizeof(*t->v), by_path);
}

void
fl_file_configs_release(struct fl_file_configs *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].path);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

struct fl_file_config
fl_file_configs_of(const struct fl_file_configs *t, const char *path)
{
	struct fl_file_config_entry key = { (char *)(uintptr_t)path, { 0 } };
	const struct fl_file_config_entry *hit = NULL;
	struct fl_file_config none = { 0 };

	if (t != NULL && t->n > 0)
		hit = bsearch(&key, t->v, t->n, sizeof(*t->v), by_path);
	return hit != NULL ? hit->c : none;
}
