/*
 * flowlint graph: a flow drawn as a Mermaid flowchart or Graphviz DOT
 * (review/graph.h), optionally with the blocks changed since a base
 * version highlighted and the unchanged rest collapsed.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/cmd.h"
#include "repo/repo.h"
#include "review/blockdiff.h"
#include "review/blocks.h"
#include "review/graph.h"
#include "review/load.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/xalloc.h"

static int cmd_graph(int argc, char **argv);

static const char *const format_choices[] = { "mermaid", "dot", NULL };
static const struct fl_graph_style *const styles[] = { &fl_graph_mermaid,
    &fl_graph_dot };

struct graph_opts {
	int format;
	const char *base;
};

#define O struct graph_opts
static const struct fl_option options[] = {
	FL_OPT_CHOICE(0, "format", "FORMAT", O, format, format_choices,
	    "mermaid (the default; GitLab renders it in Markdown) or dot "
	    "(Graphviz: dot -Tsvg)"),
	FL_OPT_STRING(0, "base", "REV|FILE", O, base, "highlight the blocks "
	    "changed since FILE, or since the file at git revision REV, and "
	    "draw only them and their neighbours"),
	FL_OPT_HELP,
	FL_OPT_END,
};
#undef O

const struct fl_cmd fl_cmd_graph = {
	.name = "graph",
	.summary = "draw a flow as a Mermaid or Graphviz graph",
	.synopsis = "[--format FORMAT] [--base REV|FILE] FILE",
	.description =
"Draw a contact flow: one node per block (its type and key parameter:\n"
"a prompt's text, a queue's, Lambda function's or flow's name), one edge\n"
"per transition labelled with its condition or error, findings marked on\n"
"their blocks.  The output is bounded: a Mermaid chart stays within\n"
"Mermaid's default limits (50,000 characters, 500 edges), and what does\n"
"not fit is collapsed into one node that says how many blocks it holds.\n",
	.options = options,
	.epilogue =
"Exit status: 0 drawn, 2 usage or I/O error, or a file that is not a\n"
"flow.\n",
	.max_operands = 1,
	.run = cmd_graph,
};

/* Loads the base version of `path` from a file, or from git at `rev`. */
static int
load_base(struct fl_result *r, struct fl_review_env *env, const char *base,
    const char *path)
{
	static const char empty[] = "{\"Actions\":[]}";
	struct fl_repo *repo = NULL;
	struct fl_repo_change *changes = NULL;
	struct fl_buf rel = FL_BUF_INIT, why = FL_BUF_INIT;
	struct stat st;
	size_t n = 0, i;
	char *text = NULL;
	size_t len = 0;
	bool is_flow = false;
	int err;

	if (stat(base, &st) == 0 && S_ISREG(st.st_mode)) {
		err = fl_review_load_file(r, &is_flow, &why, env, base);
		if (err == 0 && !is_flow)
			fl_cmd_error("%s:%s", base, why.ptr);
		fl_buf_release(&why);
		return err != 0 ? (fl_cmd_error(NULL), -1) : is_flow ? 0 : -1;
	}
	err = fl_repo_open(&repo, ".");
	if (err == 0)
		err = fl_repo_relpath(&rel, repo, path);
	if (err == 0)
		err = fl_repo_diff_revisions(&changes, &n, repo, base, NULL,
		    FL_FS_MAX_FILE);
	for (i = 0; err == 0 && i < n; i++)
		if (strcmp(changes[i].path, rel.ptr) == 0) {
			/* Changed since REV: its old side (none: added). */
			text = changes[i].old != NULL ? changes[i].old :
			    fl_xstrdup(empty);
			len = changes[i].old != NULL ? changes[i].old_len :
			    sizeof(empty) - 1;
			changes[i].old = NULL;
		}
	if (err == 0 && text == NULL) {
		/* Unchanged since REV: the file itself is the base. */
		err = fl_review_load_file(r, &is_flow, &why, env, path);
	} else if (err == 0) {
		is_flow = fl_review_load(r, &why, env, fl_xstrdup(path), false,
		    text, len);
	}
	if (err != 0)
		fl_cmd_error(NULL);
	else if (!is_flow)
		fl_cmd_error("%s:%s:%s", base, rel.ptr, why.ptr);
	fl_repo_changes_free(changes, n);
	fl_repo_free(repo);
	fl_buf_release(&rel);
	fl_buf_release(&why);
	return err == 0 && is_flow ? 0 : -1;
}

static int
cmd_graph(int argc, char **argv)
{
	struct graph_opts o = { 0 };
	const struct fl_graph_style *style;
	const char *base, *file;
	struct fl_review_env env;
	struct fl_result r, b;
	struct fl_buf out = FL_BUF_INIT, why = FL_BUF_INIT;
	struct fl_operands ops;
	bool is_flow = false;
	int rc;

	rc = fl_cmd_parse(&fl_cmd_graph, &o, argc, argv, &ops);
	if (rc >= 0)
		return rc;
	rc = FL_EXIT_ERROR;
	style = styles[o.format];
	base = o.base;
	if (ops.n != 1)
		return fl_cmd_usage_error("graph", "expected one FILE");
	file = ops.v[0];
	if (fl_review_env_init(&env, file) != 0) {
		fl_cmd_error(NULL);
		fl_review_env_release(&env);
		return FL_EXIT_ERROR;
	}
	memset(&r, 0, sizeof(r));
	memset(&b, 0, sizeof(b));
	if (fl_review_load_file(&r, &is_flow, &why, &env, file) != 0)
		fl_cmd_error(NULL);
	else if (!is_flow)
		fl_cmd_error("%s:%s", file, why.ptr);
	else if (base == NULL || load_base(&b, &env, base, file) == 0)
		rc = FL_EXIT_OK;
	if (rc == FL_EXIT_OK) {
		struct fl_review_flow rf, rb;
		struct fl_blockdiff d;
		struct fl_graph g;

		fl_review_blocks(&rf, &r.arena, &r.flow, env.inventory);
		if (base != NULL) {
			fl_review_blocks(&rb, &b.arena, &b.flow, env.inventory);
			fl_blockdiff(&d, &r.arena, &rb, &b, &rf, &r);
		}
		fl_graph_build(&g, &r.arena, &rf, &r, base != NULL ? &d : NULL,
		    style);
		fl_graph_write(&out, &g, style);
		if (fwrite(out.ptr, 1, out.len, stdout) != out.len ||
		    fflush(stdout) != 0) {
			fl_cmd_error("cannot write the output");
			rc = FL_EXIT_ERROR;
		}
	}
	fl_buf_release(&out);
	fl_buf_release(&why);
	fl_result_release(&r);
	fl_result_release(&b);
	fl_review_env_release(&env);
	return rc;
}
