/*
 * Byte offsets to line and column, by binary search over line starts.
 */
#include "util/source.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void
fl_source_init(struct fl_source *s, char *path, char *text, size_t len)
{
	s->path = path;
	s->text = text;
	s->len = len;
	s->lines = NULL;
	s->nlines = 0;
	memset(&s->stamp, 0, sizeof(s->stamp));
}

void
fl_source_release(struct fl_source *s)
{
	free(s->path);
	free(s->text);
	free(s->lines);
	memset(s, 0, sizeof(*s));
}

static void
build_lines(struct fl_source *s)
{
	size_t alloc = 0, n = 0;
	const char *p = s->text, *end = s->text + s->len;

	FL_GROW(s->lines, 1, alloc);
	s->lines[n++] = 0;
	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		p++;
		FL_GROW(s->lines, n + 1, alloc);
		s->lines[n++] = (uint32_t)(p - s->text);
	}
	s->nlines = (uint32_t)n;
}

void
fl_source_linecol(struct fl_source *s, size_t off, uint32_t *line,
    uint32_t *col)
{
	uint32_t lo = 0, hi;
	size_t start;

	if (s->nlines == 0)
		build_lines(s);
	if (off > s->len)
		off = s->len;
	hi = s->nlines;
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (s->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	start = s->lines[lo];
	if (lo == 0 && s->len >= 3 && memcmp(s->text, "\xEF\xBB\xBF", 3) == 0 &&
	    off >= 3)
		start = 3;
	*line = lo + 1;
	*col = (uint32_t)(off - start) + 1;
}
