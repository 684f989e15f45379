/*
 * Publishing a document's findings as LSP diagnostics: the same
 * findings `check` reports for the file with this text, each with its
 * rule code, a link to the rule's page and the range of the value it is
 * about, in UTF-16 columns (also inside the stringified Content, whose
 * findings carry file offsets).
 */
#include <stdlib.h>

#include "lint/lint.h"
#include "rules/rule.h"
#include "server/session.h"
#include "util/error.h"
#include "util/utf8.h"
#include "util/xalloc.h"

char *
fl_server_rule_href(const struct fl_rule *r)
{
	struct fl_buf b = FL_BUF_INIT;

	fl_buf_addf(&b, "%srules/%s-%s.md", FLOWLINT_HOMEPAGE, r->code,
	    r->name);
	return fl_buf_detach(&b, NULL);
}

void
fl_server_diag_span(const struct fl_lsp_lines *l, const struct fl_diag *d,
    size_t *off, size_t *end)
{
	size_t seq;

	*off = d->off < l->len ? d->off : l->len;
	*end = *off + d->len <= l->len ? *off + d->len : l->len;
	if (*end > *off || *off == l->len || l->text[*off] == '\n' ||
	    l->text[*off] == '\r')
		return;
	seq = fl_utf8_seq_len(l->text + *off, l->len - *off);
	*end = *off + (seq > 0 ? seq : 1);
}

static int
lsp_severity(enum fl_severity s)
{
	switch (s) {
	case FL_SEV_ERROR: return 1;
	case FL_SEV_WARNING: return 2;
	case FL_SEV_INFO: return 3;
	}
	return 1;
}

void
fl_server_add_diagnostic(struct fl_buf *out, const struct fl_lsp_lines *l,
    const struct fl_diag *d)
{
	char *href = fl_server_rule_href(d->rule);
	size_t off, end;

	fl_server_diag_span(l, d, &off, &end);
	fl_buf_adds(out, "{\"range\":");
	fl_lsp_add_range(out, l, off, end);
	fl_buf_addf(out, ",\"severity\":%d,\"code\":\"%s\","
	    "\"codeDescription\":{\"href\":", lsp_severity(d->severity),
	    d->rule->code);
	fl_buf_add_json_string(out, fl_str_cstr(href));
	fl_buf_adds(out, "},\"source\":\"flowlint\",\"message\":");
	fl_utf8_add_json_string(out, fl_str_cstr(d->message));
	fl_buf_addf(out, ",\"data\":{\"rule\":\"%s\",\"fixable\":%s}}",
	    d->rule->name, d->fixable ? "true" : "false");
	free(href);
}

void
fl_server_publish(struct fl_server *s, struct fl_document *doc)
{
	struct fl_buf params = FL_BUF_INIT;
	struct fl_lsp_lines lines;
	struct fl_result res;
	uint32_t i;

	doc->lint_at = -1;
	fl_buf_adds(&params, "{\"uri\":");
	fl_buf_add_json_string(&params, fl_str_cstr(doc->uri));
	if (doc->version >= 0)
		fl_buf_addf(&params, ",\"version\":%lld", doc->version);
	fl_buf_adds(&params, ",\"diagnostics\":[");
	/* A file `check` passes over gets an empty list, never an error. */
	if (fl_workspace_lint(&s->ws, doc, &res)) {
		fl_lsp_lines_init(&lines, doc->text, doc->len);
		for (i = 0; i < res.diags.n; i++) {
			if (i > 0)
				fl_buf_addch(&params, ',');
			fl_server_add_diagnostic(&params, &lines,
			    &res.diags.v[i]);
		}
		fl_lsp_lines_release(&lines);
		fl_result_release(&res);
	}
	fl_buf_adds(&params, "]}");
	fl_server_notify(s, "textDocument/publishDiagnostics",
	    fl_buf_str(&params));
	fl_buf_release(&params);
}

void
fl_server_reload(struct fl_server *s)
{
	long long now = fl_lsp_now_ms();
	size_t i;

	if (fl_workspace_load(&s->ws, NULL) != 0) {
		fl_server_log("%s (keeping the configuration loaded before)",
		    fl_error_msg());
		fl_error_clear();
	}
	for (i = 0; i < s->docs.n; i++)
		s->docs.v[i].lint_at = now;
}
