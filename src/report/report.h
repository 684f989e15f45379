/*
 * Report writers.  A report is streamed: begin, one call per checked
 * file (in a deterministic order), end with the totals.  Each format is
 * one file (text.c, json.c, ...) exporting a const struct fl_report_format.
 */
#ifndef FL_REPORT_REPORT_H
#define FL_REPORT_REPORT_H

#include <stdbool.h>
#include <stdio.h>

struct fl_lint_options;
struct fl_result;

struct fl_report_totals {
	unsigned files;		/* files checked */
	unsigned errors, warnings, infos;
	unsigned files_with_findings;
};

struct fl_report {
	const struct fl_report_format *format;
	FILE *out;		/* borrowed */
	bool color;		/* ANSI colour (text only) */
	bool quiet;		/* findings only, no summary */
	unsigned emitted;	/* diagnostics written so far */
	const struct fl_lint_options *lint; /* borrowed: how the files were
				   linted, for formats that carry fixes
				   (SARIF); NULL: no fixes */
	void *state;		/* the format's own, freed by its end() */
};

struct fl_report_format {
	const char *name;	/* as given to --format */
	void (*begin)(struct fl_report *r);
	void (*file)(struct fl_report *r, struct fl_result *res);
	void (*end)(struct fl_report *r, const struct fl_report_totals *t);
};

extern const struct fl_report_format fl_report_text;
extern const struct fl_report_format fl_report_json;
extern const struct fl_report_format fl_report_codequality;
extern const struct fl_report_format fl_report_sarif;
extern const struct fl_report_format fl_report_junit;

/* The format named `name`, or NULL. */
const struct fl_report_format *fl_report_format_find(const char *name);
/* "text, json, ..." for help and error messages. */
const char *fl_report_format_names(void);

#endif
