/*
 * Document synchronisation (full text on every change) and the events
 * that make the server reload its workspace.  A change is linted once
 * the edits have been quiet for the debounce time; opening and saving
 * lint at once.
 */
#include "server/session.h"

struct fl_document *
fl_server_document(struct fl_server *s, const struct fl_rpc_msg *m)
{
	struct fl_str uri = fl_rpc_string(m, fl_rpc_path(m, m->params,
	    "textDocument", "uri", NULL));

	return uri.ptr != NULL ? fl_documents_find(&s->docs, uri) : NULL;
}

void
fl_lsp_did_open(struct fl_server *s, const struct fl_rpc_msg *m)
{
	uint32_t td = fl_rpc_path(m, m->params, "textDocument", NULL);
	struct fl_str uri = fl_rpc_string(m, fl_rpc_path(m, td, "uri", NULL));
	struct fl_str text = fl_rpc_string(m, fl_rpc_path(m, td, "text",
	    NULL));
	struct fl_document *doc;

	if (uri.ptr == NULL || text.ptr == NULL) {
		fl_server_log("didOpen without a uri and a text; ignored");
		return;
	}
	doc = fl_documents_open(&s->docs, uri, text, fl_rpc_uint(m,
	    fl_rpc_path(m, td, "version", NULL)));
	fl_server_publish(s, doc);
}

void
fl_lsp_did_change(struct fl_server *s, const struct fl_rpc_msg *m)
{
	struct fl_document *doc = fl_server_document(s, m);
	uint32_t changes = fl_rpc_path(m, m->params, "contentChanges", NULL);
	uint32_t last = FL_JSON_NONE, it;
	struct fl_str text;

	if (doc == NULL) {
		fl_server_log("didChange for a document that is not open; "
		    "ignored");
		return;
	}
	if (fl_json_is(&m->doc, changes, FL_JSON_ARRAY))
		fl_json_foreach(&m->doc, changes, it)
			last = it;
	/* Full sync: the last change holds the whole text. */
	text = fl_rpc_string(m, fl_rpc_path(m, last, "text", NULL));
	if (text.ptr == NULL || fl_rpc_path(m, last, "range", NULL) !=
	    FL_JSON_NONE) {
		fl_server_log("didChange without the full text; ignored");
		return;
	}
	fl_documents_set_text(doc, text, fl_rpc_uint(m, fl_rpc_path(m,
	    m->params, "textDocument", "version", NULL)));
	doc->lint_at = fl_lsp_now_ms() + s->debounce_ms;
}

void
fl_lsp_did_save(struct fl_server *s, const struct fl_rpc_msg *m)
{
	/* A saved file may be configuration or an inventory resource. */
	fl_server_reload(s);
}

void
fl_lsp_did_close(struct fl_server *s, const struct fl_rpc_msg *m)
{
	struct fl_document *doc = fl_server_document(s, m);
	struct fl_buf params = FL_BUF_INIT;

	if (doc == NULL)
		return;
	/* Its findings go with it. */
	fl_buf_adds(&params, "{\"uri\":");
	fl_buf_add_json_string(&params, fl_str_cstr(doc->uri));
	fl_buf_adds(&params, ",\"diagnostics\":[]}");
	fl_server_notify(s, "textDocument/publishDiagnostics",
	    fl_buf_str(&params));
	fl_buf_release(&params);
	fl_documents_close(&s->docs, doc);
}

void
fl_lsp_did_change_watched_files(struct fl_server *s,
    const struct fl_rpc_msg *m)
{
	fl_server_reload(s);
}
