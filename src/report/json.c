/*
 * The JSON report (a contract: tests and CI tooling read it):
 *
 *   {"version": 1,
 *    "diagnostics": [{"code", "rule", "severity", "path", "line",
 *                     "column", "message", "flow", "action", "pointer",
 *                     "fixable"}, ...],
 *    "summary": {"files", "errors", "warnings"}}
 *
 * Streamed one diagnostic per line, so memory stays bounded by a file.
 * "action" and "pointer" are null when a finding has none.
 */
#include "report/report.h"

#include "diag/diag.h"
#include "rules/rule.h"
#include "util/buf.h"
#include "util/source.h"

static void
json_begin(struct fl_report *r)
{
	fputs("{\"version\": 1,\n \"diagnostics\": [", r->out);
}

static void
add_key_str(struct fl_buf *b, const char *key, struct fl_str v)
{
	fl_buf_addf(b, ", \"%s\": ", key);
	if (v.ptr == NULL)
		fl_buf_adds(b, "null");
	else
		fl_buf_add_json_string(b, v);
}

static void
json_file(struct fl_report *r, const struct fl_report_file *res)
{
	struct fl_buf b = FL_BUF_INIT;
	uint32_t i;

	for (i = 0; i < res->diags->n; i++) {
		const struct fl_diag *d = &res->diags->v[i];
		struct fl_str flow = res->flow;

		fl_buf_reset(&b);
		fl_buf_adds(&b, r->emitted ? ",\n   " : "\n   ");
		fl_buf_addf(&b, "{\"code\": \"%s\", \"rule\": \"%s\", "
		    "\"severity\": \"%s\"", d->rule->code, d->rule->name,
		    fl_severity_name(d->severity));
		add_key_str(&b, "path", fl_str_cstr(res->src->path));
		fl_buf_addf(&b, ", \"line\": %u, \"column\": %u", d->line,
		    d->col);
		add_key_str(&b, "message", fl_str_cstr(d->message));
		add_key_str(&b, "flow", flow);
		add_key_str(&b, "action", d->action);
		add_key_str(&b, "pointer", d->pointer ?
		    fl_str_cstr(d->pointer) : (struct fl_str){ NULL, 0 });
		fl_buf_addf(&b, ", \"fixable\": %s}",
		    d->fixable ? "true" : "false");
		fwrite(b.ptr, 1, b.len, r->out);
		r->emitted++;
	}
	fl_buf_release(&b);
}

static void
json_end(struct fl_report *r, const struct fl_report_totals *t)
{
	fprintf(r->out, "%s],\n \"summary\": {\"files\": %u, \"errors\": %u, "
	    "\"warnings\": %u}}\n", r->emitted ? "\n " : "", t->files,
	    t->errors, t->warnings);
}

const struct fl_report_format fl_report_json = {
	.name = "json",
	.begin = json_begin,
	.file = json_file,
	.end = json_end,
};
