/*
 * Hover: on a finding, its rule code, name and message, and the rule's
 * page as `flowlint explain` prints it.
 */
#include <stdint.h>

#include "lint/lint.h"
#include "rules/docs.h"
#include "rules/rule.h"
#include "server/session.h"
#include "util/utf8.h"

/* Whether finding `d`'s range holds byte `pos`. */
static bool
covers(const struct fl_lsp_lines *l, const struct fl_diag *d, size_t pos)
{
	size_t off, end;

	fl_server_diag_span(l, d, &off, &end);
	return pos >= off && (pos < end || pos == off);
}

int
fl_lsp_hover(struct fl_server *s, const struct fl_rpc_msg *m)
{
	struct fl_document *doc = fl_server_document(s, m);
	uint32_t at = fl_rpc_path(m, m->params, "position", NULL);
	long long line = fl_rpc_uint(m, fl_rpc_path(m, at, "line", NULL));
	long long ch = fl_rpc_uint(m, fl_rpc_path(m, at, "character", NULL));
	const struct fl_diag *first = NULL;
	struct fl_buf text = FL_BUF_INIT;
	struct fl_lsp_lines lines;
	struct fl_rule_doc page;
	struct fl_result res;
	size_t pos, off, end;
	uint32_t i;

	if (line < 0 || ch < 0 || line > UINT32_MAX || ch > UINT32_MAX) {
		s->error = "hover needs a position";
		return FL_RPC_INVALID_PARAMS;
	}
	if (doc == NULL || !fl_workspace_lint(&s->ws, doc, &res)) {
		fl_buf_adds(&s->result, "null");
		return 0;
	}
	fl_lsp_lines_init(&lines, doc->text, doc->len);
	pos = fl_lsp_offset(&lines, (uint32_t)line, (uint32_t)ch);
	for (i = 0; i < res.diags.n; i++) {
		const struct fl_diag *d = &res.diags.v[i];

		if (!covers(&lines, d, pos))
			continue;
		if (first == NULL)
			first = d;
		else
			fl_buf_adds(&text, "\n\n---\n\n");
		fl_buf_addf(&text, "**%s %s** (%s): ", d->rule->code,
		    d->rule->name, fl_severity_name(d->severity));
		fl_buf_adds(&text, d->message);
		if (fl_rule_doc(&page, d->rule) == 0) {
			fl_buf_adds(&text, "\n\n");
			fl_buf_addstr(&text, page.body);
		}
	}
	if (first == NULL) {
		fl_buf_adds(&s->result, "null");
	} else {
		fl_buf_adds(&s->result, "{\"contents\":{\"kind\":\"markdown\","
		    "\"value\":");
		fl_utf8_add_json_string(&s->result, fl_buf_str(&text));
		fl_buf_adds(&s->result, "},\"range\":");
		fl_server_diag_span(&lines, first, &off, &end);
		fl_lsp_add_range(&s->result, &lines, off, end);
		fl_buf_addch(&s->result, '}');
	}
	fl_buf_release(&text);
	fl_lsp_lines_release(&lines);
	fl_result_release(&res);
	return 0;
}
