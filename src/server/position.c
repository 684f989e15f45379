/*
 * Byte offsets and LSP positions.
 */
#include "server/position.h"

#include <stdlib.h>

#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

void
fl_lsp_lines_init(struct fl_lsp_lines *l, const char *text, size_t len)
{
	size_t i, alloc = 16;

	l->text = text;
	l->len = len;
	l->start = fl_xmalloc(alloc * sizeof(*l->start));
	l->start[0] = 0;
	l->n = 1;
	for (i = 0; i < len; i++) {
		if (text[i] != '\n')
			continue;
		if (l->n == alloc) {
			alloc *= 2;
			l->start = fl_xrealloc(l->start,
			    alloc * sizeof(*l->start));
		}
		l->start[l->n++] = (uint32_t)(i + 1);
	}
}

void
fl_lsp_lines_release(struct fl_lsp_lines *l)
{
	free(l->start);
	l->start = NULL;
	l->n = 0;
}

/* The end of line `i`'s characters: before its "\n" or "\r\n". */
static size_t
line_end(const struct fl_lsp_lines *l, uint32_t i)
{
	size_t end = i + 1 < l->n ? l->start[i + 1] - 1 : l->len;

	if (end > l->start[i] && i + 1 < l->n && l->text[end - 1] == '\r')
		end--;
	return end;
}

size_t
fl_lsp_offset(const struct fl_lsp_lines *l, uint32_t line, uint32_t character)
{
	size_t off, end, seq;
	uint32_t units = 0;

	if (line >= l->n)
		return l->len;
	off = l->start[line];
	end = line_end(l, line);
	while (off < end && units < character) {
		seq = fl_utf8_seq_len(l->text + off, end - off);
		units += seq == 4 ? 2 : 1;
		off += seq == 0 ? 1 : seq;
	}
	return off;
}

/* Appends {"line":…,"character":…} for byte `off`. */
static void
add_position(struct fl_buf *out, const struct fl_lsp_lines *l, size_t off)
{
	uint32_t lo = 0, hi = l->n, mid;
	size_t end;

	if (off > l->len)
		off = l->len;
	while (hi - lo > 1) {		/* the last line starting at or
					   before off */
		mid = lo + (hi - lo) / 2;
		if (l->start[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	end = line_end(l, lo);
	fl_buf_addf(out, "{\"line\":%u,\"character\":%zu}", lo,
	    fl_utf8_utf16_len(l->text + l->start[lo],
	    (off < end ? off : end) - l->start[lo]));
}

void
fl_lsp_add_range(struct fl_buf *out, const struct fl_lsp_lines *l,
    size_t off, size_t end)
{
	fl_buf_adds(out, "{\"start\":");
	add_position(out, l, off);
	fl_buf_adds(out, ",\"end\":");
	add_position(out, l, end);
	fl_buf_addch(out, '}');
}

void
fl_lsp_add_text_edit(struct fl_buf *out, const struct fl_lsp_lines *l,
    struct fl_str to)
{
	size_t pre, suf;

	fl_utf8_common_ends(l->text, l->len, to.ptr, to.len, &pre, &suf);
	fl_buf_adds(out, "{\"range\":");
	fl_lsp_add_range(out, l, pre, l->len - suf);
	fl_buf_adds(out, ",\"newText\":");
	fl_utf8_add_json_string(out, fl_str_make(to.ptr + pre, to.len - suf - pre));
	fl_buf_addch(out, '}');
}
