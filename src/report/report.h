/*
 * Report writers.  A report is streamed: begin, one call per checked
 * file (in a deterministic order), end with the totals.  Each format is
 * one file (text.c, json.c, ...) exporting a const struct fl_report_format.
 */
#ifndef FL_REPORT_REPORT_H
#define FL_REPORT_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "util/str.h"

struct fl_diag_list;
struct fl_source;

/* One checked file, as the reports see it: they render it, nothing more. */
struct fl_report_file {
	struct fl_source *src;		/* the path and the bytes read */
	struct fl_str flow;		/* the flow's name */
	const struct fl_diag_list *diags; /* what to report, in order */
	struct fl_str fixed;		/* what `flowlint fix` would write, or
					   {NULL, 0} (no fix stage, or nothing
					   changes); fl_diag.fixed marks the
					   findings it removes */
};

struct fl_report_totals {
	unsigned files;		/* files checked */
	unsigned errors, warnings, infos;
	unsigned files_with_findings;
	unsigned unreadable;	/* files, or named paths, that could not
				   be read */
	const char *why_none;	/* borrowed: when no file was checked and
				   none was unreadable, why (a phrase for
				   the summary), or NULL */
};

struct fl_report {
	const struct fl_report_format *format;
	FILE *out;		/* borrowed */
	bool color;		/* ANSI colour (text only) */
	bool quiet;		/* findings only, no summary */
	unsigned emitted;	/* diagnostics written so far */
	void *state;		/* the format's own, freed by its end() */
};

struct fl_report_format {
	const char *name;	/* as given to --format */
	bool carries_fixes;	/* wants the fixed text (a fix stage) */
	void (*begin)(struct fl_report *r);
	void (*file)(struct fl_report *r, const struct fl_report_file *res);
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
