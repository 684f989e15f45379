/*
 * flowlint diff: the block-level diff of two versions of flows
 * (review/blockdiff.h), of two files or of the flows changed between
 * git revisions.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "repo/repo.h"
#include "review/blockdiff.h"
#include "review/blocks.h"
#include "review/load.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/xalloc.h"

static const char usage_text[] =
"usage: flowlint diff [--format FORMAT] OLD NEW\n"
"       flowlint diff [--format FORMAT] --git REV[..REV]\n"
"\n"
"Compare two versions of a contact flow block by block, matching blocks\n"
"by Identifier: blocks added and removed, parameters changed (old -> new),\n"
"transitions rewired, the start moved, the flow's properties changed,\n"
"findings introduced and resolved; blocks only moved in the designer are\n"
"counted on one \"layout only\" line.  With --git, every *.json flow that\n"
"changed between REV and the work tree (REV..REV: between two revisions)\n"
"is compared; files that are no flow on either side are passed over.\n"
"\n"
"Options:\n"
"      --format FORMAT   text (default), markdown (for a merge request)\n"
"                        or json\n"
"      --git REV[..REV]  compare the flows changed since REV, or between\n"
"                        two revisions\n"
"  -h, --help            show this help\n"
"\n"
"Exit status, as diff(1): 0 no change, 1 changes, 2 usage or I/O error,\n"
"or a file that is not a flow.\n";

struct diff_run {
	struct fl_review_env env;
	enum fl_blockdiff_format fmt;
	struct fl_buf out;
	unsigned compared, differ;
};

/* Appends the diff of two loaded flows to run->out. */
static void
compare(struct diff_run *run, struct fl_result *o, struct fl_result *n,
    const char *old_name, const char *new_name)
{
	struct fl_review_flow ro, rn;
	struct fl_blockdiff d;

	fl_review_blocks(&ro, &o->arena, &o->flow);
	fl_review_blocks(&rn, &n->arena, &n->flow);
	fl_blockdiff(&d, &n->arena, &ro, o, &rn, n);
	run->compared++;
	if (!fl_blockdiff_same(&d))
		run->differ++;
	if (run->fmt == FL_BLOCKDIFF_MARKDOWN && run->compared > 1)
		fl_buf_addch(&run->out, '\n');
	fl_blockdiff_write(&run->out, &d, old_name, new_name, run->fmt);
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

/*
 * One file changed between revisions, compared when both sides are
 * flows (other JSON is passed over).  A flow added or deleted is
 * compared with an empty one, whose own findings do not count.
 */
static void
diff_change(struct diff_run *run, struct fl_repo_change *c, const char *from,
    const char *to)
{
	static const char empty[] = "{\"Actions\":[]}";
	struct fl_result o, n;
	struct fl_buf why = FL_BUF_INIT, old_name = FL_BUF_INIT,
	    new_name = FL_BUF_INIT;
	bool o_flow, n_flow, o_absent = c->old == NULL,
	    n_absent = c->new == NULL;

	fl_buf_addf(&old_name, "%s:%s", from, c->path);
	fl_buf_addf(&new_name, "%s%s%s", to != NULL ? to : "",
	    to != NULL ? ":" : "", c->path);
	/* Loaded by repository path: rules compare the file's name. */
	o_flow = fl_review_load(&o, &why, &run->env, fl_xstrdup(c->path),
	    c->old != NULL ? c->old : fl_xstrdup(empty),
	    c->old != NULL ? c->old_len : sizeof(empty) - 1);
	n_flow = fl_review_load(&n, &why, &run->env, fl_xstrdup(c->path),
	    c->new != NULL ? c->new : fl_xstrdup(empty),
	    c->new != NULL ? c->new_len : sizeof(empty) - 1);
	c->old = c->new = NULL;	/* the results own them now */
	if (o_absent)
		o.ndiags = 0;
	if (n_absent)
		n.ndiags = 0;
	if (o_flow && n_flow)
		compare(run, &o, &n, old_name.ptr, new_name.ptr);
	fl_result_release(&o);
	fl_result_release(&n);
	fl_buf_release(&why);
	fl_buf_release(&old_name);
	fl_buf_release(&new_name);
}

static int
diff_git(struct diff_run *run, const char *spec)
{
	struct fl_repo *r = NULL;
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
	if (err != 0)
		fl_cmd_error(NULL);
	for (i = 0; i < n; i++)
		diff_change(run, &changes[i], from, to);
	fl_repo_changes_free(changes, n);
	fl_repo_free(r);
	free(from);
	return err != 0 ? -1 : 0;
}

static int
parse_format(const char *arg, enum fl_blockdiff_format *out)
{
	if (strcmp(arg, "text") == 0)
		*out = FL_BLOCKDIFF_TEXT;
	else if (strcmp(arg, "markdown") == 0)
		*out = FL_BLOCKDIFF_MARKDOWN;
	else if (strcmp(arg, "json") == 0)
		*out = FL_BLOCKDIFF_JSON;
	else
		return fl_cmd_usage_error("diff", "--format takes text, "
		    "markdown or json, not '%s'", arg);
	return 0;
}

int
cmd_diff(int argc, char **argv)
{
	enum { OPT_FORMAT = 256, OPT_GIT };
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "git", required_argument, NULL, OPT_GIT },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct diff_run run = { .out = FL_BUF_INIT };
	const char *git = NULL;
	int c, rc;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_FORMAT:
			if (parse_format(optarg, &run.fmt) != 0)
				return FL_EXIT_ERROR;
			break;
		case OPT_GIT:
			git = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return FL_EXIT_OK;
		case ':':
			return fl_cmd_usage_error("diff", "option '%s' needs a "
			    "value", argv[optind - 1]);
		default:
			return fl_cmd_usage_error("diff", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (git != NULL && optind != argc)
		return fl_cmd_usage_error("diff", "--git takes no files");
	if (git == NULL && argc - optind != 2)
		return fl_cmd_usage_error("diff", "expected OLD and NEW");
	if (fl_review_env_init(&run.env) != 0) {
		fl_cmd_error(NULL);
		return FL_EXIT_ERROR;
	}
	rc = git != NULL ? diff_git(&run, git) :
	    diff_files(&run, argv[optind], argv[optind + 1]);
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
