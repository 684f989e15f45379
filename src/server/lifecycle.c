/*
 * initialize, initialized and shutdown (exit is the loop's).  The
 * capabilities say what the handlers serve, no more: full document
 * sync, code actions (quick fixes and fix-all), formatting and hover.
 */
#include <stdlib.h>
#include <string.h>

#include "server/session.h"
#include "server/uri.h"
#include "util/error.h"
#include "util/xalloc.h"

/* The workspace root the client names: the first workspace folder,
 * else rootUri, else rootPath; NULL for none (the current folder). */
static char *
client_root(const struct fl_rpc_msg *m)
{
	uint32_t folders = fl_rpc_path(m, m->params, "workspaceFolders", NULL);
	struct fl_str path;
	char *root = NULL;

	if (fl_json_is(&m->doc, folders, FL_JSON_ARRAY))
		root = fl_uri_to_path(fl_rpc_string(m, fl_rpc_path(m,
		    fl_json_first(&m->doc, folders), "uri", NULL)));
	if (root == NULL)
		root = fl_uri_to_path(fl_rpc_string(m, fl_rpc_path(m,
		    m->params, "rootUri", NULL)));
	path = fl_rpc_string(m, fl_rpc_path(m, m->params, "rootPath", NULL));
	if (root == NULL && path.len > 0 && memchr(path.ptr, '\0',
	    path.len) == NULL)
		root = fl_xstrndup(path.ptr, path.len);
	return root;
}

int
fl_lsp_initialize(struct fl_server *s, const struct fl_rpc_msg *m)
{
	char *root;

	if (!fl_json_is(&m->doc, m->params, FL_JSON_OBJECT)) {
		s->error = "initialize needs an InitializeParams object";
		return FL_RPC_INVALID_PARAMS;
	}
	root = client_root(m);
	if (fl_workspace_load(&s->ws, root) != 0) {
		fl_server_log("%s (no diagnostics until it is fixed and "
		    "saved)", fl_error_msg());
		fl_error_clear();
	}
	free(root);
	s->watch_files = fl_json_is(&m->doc, fl_rpc_path(m, m->params,
	    "capabilities", "workspace", "didChangeWatchedFiles",
	    "dynamicRegistration", NULL), FL_JSON_TRUE);
	s->phase = FL_PHASE_RUNNING;
	fl_buf_adds(&s->result, "{\"capabilities\":{"
	    "\"positionEncoding\":\"utf-16\","
	    "\"textDocumentSync\":{\"openClose\":true,\"change\":1,"
	    "\"save\":{\"includeText\":false}},"
	    "\"codeActionProvider\":{\"codeActionKinds\":[\"quickfix\","
	    "\"source.fixAll.flowlint\"]},"
	    "\"documentFormattingProvider\":true,"
	    "\"hoverProvider\":true},"
	    "\"serverInfo\":{\"name\":\"flowlint\",\"version\":\""
	    FLOWLINT_VERSION "\"}}");
	return 0;
}

void
fl_lsp_initialized(struct fl_server *s, const struct fl_rpc_msg *m)
{
	struct fl_buf out = FL_BUF_INIT;

	if (!s->watch_files)
		return;
	/* The configuration and every resource file the inventory reads. */
	fl_rpc_call(&out, FL_STR_LIT("\"flowlint/watch\""),
	    "client/registerCapability", FL_STR_LIT("{\"registrations\":[{"
	    "\"id\":\"flowlint/watch\","
	    "\"method\":\"workspace/didChangeWatchedFiles\","
	    "\"registerOptions\":{\"watchers\":["
	    "{\"globPattern\":\"**/.flowlint.json\"},"
	    "{\"globPattern\":\"**/*.json\"}]}}]}"));
	fl_lsp_write(&s->io, out.ptr, out.len);
	fl_buf_release(&out);
}

int
fl_lsp_shutdown(struct fl_server *s, const struct fl_rpc_msg *m)
{
	s->phase = FL_PHASE_SHUT_DOWN;
	fl_buf_adds(&s->result, "null");
	return 0;
}
