/*
 * flowlint check: lint files and folders, report, exit 0/1/2.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "cmd/progress.h"
#include "flow/params.h"
#include "flow/patterns.h"
#include "lint/lint.h"
#include "lint/run.h"
#include "lint/shard.h"
#include "lint/targets.h"
#include "report/report.h"
#include "rules/rule.h"
#include "util/error.h"

static const char usage_text[] =
"usage: flowlint check [options] [PATH...]\n"
"\n"
"Lint Amazon Connect flow files.  Folders are walked for *.json files\n"
"(skipping .git and node_modules); JSON that is not a contact flow is\n"
"skipped silently in folders and noted when named explicitly.\n"
"\n"
"Options:\n"
"  -f, --format FORMAT   report format: %s (default: text)\n"
"  -o, --output FILE     write the report to FILE; the text report still\n"
"                        goes to standard output\n"
"      --select RULES    check only these rules (codes or names, comma-\n"
"                        separated; repeatable)\n"
"      --ignore RULES    skip these rules (comma-separated; repeatable)\n"
"      --fail-on LEVEL   exit 1 on findings of this severity or worse:\n"
"                        error (default), warning, info\n"
"      --color WHEN      auto (default), always, never; NO_COLOR=1 also\n"
"                        turns colour off\n"
"  -q, --quiet           print findings only, no summary or notes\n"
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
	const struct fl_report_format *format;
	const char *output;
	bool enabled[FL_MAX_RULES];
	bool selected;			/* --select was given */
	enum fl_severity fail_on;
	int color;			/* -1 auto, 0 never, 1 always */
	bool quiet;
	unsigned jobs;			/* 0: one per core */
	unsigned shard, shards;		/* --shard I/N, or 0/0 */
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
		OPT_SHARD };
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "select", required_argument, NULL, OPT_SELECT },
		{ "ignore", required_argument, NULL, OPT_IGNORE },
		{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
		{ "color", required_argument, NULL, OPT_COLOR },
		{ "quiet", no_argument, NULL, 'q' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "shard", required_argument, NULL, OPT_SHARD },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool ignored[FL_MAX_RULES] = { false };
	unsigned i;
	int c;

	o->format = &fl_report_text;
	o->fail_on = FL_SEV_ERROR;
	o->color = -1;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":f:o:qj:h", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'f':
			o->format = fl_report_format_find(optarg);
			if (o->format == NULL)
				return fl_cmd_usage_error("check", "unknown "
				    "format '%s' (choose from %s)", optarg,
				    fl_report_format_names());
			break;
		case 'o':
			o->output = optarg;
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

/* What the per-file callback needs: the reports and the running totals. */
struct check_state {
	struct fl_report *reports[2];	/* the chosen format, and text when
					   --output sends that to a file */
	struct fl_report_totals totals;
	bool quiet;
	struct fl_progress progress;
};

static void
report_one(struct check_state *st, const struct fl_target *t,
    struct fl_result *res)
{
	unsigned e, w, n, k;

	if (res == NULL) {
		fl_progress_hide(&st->progress);
		fl_cmd_error(NULL);
		return;
	}
	if (res->shape == FL_SHAPE_NOT_FLOW && res->ndiags == 0) {
		if (t->explicit_path && !st->quiet) {
			fl_progress_hide(&st->progress);
			fprintf(stderr, "flowlint: note: %s: not a contact flow, "
			    "skipped\n", res->src.path);
		}
		return;
	}
	if (res->ndiags > 0)
		for (k = 0; k < 2; k++)
			if (st->reports[k] != NULL)
				fl_progress_hide_for(&st->progress,
				    st->reports[k]->out);
	st->totals.files++;
	fl_result_count(res, &e, &w, &n);
	st->totals.errors += e;
	st->totals.warnings += w;
	st->totals.infos += n;
	if (res->ndiags > 0)
		st->totals.files_with_findings++;
	for (k = 0; k < 2; k++)
		if (st->reports[k] != NULL)
			st->reports[k]->format->file(st->reports[k], res);
}

static void
on_result(void *arg, const struct fl_target *t, struct fl_result *res)
{
	struct check_state *st = arg;

	report_one(st, t, res);
	fl_progress_step(&st->progress);
}

int
cmd_check(int argc, char **argv)
{
	struct check_opts o = { 0 };
	struct check_state st = { 0 };
	struct fl_targets targets = { 0 };
	struct fl_patterns pats;
	struct fl_params params;
	struct fl_report rep = { 0 }, text = { 0 };
	struct fl_lint_options lo = { 0 };
	FILE *outfile = NULL;
	char *dot[] = { "." };
	unsigned k, unreadable;
	int rc, err;

	rc = parse_opts(&o, argc, argv);
	if (rc >= 0)
		return rc;
	if (fl_patterns_load_default(&pats) != 0) {
		fl_cmd_error(NULL);
		return FL_EXIT_ERROR;
	}
	if (fl_params_load_default(&params) != 0) {
		fl_cmd_error(NULL);
		fl_patterns_release(&pats);
		return FL_EXIT_ERROR;
	}
	err = optind < argc ?
	    fl_targets_from_paths(&targets, argv + optind, (size_t)(argc - optind)) :
	    fl_targets_from_paths(&targets, dot, 1);
	if (err != 0)
		fl_cmd_error(NULL);
	if (o.shards > 0)
		fl_targets_shard(&targets, o.shard, o.shards);

	rep.format = o.format;
	rep.quiet = o.quiet;
	if (o.output != NULL) {
		outfile = fopen(o.output, "w");
		if (outfile == NULL) {
			fl_cmd_error("cannot write '%s': %s", o.output,
			    strerror(errno));
			rc = FL_EXIT_ERROR;
			goto done;
		}
		rep.out = outfile;
		text.format = &fl_report_text;
		text.out = stdout;
		text.color = use_color(o.color, stdout);
		text.quiet = o.quiet;
		st.reports[1] = &text;
	} else {
		rep.out = stdout;
		rep.color = o.format == &fl_report_text &&
		    use_color(o.color, stdout);
	}
	st.reports[0] = &rep;
	st.quiet = o.quiet;
	for (k = 0; k < 2; k++)
		if (st.reports[k] != NULL)
			st.reports[k]->format->begin(st.reports[k]);

	lo.patterns = &pats;
	lo.params = &params;
	lo.enabled = o.enabled;
	fl_progress_init(&st.progress, "checking", targets.n, !o.quiet);
	unreadable = fl_run(&targets, &lo, o.jobs, on_result, &st);
	fl_progress_hide(&st.progress);

	for (k = 0; k < 2; k++)
		if (st.reports[k] != NULL)
			st.reports[k]->format->end(st.reports[k], &st.totals);
	rc = err != 0 || unreadable > 0 ? FL_EXIT_ERROR :
	    fails(&st.totals, o.fail_on) ? FL_EXIT_FINDINGS : FL_EXIT_OK;
done:
	if (outfile != NULL && fclose(outfile) != 0) {
		fl_cmd_error("cannot write '%s': %s", o.output, strerror(errno));
		rc = FL_EXIT_ERROR;
	}
	fl_targets_release(&targets);
	fl_params_release(&params);
	fl_patterns_release(&pats);
	return rc;
}
