/*
 * The inventory's specification (spec.h).
 */
#include "inventory/spec.h"

#include <stdlib.h>
#include <string.h>

void
fl_inventory_spec_init(struct fl_inventory_spec *s)
{
	memset(s, 0, sizeof(*s));
	s->layout = true;
}

void
fl_inventory_spec_release(struct fl_inventory_spec *s)
{
	size_t i, k;

	free(s->layout_root);
	for (i = 0; i < s->nsources; i++) {
		struct fl_source_spec *src = &s->sources[i];

		free(src->path);
		for (k = 0; k < src->nnames; k++)
			free(src->names[k]);
		free(src->names);
		free(src->where);
	}
	free(s->sources);
	fl_inventory_spec_init(s);
}

const char *
fl_inventory_spec_layout(const struct fl_inventory_spec *s, const char *found)
{
	if (!s->layout)
		return NULL;
	return s->layout_root != NULL ? s->layout_root : found;
}
