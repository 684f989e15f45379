/*
 * A file's bytes as read from disk (or a git blob, or stdin), with the
 * table of line starts that turns byte offsets into 1-based line and
 * byte columns for reports.
 */
#ifndef FL_UTIL_SOURCE_H
#define FL_UTIL_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "util/fs.h"

struct fl_source {
	char *path;		/* owned: the path as shown in reports */
	char *text;		/* owned: the bytes, NUL-terminated */
	size_t len;		/* excluding the terminating NUL */
	uint32_t *lines;	/* owned: offset of each line's first byte */
	uint32_t nlines;	/* 0 until the table is built */
	struct fl_fs_stamp stamp; /* read from disk: the file as it was */
};

/* Takes ownership of `path` and `text` (both from fl_xmalloc). */
void fl_source_init(struct fl_source *s, char *path, char *text, size_t len);
void fl_source_release(struct fl_source *s);

/*
 * 1-based line and byte column of `off`.  Lines end at '\n', so a CRLF
 * file counts its '\r' as the last byte of a line.  A UTF-8 byte order
 * mark is not counted in line 1's columns, as editors hide it.
 */
void fl_source_linecol(struct fl_source *s, size_t off, uint32_t *line,
    uint32_t *col);

#endif
