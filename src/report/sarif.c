/*
 * SARIF 2.1.0 (OASIS), for code-scanning viewers and editors: one run
 * whose tool.driver lists every rule with its page (rules/), and one
 * result per finding.
 *
 * Positions: SARIF counts columns in a unit the run must state when it
 * has results; this run states "utf16CodeUnits" (SARIF's default, and
 * what editors and LSP use), converted from flowlint's byte columns.
 * A region ends one past its last character: at the end of the value
 * (or key) the finding is about, or after the one character at the
 * position for point findings such as FL001.  Artifact URIs are
 * relative to the repository root (uriBaseId %SRCROOT%), and each
 * result's partialFingerprints carries "flowlint/v1" (fingerprint.h).
 *
 * Fixes: a result whose finding `flowlint fix` removes carries one fix.
 * The run's fix stage (lint/run.h) works it out, fixing the rules this
 * run checks, and hands over the fixed text with the findings it
 * removes marked (fl_diag.fixed).  The fix works on the whole file,
 * pass after pass, and does not say which bytes belong to which
 * finding, so the fix is file-level:
 * one replacement of the span between the first and the last byte that
 * differ (common prefix and suffix, on character boundaries and never
 * between CR and LF), the same
 * on every fixable result of the file.  Applying it to the original
 * gives exactly what `flowlint fix` writes.
 *
 * Streamed: the run's head (tool, rules) in begin, results in file, the
 * tail in end.
 */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

#include "diag/diag.h"
#include "diag/fingerprint.h"
#include "rules/docs.h"
#include "rules/rule.h"
#include "util/buf.h"
#include "util/source.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define SARIF_SCHEMA "https://docs.oasis-open.org/sarif/sarif/v2.1.0/" \
	"errata01/os/schemas/sarif-schema-2.1.0.json"

struct sarif_state {
	struct fl_buf b, uri;
	struct fl_buf change;		/* the current file's artifactChange */
};

static const char *
sarif_level(enum fl_severity s)
{
	switch (s) {
	case FL_SEV_ERROR: return "error";
	case FL_SEV_WARNING: return "warning";
	case FL_SEV_INFO: return "note";
	}
	return "note";
}

static struct fl_str
trim(struct fl_str s)
{
	while (s.len > 0 && (s.ptr[0] == '\n' || s.ptr[0] == ' '))
		s.ptr++, s.len--;
	while (s.len > 0 &&
	    (s.ptr[s.len - 1] == '\n' || s.ptr[s.len - 1] == ' '))
		s.len--;
	return s;
}

/* The text of the page's "## <title>" section, or {NULL, 0}. */
static struct fl_str
section(struct fl_str body, const char *title)
{
	struct fl_buf head = FL_BUF_INIT;
	struct fl_str rest;
	long at, end;

	fl_buf_addf(&head, "## %s\n", title);
	at = fl_str_find(body, head.ptr);
	if (at < 0 || (at > 0 && body.ptr[at - 1] != '\n')) {
		fl_buf_release(&head);
		return (struct fl_str){ NULL, 0 };
	}
	rest = fl_str_make(body.ptr + at + head.len, body.len - (size_t)at -
	    head.len);
	fl_buf_release(&head);
	end = fl_str_find(rest, "\n## ");
	if (end >= 0)
		rest.len = (size_t)end;
	return trim(rest);
}

static void
add_text(struct fl_buf *b, const char *key, struct fl_str s)
{
	fl_buf_addf(b, "\"%s\": {\"text\": ", key);
	fl_utf8_add_json_string(b, s);
	fl_buf_addch(b, '}');
}

static void
add_rule(struct fl_buf *b, const struct fl_rule *rule)
{
	struct fl_rule_doc doc;
	struct fl_str summary = fl_str_cstr(rule->name), full, body;

	body = summary;
	if (fl_rule_doc(&doc, rule) == 0) {
		if (doc.summary.len > 0)
			summary = doc.summary;
		body = trim(doc.body);
	}
	full = section(body, "What it does");
	if (full.ptr == NULL)
		full = summary;
	fl_buf_addf(b, "{\"id\": \"%s\", \"name\": \"%s\", ", rule->code,
	    rule->name);
	add_text(b, "shortDescription", summary);
	fl_buf_adds(b, ", ");
	add_text(b, "fullDescription", full);
	fl_buf_adds(b, ", \"help\": {\"text\": ");
	fl_utf8_add_json_string(b, body);
	fl_buf_adds(b, ", \"markdown\": ");
	fl_utf8_add_json_string(b, body);
	fl_buf_addf(b, "}, \"defaultConfiguration\": {\"level\": \"%s\"}, "
	    "\"properties\": {\"fixable\": %s}}", sarif_level(rule->severity),
	    fl_rule_fixable(rule) ? "true" : "false");
}

static void
sarif_begin(struct fl_report *r)
{
	struct sarif_state *st = fl_xcalloc(1, sizeof(*st));
	unsigned i;

	fl_buf_init(&st->b);
	fl_buf_init(&st->uri);
	fl_buf_init(&st->change);
	r->state = st;
	fl_buf_adds(&st->b, "{\"$schema\": \"" SARIF_SCHEMA "\",\n"
	    " \"version\": \"2.1.0\",\n"
	    " \"runs\": [{\n"
	    "  \"tool\": {\"driver\": {\"name\": \"flowlint\", "
	    "\"version\": \"" FLOWLINT_VERSION "\", "
	    "\"semanticVersion\": \"" FLOWLINT_VERSION "\", "
	    "\"informationUri\": \"" FLOWLINT_HOMEPAGE "\",\n"
	    "   \"rules\": [");
	for (i = 0; i < fl_rule_count; i++) {
		fl_buf_adds(&st->b, i ? ",\n    " : "\n    ");
		add_rule(&st->b, fl_rules[i]);
	}
	fl_buf_adds(&st->b, "]}},\n"
	    "  \"originalUriBaseIds\": {\"%SRCROOT%\": {\"description\": "
	    "{\"text\": \"The root of the git work tree that holds the "
	    "files.\"}}},\n"
	    "  \"columnKind\": \"utf16CodeUnits\",\n"
	    "  \"results\": [");
	fwrite(st->b.ptr, 1, st->b.len, r->out);
}

/* Line and UTF-16 column (both 1-based) of byte offset `off`. */
static void
utf16_linecol(struct fl_source *s, size_t off, uint32_t *line, uint32_t *col)
{
	uint32_t bytes;

	if (off > s->len)
		off = s->len;
	fl_source_linecol(s, off, line, &bytes);
	*col = 1 + (uint32_t)fl_utf8_utf16_len(s->text + off - (bytes - 1),
	    bytes - 1);
}

/* Percent-encodes what a URI path may not hold as is (RFC 3986). */
static void
add_uri_path(struct fl_buf *b, struct fl_str path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i;

	for (i = 0; i < path.len; i++) {
		unsigned char c = (unsigned char)path.ptr[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') ||
		    (c != '\0' && strchr("-._~/!$&'()*+,;=:@", c) != NULL)) {
			fl_buf_addch(b, (char)c);
		} else {
			fl_buf_addch(b, '%');
			fl_buf_addch(b, hex[c >> 4]);
			fl_buf_addch(b, hex[c & 15]);
		}
	}
}

static void
add_region(struct fl_buf *b, const struct fl_report_file *res, const struct fl_diag *d)
{
	size_t end = (size_t)d->off + d->len;
	uint32_t line, col, end_line, end_col;

	if (d->len == 0 && d->off < res->src->len &&
	    res->src->text[d->off] != '\n' && res->src->text[d->off] != '\r') {
		size_t n = fl_utf8_seq_len(res->src->text + d->off,
		    res->src->len - d->off);

		end += n > 0 ? n : 1;
	}
	utf16_linecol(res->src, d->off, &line, &col);
	utf16_linecol(res->src, end, &end_line, &end_col);
	fl_buf_addf(b, "\"region\": {\"startLine\": %u, \"startColumn\": %u, "
	    "\"endLine\": %u, \"endColumn\": %u}", line, col, end_line,
	    end_col);
}

static void
add_prop(struct fl_buf *b, const char *key, struct fl_str v)
{
	fl_buf_addf(b, ", \"%s\": ", key);
	if (v.ptr == NULL)
		fl_buf_adds(b, "null");
	else
		fl_utf8_add_json_string(b, v);
}

/*
 * Sets st->change to the artifactChange that turns `res`'s text into
 * `fixed`'s: one replacement of the span between their common prefix
 * and suffix, both cut back to character boundaries.
 */
static void
add_change(struct sarif_state *st, const struct fl_report_file *res)
{
	const char *a = res->src->text, *z = res->fixed.ptr;
	size_t alen = res->src->len, zlen = res->fixed.len, pre, suf;
	uint32_t line, col, end_line, end_col;
	struct fl_buf *b = &st->change;

	fl_utf8_common_ends(a, alen, z, zlen, &pre, &suf);
	utf16_linecol(res->src, pre, &line, &col);
	utf16_linecol(res->src, alen - suf, &end_line, &end_col);
	fl_buf_reset(b);
	fl_buf_adds(b, "{\"artifactLocation\": {\"uri\": ");
	fl_utf8_add_json_string(b, fl_buf_str(&st->uri));
	fl_buf_addf(b, ", \"uriBaseId\": \"%%SRCROOT%%\"}, \"replacements\": "
	    "[{\"deletedRegion\": {\"startLine\": %u, \"startColumn\": %u, "
	    "\"endLine\": %u, \"endColumn\": %u}, \"insertedContent\": "
	    "{\"text\": ", line, col, end_line, end_col);
	fl_utf8_add_json_string(b, fl_str_make(z + pre, zlen - suf - pre));
	fl_buf_adds(b, "}}]}");
}

static void
sarif_file(struct fl_report *r, const struct fl_report_file *res)
{
	struct sarif_state *st = r->state;
	struct fl_buf *b = &st->b;
	uint32_t i;

	if (res->diags->n == 0)
		return;
	fl_buf_reset(&st->uri);
	add_uri_path(&st->uri, fl_str_cstr(res->relpath));
	if (res->fixed.ptr != NULL)
		add_change(st, res);
	for (i = 0; i < res->diags->n; i++) {
		const struct fl_diag *d = &res->diags->v[i];

		fl_buf_reset(b);
		fl_buf_adds(b, r->emitted ? ",\n   " : "\n   ");
		fl_buf_addf(b, "{\"ruleId\": \"%s\", \"ruleIndex\": %u, "
		    "\"level\": \"%s\", ", d->rule->code,
		    fl_rule_index(d->rule), sarif_level(d->severity));
		add_text(b, "message", fl_str_cstr(d->message));
		fl_buf_adds(b, ",\n    \"locations\": [{\"physicalLocation\": "
		    "{\"artifactLocation\": {\"uri\": ");
		fl_utf8_add_json_string(b, fl_buf_str(&st->uri));
		fl_buf_adds(b, ", \"uriBaseId\": \"%SRCROOT%\"}, ");
		add_region(b, res, d);
		fl_buf_addf(b, "}}],\n    \"partialFingerprints\": "
		    "{\"flowlint/v1\": \"%s\"},\n"
		    "    \"properties\": {\"flow\": ", d->fingerprint->hex);
		fl_utf8_add_json_string(b, res->flow);
		add_prop(b, "action", d->action);
		add_prop(b, "pointer", d->pointer ? fl_str_cstr(d->pointer) :
		    (struct fl_str){ NULL, 0 });
		fl_buf_addf(b, ", \"fixable\": %s}",
		    d->fixable ? "true" : "false");
		if (d->fixable && d->fixed && res->fixed.ptr != NULL) {
			fl_buf_adds(b, ",\n    \"fixes\": [{");
			add_text(b, "description",
			    fl_str_cstr(d->rule->fix_title));
			fl_buf_adds(b, ", \"artifactChanges\": [");
			fl_buf_addstr(b, fl_buf_str(&st->change));
			fl_buf_adds(b, "]}]");
		}
		fl_buf_addch(b, '}');
		fwrite(b->ptr, 1, b->len, r->out);
		r->emitted++;
	}
}

static void
sarif_end(struct fl_report *r, const struct fl_report_totals *t)
{
	struct sarif_state *st = r->state;

	fputs(r->emitted ? "\n  ]\n }]\n}\n" : "]\n }]\n}\n", r->out);
	fl_buf_release(&st->b);
	fl_buf_release(&st->uri);
	fl_buf_release(&st->change);
	free(st);
	r->state = NULL;
}

const struct fl_report_format fl_report_sarif = {
	.name = "sarif",
	.carries_fixes = true,
	.fingerprints = true,
	.begin = sarif_begin,
	.file = sarif_file,
	.end = sarif_end,
};
