/*
 * Messages shared by the subcommands.
 */
#include <stdarg.h>
#include <stdio.h>

#include "cmd/cmd.h"
#include "util/error.h"

void
fl_cmd_error(const char *fmt, ...)
{
	va_list ap;

	fputs("flowlint: error: ", stderr);
	if (fmt == NULL) {
		fputs(fl_error_msg(), stderr);
	} else {
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
	}
	fputc('\n', stderr);
}

int
fl_cmd_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "flowlint %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nRun 'flowlint %s --help' for usage.\n", cmd);
	return FL_EXIT_ERROR;
}
