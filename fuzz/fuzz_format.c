/*
 * Fuzz target: `format` on one input.  When it formats, the output
 * parses as JSON and formatting it again gives the same bytes (format
 * twice equals format once); a refusal says where and why.
 */
#include <stdint.h>
#include <string.h>

#include "format/format.h"
#include "fuzz.h"
#include "json/json.h"
#include "util/arena.h"
#include "util/buf.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fl_buf once = FL_BUF_INIT, twice = FL_BUF_INIT;
	struct fl_format_info info, info2;
	struct fl_json_error err;
	struct fl_json_doc doc;
	struct fl_arena a, b, c;

	fl_arena_init(&a);
	if (fl_format(&once, &info, &a, (const char *)data, size) != 0) {
		FL_FUZZ_CHECK(info.err_msg[0] != '\0');
		FL_FUZZ_CHECK(info.err_off <= size);
		goto done;
	}
	fl_arena_init(&b);
	FL_FUZZ_CHECK(fl_json_parse(&doc, &b, once.ptr, once.len, &err) == 0);
	fl_arena_release(&b);
	fl_arena_init(&c);
	FL_FUZZ_CHECK(fl_format(&twice, &info2, &c, once.ptr, once.len) == 0);
	FL_FUZZ_CHECK(twice.len == once.len &&
	    memcmp(twice.ptr, once.ptr, once.len) == 0);
	fl_arena_release(&c);
done:
	fl_arena_release(&a);
	fl_buf_release(&once);
	fl_buf_release(&twice);
	return 0;
}
