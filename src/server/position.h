/*
 * LSP positions: 0-based lines and columns in UTF-16 code units, as
 * the protocol requires (positionEncoding "utf-16"), converted from and
 * to byte offsets in a document's UTF-8 text.  Lines end at "\n" (a
 * "\r" before it belongs to the line break, not to a column).
 */
#ifndef FL_SERVER_POSITION_H
#define FL_SERVER_POSITION_H

#include <stddef.h>
#include <stdint.h>

#include "util/str.h"

struct fl_buf;

struct fl_lsp_lines {
	const char *text;	/* borrowed */
	size_t len;
	uint32_t *start;	/* owned: offset of each line's first byte */
	uint32_t n;
};

void fl_lsp_lines_init(struct fl_lsp_lines *l, const char *text, size_t len);
void fl_lsp_lines_release(struct fl_lsp_lines *l);

/* The byte offset of an LSP position; clamped to the line's end and
 * the text's, and never inside a UTF-8 sequence. */
size_t fl_lsp_offset(const struct fl_lsp_lines *l, uint32_t line,
    uint32_t character);

/* Appends the range from byte `off` to byte `end` as an LSP Range. */
void fl_lsp_add_range(struct fl_buf *out, const struct fl_lsp_lines *l,
    size_t off, size_t end);

/*
 * Appends the TextEdit that turns the text of `l` into `to`: one
 * replacement of what lies between their common prefix and suffix,
 * both cut back to character boundaries and never splitting "\r\n".
 */
void fl_lsp_add_text_edit(struct fl_buf *out, const struct fl_lsp_lines *l,
    struct fl_str to);

#endif
