/*
 * The canonical printer behind `flowlint format`.
 *
 * The layout is what the reference exporter writes, the output of
 * JSON.stringify(doc, null, 2), followed by one newline when the input
 * ends in one (the exporter writes none, editors add one: either is
 * kept, so that a freshly exported file is never rewritten): two spaces of
 * indentation per level, ": " after a key, "{}" and "[]" for empty
 * containers, members and elements in their original order.  Raw
 * flow-language files and any other JSON get the same layout.
 *
 * It is printed from the parser's nodes, never from a re-serialised
 * tree, so that nothing is lost: numbers are copied from their original
 * text (a double would turn 1.0 into 1 and round large integers), and
 * strings are decoded and escaped again exactly as JSON.stringify
 * escapes them (fl_buf_add_json_string).  A file the exporter wrote
 * therefore comes out byte for byte the same.
 *
 * A wrapped export's string Content that holds JSON is reprinted as that
 * document's compact form, JSON.stringify(content), which is how Connect
 * writes it.  One that does not parse is kept as the same string (check
 * reports it, FL002), and so is one that starts with a byte order mark,
 * which JSON.parse rejects, so that formatting never repairs a broken
 * Content into something its author did not write.
 *
 * Duplicate keys are refused rather than printed: JSON.parse keeps only
 * the last of two equal keys, so there is no output that keeps every
 * value and still means to the Connect tooling what the input meant.
 */
#include "format/format.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "flow/load.h"
#include "json/json.h"
#include "util/buf.h"
#include "util/fs.h"

#define UTF8_BOM "\xef\xbb\xbf"

static int
refuse(struct fl_format_info *info, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
refuse(struct fl_format_info *info, size_t off, const char *fmt, ...)
{
	va_list ap;

	info->err_off = off;
	va_start(ap, fmt);
	vsnprintf(info->err_msg, sizeof(info->err_msg), fmt, ap);
	va_end(ap);
	return -1;
}

static uint32_t
first_dup(const struct fl_json_doc *d)
{
	uint32_t i;

	for (i = FL_JSON_ROOT; i < d->count; i++)
		if (d->nodes[i].flags & FL_JSON_F_DUP_KEY)
			return i;
	return FL_JSON_NONE;
}

/*
 * Prints the JSON held by the string node `content` compactly into
 * `compact`.  Returns 1, 0 when Content is to stay the string it is, or
 * -1 (refused) for a duplicate key inside it, reported at its position
 * in the file.  The compact form is never longer than the string, so it
 * needs no size limit: whitespace only goes, every escape it writes is
 * no longer than the one it replaces, and separators are unchanged.
 */
static int
compact_content(struct fl_buf *compact, struct fl_format_info *info,
    struct fl_arena *a, const struct fl_json_doc *d, uint32_t content)
{
	struct fl_str text = d->nodes[content].str;
	struct fl_json_doc inner;
	struct fl_json_error err;

	if (text.len >= 3 && memcmp(text.ptr, UTF8_BOM, 3) == 0)
		return 0;
	if (fl_json_parse(&inner, a, text.ptr, text.len, &err) != 0)
		return 0;
	if (inner.dup_keys > 0) {
		const struct fl_json_node *dup;
		struct fl_json_offmap map;
		struct fl_str decoded;

		dup = &inner.nodes[first_dup(&inner)];
		fl_json_decode_mapped(&decoded, &map, a, d, content);
		return refuse(info, fl_json_offmap_raw(&map, dup->key_off),
		    "duplicate key \"%.*s\" in \"Content\": JSON.parse keeps "
		    "only the last value; remove one", FL_STR_ARGS(dup->key));
	}
	fl_json_print(compact, &inner, FL_JSON_ROOT,
	    &(struct fl_json_print_opts){ .limit = SIZE_MAX });
	return 1;
}

int
fl_format(struct fl_buf *out, struct fl_format_info *info,
    struct fl_arena *arena, const char *text, size_t len)
{
	struct fl_buf compact = FL_BUF_INIT;
	struct fl_json_doc doc;
	struct fl_json_error err;
	uint32_t content, swap = FL_JSON_NONE, over;
	int rc = 0;

	memset(info, 0, sizeof(*info));
	fl_buf_reset(out);
	if (fl_json_parse(&doc, arena, text, len, &err) != 0)
		return refuse(info, err.off, "invalid JSON: %s", err.msg);
	info->json = true;
	info->shape = fl_flow_shape_of(&doc, &content);
	if (doc.dup_keys > 0) {
		const struct fl_json_node *dup = &doc.nodes[first_dup(&doc)];

		return refuse(info, dup->key_off, "duplicate key \"%.*s\": "
		    "JSON.parse keeps only the last value; remove one",
		    FL_STR_ARGS(dup->key));
	}
	if (fl_json_is(&doc, content, FL_JSON_STRING)) {
		rc = compact_content(&compact, info, arena, &doc, content);
		if (rc < 0)
			goto done;
		if (rc > 0) {
			swap = content;
			info->content_compacted = true;
		}
		rc = 0;
	}
	/* Room for the final newline within the limit. */
	over = fl_json_print(out, &doc, FL_JSON_ROOT,
	    &(struct fl_json_print_opts){ .pretty = true, .swap = swap,
	    .swap_value = fl_buf_str(&compact), .limit = FL_FS_MAX_FILE - 1 });
	if (over != FL_JSON_NONE || out->len > FL_FS_MAX_FILE - 1) {
		size_t at = over == FL_JSON_NONE ? 0 : doc.nodes[over].off;

		fl_buf_reset(out);
		rc = refuse(info, at, "the formatted file would be larger "
		    "than the %u MiB limit", FL_FS_MAX_FILE / (1024 * 1024));
		goto done;
	}
	if (len > 0 && text[len - 1] == '\n')
		fl_buf_addch(out, '\n');
done:
	fl_buf_release(&compact);
	return rc;
}
