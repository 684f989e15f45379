/*
 * Parsing data files that hold one JSON object, with errors that name
 * the file, line and column.
 */
#include "json/json.h"

#include "util/error.h"

static void
linecol(const char *text, size_t off, unsigned *line, unsigned *col)
{
	size_t i, start = 0;

	*line = 1;
	for (i = 0; i < off; i++)
		if (text[i] == '\n') {
			(*line)++;
			start = i + 1;
		}
	*col = (unsigned)(off - start) + 1;
}

int
fl_json_parse_object(struct fl_json_doc *out, struct fl_arena *arena,
    const char *text, size_t len, const char *origin)
{
	struct fl_json_error err;
	unsigned line, col;

	if (fl_json_parse(out, arena, text, len, &err) != 0) {
		linecol(text, err.off, &line, &col);
		return fl_error_set(FL_ECONFIG, "%s:%u:%u: %s", origin, line,
		    col, err.msg);
	}
	if (!fl_json_is(out, FL_JSON_ROOT, FL_JSON_OBJECT))
		return fl_error_set(FL_ECONFIG, "%s:1:1: expected a JSON object",
		    origin);
	return 0;
}
