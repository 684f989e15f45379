/*
 * The GitLab Code Quality report: a JSON array of issues, the subset of
 * the Code Climate format that GitLab reads (its documented fields):
 *
 *   [{"description": "[FL101 hardcoded-arn] queue ARN hardcodes ...",
 *     "check_name": "FL101 hardcoded-arn",
 *     "fingerprint": "<64 hex digits, see fingerprint.h>",
 *     "severity": "major",
 *     "location": {"path": "imports/resources/flows/x.json",
 *                  "lines": {"begin": 4}}}, ...]
 *
 * GitLab compares the fingerprints of a merge request's head and base
 * reports: head minus base is new, base minus head is resolved.  One
 * malformed entry can make it drop the whole report, so every entry has
 * every field, strings are valid UTF-8, and paths are relative to the
 * repository root.  Severities: error -> major, warning -> minor,
 * info -> info (critical and blocker are left to security tools).
 *
 * Streamed: the bracket in begin, one entry per line in file, the
 * closing bracket in end.
 */
#include "report/report.h"

#include <stdlib.h>

#include "diag/diag.h"
#include "rules/rule.h"
#include "diag/fingerprint.h"
#include "util/buf.h"
#include "util/source.h"
#include "util/utf8.h"
#include "util/xalloc.h"

struct cq_state {
	struct fl_buf b;
};

static const char *
cq_severity(enum fl_severity s)
{
	switch (s) {
	case FL_SEV_ERROR: return "major";
	case FL_SEV_WARNING: return "minor";
	case FL_SEV_INFO: return "info";
	}
	return "info";
}

static void
cq_begin(struct fl_report *r)
{
	struct cq_state *st = fl_xcalloc(1, sizeof(*st));

	fl_buf_init(&st->b);
	r->state = st;
	fputc('[', r->out);
}

static void
cq_file(struct fl_report *r, const struct fl_report_file *res)
{
	struct cq_state *st = r->state;
	struct fl_buf *b = &st->b;
	struct fl_buf desc = FL_BUF_INIT;
	uint32_t i;

	if (res->diags->n == 0)
		return;
	for (i = 0; i < res->diags->n; i++) {
		const struct fl_diag *d = &res->diags->v[i];

		fl_buf_reset(b);
		fl_buf_reset(&desc);
		fl_buf_addf(&desc, "[%s %s] %s", d->rule->code, d->rule->name,
		    d->message);
		fl_buf_adds(b, r->emitted ? ",\n " : "\n ");
		fl_buf_adds(b, "{\"description\": ");
		fl_utf8_add_json_string(b, fl_buf_str(&desc));
		fl_buf_addf(b, ", \"check_name\": \"%s %s\", \"fingerprint\": "
		    "\"%s\", \"severity\": \"%s\", \"location\": {\"path\": ",
		    d->rule->code, d->rule->name, d->fingerprint->hex,
		    cq_severity(d->severity));
		fl_utf8_add_json_string(b, fl_str_cstr(res->relpath));
		fl_buf_addf(b, ", \"lines\": {\"begin\": %u}}}", d->line);
		fwrite(b->ptr, 1, b->len, r->out);
		r->emitted++;
	}
	fl_buf_release(&desc);
}

static void
cq_end(struct fl_report *r, const struct fl_report_totals *t)
{
	struct cq_state *st = r->state;

	fputs(r->emitted ? "\n]\n" : "]\n", r->out);
	fl_buf_release(&st->b);
	free(st);
	r->state = NULL;
}

const struct fl_report_format fl_report_codequality = {
	.name = "codequality",
	.fingerprints = true,
	.begin = cq_begin,
	.file = cq_file,
	.end = cq_end,
};
