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

/*
 * The summary line.  It never says "No problems found" beside an error:
 * files that could not be read come first; and a run that checked
 * nothing says why.
 */
static void
text_end(struct fl_report *r, const struct fl_report_totals *t)
{
	const char *bold = r->color ? BOLD : "", *reset = r->color ? RESET : "";

	if (r->quiet)
		return;
	if (t->errors + t->warnings + t->infos > 0) {
		fprintf(r->out, "%sFound %u %s and %u %s%s in %u of %u %s",
		    bold, t->errors, plural(t->errors, "error", "errors"),
		    t->warnings, plural(t->warnings, "warning", "warnings"),
		    reset, t->files_with_findings, t->files,
		    plural(t->files, "file", "files"));
		if (t->unreadable > 0)
			fprintf(r->out, "; %u could not be read", t->unreadable);
	} else if (t->unreadable > 0) {
		fprintf(r->out, "%s%u %s could not be read%s; ", bold,
		    t->unreadable, plural(t->unreadable, "file", "files"),
		    reset);
		if (t->files == 0)
			fprintf(r->out, "no other file checked");
		else
			fprintf(r->out, "%u other %s checked, without findings",
			    t->files, plural(t->files, "file", "files"));
	} else if (t->files == 0) {
		fprintf(r->out, "%s0 files checked%s%s%s", bold, reset,
		    t->why_none != NULL ? ": " : "",
		    t->why_none != NULL ? t->why_none : "");
	} else {
		fprintf(r->out, "%sNo problems found%s in %u %s", bold, reset,
		    t->files, plural(t->files, "file", "files"));
	}
	fputs(".\n", r->out);
}

const struct fl_report_format fl_report_text = {
	.name = "text",
	.begin = text_begin,
	.file = text_file,
	.end = text_end,
};
