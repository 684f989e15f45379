/*
 * JSON-RPC 2.0 as LSP uses it: reading a message's envelope with our
 * own parser, and writing responses, errors and notifications.
 */
#ifndef FL_SERVER_JSONRPC_H
#define FL_SERVER_JSONRPC_H

#include <stdbool.h>

#include "json/json.h"
#include "util/str.h"

struct fl_arena;
struct fl_buf;

/* Error codes (JSON-RPC's and LSP's). */
enum fl_rpc_code {
	FL_RPC_PARSE_ERROR = -32700,
	FL_RPC_INVALID_REQUEST = -32600,
	FL_RPC_METHOD_NOT_FOUND = -32601,
	FL_RPC_INVALID_PARAMS = -32602,
	FL_RPC_INTERNAL_ERROR = -32603,
	FL_RPC_SERVER_NOT_INITIALIZED = -32002,
	FL_RPC_REQUEST_CANCELLED = -32800,
};

struct fl_rpc_msg {
	struct fl_json_doc doc;	/* the parsed body (borrows its text) */
	struct fl_str id;	/* the id's JSON text ("7", "\"a\""), or
				   {NULL, 0} for a notification */
	struct fl_str method;	/* decoded; {NULL, 0} for a response */
	uint32_t params;	/* node, or FL_JSON_NONE */
};

/*
 * Reads the envelope of `len` bytes of `body` (which must outlive `m`).
 * Returns 0, or the error code to answer with (the id, when one could
 * be read, is set) and the reason in `why`.
 */
int fl_rpc_parse(struct fl_rpc_msg *m, struct fl_arena *a, const char *body,
    size_t len, const char **why);

/* Whether `m` is a request (has a method and an id). */
static inline bool
fl_rpc_is_request(const struct fl_rpc_msg *m)
{
	return m->method.ptr != NULL && m->id.ptr != NULL;
}

/* Sets `out` to a response to request `id` whose result is the JSON
 * text `result`. */
void fl_rpc_result(struct fl_buf *out, struct fl_str id, struct fl_str result);
/* Sets `out` to an error response (id {NULL, 0}: null). */
void fl_rpc_error(struct fl_buf *out, struct fl_str id, int code,
    const char *message);
/* Sets `out` to a notification or (id set) a request of our own. */
void fl_rpc_call(struct fl_buf *out, struct fl_str id, const char *method,
    struct fl_str params);

/* Lookups in a message's params, by a path of keys ("textDocument",
 * "uri", NULL); FL_JSON_NONE when a step is missing. */
uint32_t fl_rpc_path(const struct fl_rpc_msg *m, uint32_t from, ...);
/* The string at `node`, or {NULL, 0}. */
struct fl_str fl_rpc_string(const struct fl_rpc_msg *m, uint32_t node);
/* The non-negative integer at `node`, or -1 when it is not one. */
long long fl_rpc_uint(const struct fl_rpc_msg *m, uint32_t node);

#endif
