/*
 * flowlint diff: the block-level diff of two versions of flows
 * (review/blockdiff.h), of two files or of the flows changed between
 * git revisions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "inventory/inventory.h"
#include "repo/repo.h"
#include "repo/snapshot.h"
#include "review/blockdiff.h"
#include "review/blocks.h"
#include "review/graph.h"
#include "review/load.h"
#include "run/setup.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/xalloc.h"

static int cmd_diff(int argc, char **argv);

static const char *const format_choices[] = { "text", "markdown", "json",
    NULL };	/* enum fl_blockdiff_format order */

struct diff_opts {
	int format;
	const char *git;
	bool graph;
};

#define O struct diff_opts
static const struct fl_option options[] = {
	FL_OPT_CHOICE(0, "format", "FORMAT", O, format, format_choices,
	    "text (the default), markdown (for a merge request) or json"),
	FL_OPT_STRING(0, "git", "REV[..REV]", O, git, "compare the flows "
	    "changed since REV (in the work tree), or between two revisions"),
	FL_OPT_FLAG(0, "graph", O, graph, "with --format markdown, draw the "
	    "changed blocks of each flow and their neighbours as a Mermaid "
	    "chart, within what GitLab draws in a merge request"),
	FL_OPT_HELP,
	FL_OPT_END,
};
#undef O

const struct fl_cmd fl_cmd_diff = {
	.name = "diff",
	.summary = "compare two versions of a flow block by block",
	.synopsis = "[--format FORMAT] OLD NEW\n[--format FORMAT] --git REV[..REV]",
	.description =
"Compare two versions of a contact flow block by block, matching blocks\n"
"by Identifier: blocks added and removed, parameters changed (old -> new),\n"
"transitions rewired, the start moved, the flow's properties changed,\n"
"findings introduced and resolved; blocks only moved in the designer are\n"
"counted on one \"layout only\" line.  With --git, every *.json flow that\n"
"changed between REV and the work tree (REV..REV: between two revisions)\n"
"is compared; files that are no flow on either side are passed over.\n",
	.options = options,
	.epilogue =
"Exit status, as diff(1): 0 no change, 1 changes, 2 usage or I/O error,\n"
"or a file that is not a flow.\n",
	.max_operands = 2,
	.run = cmd_diff,
};

struct diff_run {
	struct fl_review_env env;
	enum fl_blockdiff_format fmt;
	bool graph;			/* a chart under each Markdown diff */
	struct fl_buf out;
	unsigned compared, differ;
	size_t chart_chars;		/* written in charts so far */
	unsigned charts;
	/* Each side's inventory: env's for files and the work tree, a
	   revision's own with --git (names of that revision). */
	const struct fl_inventory *old_inv, *new_inv;
};

/*
 * Appends the Mermaid chart of the changed blocks of `rn` and their
 * neighbours, within what GitLab draws in a merge request (graph.h):
 * each chart is collapsed to fit its own cap, and once the charts
 * before it have used the page's, a line says so instead.
 */
static void
chart(struct diff_run *run, struct fl_result *n,
    const struct fl_review_flow *rn, const struct fl_blockdiff *d)
{
	struct fl_graph_style style = fl_graph_mermaid;
	struct fl_graph g;
	size_t start;

	if (run->chart_chars > FL_GITLAB_MERMAID_CHARS ||
	    run->charts >= FL_GITLAB_MERMAID_BLOCKS) {
		fl_buf_adds(&run->out, "\nNo chart: GitLab draws no more "
		    "Mermaid on this page (`flowlint graph --base` draws it)."
		    "\n");
		return;
	}
	/* The fence's lines are no part of what GitLab counts. */
	style.max_chars = FL_GITLAB_MERMAID_CHARS;
	fl_graph_build(&g, &n->arena, rn, n, d, &style);
	/* Labels escape backticks, so nothing ends the fence early. */
	fl_buf_adds(&run->out, "\n```mermaid\n");
	start = run->out.len;
	fl_graph_write(&run->out, &g, &style);
	run->chart_chars += run->out.len - start;
	run->charts++;
	fl_buf_adds(&run->out, "```\n");
}

/* Appends the diff of two loaded flows to run->out. */
static void
compare(struct diff_run *run, struct fl_result *o, struct fl_result *n,
    const char *old_name, const char *new_name)
{
	struct fl_review_flow ro, rn;
	struct fl_blockdiff d;

	fl_review_blocks(&ro, &o->arena, &o->flow, run->old_inv);
	fl_review_blocks(&rn, &n->arena, &n->flow, run->new_inv);
	fl_blockdiff(&d, &n->arena, &ro, o, &rn, n);
	run->compared++;
	if (!fl_blockdiff_same(&d))
		run->differ++;
	if (run->fmt == FL_BLOCKDIFF_MARKDOWN && run->compared > 1)
		fl_buf_addch(&run->out, '\n');
	fl_blockdiff_write(&run->out, &d, old_name, new_name, run->fmt);
	if (run->graph && d.n > 0 && rn.nblocks > 0)
		chart(run, n, &rn, &d);
}

/* Loads the file `path`; -1 (message printed) unless it is a flow. */
static int
load_flow(struct fl_result *r, struct diff_run *run, const char *path)
{
	struct fl_buf why = FL_BUF_INIT;
	bool is_flow = false;
	int rc = 0;

	if (fl_review_load_file(r, &is_flow, &why, &run->env, path) != 0) {
		fl_cmd_error(NULL);
		rc = -1;
	} else if (!is_flow) {
		fl_cmd_error("%s:%s", path, why.ptr);
		rc = -1;
	}
	fl_buf_release(&why);
	return rc;
}

static int
diff_files(struct diff_run *run, const char *old_path, const char *new_path)
{
	struct fl_result o, n;
	int rc;

	memset(&o, 0, sizeof(o));
	memset(&n, 0, sizeof(n));
	rc = load_flow(&o, run, old_path);
	if (rc == 0)
		rc = load_flow(&n, run, new_path);
	if (rc == 0)
		compare(run, &o, &n, old_path, new_path);
	fl_result_release(&o);
	fl_result_release(&n);
	return rc;
}

/* Checks one side of a change against that side's inventory. */
static bool
load_side(struct fl_result *r, struct fl_buf *why, struct diff_run *run,
    const struct fl_inventory *inv, const char *path, char *text,
    size_t len)
{
	static const char empty[] = "{\"Actions\":[]}";
	bool is_flow;

	run->env.opts.inventory = inv;
	/* Loaded by repository path: rules compare the file's name. */
	is_flow = fl_review_load(r, why, &run->env, fl_xstrdup(path), true,
	    text != NULL ? text : fl_xstrdup(empty),
	    text != NULL ? len : sizeof(empty) - 1);
	run->env.opts.inventory = run->env.inventory;
	return is_flow;
}

/*
 * One file changed between revisions, compared when both sides are
 * flows (other JSON is passed over).  A flow added or deleted is
 * compared with an empty one, whose own findings do not count.
 */
static void
diff_change(struct diff_run *run, struct fl_repo_change *c, const char *from,
    const char *to)
{
	struct fl_result o, n;
	struct fl_buf why = FL_BUF_INIT, old_name = FL_BUF_INIT,
	    new_name = FL_BUF_INIT;
	bool o_flow, n_flow, o_absent = c->old == NULL,
	    n_absent = c->new == NULL;

	fl_buf_addf(&old_name, "%s:%s", from, c->path);
	fl_buf_addf(&new_name, "%s%s%s", to != NULL ? to : "",
	    to != NULL ? ":" : "", c->path);
	o_flow = load_side(&o, &why, run, run->old_inv, c->path, c->old,
	    c->old_len);
	n_flow = load_side(&n, &why, run, run->new_inv, c->path, c->new,
	    c->new_len);
	c->old = c->new = NULL;	/* the results own them now */
	if (o_absent)
		o.diags.n = 0;
	if (n_absent)
		n.diags.n = 0;
	if (o_flow && n_flow)
		compare(run, &o, &n, old_name.ptr, new_name.ptr);
	fl_result_release(&o);
	fl_result_release(&n);
	fl_buf_release(&why);
	fl_buf_release(&old_name);
	fl_buf_release(&new_name);
}

/*
 * The inventory of revision `rev` into *out (NULL outside a project
 * that has one), read from the commit as check --changed-since reads it.
 * A revision that lacks a source the configuration names (one from
 * before the source was added) has none: a note says so, and that side
 * names no resource.
 */
static int
inventory_at(struct diff_run *run, struct fl_repo *r, const char *rev,
    struct fl_inventory **out)
{
	struct fl_snapshot at = { FL_SNAPSHOT_COMMIT, r, rev };
	int err;

	*out = NULL;
	if (run->env.inventory == NULL)
		return 0;
	err = fl_setup_inventory_at(&run->env.session.setup, &at, out);
	if (err != FL_ENOTFOUND)
		return err;
	fprintf(stderr, "flowlint: note: no inventory in %s (%s): its flows' "
	    "resources are not named\n", rev, fl_error_msg());
	fl_error_clear();
	return 0;
}

static int
diff_git(struct diff_run *run, const char *spec)
{
	struct fl_repo *r = NULL;
	struct fl_inventory *old_inv = NULL, *new_inv = NULL;
	struct fl_repo_change *changes = NULL;
	const char *dots = strstr(spec, "..");
	char *from = dots != NULL ? fl_xstrndup(spec, (size_t)(dots - spec)) :
	    fl_xstrdup(spec);
	const char *to = dots != NULL ? dots + 2 : NULL;
	size_t n = 0, i;
	int err;

	/* "A.." and "..B" mean HEAD on the empty side, as in git. */
	if (from[0] == '\0') {
		free(from);
		from = fl_xstrdup("HEAD");
	}
	if (to != NULL && to[0] == '\0')
		to = "HEAD";
	err = fl_repo_open(&r, ".");
	if (err == 0)
		err = fl_repo_diff_revisions(&changes, &n, r, from, to,
		    FL_FS_MAX_FILE);
	if (err == 0)
		err = inventory_at(run, r, from, &old_inv);
	if (err == 0 && to != NULL)
		err = inventory_at(run, r, to, &new_inv);
	if (err != 0)
		fl_cmd_error(NULL);
	run->old_inv = old_inv;
	if (to != NULL)
		run->new_inv = new_inv;
	for (i = 0; err == 0 && i < n; i++)
		diff_change(run, &changes[i], from, to);
	fl_repo_changes_free(changes, n);
	fl_inventory_free(old_inv);
	fl_inventory_free(new_inv);
	fl_repo_free(r);
	free(from);
	return err != 0 ? -1 : 0;
}

static int
cmd_diff(int argc, char **argv)
{
	struct diff_opts o = { 0 };
	struct diff_run run = { .out = FL_BUF_INIT };
	struct fl_operands ops;
	int rc;

	rc = fl_cmd_parse(&fl_cmd_diff, &o, argc, argv, &ops);
	if (rc >= 0)
		return rc;
	run.fmt = (enum fl_blockdiff_format)o.format;
	run.graph = o.graph;
	if (o.graph && run.fmt != FL_BLOCKDIFF_MARKDOWN)
		return fl_cmd_usage_error("diff", "--graph needs --format "
		    "markdown");
	if (o.git != NULL && ops.n != 0)
		return fl_cmd_usage_error("diff", "--git takes no files");
	if (o.git == NULL && ops.n != 2)
		return fl_cmd_usage_error("diff", "expected OLD and NEW");
	/* The project of NEW, or of the repository's work tree. */
	if (fl_review_env_init(&run.env, o.git != NULL ? "." : ops.v[1]) !=
	    0) {
		fl_cmd_error(NULL);
		fl_review_env_release(&run.env);
		return FL_EXIT_ERROR;
	}
	run.old_inv = run.new_inv = run.env.inventory;
	rc = o.git != NULL ? diff_git(&run, o.git) :
	    diff_files(&run, ops.v[0], ops.v[1]);
	if (rc == 0 && (fwrite(run.out.ptr, 1, run.out.len, stdout) !=
	    run.out.len || fflush(stdout) != 0)) {
		fl_cmd_error("cannot write the output");
		rc = -1;
	}
	fl_buf_release(&run.out);
	fl_review_env_release(&run.env);
	if (rc != 0)
		return FL_EXIT_ERROR;
	return run.differ > 0 ? FL_EXIT_FINDINGS : FL_EXIT_OK;
}
