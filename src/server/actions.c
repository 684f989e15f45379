/*
 * Code actions: for the fixable findings in the requested range, the
 * fix of their rule as a quick fix, and the fixes of every enabled rule
 * as "fix all" (kind source.fixAll.flowlint).  The fix engine works on
 * the whole file, pass after pass, and does not say which bytes belong
 * to which finding, so a rule's quick fix fixes all of that rule's
 * findings in the file, as `flowlint fix --select RULE` would.  Each is
 * one TextEdit: what lies between the unchanged prefix and suffix.
 */
#include <stdint.h>
#include <string.h>

#include "fix/fix.h"
#include "lint/lint.h"
#include "rules/rule.h"
#include "server/session.h"
#include "util/error.h"

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

/*
 * Appends the CodeAction that applies the fixes of `only` (NULL: every
 * enabled rule) to `doc`, listing `diags` (the findings it is for, may
 * be empty); nothing when the fix changes nothing or fails.
 */
static void
add_fix_action(struct fl_server *s, const struct fl_document *doc,
    const struct fl_lsp_lines *l, const struct fl_rule *only,
    const struct fl_buf *diags, const char *kind)
{
	struct fl_fix_outcome out;
	struct fl_result full;

	if (fl_workspace_fix(&s->ws, doc, only, &out, &full) != 0) {
		fl_server_log("%s: no fix: %s", doc->uri, fl_error_msg());
		fl_error_clear();
		return;
	}
	if (out.changed) {
		if (s->result.len > 1)
			fl_buf_addch(&s->result, ',');
		fl_buf_adds(&s->result, "{\"title\":");
		if (only != NULL)
			fl_buf_addf(&s->result, "\"Fix %s %s\"", only->code,
			    only->name);
		else
			fl_buf_adds(&s->result, "\"Fix all flowlint "
			    "findings\"");
		fl_buf_addf(&s->result, ",\"kind\":\"%s\",\"diagnostics\":[",
		    kind);
		fl_buf_addstr(&s->result, fl_buf_str(diags));
		fl_buf_addf(&s->result, "],\"isPreferred\":%s,\"edit\":"
		    "{\"changes\":{", only != NULL ? "true" : "false");
		fl_buf_add_json_string(&s->result, fl_str_cstr(doc->uri));
		fl_buf_adds(&s->result, ":[");
		fl_lsp_add_text_edit(&s->result, l, fl_str_make(
		    out.final->src.text, out.final->src.len));
		fl_buf_adds(&s->result, "]}}}");
	}
	fl_fix_outcome_release(&out);
	fl_result_release(&full);
}

int
fl_lsp_code_action(struct fl_server *s, const struct fl_rpc_msg *m)
{
	struct fl_document *doc = fl_server_document(s, m);
	uint32_t range = fl_rpc_path(m, m->params, "range", NULL);
	long long pos[4];
	const char *keys[4][2] = { { "start", "line" }, { "start", "character" },
	    { "end", "line" }, { "end", "character" } };
	bool done[FL_MAX_RULES] = { false }, any_fixable = false;
	struct fl_buf diags = FL_BUF_INIT;
	struct fl_lsp_lines lines;
	struct fl_result res;
	size_t from, to, off, end;
	uint32_t i, j;

	for (i = 0; i < 4; i++) {
		pos[i] = fl_rpc_uint(m, fl_rpc_path(m, range, keys[i][0],
		    keys[i][1], NULL));
		if (pos[i] < 0 || pos[i] > UINT32_MAX) {
			s->error = "codeAction needs a range";
			return FL_RPC_INVALID_PARAMS;
		}
	}
	fl_buf_adds(&s->result, "[");
	if (doc == NULL || !fl_workspace_lint(&s->ws, doc, &res)) {
		fl_buf_adds(&s->result, "]");
		return 0;
	}
	fl_lsp_lines_init(&lines, doc->text, doc->len);
	from = fl_lsp_offset(&lines, (uint32_t)pos[0], (uint32_t)pos[1]);
	to = fl_lsp_offset(&lines, (uint32_t)pos[2], (uint32_t)pos[3]);
	for (i = 0; i < res.ndiags; i++) {
		const struct fl_rule *rule = res.diags[i].rule;

		if (!res.diags[i].fixable)
			continue;
		any_fixable = true;
		fl_server_diag_span(&lines, &res.diags[i], &off, &end);
		if (off > to || end < from || done[fl_rule_index(rule)] ||
		    !wanted_kind(m, "quickfix"))
			continue;
		done[fl_rule_index(rule)] = true;
		/* The findings of this rule in the range. */
		fl_buf_reset(&diags);
		for (j = i; j < res.ndiags; j++) {
			fl_server_diag_span(&lines, &res.diags[j], &off, &end);
			if (res.diags[j].rule != rule || off > to || end < from)
				continue;
			if (diags.len > 0)
				fl_buf_addch(&diags, ',');
			fl_server_add_diagnostic(&diags, &lines, &res.diags[j]);
		}
		add_fix_action(s, doc, &lines, rule, &diags, "quickfix");
	}
	if (any_fixable && wanted_kind(m, "source.fixAll.flowlint")) {
		fl_buf_reset(&diags);
		add_fix_action(s, doc, &lines, NULL, &diags,
		    "source.fixAll.flowlint");
	}
	fl_buf_adds(&s->result, "]");
	fl_buf_release(&diags);
	fl_lsp_lines_release(&lines);
	fl_result_release(&res);
	return 0;
}
