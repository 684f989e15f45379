/*
 * Unit tests for the server's pieces that are pure functions: LSP
 * positions in UTF-16 code units (characters outside the BMP count two,
 * "\r\n" ends a line, ill-formed bytes count one), the single edit
 * between two texts, file URIs, and the base protocol's framing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "server/position.h"
#include "server/transport.h"
#include "server/uri.h"
#include "util/buf.h"

/* "é" is 2 bytes and 1 unit, "😀" 4 bytes and 2 units. */
static const char text[] = "a\xc3\xa9\xf0\x9f\x98\x80z\r\nsecond\n";

static void
range_of(const char *t, size_t off, size_t end, const char *want)
{
	struct fl_lsp_lines l;
	struct fl_buf b = FL_BUF_INIT;

	fl_lsp_lines_init(&l, t, strlen(t));
	fl_lsp_add_range(&b, &l, off, end);
	assert_string_equal(b.ptr, want);
	fl_buf_release(&b);
	fl_lsp_lines_release(&l);
}

static void
test_server__ranges_count_utf16_units(void **state)
{
	range_of(text, 0, 1, "{\"start\":{\"line\":0,\"character\":0},"
	    "\"end\":{\"line\":0,\"character\":1}}");
	/* After "a", "é" and "😀": 1 + 1 + 2 units. */
	range_of(text, 7, 8, "{\"start\":{\"line\":0,\"character\":4},"
	    "\"end\":{\"line\":0,\"character\":5}}");
	/* The "\r" of "\r\n" is not a column; the next line starts at 0. */
	range_of(text, 9, 10, "{\"start\":{\"line\":0,\"character\":5},"
	    "\"end\":{\"line\":1,\"character\":0}}");
	/* Past the end: clamped to the end, on the empty last line. */
	range_of(text, 100, 100, "{\"start\":{\"line\":2,\"character\":0},"
	    "\"end\":{\"line\":2,\"character\":0}}");
	/* A stray continuation byte counts one unit, as its U+FFFD would. */
	range_of("\x80x", 1, 2, "{\"start\":{\"line\":0,\"character\":1},"
	    "\"end\":{\"line\":0,\"character\":2}}");
}

static void
test_server__offsets_from_positions(void **state)
{
	struct fl_lsp_lines l;

	fl_lsp_lines_init(&l, text, strlen(text));
	assert_int_equal(fl_lsp_offset(&l, 0, 0), 0);
	assert_int_equal(fl_lsp_offset(&l, 0, 2), 3);
	assert_int_equal(fl_lsp_offset(&l, 0, 4), 7);
	/* Inside the surrogate pair: not inside the UTF-8 sequence. */
	assert_int_equal(fl_lsp_offset(&l, 0, 3), 7);
	/* Past the line's end: before its "\r\n". */
	assert_int_equal(fl_lsp_offset(&l, 0, 99), 8);
	assert_int_equal(fl_lsp_offset(&l, 1, 3), 13);
	assert_int_equal(fl_lsp_offset(&l, 9, 0), strlen(text));
	fl_lsp_lines_release(&l);
}

static void
edit_of(const char *from, const char *to, const char *want)
{
	struct fl_lsp_lines l;
	struct fl_buf b = FL_BUF_INIT;

	fl_lsp_lines_init(&l, from, strlen(from));
	fl_lsp_add_text_edit(&b, &l, fl_str_cstr(to));
	assert_string_equal(b.ptr, want);
	fl_buf_release(&b);
	fl_lsp_lines_release(&l);
}

static void
test_server__one_edit_between_texts(void **state)
{
	edit_of("{\"a\": 1}\n", "{\"a\": 2}\n", "{\"range\":{\"start\":"
	    "{\"line\":0,\"character\":6},\"end\":{\"line\":0,\"character\":7}},"
	    "\"newText\":\"2\"}");
	/* "é" to "è" share their first byte: the edit takes the character. */
	edit_of("x\xc3\xa9", "x\xc3\xa8", "{\"range\":{\"start\":"
	    "{\"line\":0,\"character\":1},\"end\":{\"line\":0,\"character\":2}},"
	    "\"newText\":\"\xc3\xa8\"}");
	/* Never between "\r" and "\n". */
	edit_of("a\r\nb", "a\nb", "{\"range\":{\"start\":"
	    "{\"line\":0,\"character\":1},\"end\":{\"line\":1,\"character\":0}},"
	    "\"newText\":\"\\n\"}");
}

static void
test_server__file_uris(void **state)
{
	char *p;

	p = fl_uri_to_path(fl_str_cstr("file:///a/b%20c/d%C3%A9.json"));
	assert_string_equal(p, "/a/b c/d\xc3\xa9.json");
	free(p);
	p = fl_uri_to_path(fl_str_cstr("file://localhost/x.json"));
	assert_string_equal(p, "/x.json");
	free(p);
	assert_null(fl_uri_to_path(fl_str_cstr("untitled:Untitled-1")));
	assert_null(fl_uri_to_path(fl_str_cstr("file://host/x.json")));
	assert_null(fl_uri_to_path(fl_str_cstr("file:///a%00b")));
}

/* Messages split across reads, a bad header, then the end. */
static void
test_server__framing(void **state)
{
	static const char stream[] =
	    "Content-Length: 2\r\n\r\n{}"
	    "content-length:3\r\nContent-Type: x\r\n\r\n[1]"
	    "Content-Length: abc\r\n\r\n"
	    "Content-Length: 4\r\n\r\nnull";
	struct fl_lsp_transport t;
	struct fl_buf body = FL_BUF_INIT;
	size_t first = strlen("Content-Length: 2\r\n\r\n{}");
	size_t rest = sizeof(stream) - 1 - first, i;
	int fds[2];

	assert_int_equal(pipe(fds), 0);
	fl_lsp_transport_init(&t, fds[0], -1);
	/* One byte at a time: nothing is complete until its last byte. */
	for (i = 0; i < first; i++) {
		assert_int_equal(write(fds[1], stream + i, 1), 1);
		assert_int_equal(fl_lsp_read(&t, &body, 0),
		    i == first - 1 ? FL_LSP_MESSAGE : FL_LSP_TIMEOUT);
	}
	assert_string_equal(body.ptr, "{}");
	assert_int_equal(write(fds[1], stream + first, rest), (ssize_t)rest);
	close(fds[1]);
	assert_int_equal(fl_lsp_read(&t, &body, -1), FL_LSP_MESSAGE);
	assert_string_equal(body.ptr, "[1]");
	assert_int_equal(fl_lsp_read(&t, &body, -1), FL_LSP_MESSAGE);
	assert_string_equal(body.ptr, "null");
	assert_int_equal(fl_lsp_read(&t, &body, -1), FL_LSP_CLOSED);
	fl_buf_release(&body);
	fl_lsp_transport_release(&t);
	close(fds[0]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_server__ranges_count_utf16_units),
		cmocka_unit_test(test_server__offsets_from_positions),
		cmocka_unit_test(test_server__one_edit_between_texts),
		cmocka_unit_test(test_server__file_uris),
		cmocka_unit_test(test_server__framing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
