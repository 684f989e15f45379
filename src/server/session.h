/*
 * The server's state and what its handlers share (internal to
 * src/server/).  Each handler file serves one area of the protocol.
 */
#ifndef FL_SERVER_SESSION_H
#define FL_SERVER_SESSION_H

#include <stdbool.h>

#include "server/documents.h"
#include "server/jsonrpc.h"
#include "server/position.h"
#include "server/transport.h"
#include "server/workspace.h"
#include "util/buf.h"

struct fl_diag;
struct fl_rule;

#define FL_SERVER_MAX_CANCELLED 64

enum fl_server_phase {
	FL_PHASE_STARTING,	/* before initialize */
	FL_PHASE_RUNNING,
	FL_PHASE_SHUT_DOWN,	/* after shutdown: only exit is served */
};

struct fl_server {
	struct fl_lsp_transport io;
	struct fl_documents docs;
	struct fl_workspace ws;
	unsigned debounce_ms;
	enum fl_server_phase phase;
	bool exit;			/* exit received */
	bool watch_files;		/* the client registers file watchers */
	char *cancelled[FL_SERVER_MAX_CANCELLED];	/* ids (JSON text) of
					   requests cancelled before they
					   were served; owned, ring */
	unsigned ncancelled;
	struct fl_buf out;		/* the message being sent */
	struct fl_buf result;		/* a handler's result JSON */
	const char *error;		/* a handler's error message */
};

/*
 * A request handler sets s->result to its result's JSON and returns 0,
 * or returns an error code (enum fl_rpc_code) with s->error set.  A
 * notification handler returns nothing.
 */
typedef int fl_request_fn(struct fl_server *s, const struct fl_rpc_msg *m);
typedef void fl_notification_fn(struct fl_server *s,
    const struct fl_rpc_msg *m);

fl_request_fn fl_lsp_initialize, fl_lsp_shutdown, fl_lsp_code_action,
    fl_lsp_hover, fl_lsp_formatting;
fl_notification_fn fl_lsp_initialized, fl_lsp_did_open, fl_lsp_did_change,
    fl_lsp_did_save, fl_lsp_did_close, fl_lsp_did_change_watched_files;

/* Sends a notification whose params are the JSON text `params`. */
void fl_server_notify(struct fl_server *s, const char *method,
    struct fl_str params);
/* Logs to stderr, prefixed "flowlint server: ". */
void fl_server_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The open document params.textDocument.uri names, or NULL. */
struct fl_document *fl_server_document(struct fl_server *s,
    const struct fl_rpc_msg *m);

/* Lints `doc` now and publishes its diagnostics. */
void fl_server_publish(struct fl_server *s, struct fl_document *doc);
/* Reloads the workspace and marks every open document due. */
void fl_server_reload(struct fl_server *s);

/* The byte span a finding's range covers in its text: its value (or
 * key), or the one character at a point finding. */
void fl_server_diag_span(const struct fl_lsp_lines *l, const struct fl_diag *d,
    size_t *off, size_t *end);
/* Appends a finding as an LSP Diagnostic. */
void fl_server_add_diagnostic(struct fl_buf *out, const struct fl_lsp_lines *l,
    const struct fl_diag *d);

/* The rule page's address (codeDescription.href), fl_xmalloc'd. */
char *fl_server_rule_href(const struct fl_rule *r);

#endif
