/*
 * The server's loop: read what the client sent, serve it in order, and
 * lint documents whose edits have settled.  Single-threaded: a request
 * is answered before the next message is looked at, so cancellation
 * means answering a request that a $/cancelRequest already waiting in
 * the input names with RequestCancelled instead of serving it.
 */
#include "server/server.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/session.h"
#include "util/arena.h"
#include "util/error.h"
#include "util/xalloc.h"

struct handler {
	const char *method;
	fl_request_fn *request;		/* one of the two is set */
	fl_notification_fn *notification;
};

static const struct handler handlers[] = {
	{ "initialize", fl_lsp_initialize, NULL },
	{ "initialized", NULL, fl_lsp_initialized },
	{ "shutdown", fl_lsp_shutdown, NULL },
	{ "textDocument/didOpen", NULL, fl_lsp_did_open },
	{ "textDocument/didChange", NULL, fl_lsp_did_change },
	{ "textDocument/didSave", NULL, fl_lsp_did_save },
	{ "textDocument/didClose", NULL, fl_lsp_did_close },
	{ "workspace/didChangeWatchedFiles", NULL,
	  fl_lsp_did_change_watched_files },
	{ "textDocument/codeAction", fl_lsp_code_action, NULL },
	{ "textDocument/hover", fl_lsp_hover, NULL },
	{ "textDocument/formatting", fl_lsp_formatting, NULL },
};

/* Messages read ahead of the one being served, oldest first. */
struct queue {
	struct fl_buf *v;
	size_t head, n, alloc;
};

void
fl_server_log(const char *fmt, ...)
{
	va_list ap;

	fputs("flowlint server: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void
send(struct fl_server *s)
{
	fl_lsp_write(&s->io, s->out.ptr, s->out.len);
}

void
fl_server_notify(struct fl_server *s, const char *method, struct fl_str params)
{
	fl_rpc_call(&s->out, (struct fl_str){ NULL, 0 }, method, params);
	send(s);
}

static void
reply_error(struct fl_server *s, struct fl_str id, int code, const char *msg)
{
	fl_rpc_error(&s->out, id, code, msg);
	send(s);
}

/* Remembers the id a $/cancelRequest names, when `body` is one. */
static void
note_cancel(struct fl_server *s, const struct fl_buf *body)
{
	struct fl_arena a;
	struct fl_rpc_msg m;
	const char *why;
	uint32_t id;
	unsigned slot;

	if (strstr(body->ptr, "$/cancelRequest") == NULL)
		return;
	fl_arena_init(&a);
	if (fl_rpc_parse(&m, &a, body->ptr, body->len, &why) == 0 &&
	    fl_str_eq_cstr(m.method, "$/cancelRequest")) {
		id = fl_rpc_path(&m, m.params, "id", NULL);
		if (fl_json_is(&m.doc, id, FL_JSON_NUMBER) ||
		    fl_json_is(&m.doc, id, FL_JSON_STRING)) {
			slot = s->ncancelled++ % FL_SERVER_MAX_CANCELLED;
			free(s->cancelled[slot]);
			s->cancelled[slot] = fl_xstrndup(body->ptr +
			    m.doc.nodes[id].off, m.doc.nodes[id].len);
		}
	}
	fl_arena_release(&a);
}

/* Whether request `id` was cancelled; forgets the cancellation. */
static bool
take_cancel(struct fl_server *s, struct fl_str id)
{
	unsigned i;

	for (i = 0; i < FL_SERVER_MAX_CANCELLED; i++) {
		if (s->cancelled[i] != NULL &&
		    fl_str_eq_cstr(id, s->cancelled[i])) {
			free(s->cancelled[i]);
			s->cancelled[i] = NULL;
			return true;
		}
	}
	return false;
}

static const struct handler *
find_handler(struct fl_str method)
{
	size_t i;

	for (i = 0; i < sizeof(handlers) / sizeof(handlers[0]); i++)
		if (fl_str_eq_cstr(method, handlers[i].method))
			return &handlers[i];
	return NULL;
}

static void
serve_request(struct fl_server *s, const struct fl_rpc_msg *m,
    const struct handler *h)
{
	int code;

	if (take_cancel(s, m->id)) {
		reply_error(s, m->id, FL_RPC_REQUEST_CANCELLED,
		    "the request was cancelled");
		return;
	}
	if (h == NULL || h->request == NULL) {
		reply_error(s, m->id, FL_RPC_METHOD_NOT_FOUND,
		    "flowlint does not serve this method");
		return;
	}
	if (s->phase == FL_PHASE_STARTING && h->request != fl_lsp_initialize) {
		reply_error(s, m->id, FL_RPC_SERVER_NOT_INITIALIZED,
		    "the server is not initialized");
		return;
	}
	if (s->phase != FL_PHASE_STARTING && h->request == fl_lsp_initialize) {
		reply_error(s, m->id, FL_RPC_INVALID_REQUEST,
		    "the server is already initialized");
		return;
	}
	if (s->phase == FL_PHASE_SHUT_DOWN) {
		reply_error(s, m->id, FL_RPC_INVALID_REQUEST,
		    "the server is shut down");
		return;
	}
	fl_buf_reset(&s->result);
	s->error = NULL;
	code = h->request(s, m);
	if (code != 0) {
		reply_error(s, m->id, code, s->error != NULL ? s->error :
		    "the request failed");
		return;
	}
	fl_rpc_result(&s->out, m->id, fl_buf_str(&s->result));
	send(s);
}

/* Serves one message, whatever it holds. */
static void
serve(struct fl_server *s, const struct fl_buf *body)
{
	const struct handler *h;
	struct fl_rpc_msg m;
	struct fl_arena a;
	const char *why;
	int code;

	fl_arena_init(&a);
	code = fl_rpc_parse(&m, &a, body->ptr, body->len, &why);
	if (code != 0) {
		fl_server_log("%s", why);
		/* A request gets an answer, and so does what cannot be told
		 * from one; a notification or a response does not. */
		if ((m.method.ptr == NULL) == (m.id.ptr == NULL))
			reply_error(s, m.id, code, why);
		goto done;
	}
	if (m.method.ptr == NULL)	/* a response to our request */
		goto done;
	h = find_handler(m.method);
	if (m.id.ptr != NULL) {
		serve_request(s, &m, h);
	} else if (fl_str_eq_cstr(m.method, "exit")) {
		s->exit = true;
	} else if (h != NULL && h->notification != NULL &&
	    s->phase == FL_PHASE_RUNNING) {
		h->notification(s, &m);
	}
	/* Other notifications ($/..., unknown, early or late) are dropped. */
done:
	fl_arena_release(&a);
}

/* Lints every document whose edits have settled; returns how long
 * until the next one is due (-1: none). */
static int
lint_due(struct fl_server *s)
{
	long long now = fl_lsp_now_ms(), next = -1;
	size_t i;

	for (i = 0; i < s->docs.n; i++) {
		struct fl_document *d = &s->docs.v[i];

		if (d->lint_at < 0)
			continue;
		if (d->lint_at <= now) {
			fl_server_publish(s, d);
			continue;
		}
		if (next < 0 || d->lint_at < next)
			next = d->lint_at;
	}
	return next < 0 ? -1 : (int)(next - now);
}

static struct fl_buf *
queue_push(struct queue *q)
{
	struct fl_buf *b;

	if (q->head + q->n == q->alloc) {
		if (q->head > 0) {
			memmove(q->v, q->v + q->head, q->n * sizeof(*q->v));
			q->head = 0;
		} else {
			q->alloc = q->alloc ? q->alloc * 2 : 8;
			q->v = fl_xrealloc(q->v, q->alloc * sizeof(*q->v));
		}
	}
	b = &q->v[q->head + q->n++];
	fl_buf_init(b);
	return b;
}

static void
queue_release(struct queue *q)
{
	size_t i;

	for (i = 0; i < q->n; i++)
		fl_buf_release(&q->v[q->head + i]);
	free(q->v);
}

/*
 * Reads everything the client has sent so far into `q`, waiting up to
 * `timeout_ms` for the first message.  Returns false at the end of
 * input.
 */
static bool
read_ahead(struct fl_server *s, struct queue *q, int timeout_ms)
{
	struct fl_buf *b;
	enum fl_lsp_read_status st;

	for (;;) {
		b = queue_push(q);
		st = fl_lsp_read(&s->io, b, q->n > 1 ? 0 : timeout_ms);
		if (st != FL_LSP_MESSAGE) {
			fl_buf_release(b);
			q->n--;
			return st != FL_LSP_CLOSED || q->n > 0;
		}
		note_cancel(s, b);
	}
}

int
fl_server_run(const struct fl_server_options *o)
{
	struct fl_server s;
	struct queue q = { 0 };
	unsigned i;
	int wait;

	memset(&s, 0, sizeof(s));
	/* A client that goes away must not kill us mid-write. */
	signal(SIGPIPE, SIG_IGN);
	fl_lsp_transport_init(&s.io, o->in, o->out);
	s.debounce_ms = o->debounce_ms;
	s.ws.config = o->config;
	fl_buf_init(&s.out);
	fl_buf_init(&s.result);
	while (!s.exit && !s.io.broken) {
		wait = lint_due(&s);
		if (!read_ahead(&s, &q, q.n > 0 ? 0 : wait))
			break;
		if (q.n == 0)
			continue;
		serve(&s, &q.v[q.head]);
		fl_buf_release(&q.v[q.head]);
		q.head++;
		q.n--;
	}
	if (!s.exit)
		fl_server_log(s.io.broken ? "the client stopped reading; "
		    "exiting" : "the client closed the connection; exiting");
	queue_release(&q);
	for (i = 0; i < FL_SERVER_MAX_CANCELLED; i++)
		free(s.cancelled[i]);
	fl_documents_release(&s.docs);
	fl_workspace_release(&s.ws);
	fl_buf_release(&s.out);
	fl_buf_release(&s.result);
	fl_lsp_transport_release(&s.io);
	return s.exit && s.phase == FL_PHASE_SHUT_DOWN ? 0 : 1;
}
