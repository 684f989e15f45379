/*
 * Lookup in the table of embedded files.
 */
#include "util/embedded.h"

#include <string.h>

const struct fl_embedded *
fl_embedded_find(const char *path)
{
	const struct fl_embedded *e;

	for (e = fl_embedded; e->path != NULL; e++)
		if (strcmp(e->path, path) == 0)
			return e;
	return NULL;
}
