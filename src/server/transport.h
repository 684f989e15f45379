/*
 * The LSP base protocol on a pair of file descriptors: messages framed
 * by a header block ("Content-Length: N\r\n", other fields ignored,
 * "\r\n") and N bytes of JSON.  Nothing here knows JSON-RPC.
 */
#ifndef FL_SERVER_TRANSPORT_H
#define FL_SERVER_TRANSPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

/* The largest message body read; a larger one is skipped unread. */
#define FL_LSP_MAX_MESSAGE (80u * 1024 * 1024)

struct fl_lsp_transport {
	int in, out;
	struct fl_buf inbuf;	/* bytes read and not yet consumed */
	size_t used;		/* consumed prefix of inbuf */
	size_t skip;		/* body bytes of an oversized message still
				   to drop */
	bool eof;		/* `in` reached its end or failed */
	bool broken;		/* writing to `out` failed: the client is
				   gone */
};

void fl_lsp_transport_init(struct fl_lsp_transport *t, int in, int out);
void fl_lsp_transport_release(struct fl_lsp_transport *t);

enum fl_lsp_read_status {
	FL_LSP_MESSAGE,		/* `body` holds the next message */
	FL_LSP_TIMEOUT,		/* none complete within the timeout */
	FL_LSP_CLOSED,		/* end of input: no more messages */
};

/*
 * Waits up to `timeout_ms` (negative: for ever; 0: takes only what is
 * already there) for the next whole message and sets `body` to it.  A
 * header block without a usable Content-Length is dropped with a note
 * on stderr, as is an oversized body.
 */
enum fl_lsp_read_status fl_lsp_read(struct fl_lsp_transport *t,
    struct fl_buf *body, int timeout_ms);

/* Monotonic milliseconds: the clock read timeouts and debouncing use. */
long long fl_lsp_now_ms(void);

/* Frames and writes one message; on failure marks the transport broken. */
void fl_lsp_write(struct fl_lsp_transport *t, const char *body, size_t len);

#endif
