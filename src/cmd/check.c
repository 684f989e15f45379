/*
 * flowlint check: lint files and folders, report, exit 0/1/2.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "flow/params.h"
#include "flow/patterns.h"
#include "lint/lint.h"
#include "lint/run.h"
#include "lint/targets.h"
#include "repo/repo.h"
#include "report/list.h"
#include "report/report.h"
#include "rules/rule.h"
#include "util/error.h"
#include "util/fs.h"

static const char usage_text[] =
"usage: flowlint check [options] [PATH...]\n"
"\n"
"Lint Amazon Connect flow files.  Folders are walked for *.json files\n"
"(skipping .git and node_modules); inside a git work tree, only the\n"
"files git tracks or would track (not ignored) are checked.  JSON that\n"
"is not a contact flow is skipped silently in folders and noted when\n"
"named explicitly.\n"
"\n"
"Options:\n"
"  -f, --format FORMAT   report format: %s (default: text);\n"
"                        repeat it to write several reports in one run\n"
"  -o, --output FILE     write the report of the --format before it to\n"
"                        FILE (whole or not at all); the text report\n"
"                        still goes to standard output\n"
"      --select RULES    check only these rules (codes or names, comma-\n"
"                        separated; repeatable)\n"
"      --ignore RULES    skip these rules (comma-separated; repeatable)\n"
"      --fail-on LEVEL   exit 1 on findings of this severity or worse:\n"
"                        error (default), warning, info\n"
"      --color WHEN      auto (default), always, never; NO_COLOR=1 also\n"
"                        turns colour off\n"
"  -q, --quiet           print findings only, no summary or notes\n"
"      --staged          check what is staged in the index (the blobs\n"
"                        `git commit` would record, not the work tree);\n"
"                        PATHs limit it; paths shown from the repository\n"
"                        root\n"
"      --changed-since REF\n"
"                        check the files changed between the merge base\n"
"                        of REF and HEAD, as committed in HEAD\n"
"      --include-uncommitted\n"
"                        with --changed-since: compare with the work tree\n"
"                        instead (staged, unstaged and untracked files)\n"
"  -h, --help            show this help\n"
"\n"
"Exit status: 0 no findings at or above --fail-on, 1 findings,\n"
"2 usage, configuration or I/O error.\n";

struct check_opts {
	struct fl_report_list reports;
	bool enabled[FL_MAX_RULES];
	bool selected;			/* --select was given */
	enum fl_severity fail_on;
	int color;			/* -1 auto, 0 never, 1 always */
	bool quiet;
	bool staged;			/* --staged */
	const char *since;		/* --changed-since REF */
	bool uncommitted;		/* --include-uncommitted */
};

/* Returns 0, or FL_EXIT_ERROR after printing the usage error. */
static int
parse_rule_list(struct check_opts *o, char *list, bool value)
{
	char *save = NULL, *tok;

	for (tok = strtok_r(list, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		const struct fl_rule *r;

		while (*tok == ' ')
			tok++;
		if (*tok == '\0')
			continue;
		r = fl_rule_find(tok);
		if (r == NULL)
			return fl_cmd_usage_error("check", "unknown rule '%s' "
			    "(see 'flowlint rules')", tok);
		o->enabled[fl_rule_index(r)] = value;
	}
	return 0;
}

/*
 * Parses the options into `o`.  Returns -1 to go on, or the exit code to
 * return at once (after --help, or a usage error).
 */
static int
parse_opts(struct check_opts *o, int argc, char **argv)
{
	enum { OPT_SELECT = 256, OPT_IGNORE, OPT_FAIL_ON, OPT_COLOR,
		OPT_STAGED, OPT_SINCE, OPT_UNCOMMITTED };
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "select", required_argument, NULL, OPT_SELECT },
		{ "ignore", required_argument, NULL, OPT_IGNORE },
		{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
		{ "color", required_argument, NULL, OPT_COLOR },
		{ "quiet", no_argument, NULL, 'q' },
		{ "staged", no_argument, NULL, OPT_STAGED },
		{ "changed-since", required_argument, NULL, OPT_SINCE },
		{ "include-uncommitted", no_argument, NULL, OPT_UNCOMMITTED },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool ignored[FL_MAX_RULES] = { false };
	unsigned i;
	int c;

	o->fail_on = FL_SEV_ERROR;
	o->color = -1;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:o:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (fl_report_list_add_format(&o->reports, optarg))
				return fl_cmd_usage_error("check", "%s",
				    fl_error_msg());
			break;
		case 'o':
			if (fl_report_list_add_output(&o->reports, optarg))
				return fl_cmd_usage_error("check", "%s",
				    fl_error_msg());
			break;
		case OPT_SELECT:
			o->selected = true;
			if (parse_rule_list(o, optarg, true))
				return FL_EXIT_ERROR;
			break;
		case OPT_IGNORE: {
			struct check_opts tmp = { 0 };

			if (parse_rule_list(&tmp, optarg, true))
				return FL_EXIT_ERROR;
			for (i = 0; i < fl_rule_count; i++)
				ignored[i] |= tmp.enabled[i];
			break;
		}
		case OPT_FAIL_ON:
			if (strcmp(optarg, "error") == 0)
				o->fail_on = FL_SEV_ERROR;
			else if (strcmp(optarg, "warning") == 0)
				o->fail_on = FL_SEV_WARNING;
			else if (strcmp(optarg, "info") == 0)
				o->fail_on = FL_SEV_INFO;
			else
				return fl_cmd_usage_error("check", "--fail-on "
				    "takes error, warning or info, not '%s'",
				    optarg);
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") == 0)
				o->color = -1;
			else if (strcmp(optarg, "always") == 0)
				o->color = 1;
			else if (strcmp(optarg, "never") == 0)
				o->color = 0;
			else
				return fl_cmd_usage_error("check", "--color "
				    "takes auto, always or never, not '%s'",
				    optarg);
			break;
		case 'q':
			o->quiet = true;
			break;
		case OPT_STAGED:
			o->staged = true;
			break;
		case OPT_SINCE:
			o->since = optarg;
			break;
		case OPT_UNCOMMITTED:
			o->uncommitted = true;
			break;
		case 'h':
			printf(usage_text, fl_report_format_names());
			return FL_EXIT_OK;
		case ':':
			return fl_cmd_usage_error("check", "option '%s' needs "
			    "a value", argv[optind - 1]);
		default:
			return fl_cmd_usage_error("check", "unknown option "
			    "'%s'", argv[optind - 1]);
		}
	}
	if (o->staged && o->since != NULL)
		return fl_cmd_usage_error("check", "--staged and "
		    "--changed-since cannot be combined");
	if (o->uncommitted && o->since == NULL)
		return fl_cmd_usage_error("check", "--include-uncommitted "
		    "needs --changed-since");
	if (fl_report_list_finish(&o->reports))
		return fl_cmd_usage_error("check", "%s", fl_error_msg());
	for (i = 0; i < fl_rule_count; i++) {
		if (!o->selected)
			o->enabled[i] = true;
		if (ignored[i])
			o->enabled[i] = false;
	}
	return -1;
}

static bool
use_color(int setting, FILE *out)
{
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	if (setting >= 0)
		return setting == 1;
	if (no_color != NULL && no_color[0] != '\0')
		return false;
	if (term != NULL && strcmp(term, "dumb") == 0)
		return false;
	return isatty(fileno(out));
}

static bool
fails(const struct fl_report_totals *t, enum fl_severity fail_on)
{
	return t->errors > 0 ||
	    (fail_on >= FL_SEV_WARNING && t->warnings > 0) ||
	    (fail_on >= FL_SEV_INFO && t->infos > 0);
}

/*
 * The targets of --staged or --changed-since, from the repository that
 * holds the current directory; `notes` gets the files passed over.
 */
static int
repo_targets(struct fl_targets *t, struct fl_pathlist *notes,
    const struct check_opts *o, char **paths, size_t n)
{
	struct fl_repo *r = NULL;
	int err = fl_repo_open_worktree(&r, ".");

	if (err == FL_ENOTFOUND)
		return fl_error_set(err, "%s needs a git repository, and the "
		    "current folder is not in one", o->staged ? "--staged" :
		    "--changed-since");
	if (err == 0 && o->staged)
		err = fl_repo_staged_targets(t, notes, r, paths, n,
		    FL_FS_MAX_FILE);
	else if (err == 0)
		err = fl_repo_changed_targets(t, notes, r, o->since,
		    o->uncommitted, paths, n, FL_FS_MAX_FILE);
	fl_repo_free(r);
	return err;
}

/* What the per-file callback needs: the reports and the running totals. */
struct check_state {
	struct fl_report_list *reports;
	struct fl_report_totals totals;
	bool quiet;
};

static void
on_result(void *arg, const struct fl_target *t, struct fl_result *res)
{
	struct check_state *st = arg;
	unsigned e, w, n;

	if (res == NULL) {
		fl_cmd_error(NULL);
		return;
	}
	if (res->shape == FL_SHAPE_NOT_FLOW && res->ndiags == 0) {
		if (t->explicit_path && !st->quiet)
			fprintf(stderr, "flowlint: note: %s: not a contact flow, "
			    "skipped\n", res->src.path);
		return;
	}
	st->totals.files++;
	fl_result_count(res, &e, &w, &n);
	st->totals.errors += e;
	st->totals.warnings += w;
	st->totals.infos += n;
	if (res->ndiags > 0)
		st->totals.files_with_findings++;
	fl_report_list_file(st->reports, res);
}

int
cmd_check(int argc, char **argv)
{
	struct check_opts o = { 0 };
	struct check_state st = { 0 };
	struct fl_targets targets = { 0 };
	struct fl_pathlist notes = { 0 };
	struct fl_patterns pats;
	struct fl_params params;
	struct fl_lint_options lo = { 0 };
	char *dot[] = { "." };
	unsigned unreadable;
	size_t nops, k;
	int rc, err;

	rc = parse_opts(&o, argc, argv);
	if (rc >= 0) {
		fl_report_list_release(&o.reports);
		return rc;
	}
	if (fl_patterns_load_default(&pats) != 0) {
		fl_cmd_error(NULL);
		fl_report_list_release(&o.reports);
		return FL_EXIT_ERROR;
	}
	if (fl_params_load_default(&params) != 0) {
		fl_cmd_error(NULL);
		fl_patterns_release(&pats);
		fl_report_list_release(&o.reports);
		return FL_EXIT_ERROR;
	}
	nops = (size_t)(argc - optind);
	if (o.staged || o.since != NULL)
		err = repo_targets(&targets, &notes, &o, argv + optind, nops);
	else
		err = fl_repo_targets_from_paths(&targets,
		    nops > 0 ? argv + optind : dot, nops > 0 ? nops : 1);
	if (err != 0)
		fl_cmd_error(NULL);
	if (err != 0 && (o.staged || o.since != NULL)) {
		/* Without the repository there is nothing to check. */
		rc = FL_EXIT_ERROR;
		goto done;
	}
	for (k = 0; !o.quiet && k < notes.n; k++)
		fprintf(stderr, "flowlint: note: %s\n", notes.v[k]);

	if (fl_report_list_open(&o.reports, use_color(o.color, stdout),
	    o.quiet) != 0) {
		fl_cmd_error(NULL);
		rc = FL_EXIT_ERROR;
		goto done;
	}
	st.reports = &o.reports;
	st.quiet = o.quiet;

	lo.patterns = &pats;
	lo.params = &params;
	lo.enabled = o.enabled;
	unreadable = fl_run(&targets, &lo, on_result, &st);

	rc = err != 0 || unreadable > 0 ? FL_EXIT_ERROR :
	    fails(&st.totals, o.fail_on) ? FL_EXIT_FINDINGS : FL_EXIT_OK;
	if (fl_report_list_close(&o.reports, &st.totals) != 0) {
		fl_cmd_error(NULL);
		rc = FL_EXIT_ERROR;
	}
done:
	fl_report_list_release(&o.reports);
	fl_targets_release(&targets);
	fl_pathlist_release(&notes);
	fl_params_release(&params);
	fl_patterns_release(&pats);
	return rc;
}
