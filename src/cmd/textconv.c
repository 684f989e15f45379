/*
 * flowlint textconv: a flow as lines for git's diff (review/textconv.h);
 * any other file is copied unchanged, so that the diff driver can be
 * set for every *.json file.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "review/blocks.h"
#include "review/load.h"
#include "review/textconv.h"
#include "util/buf.h"

static const struct fl_option options[] = {
	FL_OPT_HELP,
	FL_OPT_END,
};

static int cmd_textconv(int argc, char **argv);

const struct fl_cmd fl_cmd_textconv = {
	.name = "textconv",
	.summary = "print a flow as lines for git diff (the diff driver)",
	.synopsis = "FILE",
	.description =
"Print a contact flow as lines for a line-based diff: the flow's\n"
"properties, then one block per action (sorted by Identifier) with its\n"
"parameters and transitions, then the designer positions, one \"layout\"\n"
"line per block.  A file that is not a flow (or not JSON) is printed\n"
"unchanged.  'flowlint install-hook --diff-driver' makes git diff,\n"
"git log -p and git show use it for *.json files.\n",
	.options = options,
	.epilogue = "Exit status: 0 printed, 2 usage or I/O error.\n",
	.max_operands = 1,
	.run = cmd_textconv,
};

static int
cmd_textconv(int argc, char **argv)
{
	struct fl_review_env env;
	struct fl_result r;
	struct fl_buf out = FL_BUF_INIT, why = FL_BUF_INIT;
	struct fl_operands ops;
	bool is_flow = false;
	int rc;

	rc = fl_cmd_parse(&fl_cmd_textconv, NULL, argc, argv, &ops);
	if (rc >= 0)
		return rc;
	rc = FL_EXIT_OK;
	if (ops.n != 1)
		return fl_cmd_usage_error("textconv", "expected one FILE");
	if (fl_review_env_init(&env, NULL) != 0) {
		fl_cmd_error(NULL);
		fl_review_env_release(&env);
		return FL_EXIT_ERROR;
	}
	memset(&r, 0, sizeof(r));
	if (fl_review_load_file(&r, &is_flow, &why, &env, ops.v[0]) != 0) {
		fl_cmd_error(NULL);
		rc = FL_EXIT_ERROR;
	} else if (is_flow) {
		struct fl_review_flow rf;

		fl_review_blocks(&rf, &r.arena, &r.flow, NULL);
		fl_review_textconv(&out, &rf);
	} else {
		fl_buf_add(&out, r.src.text, r.src.len);
	}
	if (rc == FL_EXIT_OK && (fwrite(out.ptr, 1, out.len, stdout) != out.len
	    || fflush(stdout) != 0)) {
		fl_cmd_error("cannot write the output");
		rc = FL_EXIT_ERROR;
	}
	fl_buf_release(&out);
	fl_buf_release(&why);
	fl_result_release(&r);
	fl_review_env_release(&env);
	return rc;
}
