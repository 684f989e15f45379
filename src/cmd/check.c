/*
 * flowlint check: lint files and folders, report, exit 0/1/2.
 */
#include <stdio.h>

#include "cmd/cmd.h"
#include "cmd/progress.h"
#include "config/flowfile.h"
#include "config/setup.h"
#include "lint/fix.h"
#include "lint/lint.h"
#include "lint/run.h"
#include "lint/shard.h"
#include "report/list.h"
#include "report/report.h"
#include "run/session.h"
#include "run/why_none.h"
#include "util/buf.h"
#include "util/error.h"

struct check_opts {
	struct fl_run_args run;
	struct fl_report_list reports;
	struct fl_rule_choice rules;	/* --select, --ignore */
	int fail_on;			/* enum fl_severity */
	bool staged;			/* --staged */
	const char *since;		/* --changed-since REF */
	bool uncommitted;		/* --include-uncommitted */
	bool no_cache;			/* --no-cache */
	bool show_config;
	const char *stdin_name;		/* --stdin-filename, or NULL */
	bool use_stdin;			/* '-' or --stdin-filename */
	struct fl_baseline_arg baseline;
	struct shard_arg { unsigned index, count; } shard;	/* or 0/0 */
	bool enabled[FL_MAX_RULES];	/* from `rules` */
};

static int
add_format(const struct fl_option *opt, void *field, const char *value)
{
	return fl_report_list_add_format(field, value);
}

static int
add_output(const struct fl_option *opt, void *field, const char *value)
{
	return fl_report_list_add_output(field, value);
}

static int
set_shard(const struct fl_option *opt, void *field, const char *value)
{
	struct shard_arg *s = field;

	return fl_shard_parse(&s->index, &s->count, value);
}

#define O struct check_opts
static const struct fl_option options[] = {
	FL_OPT_CALL_VALUES('f', "format", "FORMAT", O, reports, add_format,
	    fl_report_format_names, "report format; repeat it to write "
	    "several reports in one run; text by default"),
	FL_OPT_CALL('o', "output", "FILE", O, reports, add_output, "write "
	    "the report of the --format before it to FILE (whole or not at "
	    "all); the text report still goes to standard output"),
	FL_OPT_RULES_SELECT(O, rules, "check only these rules"),
	FL_OPT_RULES_IGNORE(O, rules, "skip these rules"),
	FL_OPT_FAIL_ON(O, fail_on, "exit 1 on findings of this severity or "
	    "worse; error by default"),
	FL_OPT_RUN_COLOR(O, run),
	FL_OPT_RUN_QUIET(O, run),
	FL_OPT_RUN_FLOWS_ONLY(O, run),
	FL_OPT_FLAG(0, "staged", O, staged, "check what is staged in the "
	    "index (the blobs `git commit` would record, not the work tree); "
	    "PATHs limit it; paths shown from the repository root"),
	FL_OPT_STRING(0, "changed-since", "REF", O, since, "check the files "
	    "changed between the merge base of REF and HEAD, as committed in "
	    "HEAD"),
	FL_OPT_FLAG(0, "include-uncommitted", O, uncommitted, "with "
	    "--changed-since: compare with the work tree instead (staged, "
	    "unstaged and untracked files)"),
	FL_OPT_FLAG(0, "no-cache", O, no_cache, "read every inventory file "
	    "from git, without the cache of what they held (kept in "
	    ".git/flowlint/inventory-cache, keyed by content)"),
	FL_OPT_STRING(0, "stdin-filename", "PATH", O, stdin_name, "lint "
	    "standard input (as -) as the file PATH, which need not exist: "
	    "with its configuration, inventory, per-file ignores and place "
	    "in the layout; without it, - is linted as <stdin> in the "
	    "current folder"),
	FL_OPT_RUN_VERBOSE(O, run),
	FL_OPT_RUN_CONFIG(O, run),
	FL_OPT_FLAG(0, "show-config", O, show_config, "print the effective "
	    "configuration and inventory as JSON, and check nothing"),
	FL_OPT_BASELINE(O, baseline),
	FL_OPT_WRITE_BASELINE(O, baseline),
	FL_OPT_RUN_JOBS(O, run),
	FL_OPT_CALL(0, "shard", "I/N", O, shard, set_shard, "check only "
	    "shard I of N (1 <= I <= N): the files whose path hashes to it, "
	    "so N parallel CI jobs split a repository between them"),
	FL_OPT_HELP,
	FL_OPT_END,
};
#undef O

static int cmd_check(int argc, char **argv);

const struct fl_cmd fl_cmd_check = {
	.name = "check",
	.summary = "lint flow files or folders (default: .)",
	.synopsis = "[options] [PATH...]\n[options] [--stdin-filename PATH] -",
	.description =
"Lint Amazon Connect flow files.  Folders are walked for *.json files\n"
"(skipping .git and node_modules); inside a git work tree, only the\n"
"files git tracks or would track (not ignored) are checked.  JSON that\n"
"is not a contact flow is skipped silently in folders and noted when\n"
"named explicitly; so is a file that is not valid JSON, unless it is in\n"
"a flows folder or carries a flow's marks (then: FL001).  With --staged\n"
"or --changed-since, the inventory (the resources the cross-file rules\n"
"look up) is read from the same state as the checked files, and the\n"
"unchanged flows that refer to a resource the change deleted, renamed\n"
"or re-Named are checked too, with a note saying why.  The operand -\n"
"lints standard input (an editor's unsaved buffer) as the file\n"
"--stdin-filename names, or as <stdin> in the current folder.\n",
	.options = options,
	.epilogue =
"Exit status: 0 no findings at or above --fail-on, 1 findings,\n"
"2 usage, configuration or I/O error.\n",
	.max_operands = -1,
	.run = cmd_check,
};

/*
 * Parses the options into `o`.  Returns -1 to go on, or the exit code to
 * return at once (after --help, or a usage error).
 */
static int
parse_opts(struct check_opts *o, int argc, char **argv,
    struct fl_operands *ops)
{
	int rc;

	o->fail_on = FL_SEV_ERROR;
	rc = fl_cmd_parse(&fl_cmd_check, o, argc, argv, ops);
	if (rc >= 0)
		return rc;
	rc = fl_cmd_stdin_operand("check", ops, o->stdin_name, &o->use_stdin);
	if (rc >= 0)
		return rc;
	if (o->use_stdin && (o->staged || o->since != NULL))
		return fl_cmd_usage_error("check", "'-' reads standard input, "
		    "not git: it cannot be combined with --staged or "
		    "--changed-since");
	if (o->staged && o->since != NULL)
		return fl_cmd_usage_error("check", "--staged and "
		    "--changed-since cannot be combined");
	if (o->uncommitted && o->since == NULL)
		return fl_cmd_usage_error("check", "--include-uncommitted "
		    "needs --changed-since");
	if (fl_report_list_finish(&o->reports))
		return fl_cmd_usage_error("check", "%s", fl_error_msg());
	fl_rule_choice_apply(&o->rules, o->enabled);
	return -1;
}

/* What the per-file callback needs: the reports and the running totals. */
struct check_state {
	struct fl_report_list *reports;
	struct fl_report_totals totals;
	bool quiet;
	bool flows_only;		/* --flows-only */
	bool verbose;
	unsigned not_flows;		/* files skipped as no contact flow */
	struct fl_filter *filter;	/* configuration and baseline */
	struct fl_progress progress;	/* the TTY progress line */
};

static void
report_result(struct check_state *st, struct fl_result *res)
{
	struct fl_report_file view;
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
	fl_result_report_file(res, &view);
	fl_report_list_file(st->reports, &view);
}

static void
report_file(struct check_state *st, const struct fl_target *t,
    struct fl_result *res)
{
	enum fl_file_kind kind;

	if (res == NULL) {
		fl_progress_hide(&st->progress);
		fl_cmd_error(NULL);
		return;
	}
	kind = fl_file_kind(st->filter->project, st->filter->config,
	    &st->filter->memo, t, st->flows_only, !res->json_invalid,
	    res->shape, res->src.text, res->src.len);
	if (kind == FL_FILE_NOT_JSON) {
		st->not_flows++;
		if (st->verbose && !st->quiet) {
			fl_progress_hide(&st->progress);
			fprintf(stderr, "flowlint: note: %s: not valid JSON and "
			    "not a contact flow, skipped\n", res->src.path);
		}
		return;
	}
	fl_filter_result(st->filter, t, res);
	if (kind == FL_FILE_OTHER_JSON && res->diags.n == 0) {
		st->not_flows++;
		if (t->explicit_path && !st->quiet && !st->flows_only) {
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
describe_setup(const struct check_opts *o, const struct fl_session *s)
{
	struct fl_buf b = FL_BUF_INIT;

	if (o->show_config)
		fl_setup_describe(&b, &s->setup, s->enabled, s->severity);
	else
		fl_setup_notes(&b, &s->setup);
	fl_cmd_print_lines(o->show_config ? stdout : stderr, &b,
	    o->show_config ? "" : "flowlint: note: ");
	fl_buf_release(&b);
	return o->show_config;
}

static int
cmd_check(int argc, char **argv)
{
	struct check_opts o = { 0 };
	struct check_state st = { 0 };
	struct fl_session_options so = { 0 };
	struct fl_session s;
	struct fl_operands ops;
	struct fl_fix_options fo = { 0 };
	struct fl_stages stages = { 0 };
	struct fl_buf why = FL_BUF_INIT;
	unsigned unreadable, sharded;
	size_t k;
	int rc, err;

	rc = parse_opts(&o, argc, argv, &ops);
	if (rc >= 0) {
		fl_report_list_release(&o.reports);
		return rc;
	}
	rc = FL_EXIT_ERROR;
	so.args = &o.run;
	so.paths = ops.v;
	so.npaths = ops.n;
	so.enabled = o.enabled;
	so.selected = o.rules.selected;
	so.lint = true;
	so.source = o.staged ? FL_SESSION_STAGED : o.since != NULL ?
	    FL_SESSION_CHANGED : FL_SESSION_WORKTREE;
	if (o.use_stdin)
		so.stdin_name = o.stdin_name != NULL ? o.stdin_name : "<stdin>";
	so.since = o.since;
	so.uncommitted = o.uncommitted;
	so.no_cache = o.no_cache;
	so.baseline = o.baseline.path;
	so.record = o.baseline.record;
	if (fl_session_open(&s, &so) != 0) {
		fl_cmd_error(NULL);
		goto done;
	}
	if ((o.show_config || o.run.verbose) && describe_setup(&o, &s)) {
		rc = FL_EXIT_OK;
		goto done;
	}
	err = fl_session_list(&s, &so);
	if (err != 0)
		fl_cmd_error(NULL);
	/* Without the list of staged or changed files there is nothing to do. */
	if (err != 0 && so.source != FL_SESSION_WORKTREE)
		goto done;
	for (k = 0; !o.run.quiet && k < s.notes.n; k++)
		fprintf(stderr, "flowlint: note: %s\n", s.notes.v[k]);
	sharded = s.targets.n;
	if (o.shard.count > 0)
		fl_targets_shard(&s.targets, o.shard.index, o.shard.count);
	sharded -= s.targets.n;

	if (fl_report_list_open(&o.reports, fl_cmd_use_color(o.run.color,
	    stdout), o.run.quiet) != 0) {
		fl_cmd_error(NULL);
		goto done;
	}
	st.reports = &o.reports;
	st.quiet = o.run.quiet;
	st.flows_only = o.run.flows_only;
	st.verbose = o.run.verbose;
	st.filter = &s.setup.filter;

	fl_progress_init(&st.progress, "checking", s.targets.n, !o.run.quiet);
	/* SARIF carries fixes: of the rules checked, worked out in memory. */
	stages.lint = &s.lint;
	fo.lint = &s.lint;
	fo.enabled = s.enabled;
	if (fl_report_list_carries_fixes(&o.reports))
		stages.fix = &fo;
	unreadable = fl_run_stages(&s.targets, &stages, o.run.jobs, on_result,
	    &st);
	fl_progress_hide(&st.progress);
	fl_filter_unused(&s.setup.filter, s.enabled, s.severity,
	    on_config_result, &st);
	if (s.setup.recording && err == 0 && unreadable == 0 &&
	    fl_setup_write_baseline(&s.setup) != 0) {
		fl_cmd_error(NULL);
		err = FL_EIO;
	} else if (s.setup.recording && (err != 0 || unreadable > 0)) {
		fl_cmd_error("not writing the baseline: some files could not be "
		    "read");
	}

	st.totals.unreadable = unreadable + s.unlisted;
	if (st.totals.files == 0) {
		fl_run_why_none(&why, &s, &so, sharded, st.not_flows);
		st.totals.why_none = why.ptr;
	}
	rc = err != 0 || unreadable > 0 ? FL_EXIT_ERROR :
	    fl_cmd_fails(&st.totals, o.fail_on) ? FL_EXIT_FINDINGS : FL_EXIT_OK;
	if (fl_report_list_close(&o.reports, &st.totals) != 0) {
		fl_cmd_error(NULL);
		rc = FL_EXIT_ERROR;
	}
	if (!o.run.quiet) {
		struct fl_buf b = FL_BUF_INIT;

		fl_setup_summary(&b, &s.setup);
		fl_cmd_print_lines(stderr, &b, "flowlint: note: ");
		fl_buf_release(&b);
	}
done:
	fl_buf_release(&why);
	fl_report_list_release(&o.reports);
	fl_session_release(&s);
	return rc;
}
