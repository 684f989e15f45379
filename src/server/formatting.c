/*
 * textDocument/formatting: the canonical layout `flowlint format`
 * writes, as one edit.  A text the printer refuses (not JSON, a
 * duplicate key) and a file that is not a flow are left as they are:
 * no edits, no error, the reason on stderr.
 */
#include <string.h>

#include "format/format.h"
#include "server/session.h"
#include "util/arena.h"

int
fl_lsp_formatting(struct fl_server *s, const struct fl_rpc_msg *m)
{
	struct fl_document *doc = fl_server_document(s, m);
	struct fl_buf out = FL_BUF_INIT;
	struct fl_format_info info;
	struct fl_lsp_lines lines;
	struct fl_arena a;

	fl_buf_adds(&s->result, "[");
	if (doc == NULL || !fl_document_is_checked(doc)) {
		fl_buf_adds(&s->result, "]");
		return 0;
	}
	fl_arena_init(&a);
	if (fl_format(&out, &info, &a, doc->text, doc->len) != 0) {
		fl_server_log("%s: not formatted: %s", doc->uri, info.err_msg);
	} else if (info.shape != FL_SHAPE_NOT_FLOW &&
	    (out.len != doc->len || memcmp(out.ptr, doc->text, out.len))) {
		fl_lsp_lines_init(&lines, doc->text, doc->len);
		fl_lsp_add_text_edit(&s->result, &lines, fl_buf_str(&out));
		fl_lsp_lines_release(&lines);
	}
	fl_buf_adds(&s->result, "]");
	fl_arena_release(&a);
	fl_buf_release(&out);
	return 0;
}
