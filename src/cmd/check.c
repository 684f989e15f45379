/*
 * flowlint check: lint files and folders, report, exit 0/1/2.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "config/setup.h"
#include "cmd/progress.h"
#include "flow/params.h"
#include "flow/patterns.h"
#include "inventory/inventory.h"
#include "lint/lint.h"
#include "lint/run.h"
#include "lint/shard.h"
#include "repo/targets.h"
#include "repo/repo.h"
#include "repo/snapshot.h"
#include "report/list.h"
#include "report/report.h"
#include "rules/rule.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

static const char usage_text[] =
"usage: flowlint check [options] [PATH...]\n"
"\n"
"Lint Amazon Connect flow files.  Folders are walked for *.json files\n"
"(skipping .git and node_modules); inside a git work tree, only the\n"
"files git tracks or would track (not ignored) are checked.  JSON that\n"
"is not a contact flow is skipped silently in folders and noted when\n"
"named explicitly.  With --staged or --changed-since, the inventory (the\n"
"resources the cross-file rules look up) is read from the same state as\n"
"the checked files.\n"
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
"      --no-cache        read every inventory file from git, without the\n"
"                        cache of what they held (kept in\n"
"                        .git/flowlint/inventory-cache, keyed by content)\n"
"  -v, --verbose         also say which configuration and inventory sources\n"
"                        are used, and which resource kinds have none\n"
"      --config FILE     use FILE instead of looking for .flowlint.json\n"
"                        from the first PATH up to the repository root\n"
"      --show-config     print the effective configuration and inventory\n"
"                        as JSON, and check nothing\n"
"      --baseline FILE   report only findings not recorded in FILE\n"
"      --write-baseline FILE\n"
"                        record every finding in FILE (replacing it) and\n"
"                        report none\n"
"  -j, --jobs N          check N files at a time (default: the number of\n"
"                        cores); the output is the same for every N\n"
"      --shard I/N       check only shard I of N (1 <= I <= N): the files\n"
"                        whose path hashes to it, so N parallel CI jobs\n"
"                        split a repository between them\n"
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
	bool no_cache;			/* --no-cache */
	bool verbose;
	bool show_config;
	const char *config;		/* --config FILE */
	const char *baseline;		/* --baseline or --write-baseline */
	bool write_baseline;
	unsigned jobs;			/* 0: one per core */
	unsigned shard, shards;		/* --shard I/N, or 0/0 */
};

/*
 * Parses the options into `o`.  Returns -1 to go on, or the exit code to
 * return at once (after --help, or a usage error).
 */
static int
parse_opts(struct check_opts *o, int argc, char **argv)
{
	enum { OPT_SELECT = 256, OPT_IGNORE, OPT_FAIL_ON, OPT_COLOR,
		OPT_STAGED, OPT_SINCE, OPT_UNCOMMITTED, OPT_NO_CACHE,
		OPT_CONFIG, OPT_SHOW_CONFIG, OPT_BASELINE, OPT_WRITE_BASELINE,
		OPT_SHARD };
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
		{ "no-cache", no_argument, NULL, OPT_NO_CACHE },
		{ "verbose", no_argument, NULL, 'v' },
		{ "config", required_argument, NULL, OPT_CONFIG },
		{ "show-config", no_argument, NULL, OPT_SHOW_CONFIG },
		{ "baseline", required_argument, NULL, OPT_BASELINE },
		{ "write-baseline", required_argument, NULL,
		  OPT_WRITE_BASELINE },
		{ "jobs", required_argument, NULL, 'j' },
		{ "shard", required_argument, NULL, OPT_SHARD },
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
	while ((c = getopt_long(argc, argv, ":f:o:qvj:h", longopts,
	    NULL)) != -1) {
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
			if (fl_cmd_rule_list("check", o->enabled, optarg))
				return FL_EXIT_ERROR;
			break;
		case OPT_IGNORE:
			if (fl_cmd_rule_list("check", ignored, optarg))
				return FL_EXIT_ERROR;
			break;
		case OPT_FAIL_ON:
			if (fl_cmd_fail_on("check", optarg, &o->fail_on))
				return FL_EXIT_ERROR;
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
		case OPT_NO_CACHE:
			o->no_cache = true;
			break;
		case 'v':
			o->verbose = true;
			break;
		case OPT_CONFIG:
			o->config = optarg;
			break;
		case OPT_SHOW_CONFIG:
			o->show_config = true;
			break;
		case OPT_BASELINE:
		case OPT_WRITE_BASELINE:
			if (o->baseline != NULL)
				return fl_cmd_usage_error("check", "give one of "
				    "--baseline and --write-baseline, once");
			o->baseline = optarg;
			o->write_baseline = c == OPT_WRITE_BASELINE;
			break;
		case 'j': {
			char *end;
			unsigned long n = strtoul(optarg, &end, 10);

			if (optarg[0] < '0' || optarg[0] > '9' ||
			    *end != '\0' || n < 1 || n > FL_RUN_MAX_JOBS)
				return fl_cmd_usage_error("check", "--jobs "
				    "takes a number from 1 to %d, not '%s'",
				    FL_RUN_MAX_JOBS, optarg);
			o->jobs = (unsigned)n;
			break;
		}
		case OPT_SHARD:
			if (fl_shard_parse(&o->shard, &o->shards, optarg) != 0)
				return fl_cmd_usage_error("check", "%s",
				    fl_error_msg());
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

/* Prints each line of b, prefixed. */
static void
print_lines(FILE *out, const struct fl_buf *b, const char *prefix)
{
	const char *p = b->ptr, *nl;
	size_t len;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		fprintf(out, "%s%.*s\n", prefix, (int)len, p);
		p += len + (nl != NULL);
	}
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

/*
 * For --staged and --changed-since: opens the repository that holds the
 * current directory into *repo, and sets `snap` to the state the
 * checked files come from, for the inventory to be read from the same.
 */
static int
open_repo(struct fl_repo **repo, struct fl_snapshot *snap,
    const struct check_opts *o)
{
	int err = fl_repo_open_worktree(repo, ".");

	if (err == FL_ENOTFOUND)
		return fl_error_set(err, "%s needs a git repository, and the "
		    "current folder is not in one", o->staged ? "--staged" :
		    "--changed-since");
	if (err != 0)
		return err;
	snap->repo = *repo;
	snap->state = o->staged ? FL_SNAPSHOT_INDEX : o->uncommitted ?
	    FL_SNAPSHOT_DISK : FL_SNAPSHOT_COMMIT;
	snap->rev = "HEAD";
	return 0;
}

/* The targets of --staged or --changed-since; `notes` gets the files
 * passed over. */
static int
repo_targets(struct fl_targets *t, struct fl_pathlist *notes,
    struct fl_repo *r, const struct check_opts *o, char **paths, size_t n)
{
	if (o->staged)
		return fl_repo_staged_targets(t, notes, r, paths, n,
		    FL_FS_MAX_FILE);
	return fl_repo_changed_targets(t, notes, r, o->since, o->uncommitted,
	    paths, n, FL_FS_MAX_FILE);
}

/* What the per-file callback needs: the reports and the running totals. */
struct check_state {
	struct fl_report_list *reports;
	struct fl_report_totals totals;
	bool quiet;
	struct fl_filter *filter;	/* configuration and baseline */
	struct fl_progress progress;	/* the TTY progress line */
};

static void
report_result(struct check_state *st, struct fl_result *res)
{
	unsigned e, w, n;

	fl_result_count(res, &e, &w, &n);
	st->totals.errors += e;
	st->totals.warnings += w;
	st->totals.infos += n;
	if (res->diags.n > 0) {
		st->totals.files_with_findings++;
		/* The report may go to the terminal the line is on. */
		fl_progress_hide_for(&st->progress, stdout);
	}
	fl_report_list_file(st->reports, res);
}

static void
report_file(struct check_state *st, const struct fl_target *t,
    struct fl_result *res)
{
	if (res == NULL) {
		fl_progress_hide(&st->progress);
		fl_cmd_error(NULL);
		return;
	}
	fl_filter_result(st->filter, t, res);
	if (res->shape == FL_SHAPE_NOT_FLOW && res->diags.n == 0) {
		if (t->explicit_path && !st->quiet) {
			fl_progress_hide(&st->progress);
			fprintf(stderr, "flowlint: note: %s: not a contact flow, "
			    "skipped\n", res->src.path);
		}
		return;
	}
	st->totals.files++;
	report_result(st, res);
}

static void
on_result(void *arg, const struct fl_target *t, struct fl_result *res)
{
	struct check_state *st = arg;

	report_file(st, t, res);
	fl_progress_step(&st->progress);
}

/* Findings about the configuration itself (FL007), not a checked file. */
static void
on_config_result(void *arg, struct fl_result *res)
{
	report_result(arg, res);
}

/* Prints --show-config or the --verbose notes; true when done. */
static bool
describe_setup(const struct check_opts *o, const struct fl_setup *setup,
    const enum fl_severity *severity)
{
	struct fl_buf b = FL_BUF_INIT;

	if (o->show_config)
		fl_setup_describe(&b, setup, o->enabled, severity);
	else
		fl_setup_notes(&b, setup);
	print_lines(o->show_config ? stdout : stderr, &b,
	    o->show_config ? "" : "flowlint: note: ");
	fl_buf_release(&b);
	return o->show_config;
}

int
cmd_check(int argc, char **argv)
{
	struct check_opts o = { 0 };
	struct check_state st = { 0 };
	struct fl_targets targets = { 0 };
	struct fl_pathlist notes = { 0 };
	struct fl_patterns pats = { 0 };
	struct fl_params params = { 0 };
	struct fl_lint_options lo = { 0 };
	struct fl_setup_options so = { 0 };
	struct fl_snapshot snap = fl_snapshot_disk;
	struct fl_repo *repo = NULL;
	struct fl_setup setup;
	enum fl_severity severity[FL_MAX_RULES];
	char *dot[] = { "." };
	unsigned unreadable;
	size_t nops, k;
	int rc, err;

	rc = parse_opts(&o, argc, argv);
	if (rc >= 0) {
		fl_report_list_release(&o.reports);
		return rc;
	}
	rc = FL_EXIT_ERROR;
	/* Without the repository there is nothing to check. */
	if ((o.staged || o.since != NULL) && open_repo(&repo, &snap, &o) != 0) {
		fl_cmd_error(NULL);
		fl_report_list_release(&o.reports);
		return rc;
	}
	so.operand = optind < argc ? argv[optind] : NULL;
	so.config = o.config;
	so.baseline = o.baseline;
	so.record = o.write_baseline;
	so.snapshot = &snap;
	so.cache = !o.no_cache;
	so.jobs = o.jobs;
	if (fl_setup_load(&setup, &so) != 0) {
		fl_cmd_error(NULL);
		goto done;
	}
	fl_config_rules(&setup.config, o.selected ? NULL : o.enabled, severity);
	if (fl_config_load_patterns(&pats, &setup.config) != 0 ||
	    fl_params_load_default(&params) != 0) {
		fl_cmd_error(NULL);
		goto done;
	}
	if ((o.show_config || o.verbose) && describe_setup(&o, &setup, severity)) {
		rc = FL_EXIT_OK;
		goto done;
	}
	nops = (size_t)(argc - optind);
	if (o.staged || o.since != NULL)
		err = repo_targets(&targets, &notes, repo, &o, argv + optind,
		    nops);
	else
		err = fl_repo_targets_from_paths(&targets,
		    nops > 0 ? argv + optind : dot, nops > 0 ? nops : 1);
	if (err != 0)
		fl_cmd_error(NULL);
	/* Without the list of staged or changed files there is nothing to do. */
	if (err != 0 && (o.staged || o.since != NULL))
		goto done;
	for (k = 0; !o.quiet && k < notes.n; k++)
		fprintf(stderr, "flowlint: note: %s\n", notes.v[k]);
	fl_filter_targets(&setup.filter, &targets);
	if (o.shards > 0)
		fl_targets_shard(&targets, o.shard, o.shards);

	/* SARIF carries fixes, worked out in memory with the options below. */
	o.reports.lint = &lo;
	if (fl_report_list_open(&o.reports, use_color(o.color, stdout),
	    o.quiet) != 0) {
		fl_cmd_error(NULL);
		goto done;
	}
	st.reports = &o.reports;
	st.quiet = o.quiet;
	st.filter = &setup.filter;

	lo.patterns = &pats;
	lo.params = &params;
	lo.enabled = o.enabled;
	lo.severity = severity;
	lo.inventory = setup.inventory;
	fl_progress_init(&st.progress, "checking", targets.n, !o.quiet);
	unreadable = fl_run(&targets, &lo, o.jobs, on_result, &st);
	fl_progress_hide(&st.progress);
	fl_filter_unused(&setup.filter, o.enabled, severity, on_config_result,
	    &st);
	if (setup.recording && err == 0 && unreadable == 0 &&
	    fl_setup_write_baseline(&setup) != 0) {
		fl_cmd_error(NULL);
		err = FL_EIO;
	} else if (setup.recording && (err != 0 || unreadable > 0)) {
		fl_cmd_error("not writing the baseline: some files could not be "
		    "read");
	}

	rc = err != 0 || unreadable > 0 ? FL_EXIT_ERROR :
	    fl_cmd_fails(&st.totals, o.fail_on) ? FL_EXIT_FINDINGS : FL_EXIT_OK;
	if (fl_report_list_close(&o.reports, &st.totals) != 0) {
		fl_cmd_error(NULL);
		rc = FL_EXIT_ERROR;
	}
	if (!o.quiet) {
		struct fl_buf b = FL_BUF_INIT;

		fl_setup_summary(&b, &setup);
		print_lines(stderr, &b, "flowlint: note: ");
		fl_buf_release(&b);
	}
done:
	fl_report_list_release(&o.reports);
	fl_targets_release(&targets);
	fl_pathlist_release(&notes);
	fl_params_release(&params);
	fl_patterns_release(&pats);
	fl_setup_release(&setup);
	fl_repo_free(repo);
	return rc;
}
