/*
 * The table of report formats.
 */
#include "report/report.h"

#include <string.h>

static const struct fl_report_format *const formats[] = {
	&fl_report_text,
	&fl_report_json,
	&fl_report_codequality,
	&fl_report_sarif,
	&fl_report_junit,
};

const struct fl_report_format *
fl_report_format_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(formats[i]->name, name) == 0)
			return formats[i];
	return NULL;
}

const char *
fl_report_format_names(void)
{
	return "text, json, codequality, sarif, junit";
}
