/*
 * The command table: a new command is a struct fl_cmd in its own file,
 * declared in cmd.h and listed here.
 */
#include "cmd/cmd.h"

const struct fl_cmd *const fl_commands[] = {
	&fl_cmd_check,
	&fl_cmd_completions,
	&fl_cmd_diff,
	&fl_cmd_explain,
	&fl_cmd_explain_error,
	&fl_cmd_fix,
	&fl_cmd_format,
	&fl_cmd_graph,
	&fl_cmd_install_hook,
	&fl_cmd_man,
	&fl_cmd_rules,
	&fl_cmd_schema,
	&fl_cmd_server,
	&fl_cmd_textconv,
	NULL,
};
