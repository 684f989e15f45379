/*
 * flowlint: the command table and dispatch.  Everything else lives in
 * the subcommands (src/cmd/).
 */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"

static const struct fl_cmd commands[] = {
	{ "check", cmd_check, "lint flow files or folders (default: .)" },
	{ "diff", cmd_diff,
	    "compare two versions of a flow block by block" },
	{ "explain", cmd_explain, "print the documentation of one rule" },
	{ "fix", cmd_fix, "apply the safe fixes in place (--diff to preview)" },
	{ "format", cmd_format, "rewrite flow files in the canonical layout" },
	{ "graph", cmd_graph,
	    "draw a flow as a Mermaid or Graphviz graph" },
	{ "install-hook", cmd_install_hook,
	    "install the git pre-commit hook (flowlint check --staged)" },
	{ "rules", cmd_rules, "list every rule" },
	{ "textconv", cmd_textconv,
	    "print a flow as lines for git diff (the diff driver)" },
};

static void
usage(FILE *out)
{
	size_t i;

	fputs("usage: flowlint <command> [options] [PATH...]\n\n"
	    "A linter for Amazon Connect contact-flow exports.\n\n"
	    "Commands:\n", out);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-14s %s\n", commands[i].name,
		    commands[i].summary);
	fputs("\nRun 'flowlint <command> --help' for a command's options.\n"
	    "Exit codes: 0 no errors, 1 findings, 2 usage, configuration "
	    "or I/O error.\n", out);
}

int
main(int argc, char **argv)
{
	size_t i;

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
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "flowlint: error: unknown command '%s'\n\n", argv[1]);
	usage(stderr);
	return FL_EXIT_ERROR;
}
