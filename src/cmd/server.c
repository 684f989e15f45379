/*
 * flowlint server: the language server on standard input and output.
 */
#include <stdlib.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "server/server.h"
#include "util/error.h"

struct server_opts {
	struct fl_run_args run;
	unsigned debounce_ms;
	bool stdio;
};

static int
opt_debounce(const struct fl_option *opt, void *field, const char *value)
{
	unsigned *ms = field;
	char *end;
	unsigned long n = strtoul(value, &end, 10);

	if (value[0] < '0' || value[0] > '9' || *end != '\0' || n > 60000)
		return fl_error_set(FL_EINVAL, "--%s takes milliseconds from 0 "
		    "to 60000, not '%s'", opt->long_name, value);
	*ms = (unsigned)n;
	return 0;
}

#define O struct server_opts
static const struct fl_option options[] = {
	FL_OPT_CALL(0, "debounce", "MS", O, debounce_ms, opt_debounce,
	    "lint an edited document once it has been unchanged for MS "
	    "milliseconds (default: 150)"),
	FL_OPT_FLAG(0, "stdio", O, stdio, "accepted for clients that pass "
	    "it: standard input and output are the only transport"),
	FL_OPT_RUN_CONFIG_FROM(O, run, "the workspace root the editor "
	    "names (else the current folder)"),
	FL_OPT_HELP,
	FL_OPT_END,
};
#undef O

static int cmd_server(int argc, char **argv);

const struct fl_cmd fl_cmd_server = {
	.name = "server",
	.summary = "a language server for editors (LSP on stdin/stdout)",
	.synopsis = "[options]",
	.description =
"Run a Language Server Protocol server on standard input and output,\n"
"for editors: diagnostics as `flowlint check` reports them (the same\n"
"rules, .flowlint.json and inventory, from the workspace root the\n"
"editor names), quick fixes and fix-all from `flowlint fix`, formatting\n"
"as `flowlint format` writes it, and a rule's page on hover.  Logs go\n"
"to standard error.\n",
	.options = options,
	.epilogue =
"Exit status: 0 after the client's shutdown and exit, 1 when the\n"
"client went away without them, 2 usage error.\n",
	.max_operands = 0,
	.run = cmd_server,
};

static int
cmd_server(int argc, char **argv)
{
	struct server_opts o = { .debounce_ms = 150 };
	struct fl_server_options so;
	struct fl_operands ops;
	int rc = fl_cmd_parse(&fl_cmd_server, &o, argc, argv, &ops);

	if (rc >= 0)
		return rc;
	so.in = STDIN_FILENO;
	so.out = STDOUT_FILENO;
	so.debounce_ms = o.debounce_ms;
	so.config = o.run.config;
	return fl_server_run(&so);
}
