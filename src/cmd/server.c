/*
 * flowlint server: the language server on standard input and output.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "server/server.h"

static const char usage_text[] =
"usage: flowlint server [options]\n"
"\n"
"Run a Language Server Protocol server on standard input and output,\n"
"for editors: diagnostics as `flowlint check` reports them (the same\n"
"rules, .flowlint.json and inventory, from the workspace root the\n"
"editor names), quick fixes and fix-all from `flowlint fix`, formatting\n"
"as `flowlint format` writes it, and a rule's page on hover.  Logs go\n"
"to standard error.\n"
"\n"
"Options:\n"
"      --debounce MS     lint an edited document once it has been\n"
"                        unchanged for MS milliseconds (default: 150)\n"
"      --stdio           accepted for clients that pass it (stdio is\n"
"                        the only transport)\n"
"  -h, --help            show this help\n"
"\n"
"Exit status: 0 after the client's shutdown and exit, 1 when the\n"
"client went away without them, 2 usage error.\n";

int
cmd_server(int argc, char **argv)
{
	enum { OPT_DEBOUNCE = 256, OPT_STDIO };
	static const struct option longopts[] = {
		{ "debounce", required_argument, NULL, OPT_DEBOUNCE },
		{ "stdio", no_argument, NULL, OPT_STDIO },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct fl_server_options o = { STDIN_FILENO, STDOUT_FILENO, 150 };
	unsigned long ms;
	char *end;
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_DEBOUNCE:
			ms = strtoul(optarg, &end, 10);
			if (optarg[0] < '0' || optarg[0] > '9' || *end != '\0' ||
			    ms > 60000)
				return fl_cmd_usage_error("server", "--debounce "
				    "takes milliseconds from 0 to 60000, not "
				    "'%s'", optarg);
			o.debounce_ms = (unsigned)ms;
			break;
		case OPT_STDIO:
			break;
		case 'h':
			fputs(usage_text, stdout);
			return FL_EXIT_OK;
		case ':':
			return fl_cmd_usage_error("server", "option '%s' needs "
			    "a value", argv[optind - 1]);
		default:
			return fl_cmd_usage_error("server", "unknown option "
			    "'%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return fl_cmd_usage_error("server", "unexpected argument '%s'",
		    argv[optind]);
	return fl_server_run(&o);
}
