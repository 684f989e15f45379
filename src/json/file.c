/*
 * Loading JSON data files with positions for their error messages.
 */
#include "json/file.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/xalloc.h"

static int
parse(struct fl_json_file *f, const char *raw_key)
{
	struct fl_json_error err;
	uint32_t line, col;

	if (fl_json_parse_raw(&f->doc, &f->arena, f->src.text, f->src.len,
	    raw_key, &err) == 0)
		return 0;
	fl_source_linecol(&f->src, err.off, &line, &col);
	return fl_error_set(FL_ECONFIG, "%s:%u:%u: %s", f->src.path, line, col,
	    err.msg);
}

int
fl_json_file_load(struct fl_json_file *f, const char *path)
{
	struct fl_buf bytes = FL_BUF_INIT;
	int err;

	memset(f, 0, sizeof(*f));
	fl_arena_init(&f->arena);
	err = fl_fs_read(&bytes, path, FL_FS_MAX_FILE);
	if (err != 0) {
		fl_buf_release(&bytes);
		return err;
	}
	return fl_json_file_take(f, path, &bytes, NULL);
}

int
fl_json_file_take(struct fl_json_file *f, const char *path,
    struct fl_buf *bytes, const char *raw_key)
{
	size_t len;
	char *text;

	memset(f, 0, sizeof(*f));
	fl_arena_init(&f->arena);
	text = fl_buf_detach(bytes, &len);
	fl_source_init(&f->src, fl_xstrdup(path), text, len);
	return parse(f, raw_key);
}

void
fl_json_file_release(struct fl_json_file *f)
{
	fl_arena_release(&f->arena);
	if (f->src.path != NULL || f->src.text != NULL)
		fl_source_release(&f->src);
	memset(f, 0, sizeof(*f));
}

void
fl_json_file_linecol(struct fl_json_file *f, uint32_t node, bool key,
    uint32_t *line, uint32_t *col)
{
	const struct fl_json_node *n = &f->doc.nodes[node];

	fl_source_linecol(&f->src, key && n->key.ptr != NULL ? n->key_off :
	    n->off, line, col);
}

int
fl_json_file_error(struct fl_json_file *f, uint32_t node, bool key,
    const char *fmt, ...)
{
	char msg[768];
	uint32_t line, col;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fl_json_file_linecol(f, node, key, &line, &col);
	return fl_error_set(FL_ECONFIG, "%s:%u:%u: %s", f->src.path, line, col,
	    msg);
}
