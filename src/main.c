/*
 * flowlint: dispatch to a command of fl_commands[] (src/cmd/commands.c).
 * Everything else lives in the commands (src/cmd/).
 */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"

static void
usage(FILE *out)
{
	const struct fl_cmd *const *c;

	fputs("usage: flowlint <command> [options] [PATH...]\n\n"
	    "A linter for Amazon Connect contact-flow exports.\n\n"
	    "Commands:\n", out);
	for (c = fl_commands; *c != NULL; c++)
		fprintf(out, "  %-14s %s\n", (*c)->name, (*c)->summary);
	fputs("\nRun 'flowlint <command> --help' for a command's options.\n"
	    "Exit codes: 0 no errors, 1 findings, 2 usage, configuration "
	    "or I/O error.\n", out);
}

int
main(int argc, char **argv)
{
	const struct fl_cmd *const *c;

	if (argc < 2) {
		usage(stderr);
		return FL_EXIT_ERROR;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return FL_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		puts("flowlint " FLOWLINT_VERSION);
		return FL_EXIT_OK;
	}
	for (c = fl_commands; *c != NULL; c++)
		if (strcmp(argv[1], (*c)->name) == 0)
			return (*c)->run(argc - 1, argv + 1);
	if (fl_cmd_closest(argv[1]) != NULL)
		fprintf(stderr, "flowlint: error: unknown command '%s' (did you "
		    "mean '%s'?)\n\n", argv[1], fl_cmd_closest(argv[1]));
	else
		fprintf(stderr, "flowlint: error: unknown command '%s'\n\n",
		    argv[1]);
	usage(stderr);
	return FL_EXIT_ERROR;
}
