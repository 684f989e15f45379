/*
 * Code actions: for the fixable findings in the requested range, the
 * fix of their rule as a quick fix, and the fixes of every enabled rule
 * as "fix all" (kind source.fixAll.flowlint).  The fix engine works on
 * the whole file, pass after pass, and does not say which bytes belong
 * to which finding, so a rule's quick fix fixes all of that rule's
 * findings in the file, as `flowlint fix` limited to that rule would;
 * it lists the findings it removes (the engine says which), and is not
 * offered when it removes none of them.  Each is one TextEdit: what
 * lies between the unchanged prefix and suffix.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lint/fix.h"
#include "lint/lint.h"
#include "rules/rule.h"
#include "server/session.h"
#include "util/error.h"
#include "util/xalloc.h"

/* Whether code action kind `kind` is one that context.only asks for
 * (no `only`: every kind). */
static bool
wanted_kind(const struct fl_rpc_msg *m, const char *kind)
{
	uint32_t only = fl_rpc_path(m, m->params, "context", "only", NULL);
	uint32_t it;
	struct fl_str k;

	if (!fl_json_is(&m->doc, only, FL_JSON_ARRAY))
		return true;
	fl_json_foreach(&m->doc, only, it) {
		k = fl_rpc_string(m, it);
		if (k.ptr == NULL || k.len > strlen(kind) ||
		    memcmp(k.ptr, kind, k.len) != 0)
			continue;
		if (kind[k.len] == '\0' || kind[k.len] == '.')
			return true;
	}
	return false;
}

/* A code action request: the document's findings and the range. */
struct request {
	struct fl_server *s;
	const struct fl_document *doc;
	struct fl_result res;		/* as published */
	struct fl_lsp_lines lines;
	size_t from, to;		/* the range, in bytes */
};

static bool
in_range(const struct request *rq, const struct fl_diag *d)
{
	size_t off, end;

	fl_server_diag_span(&rq->lines, d, &off, &end);
	return off <= rq->to && end >= rq->from;
}

/*
 * Appends to `out` the findings of rq->res that the fix removes: those
 * of rule `only` in the range (only NULL: every finding), matched to
 * the findings of `full`, which the outcome's fixed[] is about.
 * Returns how many.
 */
static unsigned
add_fixed(struct fl_buf *out, const struct request *rq,
    const struct fl_rule *only, const struct fl_result *full,
    const struct fl_fix_outcome *fix)
{
	bool *used = fl_xcalloc(full->diags.n + 1, sizeof(*used));
	unsigned n = 0;
	uint32_t i, j;

	for (i = 0; i < rq->res.diags.n; i++) {
		const struct fl_diag *d = &rq->res.diags.v[i];

		if (only != NULL && (d->rule != only || !in_range(rq, d)))
			continue;
		for (j = 0; j < full->diags.n; j++)
			if (!used[j] && fl_diag_same(d, &full->diags.v[j]))
				break;
		if (j == full->diags.n || !full->diags.v[j].fixed)
			continue;
		used[j] = true;
		if (n++ > 0)
			fl_buf_addch(out, ',');
		fl_server_add_diagnostic(out, &rq->lines, d);
	}
	free(used);
	return n;
}

/*
 * Appends the CodeAction that applies the fixes of rule `only` (NULL:
 * every enabled rule) to the document, with the findings it removes;
 * nothing when the fix fails, changes nothing, or (for a rule) removes
 * none of the rule's findings in the range.
 */
static void
add_fix_action(struct request *rq, const struct fl_rule *only,
    const char *kind)
{
	struct fl_buf *b = &rq->s->result, diags = FL_BUF_INIT;
	struct fl_fix_outcome out;
	struct fl_result full;

	if (fl_workspace_fix(&rq->s->ws, rq->doc, only, &out, &full) != 0) {
		fl_server_log("%s: no fix: %s", rq->doc->uri, fl_error_msg());
		fl_error_clear();
		return;
	}
	if (out.changed && (add_fixed(&diags, rq, only, &full, &out) > 0 ||
	    only == NULL)) {
		if (b->len > 1)
			fl_buf_addch(b, ',');
		if (only != NULL)
			fl_buf_addf(b, "{\"title\":\"Fix %s %s\"", only->code,
			    only->name);
		else
			fl_buf_adds(b, "{\"title\":\"Fix all flowlint "
			    "findings\"");
		fl_buf_addf(b, ",\"kind\":\"%s\",\"diagnostics\":[", kind);
		fl_buf_addstr(b, fl_buf_str(&diags));
		fl_buf_addf(b, "],\"isPreferred\":%s,\"edit\":{\"changes\":{",
		    only != NULL ? "true" : "false");
		fl_buf_add_json_string(b, fl_str_cstr(rq->doc->uri));
		fl_buf_adds(b, ":[");
		fl_lsp_add_text_edit(b, &rq->lines, fl_str_make(
		    out.final->src.text, out.final->src.len));
		fl_buf_adds(b, "]}}}");
	}
	fl_buf_release(&diags);
	fl_fix_outcome_release(&out);
	fl_result_release(&full);
}

int
fl_lsp_code_action(struct fl_server *s, const struct fl_rpc_msg *m)
{
	struct request rq = { .s = s, .doc = fl_server_document(s, m) };
	uint32_t range = fl_rpc_path(m, m->params, "range", NULL);
	long long pos[4];
	const char *keys[4][2] = { { "start", "line" }, { "start", "character" },
	    { "end", "line" }, { "end", "character" } };
	bool done[FL_MAX_RULES] = { false }, any_fixable = false;
	uint32_t i;

	for (i = 0; i < 4; i++) {
		pos[i] = fl_rpc_uint(m, fl_rpc_path(m, range, keys[i][0],
		    keys[i][1], NULL));
		if (pos[i] < 0 || pos[i] > UINT32_MAX) {
			s->error = "codeAction needs a range";
			return FL_RPC_INVALID_PARAMS;
		}
	}
	fl_buf_adds(&s->result, "[");
	if (rq.doc == NULL || !fl_workspace_lint(&s->ws, rq.doc, &rq.res)) {
		fl_buf_adds(&s->result, "]");
		return 0;
	}
	fl_lsp_lines_init(&rq.lines, rq.doc->text, rq.doc->len);
	rq.from = fl_lsp_offset(&rq.lines, (uint32_t)pos[0], (uint32_t)pos[1]);
	rq.to = fl_lsp_offset(&rq.lines, (uint32_t)pos[2], (uint32_t)pos[3]);
	for (i = 0; i < rq.res.diags.n; i++) {
		const struct fl_diag *d = &rq.res.diags.v[i];

		if (!d->fixable)
			continue;
		any_fixable = true;
		if (done[fl_rule_index(d->rule)] || !in_range(&rq, d) ||
		    !wanted_kind(m, "quickfix"))
			continue;
		done[fl_rule_index(d->rule)] = true;
		add_fix_action(&rq, d->rule, "quickfix");
	}
	if (any_fixable && wanted_kind(m, "source.fixAll.flowlint"))
		add_fix_action(&rq, NULL, "source.fixAll.flowlint");
	fl_buf_adds(&s->result, "]");
	fl_lsp_lines_release(&rq.lines);
	fl_result_release(&rq.res);
	return 0;
}
