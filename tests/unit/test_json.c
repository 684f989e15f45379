/*
 * Unit tests for the JSON parser (src/json): node spans and links,
 * string decoding, every error class with its exact offset, duplicate
 * keys, number overflow, JSON Pointers and the decoded-offset map.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "json/json.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/xalloc.h"

struct fx {
	struct fl_arena arena;
	struct fl_json_doc doc;
	struct fl_json_error err;
};

static int
setup(void **state)
{
	struct fx *f = fl_xcalloc(1, sizeof(*f));

	fl_arena_init(&f->arena);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	fl_arena_release(&f->arena);
	free(f);
	return 0;
}

/* Parses a NUL-terminated text that must be valid. */
static const struct fl_json_doc *
parse_ok(struct fx *f, const char *text)
{
	int rc = fl_json_parse(&f->doc, &f->arena, text, strlen(text), &f->err);

	if (rc != 0)
		fail_msg("unexpected error at %zu: %s", f->err.off, f->err.msg);
	return &f->doc;
}

/* Parses `len` bytes that must fail at `off` with exactly `msg`. */
static void
check_error_n(struct fx *f, const char *text, size_t len, size_t off,
    const char *msg)
{
	int rc = fl_json_parse(&f->doc, &f->arena, text, len, &f->err);

	if (rc != -1)
		fail_msg("'%.*s' parsed but should fail", (int)len, text);
	if (f->err.off != off || strcmp(f->err.msg, msg) != 0)
		fail_msg("'%.*s': got error at %zu \"%s\", want %zu \"%s\"",
		    (int)len, text, f->err.off, f->err.msg, off, msg);
}

static void
check_error(struct fx *f, const char *text, size_t off, const char *msg)
{
	check_error_n(f, text, strlen(text), off, msg);
}

static void
assert_node(const struct fl_json_doc *d, uint32_t i, enum fl_json_type type,
    uint32_t off, uint32_t len, uint32_t parent, uint32_t next,
    uint32_t count)
{
	const struct fl_json_node *n = &d->nodes[i];

	assert_int_equal(n->type, type);
	assert_int_equal(n->off, off);
	assert_int_equal(n->len, len);
	assert_int_equal(n->parent, parent);
	assert_int_equal(n->next, next);
	assert_int_equal(n->count, count);
}

static void
assert_str(struct fl_str s, const char *want, size_t want_len)
{
	assert_int_equal(s.len, want_len);
	assert_memory_equal(s.ptr, want, want_len);
}

static void
test_json__scalars_at_root(void **state)
{
	struct fx *f = *state;
	const struct fl_json_doc *d;

	d = parse_ok(f, "null");
	assert_int_equal(d->count, 2);
	assert_node(d, 1, FL_JSON_NULL, 0, 4, 0, 0, 0);
	/* Node 0 is the sentinel: never a value, so "missing" is unambiguous. */
	assert_false(fl_json_is(d, FL_JSON_NONE, FL_JSON_NULL));
	assert_true(fl_json_is(d, FL_JSON_ROOT, FL_JSON_NULL));
	d = parse_ok(f, " true ");
	assert_node(d, 1, FL_JSON_TRUE, 1, 4, 0, 0, 0);
	d = parse_ok(f, "false\n");
	assert_node(d, 1, FL_JSON_FALSE, 0, 5, 0, 0, 0);
	d = parse_ok(f, "\t-12.50e+3");
	assert_node(d, 1, FL_JSON_NUMBER, 1, 9, 0, 0, 0);
	assert_str(d->nodes[1].str, "-12.50e+3", 9);
	d = parse_ok(f, "0");
	assert_node(d, 1, FL_JSON_NUMBER, 0, 1, 0, 0, 0);
	d = parse_ok(f, "  \"hi\"");
	assert_node(d, 1, FL_JSON_STRING, 2, 4, 0, 0, 0);
	assert_str(d->nodes[1].str, "hi", 2);
	assert_int_equal(d->nodes[1].flags, 0);
	assert_null(d->nodes[1].key.ptr);
	d = parse_ok(f, "[]");
	assert_node(d, 1, FL_JSON_ARRAY, 0, 2, 0, 0, 0);
	assert_int_equal(fl_json_first(d, FL_JSON_ROOT), FL_JSON_NONE);
	d = parse_ok(f, "{ }");
	assert_node(d, 1, FL_JSON_OBJECT, 0, 3, 0, 0, 0);
	assert_int_equal(d->dup_keys, 0);
	assert_int_equal(d->overflows, 0);
}

static void
test_json__spans_and_links(void **state)
{
	struct fx *f = *state;
	/*                  0         1         2         3
	 *                  0123456789012345678901234567890123 */
	const char *text = "{\"a\":[1,{\"b\":null}],\"c\":\"x\",\"d\":{}}";
	const struct fl_json_doc *d = parse_ok(f, text);

	assert_int_equal(d->count, 8);
	assert_ptr_equal(d->text, text);
	assert_int_equal(d->len, strlen(text));
	assert_node(d, 1, FL_JSON_OBJECT, 0, 35, 0, 0, 3);
	assert_node(d, 2, FL_JSON_ARRAY, 5, 14, 1, 6, 2);
	assert_node(d, 3, FL_JSON_NUMBER, 6, 1, 2, 4, 0);
	assert_node(d, 4, FL_JSON_OBJECT, 8, 10, 2, 0, 1);
	assert_node(d, 5, FL_JSON_NULL, 13, 4, 4, 0, 0);
	assert_node(d, 6, FL_JSON_STRING, 24, 3, 1, 7, 0);
	assert_node(d, 7, FL_JSON_OBJECT, 32, 2, 1, 0, 0);
	assert_str(d->nodes[2].key, "a", 1);
	assert_int_equal(d->nodes[2].key_off, 1);
	assert_null(d->nodes[3].key.ptr);
	assert_int_equal(d->nodes[3].key_off, 0);
	assert_str(d->nodes[5].key, "b", 1);
	assert_int_equal(d->nodes[5].key_off, 9);
	assert_str(d->nodes[6].key, "c", 1);
	assert_int_equal(d->nodes[6].key_off, 20);
	assert_int_equal(d->nodes[7].key_off, 28);
	/* Unescaped strings and keys borrow the text. */
	assert_ptr_equal(d->nodes[6].str.ptr, text + 25);
	assert_ptr_equal(d->nodes[2].key.ptr, text + 2);
	/* Spans are exact: the text at off..off+len is the value. */
	assert_memory_equal(text + d->nodes[4].off, "{\"b\":null}", 10);
}

static void
test_json__navigation(void **state)
{
	struct fx *f = *state;
	const struct fl_json_doc *d = parse_ok(f,
	    "{\"Actions\":[{\"Type\":\"A\",\"Parameters\":{\"QueueId\":\"q1\"}},"
	    "{\"Type\":\"B\"},{\"Type\":\"C\",\"Type\":\"D\"}],\"n\":3}");
	uint32_t actions, it, params, k = 0;
	const char *want[] = { "A", "B", "D" };

	actions = fl_json_get(d, FL_JSON_ROOT, "Actions");
	assert_true(fl_json_is(d, actions, FL_JSON_ARRAY));
	assert_int_equal(d->nodes[actions].count, 3);
	fl_json_foreach(d, actions, it) {
		uint32_t type = fl_json_get(d, it, "Type");
		struct fl_str s = fl_json_string(d, type);

		assert_true(k < 3);
		assert_str(s, want[k], 1);
		assert_int_equal(fl_json_index_in_parent(d, it), k);
		k++;
	}
	assert_int_equal(k, 3);
	params = fl_json_get(d, actions + 1, "Parameters");
	assert_true(fl_json_is(d, params, FL_JSON_OBJECT));
	assert_str(fl_json_string(d, fl_json_get(d, params, "QueueId")), "q1", 2);
	assert_int_equal(fl_json_get(d, params, "queueid"), FL_JSON_NONE);
	assert_int_equal(fl_json_get(d, actions, "Type"), FL_JSON_NONE);
	assert_int_equal(fl_json_get_str(d, FL_JSON_ROOT, FL_STR_LIT("n")),
	    d->count - 1);
	assert_true(fl_json_is(d, fl_json_get(d, FL_JSON_ROOT, "n"), FL_JSON_NUMBER));
	assert_false(fl_json_is(d, FL_JSON_NONE, FL_JSON_OBJECT));
	assert_null(fl_json_string(d, FL_JSON_NONE).ptr);
	assert_null(fl_json_string(d, actions).ptr);
	assert_int_equal(fl_json_first(d, fl_json_get(d, FL_JSON_ROOT, "n")),
	    FL_JSON_NONE);
	assert_int_equal(fl_json_index_in_parent(d, FL_JSON_ROOT), 0);
	/* The last of two equal keys wins a lookup, as in JSON.parse. */
	it = d->nodes[d->nodes[actions + 1].next].next;
	assert_str(fl_json_string(d, fl_json_get(d, it, "Type")), "D", 1);
	assert_int_equal(d->dup_keys, 1);
}

static void
test_json__string_escapes(void **state)
{
	struct fx *f = *state;
	const char *text = "[\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\",\"plain\"]";
	const struct fl_json_doc *d = parse_ok(f, text);

	assert_int_equal(d->nodes[2].flags, FL_JSON_F_ESCAPED);
	assert_str(d->nodes[2].str, "a\"b\\c/d\b\f\n\r\t", 12);
	assert_int_equal(d->nodes[2].escapes, 8);
	assert_int_equal(d->nodes[2].str.ptr[12], '\0');
	assert_int_equal(d->nodes[2].off, 1);
	assert_int_equal(d->nodes[2].len, 22);
	assert_int_equal(d->nodes[3].flags, 0);
	assert_ptr_equal(d->nodes[3].str.ptr, text + 25);
}

/* Values of the raw key are validated, not decoded; the rest as usual. */
static void
test_json__raw_key(void **state)
{
	struct fx *f = *state;
	static const char text[] = "{\"Name\": \"a\\\"b\", \"Content\": "
	    "\"{\\\"x\\\": 1}\", \"Tags\": {\"Content\": \"plain\"}, "
	    "\"List\": [\"Content\", \"\\n\"]}";
	static const char bad[] = "{\"Content\": \"\\q\"}";
	const struct fl_json_doc *d = &f->doc;
	uint32_t content, tags;
	struct fl_str decoded;
	struct fl_json_offmap map;

	assert_int_equal(fl_json_parse_raw(&f->doc, &f->arena, text,
	    strlen(text), "Content", &f->err), 0);
	assert_true(fl_str_eq_cstr(fl_json_string(d, fl_json_get(d,
	    FL_JSON_ROOT, "Name")), "a\"b"));
	content = fl_json_get(d, FL_JSON_ROOT, "Content");
	assert_true(fl_json_is(d, content, FL_JSON_STRING));
	assert_true((d->nodes[content].flags & FL_JSON_F_RAW) != 0);
	assert_true((d->nodes[content].flags & FL_JSON_F_ESCAPED) == 0);
	assert_null(fl_json_string(d, content).ptr);
	/* Decoding it later still gives the value. */
	fl_json_decode_mapped(&decoded, &map, &f->arena, d, content);
	assert_true(fl_str_eq_cstr(decoded, "{\"x\": 1}"));
	/* Without escapes a raw-key value is borrowed as always. */
	tags = fl_json_get(d, FL_JSON_ROOT, "Tags");
	assert_true(fl_str_eq_cstr(fl_json_string(d, fl_json_get(d, tags,
	    "Content")), "plain"));
	/* Array elements are not members: decoded. */
	assert_true(fl_str_eq_cstr(fl_json_string(d, d->nodes[fl_json_first(d,
	    fl_json_get(d, FL_JSON_ROOT, "List"))].next), "\n"));
	/* Not decoded is still validated. */
	assert_int_equal(fl_json_parse_raw(&f->doc, &f->arena, bad,
	    strlen(bad), "Content", &f->err), -1);
}

/* What parse_raw left raw decodes in place, as fl_json_parse would. */
static void
test_json__decode_raw(void **state)
{
	struct fx *f = *state;
	static const char text[] = "{\"Content\": \"{\\\"x\\\": 1}\", "
	    "\"Tags\": {\"Content\": \"a\\tb\"}, \"Name\": \"n\"}";
	struct fl_json_doc full;
	struct fl_json_offmap map;
	struct fl_str decoded;
	uint32_t content, i;

	assert_int_equal(fl_json_parse(&full, &f->arena, text, strlen(text),
	    &f->err), 0);
	assert_int_equal(fl_json_parse_raw(&f->doc, &f->arena, text,
	    strlen(text), "Content", &f->err), 0);
	content = fl_json_get(&f->doc, FL_JSON_ROOT, "Content");
	fl_json_decode_mapped(&decoded, &map, &f->arena, &f->doc, content);
	fl_json_decode_raw(&f->doc, &f->arena, content, decoded);
	/* The one already decoded is taken, not decoded again. */
	assert_ptr_equal(f->doc.nodes[content].str.ptr, decoded.ptr);
	assert_int_equal(f->doc.count, full.count);
	for (i = FL_JSON_ROOT; i < full.count; i++) {
		assert_int_equal(f->doc.nodes[i].flags, full.nodes[i].flags);
		assert_true(fl_str_eq(f->doc.nodes[i].str, full.nodes[i].str));
	}
	/* Without a node already decoded, every raw string is. */
	assert_int_equal(fl_json_parse_raw(&f->doc, &f->arena, text,
	    strlen(text), "Content", &f->err), 0);
	fl_json_decode_raw(&f->doc, &f->arena, FL_JSON_NONE,
	    fl_str_make(NULL, 0));
	for (i = FL_JSON_ROOT; i < full.count; i++) {
		assert_int_equal(f->doc.nodes[i].flags, full.nodes[i].flags);
		assert_true(fl_str_eq(f->doc.nodes[i].str, full.nodes[i].str));
	}
}

static void
test_json__unicode_escapes(void **state)
{
	struct fx *f = *state;
	const struct fl_json_doc *d;

	d = parse_ok(f, "\"\\u00e9\\u20AC\\ud83d\\ude00\\u0041\"");
	assert_str(d->nodes[1].str, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80" "A",
	    10);
	/* Raw UTF-8 passes through unchanged and is borrowed. */
	d = parse_ok(f, "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\x7f\"");
	assert_int_equal(d->nodes[1].flags, 0);
	assert_str(d->nodes[1].str, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\x7f",
	    10);
	d = parse_ok(f, "\"\\uDBFF\\uDFFF\"");
	assert_str(d->nodes[1].str, "\xf4\x8f\xbf\xbf", 4);
}

static void
test_json__escaped_keys(void **state)
{
	struct fx *f = *state;
	const struct fl_json_doc *d = parse_ok(f,
	    "{\"k\\u0065y\":\"v\",\"x\\ny\":\"w\\u00e9\",\"key\":1}");

	assert_int_equal(d->nodes[2].flags, FL_JSON_F_KEY_ESCAPED);
	assert_str(d->nodes[2].key, "key", 3);
	assert_int_equal(d->nodes[2].key_off, 1);
	assert_int_equal(d->nodes[3].flags,
	    FL_JSON_F_KEY_ESCAPED | FL_JSON_F_ESCAPED);
	assert_str(d->nodes[3].key, "x\ny", 3);
	assert_str(d->nodes[3].str, "w\xc3\xa9", 3);
	assert_int_equal(fl_json_get(d, FL_JSON_ROOT, "x\ny"), 3);
	/* "key" again, spelled differently: a duplicate, and the one found. */
	assert_int_equal(fl_json_get(d, FL_JSON_ROOT, "key"), 4);
	assert_int_equal(d->nodes[4].flags, FL_JSON_F_DUP_KEY);
	assert_int_equal(d->dup_keys, 1);
}

static void
test_json__nul_escape(void **state)
{
	struct fx *f = *state;
	const struct fl_json_doc *d = parse_ok(f,
	    "{\"a\\u0000b\":\"x\\u0000\"}");

	assert_str(d->nodes[2].key, "a\0b", 3);
	assert_str(d->nodes[2].str, "x\0", 2);
	assert_int_equal(d->nodes[2].str.ptr[2], '\0');
	assert_int_equal(fl_json_get_str(d, FL_JSON_ROOT, fl_str_make("a\0b", 3)), 2);
	assert_int_equal(fl_json_get(d, FL_JSON_ROOT, "a"), FL_JSON_NONE);
}

static void
test_json__bom_and_crlf(void **state)
{
	struct fx *f = *state;
	const char *text = "\xef\xbb\xbf{\r\n\t\"a\" :\r\n [ 1 ,\r\n 2 ]\r\n}\r\n";
	const struct fl_json_doc *d = parse_ok(f, text);

	assert_node(d, 1, FL_JSON_OBJECT, 3, 26, 0, 0, 1);
	assert_int_equal(d->nodes[2].key_off, 7);
	assert_node(d, 2, FL_JSON_ARRAY, 15, 11, 1, 0, 2);
	assert_node(d, 3, FL_JSON_NUMBER, 17, 1, 2, 4, 0);
	assert_node(d, 4, FL_JSON_NUMBER, 23, 1, 2, 0, 0);
	check_error(f, "\xef\xbb\xbf", 0, "empty document");
	check_error(f, "\xef\xbb\xbf \r\n", 0, "empty document");
	/* Only at offset 0 is a BOM a BOM; elsewhere it is a stray byte. */
	check_error(f, " \xef\xbb\xbf" "1", 1, "expected a value");
	check_error(f, "\xef\xbb", 0, "expected a value");
}

struct err_case {
	const char *text;
	size_t off;
	const char *msg;
};

static void
run_cases(struct fx *f, const struct err_case *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		check_error(f, c[i].text, c[i].off, c[i].msg);
}

#define EOI "unexpected end of input"

static void
test_json__errors_structure(void **state)
{
	static const struct err_case cases[] = {
		{ "", 0, "empty document" },
		{ " \t\r\n ", 0, "empty document" },
		{ "[", 1, EOI },
		{ "[ ", 2, EOI },
		{ "[1", 2, EOI },
		{ "[1,", 3, EOI },
		{ "{", 1, EOI },
		{ "{\"a\"", 4, EOI },
		{ "{\"a\":", 5, EOI },
		{ "{\"a\":1", 6, EOI },
		{ "{\"a\":1,", 7, EOI },
		{ "\"abc", 4, EOI },
		{ "[1,]", 3, "trailing comma; expected a value" },
		{ "[,1]", 1, "expected a value" },
		{ "{\"a\":1,}", 7, "trailing comma; expected a string key" },
		{ "{\"a\":]", 5, "expected a value" },
		{ "{\"a\" 1}", 5, "expected ':' after object key" },
		{ "{1:2}", 1, "expected a string key or '}'" },
		{ "{\"a\":1,2}", 7, "expected a string key" },
		{ "[1 2]", 3, "expected ',' or ']' after array element" },
		{ "[1}", 2, "expected ',' or ']' after array element" },
		{ "{\"a\":1 \"b\":2}", 7,
		    "expected ',' or '}' after object member" },
		{ "{\"a\":1]", 6, "expected ',' or '}' after object member" },
		{ "[]]", 2, "unexpected data after the document" },
		{ "{} {}", 3, "unexpected data after the document" },
		{ "1 2", 2, "unexpected data after the document" },
		{ "nullx", 4, "unexpected data after the document" },
		{ "'a'", 0, "expected a value; strings take double quotes" },
		{ "]", 0, "expected a value" },
		{ "True", 0, "expected a value" },
		{ "NaN", 0, "expected a value" },
		{ "[\xc3\xa9]", 1, "expected a value" },
		{ "tru", 3, EOI },
		{ "trux", 3, "invalid literal; expected 'true'" },
		{ "[fals]", 5, "invalid literal; expected 'false'" },
		{ "nul", 3, EOI },
		{ "nill", 1, "invalid literal; expected 'null'" },
	};

	run_cases(*state, cases, sizeof(cases) / sizeof(cases[0]));
}

static void
test_json__errors_numbers(void **state)
{
	static const struct err_case cases[] = {
		{ "01", 1, "leading zeros are not allowed; expected '.', 'e' "
		    "or the end of the number" },
		{ "-01", 2, "leading zeros are not allowed; expected '.', 'e' "
		    "or the end of the number" },
		{ "[00]", 2, "leading zeros are not allowed; expected '.', 'e' "
		    "or the end of the number" },
		{ "-", 1, EOI },
		{ "-a", 1, "expected a digit after '-'" },
		{ "[-]", 2, "expected a digit after '-'" },
		{ "1.", 2, EOI },
		{ "1.e5", 2, "expected a digit after '.'" },
		{ "[1.]", 3, "expected a digit after '.'" },
		{ "1e", 2, EOI },
		{ "1e+", 3, EOI },
		{ "1ex", 2, "expected a digit in the exponent" },
		{ "1E-]", 3, "expected a digit in the exponent" },
		{ ".5", 0, "expected a value" },
		{ "+1", 0, "expected a value" },
		{ "1x", 1, "unexpected data after the document" },
		{ "[1x]", 2, "expected ',' or ']' after array element" },
		{ "0x10", 1, "unexpected data after the document" },
		{ "- 1", 1, "expected a digit after '-'" },
	};

	run_cases(*state, cases, sizeof(cases) / sizeof(cases[0]));
}

static void
test_json__errors_strings(void **state)
{
	static const struct err_case cases[] = {
		{ "\"a\tb\"", 2, "control character 0x09 in string; escape it "
		    "as \\u0009" },
		{ "[\"\n\"]", 2, "control character 0x0a in string; escape it "
		    "as \\u000a" },
		{ "\"\x1f\"", 1, "control character 0x1f in string; escape it "
		    "as \\u001f" },
		{ "\"\\'\"", 1, "invalid escape '\\''; expected one of \\\" "
		    "\\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX" },
		{ "\"ab\\x41\"", 3, "invalid escape '\\x'; expected one of \\\" "
		    "\\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX" },
		{ "\"\\\x01\"", 1, "invalid escape: byte 0x01 after '\\'; "
		    "expected one of \"\\/bfnrtu" },
		{ "\"\\", 2, EOI },
		{ "\"\\u12", 5, EOI },
		{ "\"\\u12\"", 1, "invalid \\u escape; expected four hex digits" },
		{ "\"\\u12G4\"", 1, "invalid \\u escape; expected four hex "
		    "digits" },
		{ "\"\\ude00\"", 1, "lone low surrogate '\\ude00'; expected a "
		    "high surrogate escape before it" },
		{ "\"x\\ud83d\"", 2, "lone high surrogate '\\ud83d'; expected a "
		    "low surrogate escape after it" },
		{ "\"\\ud83dx\"", 1, "lone high surrogate '\\ud83d'; expected a "
		    "low surrogate escape after it" },
		{ "\"\\ud83d\\n\"", 1, "lone high surrogate '\\ud83d'; expected "
		    "a low surrogate escape after it" },
		{ "\"\\ud83d\\u0041\"", 7, "expected a low surrogate escape "
		    "after '\\ud83d', found '\\u0041'" },
		{ "\"\\ud83d\\ud83d\"", 7, "expected a low surrogate escape "
		    "after '\\ud83d', found '\\ud83d'" },
		{ "\"\\ud83d\\uZZZZ\"", 7, "invalid \\u escape; expected four "
		    "hex digits" },
		{ "\"\\ud83d", 7, EOI },
		{ "\"\\ud83d\\", 8, EOI },
		{ "\"\\ud83d\\ude", 11, EOI },
		{ "{\"\\q\":1}", 2, "invalid escape '\\q'; expected one of \\\" "
		    "\\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX" },
	};

	run_cases(*state, cases, sizeof(cases) / sizeof(cases[0]));
}

static void
test_json__errors_utf8(void **state)
{
	static const struct err_case cases[] = {
		{ "\"\x80\"", 1, "invalid UTF-8 byte 0x80" },
		{ "\"ab\xbf\"", 3, "invalid UTF-8 byte 0xbf" },
		{ "\"\xc0\x80\"", 1, "invalid UTF-8 byte 0xc0" },	/* overlong NUL */
		{ "\"\xc1\xbf\"", 1, "invalid UTF-8 byte 0xc1" },
		{ "\"\xe0\x80\xaf\"", 1, "invalid UTF-8 byte 0xe0" },
		{ "\"\xf0\x8f\xbf\xbf\"", 1, "invalid UTF-8 byte 0xf0" },
		{ "\"\xed\xa0\x80\"", 1, "invalid UTF-8 byte 0xed" },	/* U+D800 */
		{ "\"\xed\xbf\xbf\"", 1, "invalid UTF-8 byte 0xed" },	/* U+DFFF */
		{ "\"\xf4\x90\x80\x80\"", 1, "invalid UTF-8 byte 0xf4" },
		{ "\"\xf5\x80\x80\x80\"", 1, "invalid UTF-8 byte 0xf5" },
		{ "\"\xff\"", 1, "invalid UTF-8 byte 0xff" },
		{ "\"\xc3\"", 1, "invalid UTF-8 byte 0xc3" },		/* cut short */
		{ "\"\xe2\x82\"", 1, "invalid UTF-8 byte 0xe2" },
		{ "\"\xe2\x82", 1, "invalid UTF-8 byte 0xe2" },
		{ "\"\xf0\x9f\x98\x41\"", 1, "invalid UTF-8 byte 0xf0" },
		{ "{\"k\xc3\x28\":1}", 3, "invalid UTF-8 byte 0xc3" },
		{ "[\"ok\",\"\xc3\xa9\xe9\"]", 9, "invalid UTF-8 byte 0xe9" },
	};
	struct fx *f = *state;

	run_cases(f, cases, sizeof(cases) / sizeof(cases[0]));
	/* The boundaries of each range are accepted. */
	parse_ok(f, "\"\xc2\x80\xdf\xbf\xe0\xa0\x80\xed\x9f\xbf\xee\x80\x80"
	    "\xf0\x90\x80\x80\xf4\x8f\xbf\xbf\"");
}

static void
test_json__error_after_long_plain_run(void **state)
{
	struct fx *f = *state;
	char text[200];
	size_t i;

	/* Stop bytes at every position relative to the 8-byte fast path. */
	for (i = 1; i < 40; i++) {
		memset(text, 'a', sizeof(text));
		text[0] = '"';
		text[i] = '\x01';
		text[60] = '"';
		check_error_n(f, text, 61, i, "control character 0x01 in "
		    "string; escape it as \\u0001");
		text[i] = '"';
		assert_int_equal(fl_json_parse(&f->doc, &f->arena, text, i + 1,
		    &f->err), 0);
		assert_int_equal(f->doc.nodes[1].str.len, i - 1);
	}
}

static char *
nested(size_t depth, const char *open, const char *leaf, const char *close)
{
	struct fl_buf b = FL_BUF_INIT;
	size_t i;

	for (i = 0; i < depth; i++)
		fl_buf_adds(&b, open);
	fl_buf_adds(&b, leaf);
	for (i = 0; i < depth; i++)
		fl_buf_adds(&b, close);
	return fl_buf_detach(&b, NULL);
}

static void
test_json__depth_limit(void **state)
{
	struct fx *f = *state;
	char *text;

	text = nested(10000, "[", "", "]");
	check_error(f, text, 1000, "nesting deeper than 1000 levels");
	free(text);
	text = nested(10000, "{\"a\":", "1", "}");
	check_error(f, text, 5000, "nesting deeper than 1000 levels");
	free(text);
	text = nested(1001, "[", "", "]");
	check_error(f, text, 1000, "nesting deeper than 1000 levels");
	free(text);
	/* Unclosed, but the depth is the first problem met. */
	text = nested(2000, "[", "", "");
	check_error(f, text, 1000, "nesting deeper than 1000 levels");
	free(text);

	text = nested(1000, "[", "7", "]");
	parse_ok(f, text);
	assert_int_equal(f->doc.count, 1002);
	assert_int_equal(f->doc.nodes[1].len, 2001);
	assert_int_equal(f->doc.nodes[1001].parent, 1000);
	{
		struct fl_buf b = FL_BUF_INIT;

		fl_json_pointer(&b, &f->doc, 1001);
		assert_int_equal(b.len, 2000);
		fl_buf_release(&b);
	}
	free(text);
}

static void
test_json__dup_keys_small(void **state)
{
	struct fx *f = *state;
	const struct fl_json_doc *d = parse_ok(f,
	    "{\"a\":1,\"b\":{\"a\":2,\"b\":3},\"a\":4,\"\\u0061\":5,\"c\":6,"
	    "\"b\":7}");
	uint32_t it;

	/* nodes: 0 sentinel, 1 {, 2 a, 3 b{, 4 a, 5 b, 6 a, 7 a, 8 c, 9 b */
	assert_int_equal(d->count, 10);
	for (it = 0; it < d->count; it++) {
		bool want = it == 6 || it == 7 || it == 9;

		assert_int_equal(!!(d->nodes[it].flags & FL_JSON_F_DUP_KEY),
		    want);
	}
	assert_int_equal(d->dup_keys, 3);
	assert_int_equal(fl_json_get(d, FL_JSON_ROOT, "a"), 7);
	/* Empty keys are keys too. */
	d = parse_ok(f, "{\"\":1,\"\":2}");
	assert_int_equal(d->nodes[3].flags, FL_JSON_F_DUP_KEY);
	assert_int_equal(d->nodes[2].flags, 0);
	/* A prefix is not a duplicate. */
	d = parse_ok(f, "{\"ab\":1,\"a\":2,\"abc\":3}");
	assert_int_equal(d->dup_keys, 0);
}

static void
check_big_object(struct fx *f, uint32_t members)
{
	struct fl_buf b = FL_BUF_INIT;
	const struct fl_json_doc *d;
	uint32_t i;

	fl_buf_addch(&b, '{');
	for (i = 0; i < members; i++) {
		/* Members 1000, 30000 and the last repeat earlier keys. */
		uint32_t k = i == 1000 ? 7 : i == 30000 ? 29999 :
		    i == members - 1 ? 7 : i;

		fl_buf_addf(&b, "%s\"key%u\":%u", i ? "," : "", k, i);
	}
	fl_buf_addch(&b, '}');
	d = parse_ok(f, b.ptr);
	assert_int_equal(d->count, members + 2);
	assert_int_equal(d->nodes[FL_JSON_ROOT].count, members);
	assert_int_equal(d->dup_keys, 3);
	/* Member k is node k + 2: after the sentinel and the object. */
	for (i = 2; i <= members + 1; i++) {
		bool want = i - 2 == 1000 || i - 2 == 30000 ||
		    i - 2 == members - 1;

		assert_int_equal(!!(d->nodes[i].flags & FL_JSON_F_DUP_KEY),
		    want);
	}
	fl_buf_release(&b);
}

static void
test_json__dup_keys_big(void **state)
{
	check_big_object(*state, 50000);
	check_big_object(*state, 100000);
}

static void
test_json__number_overflow(void **state)
{
	struct fx *f = *state;
	struct fl_buf b = FL_BUF_INIT;
	const struct fl_json_doc *d;
	static const struct {
		const char *num;
		bool overflows;
	} cases[] = {
		{ "1e999", true },
		{ "-1e400", true },
		{ "1E+309", true },
		{ "1.8e308", true },
		{ "0.1e310", true },
		{ "-17976931348623159e292", true },
		{ "1e308", false },
		{ "1.7976931348623157e308", false },
		{ "179769313486231570000e288", false },
		{ "0.0001e311", false },
		{ "0e99999999999999999999", false },
		{ "0.000e999", false },
		{ "1e-999", false },
		{ "-1e-400", false },
		{ "123.456", false },
		{ "1e99999999999999999999", true },
	};
	size_t i, n = sizeof(cases) / sizeof(cases[0]), want = 0;

	fl_buf_addch(&b, '[');
	for (i = 0; i < n; i++)
		fl_buf_addf(&b, "%s%s", i ? "," : "", cases[i].num);
	/* 400 integer digits, then 400 digits with a negative exponent. */
	fl_buf_addch(&b, ',');
	for (i = 0; i < 400; i++)
		fl_buf_addch(&b, '9');
	fl_buf_adds(&b, ",1");
	for (i = 0; i < 400; i++)
		fl_buf_addch(&b, '0');
	fl_buf_adds(&b, "e-300]");
	d = parse_ok(f, b.ptr);
	assert_int_equal(d->nodes[1].count, n + 2);
	for (i = 0; i < n; i++) {
		const struct fl_json_node *node = &d->nodes[i + 2];

		assert_int_equal(node->type, FL_JSON_NUMBER);
		assert_str(node->str, cases[i].num, strlen(cases[i].num));
		if (!!(node->flags & FL_JSON_F_NUM_OVERFLOW) !=
		    cases[i].overflows)
			fail_msg("%s: overflow flag wrong", cases[i].num);
		want += cases[i].overflows;
	}
	assert_int_equal(d->nodes[n + 2].flags, FL_JSON_F_NUM_OVERFLOW);
	assert_int_equal(d->nodes[n + 2].str.len, 400);
	assert_int_equal(d->nodes[n + 3].flags, 0);
	assert_int_equal(d->overflows, want + 1);
	fl_buf_release(&b);
}

static void
test_json__pointer(void **state)
{
	struct fx *f = *state;
	const struct fl_json_doc *d = parse_ok(f,
	    "{\"a/b\":{\"m~n\":[0,{\"x\":1}]},\"\":2,\"~01/\":[[3]]}");
	struct fl_buf b = FL_BUF_INIT;
	uint32_t x, it;

	fl_json_pointer(&b, d, 0);
	assert_string_equal(b.ptr, "");
	x = fl_json_get(d, fl_json_get(d, FL_JSON_ROOT, "a/b"), "m~n");
	x = d->nodes[x + 1].next;
	x = fl_json_get(d, x, "x");
	fl_buf_adds(&b, "#");
	fl_json_pointer(&b, d, x);
	assert_string_equal(b.ptr, "#/a~1b/m~0n/1/x");
	fl_buf_reset(&b);
	fl_json_pointer(&b, d, fl_json_get(d, FL_JSON_ROOT, ""));
	assert_string_equal(b.ptr, "/");
	fl_buf_reset(&b);
	it = fl_json_get(d, FL_JSON_ROOT, "~01/");
	fl_json_pointer(&b, d, it + 2);
	assert_string_equal(b.ptr, "/~001~1/0/0");
	fl_buf_release(&b);
}

/*
 * Walks the raw content of the string node i and checks the map both
 * ways: each escape's first output byte maps to its backslash, and every
 * plain byte maps to itself in the text.
 */
static void
check_offmap(struct fx *f, uint32_t i, const char *want, size_t want_len)
{
	const struct fl_json_doc *d = &f->doc;
	const struct fl_json_node *n = &d->nodes[i];
	struct fl_json_offmap map;
	struct fl_str s;
	size_t r = n->off + 1, end = n->off + n->len - 1, x = 0, k;
	size_t escapes = 0;

	fl_json_decode_mapped(&s, &map, &f->arena, d, i);
	assert_str(s, want, want_len);
	assert_int_equal(s.ptr[s.len], '\0');
	/* One entry per escape the parser counted (a surrogate pair is one). */
	assert_int_equal(map.count, 1 + n->escapes);
	assert_int_equal(map.v[0].dec, 0);
	assert_int_equal(map.v[0].raw, n->off + 1);
	for (k = 1; k < map.count; k++) {
		assert_true(map.v[k].dec > map.v[k - 1].dec);
		assert_true(map.v[k].raw > map.v[k - 1].raw);
	}
	while (r < end) {
		if (d->text[r] != '\\') {
			assert_int_equal(fl_json_offmap_raw(&map, (uint32_t)x),
			    r);
			assert_int_equal(d->text[r], s.ptr[x]);
			r++;
			x++;
			continue;
		}
		escapes++;
		assert_int_equal(fl_json_offmap_raw(&map, (uint32_t)x), r);
		if (d->text[r + 1] != 'u') {
			r += 2;
			x += 1;
		} else if (d->text[r + 2] == 'd' && d->text[r + 3] >= '8' &&
		    d->text[r + 3] <= 'b') {
			r += 12;
			x += 4;
		} else {
			unsigned cp = (unsigned)strtoul(
			    fl_arena_strndup(&f->arena, d->text + r + 2, 4),
			    NULL, 16);

			r += 6;
			x += cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
		}
	}
	assert_int_equal(x, s.len);
	/* One past the end maps one past the content: the closing quote. */
	assert_int_equal(fl_json_offmap_raw(&map, (uint32_t)x), end);
	assert_true(map.count <= 1 + 2 * escapes);
}

static void
test_json__offmap(void **state)
{
	struct fx *f = *state;
	const char *text = "{\"Content\":\"ab\\\"c\\\\d\\ne\\u00e9f"
	    "\\ud83d\\ude00g plain text\\\\\\n\\u0000\\u20ac\","
	    "\"plain\":\"no escapes\",\"lead\":\"\\tx\"}";
	static const char want[] = "ab\"c\\d\ne\xc3\xa9" "f\xf0\x9f\x98\x80"
	    "g plain text\\\n\0\xe2\x82\xac";
	struct fl_json_offmap map;
	struct fl_str s;

	parse_ok(f, text);
	check_offmap(f, 2, want, sizeof(want) - 1);
	check_offmap(f, 3, "no escapes", 10);
	fl_json_decode_mapped(&s, &map, &f->arena, &f->doc, 3);
	assert_int_equal(map.count, 1);
	assert_ptr_not_equal(s.ptr, f->doc.nodes[3].str.ptr);
	check_offmap(f, 4, "\tx", 2);
	/* Not a string: nothing to map. */
	fl_json_decode_mapped(&s, &map, &f->arena, &f->doc, FL_JSON_ROOT);
	assert_null(s.ptr);
	assert_int_equal(map.count, 0);
}

/*
 * Runs of escapes at every offset in the 8-byte word, and another escape
 * at every distance after them: two-byte ones are taken within the word
 * by the scanner, a \u escape and a bad escape leave it; the decoder
 * jumps straight to each backslash.
 */
static void
test_json__escape_runs(void **state)
{
	struct fx *f = *state;
	static const char run[] = "\\\\\\\"\\/\\u00e9\\n\\\\\\t";
	static const char decoded[] = "\\\"/\xc3\xa9\n\\\t";
	char text[96], want[96];
	size_t i, j, n, w;

	for (i = 0; i < 17; i++) {
		for (j = 0; j < 12; j++) {
			n = 0;
			text[n++] = '"';
			memset(text + n, 'a', i);
			n += i;
			memcpy(text + n, run, sizeof(run) - 1);
			n += sizeof(run) - 1;
			memset(text + n, 'z', j);
			n += j;
			memcpy(text + n, "\\n\"", 3);
			n += 3;
			text[n] = '\0';
			memset(want, 'a', i);
			memcpy(want + i, decoded, sizeof(decoded) - 1);
			w = i + sizeof(decoded) - 1;
			memset(want + w, 'z', j);
			w += j;
			want[w++] = '\n';
			parse_ok(f, text);
			assert_int_equal(f->doc.nodes[1].escapes, 8);
			assert_str(f->doc.nodes[1].str, want, w);
			check_offmap(f, 1, want, w);
		}
		/* A bad escape right after good ones in the same word. */
		n = 0;
		text[n++] = '"';
		memset(text + n, 'a', i);
		n += i;
		memcpy(text + n, "\\n\\\"\\q\"", 7);
		n += 7;
		check_error_n(f, text, n, 1 + i + 4, "invalid escape '\\q'; "
		    "expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
	}
}

static void
test_json__too_big(void **state)
{
	struct fx *f = *state;
	size_t len = (size_t)UINT32_MAX + 1;
	/* Reserved but inaccessible: the parser must refuse without reading. */
	void *p = mmap(NULL, len, PROT_NONE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p == MAP_FAILED)
		skip();
	check_error_n(f, p, len, len,
	    "text is 4 GiB or larger; expected less than 4 GiB");
	munmap(p, len);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(test_json__scalars_at_root),
		T(test_json__spans_and_links),
		T(test_json__navigation),
		T(test_json__string_escapes),
		T(test_json__raw_key),
		T(test_json__decode_raw),
		T(test_json__unicode_escapes),
		T(test_json__escaped_keys),
		T(test_json__nul_escape),
		T(test_json__bom_and_crlf),
		T(test_json__errors_structure),
		T(test_json__errors_numbers),
		T(test_json__errors_strings),
		T(test_json__errors_utf8),
		T(test_json__error_after_long_plain_run),
		T(test_json__depth_limit),
		T(test_json__dup_keys_small),
		T(test_json__dup_keys_big),
		T(test_json__number_overflow),
		T(test_json__pointer),
		T(test_json__offmap),
		T(test_json__escape_runs),
		T(test_json__too_big),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
