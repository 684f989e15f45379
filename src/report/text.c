/*
 * The text report: one gcc-style line per finding, so that editors'
 * quickfix lists and CI logs read it, then a one-line summary.
 *
 *   path:line:col: severity [CODE rule-name] message
 */
#include "report/report.h"

#include "diag/diag.h"
#include "rules/rule.h"
#include "util/source.h"

#define BOLD "\033[1m"
#define RED "\033[1;31m"
#define YELLOW "\033[1;33m"
#define CYAN "\033[1;36m"
#define DIM "\033[2m"
#define RESET "\033[0m"

static void
text_begin(struct fl_report *r)
{
	(void)r;
}

static const char *
severity_color(enum fl_severity s)
{
	switch (s) {
	case FL_SEV_ERROR: return RED;
	case FL_SEV_WARNING: return YELLOW;
	case FL_SEV_INFO: return CYAN;
	}
	return "";
}

static void
text_file(struct fl_report *r, const struct fl_report_file *res)
{
	uint32_t i;

	for (i = 0; i < res->diags->n; i++) {
		const struct fl_diag *d = &res->diags->v[i];
		const char *sev = fl_severity_name(d->severity);

		if (r->color)
			fprintf(r->out, BOLD "%s:%u:%u:" RESET " %s%s" RESET
			    " " DIM "[%s %s]" RESET " %s\n", res->src->path,
			    d->line, d->col, severity_color(d->severity), sev,
			    d->rule->code, d->rule->name, d->message);
		else
			fprintf(r->out, "%s:%u:%u: %s [%s %s] %s\n",
			    res->src->path, d->line, d->col, sev, d->rule->code,
			    d->rule->name, d->message);
		r->emitted++;
	}
}

static const char *
plural(unsigned n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void
text_end(struct fl_report *r, const struct fl_report_totals *t)
{
	if (r->quiet)
		return;
	if (t->errors + t->warnings + t->infos == 0) {
		fprintf(r->out, "%sNo problems found%s in %u %s.\n",
		    r->color ? BOLD : "", r->color ? RESET : "", t->files,
		    plural(t->files, "file", "files"));
		return;
	}
	fprintf(r->out, "%sFound %u %s and %u %s%s in %u of %u %s.\n",
	    r->color ? BOLD : "", t->errors, plural(t->errors, "error",
	    "errors"), t->warnings, plural(t->warnings, "warning", "warnings"),
	    r->color ? RESET : "", t->files_with_findings, t->files,
	    plural(t->files, "file", "files"));
}

const struct fl_report_format fl_report_text = {
	.name = "text",
	.begin = text_begin,
	.file = text_file,
	.end = text_end,
};
