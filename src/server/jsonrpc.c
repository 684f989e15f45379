/*
 * JSON-RPC envelopes.  The body is parsed whole with the position-exact
 * parser; an id is echoed back as the exact text it was sent as.
 */
#include "server/jsonrpc.h"

#include <stdarg.h>
#include <stdlib.h>

#include "util/buf.h"

int
fl_rpc_parse(struct fl_rpc_msg *m, struct fl_arena *a, const char *body,
    size_t len, const char **why)
{
	struct fl_json_error err;
	uint32_t id, method, version;

	m->id = (struct fl_str){ NULL, 0 };
	m->method = (struct fl_str){ NULL, 0 };
	m->params = FL_JSON_NONE;
	if (fl_json_parse(&m->doc, a, body, len, &err) != 0) {
		*why = "the message is not valid JSON";
		return FL_RPC_PARSE_ERROR;
	}
	if (!fl_json_is(&m->doc, FL_JSON_ROOT, FL_JSON_OBJECT)) {
		*why = "the message is not a JSON object";
		return FL_RPC_INVALID_REQUEST;
	}
	id = fl_json_get(&m->doc, FL_JSON_ROOT, "id");
	if (fl_json_is(&m->doc, id, FL_JSON_NUMBER) ||
	    fl_json_is(&m->doc, id, FL_JSON_STRING))
		m->id = fl_str_make(body + m->doc.nodes[id].off,
		    m->doc.nodes[id].len);
	method = fl_json_get(&m->doc, FL_JSON_ROOT, "method");
	if (method != FL_JSON_NONE && !fl_json_is(&m->doc, method,
	    FL_JSON_STRING)) {
		*why = "method is not a string";
		return FL_RPC_INVALID_REQUEST;
	}
	if (id != FL_JSON_NONE && m->id.ptr == NULL) {
		*why = "id is neither a number nor a string";
		return FL_RPC_INVALID_REQUEST;
	}
	m->method = fl_json_string(&m->doc, method);
	version = fl_json_get(&m->doc, FL_JSON_ROOT, "jsonrpc");
	if (!fl_str_eq_cstr(fl_json_string(&m->doc, version), "2.0")) {
		*why = "jsonrpc is not \"2.0\"";
		return FL_RPC_INVALID_REQUEST;
	}
	m->params = fl_json_get(&m->doc, FL_JSON_ROOT, "params");
	return 0;
}

static void
add_id(struct fl_buf *out, struct fl_str id)
{
	fl_buf_adds(out, "{\"jsonrpc\":\"2.0\",\"id\":");
	if (id.ptr != NULL)
		fl_buf_addstr(out, id);
	else
		fl_buf_adds(out, "null");
}

void
fl_rpc_result(struct fl_buf *out, struct fl_str id, struct fl_str result)
{
	fl_buf_reset(out);
	add_id(out, id);
	fl_buf_adds(out, ",\"result\":");
	fl_buf_addstr(out, result);
	fl_buf_addch(out, '}');
}

void
fl_rpc_error(struct fl_buf *out, struct fl_str id, int code,
    const char *message)
{
	fl_buf_reset(out);
	add_id(out, id);
	fl_buf_addf(out, ",\"error\":{\"code\":%d,\"message\":", code);
	fl_buf_add_json_string(out, fl_str_cstr(message));
	fl_buf_adds(out, "}}");
}

void
fl_rpc_call(struct fl_buf *out, struct fl_str id, const char *method,
    struct fl_str params)
{
	fl_buf_reset(out);
	fl_buf_adds(out, "{\"jsonrpc\":\"2.0\",");
	if (id.ptr != NULL) {
		fl_buf_adds(out, "\"id\":");
		fl_buf_addstr(out, id);
		fl_buf_addch(out, ',');
	}
	fl_buf_adds(out, "\"method\":");
	fl_buf_add_json_string(out, fl_str_cstr(method));
	fl_buf_adds(out, ",\"params\":");
	fl_buf_addstr(out, params);
	fl_buf_addch(out, '}');
}

uint32_t
fl_rpc_path(const struct fl_rpc_msg *m, uint32_t from, ...)
{
	const char *key;
	uint32_t n = from;
	va_list ap;

	va_start(ap, from);
	while (n != FL_JSON_NONE && (key = va_arg(ap, const char *)) != NULL)
		n = fl_json_is(&m->doc, n, FL_JSON_OBJECT) ?
		    fl_json_get(&m->doc, n, key) : FL_JSON_NONE;
	va_end(ap);
	return n;
}

struct fl_str
fl_rpc_string(const struct fl_rpc_msg *m, uint32_t node)
{
	return fl_json_string(&m->doc, node);
}

long long
fl_rpc_uint(const struct fl_rpc_msg *m, uint32_t node)
{
	struct fl_str s;
	long long v = 0;
	size_t i;

	if (!fl_json_is(&m->doc, node, FL_JSON_NUMBER))
		return -1;
	s = m->doc.nodes[node].str;
	if (s.len == 0 || s.len > 15)
		return -1;
	for (i = 0; i < s.len; i++) {
		if (s.ptr[i] < '0' || s.ptr[i] > '9')
			return -1;
		v = v * 10 + (s.ptr[i] - '0');
	}
	return v;
}
