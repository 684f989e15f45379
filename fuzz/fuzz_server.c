/*
 * Fuzz target: `flowlint server` on one input stream.  An input that
 * starts like a framed message is the client's whole byte stream, as
 * is (mutated JSON-RPC: broken headers, lengths, envelopes, methods out
 * of order).  Any other input is a document: it is wrapped in a session
 * that opens it, changes it, asks for hover, code actions and
 * formatting, and shuts down.  The server must end, with 0 or 1, and
 * never crash; it writes to /dev/null.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "fuzz.h"
#include "server/server.h"
#include "util/buf.h"
#include "util/utf8.h"

/* An empty folder for the workspace root (no configuration, no
 * inventory), made once. */
static const char *
root(void)
{
	static char dir[] = "/tmp/flowlint-fuzz-server-XXXXXX";
	static const char *made;

	if (made == NULL)
		made = mkdtemp(dir);
	FL_FUZZ_CHECK(made != NULL);
	return made;
}

static void
frame(struct fl_buf *out, const struct fl_buf *body)
{
	fl_buf_addf(out, "Content-Length: %zu\r\n\r\n", body->len);
	fl_buf_add(out, body->ptr, body->len);
}

/* Appends a session around the document text t[0..n). */
static void
session(struct fl_buf *out, const char *t, size_t n)
{
	struct fl_buf b = FL_BUF_INIT, text = FL_BUF_INIT;
	const char *pos = "{\"line\":0,\"character\":3}";
	char uri[128];

	snprintf(uri, sizeof(uri), "file://%s/flow.json", root());
	fl_utf8_add_json_string(&text, fl_str_make(t, n));
	fl_buf_addf(&b, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
	    "\"params\":{\"rootUri\":\"file://%s\",\"capabilities\":{}}}",
	    root());
	frame(out, &b);
	fl_buf_reset(&b);
	fl_buf_addf(&b, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\","
	    "\"params\":{\"textDocument\":{\"uri\":\"%s\",\"version\":1,"
	    "\"text\":%s}}}", uri, text.ptr);
	frame(out, &b);
	fl_buf_reset(&b);
	fl_buf_addf(&b, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":"
	    "\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":"
	    "\"%s\"},\"position\":%s}}", uri, pos);
	frame(out, &b);
	fl_buf_reset(&b);
	fl_buf_addf(&b, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":"
	    "\"textDocument/codeAction\",\"params\":{\"textDocument\":{\"uri\":"
	    "\"%s\"},\"range\":{\"start\":{\"line\":0,\"character\":0},"
	    "\"end\":{\"line\":99999,\"character\":0}},\"context\":"
	    "{\"diagnostics\":[]}}}", uri);
	frame(out, &b);
	fl_buf_reset(&b);
	fl_buf_addf(&b, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/"
	    "didChange\",\"params\":{\"textDocument\":{\"uri\":\"%s\","
	    "\"version\":2},\"contentChanges\":[{\"text\":%s}]}}", uri,
	    text.ptr);
	frame(out, &b);
	fl_buf_reset(&b);
	fl_buf_addf(&b, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":"
	    "\"textDocument/formatting\",\"params\":{\"textDocument\":{\"uri\":"
	    "\"%s\"},\"options\":{}}}", uri);
	frame(out, &b);
	fl_buf_reset(&b);
	fl_buf_adds(&b, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"shutdown\"}");
	frame(out, &b);
	fl_buf_reset(&b);
	fl_buf_adds(&b, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
	frame(out, &b);
	fl_buf_release(&b);
	fl_buf_release(&text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int null_fd = -1;
	struct fl_buf stream = FL_BUF_INIT;
	struct fl_server_options o;
	FILE *in;
	int rc;

	if (null_fd < 0)
		null_fd = open("/dev/null", O_WRONLY);
	FL_FUZZ_CHECK(null_fd >= 0);
	if (size >= 15 && memcmp(data, "Content-Length:", 15) == 0)
		fl_buf_add(&stream, data, size);
	else
		session(&stream, (const char *)data, size);
	in = tmpfile();
	FL_FUZZ_CHECK(in != NULL);
	FL_FUZZ_CHECK(fwrite(stream.ptr, 1, stream.len, in) == stream.len);
	FL_FUZZ_CHECK(fflush(in) == 0 && fseek(in, 0, SEEK_SET) == 0);
	o.in = fileno(in);
	o.out = null_fd;
	o.debounce_ms = 0;
	o.config = NULL;
	rc = fl_server_run(&o);
	FL_FUZZ_CHECK(rc == 0 || rc == 1);
	fclose(in);
	fl_buf_release(&stream);
	return 0;
}
