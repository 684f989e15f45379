/*
 * flowlint schema: print the JSON Schema of the flow language.
 */
#include <stdio.h>

#include "cmd/cmd.h"
#include "config/config.h"
#include "config/project.h"
#include "flow/catalog.h"
#include "schema/flow_schema.h"
#include "util/buf.h"

struct schema_opts {
	struct fl_run_args run;
	bool builtin;
};

#define O struct schema_opts
static const struct fl_option options[] = {
	FL_OPT_FLAG(0, "builtin", O, builtin, "from the built-in action "
	    "catalog alone, without the \"actions\" of any configuration"),
	FL_OPT_RUN_CONFIG_FROM(O, run, "the current folder"),
	FL_OPT_HELP,
	FL_OPT_END,
};
#undef O

static int cmd_schema(int argc, char **argv);

const struct fl_cmd fl_cmd_schema = {
	.name = "schema",
	.summary = "print the JSON Schema of the flow language",
	.synopsis = "[options]",
	.description =
"Print a JSON Schema (draft 2020-12) of the Amazon Connect flow\n"
"language, generated from the action catalog: each action Type with its\n"
"parameters, required ones and value classes, error types and\n"
"transitions, so that a JSON-aware editor completes and validates flows.\n"
"It accepts a flow-language document, or an exported file whose string\n"
"Content holds one.  The catalog is the built-in one (rules/) with the\n"
"\"actions\" of the .flowlint.json found from the current folder.\n",
	.options = options,
	.epilogue = "Exit status: 0, or 2 on a configuration error.\n",
	.max_operands = 0,
	.run = cmd_schema,
};

static int
cmd_schema(int argc, char **argv)
{
	struct schema_opts o = { 0 };
	struct fl_operands ops;
	struct fl_project project = { 0 };
	struct fl_config config;
	struct fl_catalog catalog = { 0 };
	struct fl_buf out = FL_BUF_INIT;
	int rc = fl_cmd_parse(&fl_cmd_schema, &o, argc, argv, &ops), err = 0;

	if (rc >= 0)
		return rc;
	fl_config_init(&config);
	if (!o.builtin) {
		err = fl_project_discover(&project, NULL, o.run.config);
		if (err == 0 && project.config != NULL)
			err = fl_config_load(&config, project.config);
	}
	if (err == 0)
		err = fl_config_load_catalog(&catalog, &config);
	if (err == 0) {
		fl_schema_flow(&out, &catalog);
		fwrite(out.ptr, 1, out.len, stdout);
		rc = fflush(stdout) == 0 ? FL_EXIT_OK : FL_EXIT_ERROR;
	} else {
		fl_cmd_error(NULL);
		rc = FL_EXIT_ERROR;
	}
	fl_buf_release(&out);
	fl_catalog_release(&catalog);
	fl_config_release(&config);
	fl_project_release(&project);
	return rc;
}
