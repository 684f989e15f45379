/*
 * flowlint fix: apply the safe fixes in place (or show them with --diff),
 * report what was fixed and what remains, exit 0/1/2.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd/cmd.h"
#include "config/filter.h"
#include "config/flowfile.h"
#include "lint/fix.h"
#include "lint/lint.h"
#include "lint/run.h"
#include "report/report.h"
#include "run/session.h"
#include "run/why_none.h"
#include "util/buf.h"
#include "util/diff.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/xalloc.h"

struct fix_opts {
	struct fl_run_args run;
	struct fl_rule_choice rules;	/* --select, --ignore */
	int fail_on;			/* enum fl_severity */
	bool diff;
	bool enabled[FL_MAX_RULES];	/* by --select and --ignore */
};

#define O struct fix_opts
static const struct fl_option options[] = {
	FL_OPT_FLAG(0, "diff", O, diff, "print the fixes as a unified diff; "
	    "write nothing"),
	FL_OPT_RULES_SELECT(O, rules, "fix and report only these rules"),
	FL_OPT_RULES_IGNORE(O, rules, "leave these rules alone"),
	FL_OPT_FAIL_ON(O, fail_on, "exit 1 when findings of this severity "
	    "or worse remain; error by default"),
	FL_OPT_RUN_COLOR(O, run),
	FL_OPT_RUN_QUIET(O, run),
	FL_OPT_RUN_FLOWS_ONLY(O, run),
	FL_OPT_RUN_VERBOSE(O, run),
	FL_OPT_RUN_CONFIG(O, run),
	FL_OPT_RUN_JOBS(O, run),
	FL_OPT_HELP,
	FL_OPT_END,
};
#undef O

static int cmd_fix(int argc, char **argv);

/* The fixes, from the rule entries. */
static void
list_fixes(struct fl_buf *out)
{
	unsigned i;

	fl_buf_adds(out, "\nFixes:\n");
	for (i = 0; i < fl_rule_count; i++)
		if (fl_rule_fixable(fl_rules[i]))
			fl_buf_addf(out, "  %s  %s\n", fl_rules[i]->code,
			    fl_rules[i]->fix_title);
}

const struct fl_cmd fl_cmd_fix = {
	.name = "fix",
	.summary = "apply the safe fixes in place (--diff to preview)",
	.synopsis = "[options] [PATH...]",
	.description =
"Apply the safe fixes (below) to flow files in place.  A fix that needs a\n"
"name flowlint does not know is not guessed: the finding stays and says\n"
"what to add to the inventory.  Each fixed file is re-parsed and\n"
"re-checked before it is written, atomically; a file whose fix cannot be\n"
"verified is left as it is, and files with nothing to fix are not\n"
"touched.  A file changed or deleted since it was read, or read-only, is\n"
"not written (exit 2).\n"
"\n"
"Files are listed and the configuration applies as in check: a rule it\n"
"turns off, ignores for a path or suppresses a finding of in a file is\n"
"not fixed there (a suppression by path, flow or action keeps the whole\n"
"rule unfixed in the files its path matches).  There is no baseline:\n"
"fix fixes what check reports without one.\n",
	.more = list_fixes,
	.options = options,
	.epilogue =
"Exit status: 0 nothing remains at or above --fail-on, 1 findings remain\n"
"(with --diff: in the files as they are), 2 usage, configuration or I/O\n"
"error, or a fix that failed verification.\n",
	.max_operands = -1,
	.run = cmd_fix,
};

struct fix_state {
	const struct fix_opts *o;
	struct fl_session *s;
	struct fl_lint_options all;	/* the session's, every rule on */
	bool *fixable;			/* owned: per target, fl_rule_count
					   flags: the rules fixed there */
	struct fl_filter *filter;	/* include/exclude, flows folders */
	struct fl_report report;	/* the remaining findings (text) */
	struct fl_report_totals totals;	/* of the remaining findings */
	unsigned fixed, files_fixed;
	unsigned not_flows;		/* files skipped as no contact flow */
	bool failed;			/* an error: exit 2 */
};

/*
 * Keeps only the findings check would report: of enabled rules, not
 * ignored for the file's path nor suppressed (the result is ours).
 */
static void
keep_reported(struct fix_state *st, const struct fl_target *t,
    struct fl_result *res)
{
	uint32_t i, n = 0;

	for (i = 0; i < res->diags.n; i++)
		if (st->s->enabled[fl_rule_index(res->diags.v[i].rule)])
			res->diags.v[n++] = res->diags.v[i];
	res->diags.n = n;
	fl_filter_result(&st->s->setup.filter, t, res);
}

/* Prints (with `print`) and counts the findings the fix removed, of
 * the rules it was allowed to fix. */
static unsigned
fixed_findings(const struct fl_result *in, const bool *fixable, bool print)
{
	uint32_t i;
	unsigned n = 0;

	for (i = 0; i < in->diags.n; i++) {
		const struct fl_diag *d = &in->diags.v[i];

		if (!d->fixed || !fixable[fl_rule_index(d->rule)])
			continue;
		n++;
		if (print)
			printf("%s:%u:%u: fixed [%s %s] %s\n", in->src.path,
			    d->line, d->col, d->rule->code, d->rule->name,
			    d->message);
	}
	return n;
}

static void count_remaining(struct fix_state *st, struct fl_result *res);

/* Counts what remains in `res` as check would report it, and prints it
 * (not with --diff). */
static void
remaining(struct fix_state *st, const struct fl_target *t,
    struct fl_result *res)
{
	keep_reported(st, t, res);
	count_remaining(st, res);
}

/* Counts the findings of `res` and prints them (not with --diff). */
static void
count_remaining(struct fix_state *st, struct fl_result *res)
{
	struct fl_report_file view;
	unsigned e, w, n;

	fl_result_count(res, &e, &w, &n);
	st->totals.errors += e;
	st->totals.warnings += w;
	st->totals.infos += n;
	if (res->diags.n > 0)
		st->totals.files_with_findings++;
	if (!st->o->diff) {
		fl_result_report_file(res, &view);
		st->report.format->file(&st->report, &view);
	}
}

/* Writes the fixed text, or prints it as a diff.  Returns 0 or FL_E*. */
static int
deliver(const struct fix_state *st, const struct fl_target *t,
    const struct fl_result *in, const struct fl_result *fixed)
{
	struct fl_buf diff = FL_BUF_INIT;

	if (!st->o->diff)
		return fl_fs_replace_unchanged(t->fs_path, &in->src.stamp,
		    in->src.text, in->src.len, fixed->src.text,
		    fixed->src.len);
	fl_diff_unified(&diff, in->src.path, fl_str_make(in->src.text,
	    in->src.len), fl_str_make(fixed->src.text, fixed->src.len));
	fwrite(diff.ptr, 1, diff.len, stdout);
	fl_buf_release(&diff);
	return 0;
}

static void
on_result(void *arg, const struct fl_target *t, struct fl_result *res)
{
	struct fix_state *st = arg;
	const struct fl_fix_outcome *out = res ? res->fix : NULL;
	const bool *fixable;
	enum fl_file_kind kind;
	unsigned fixed;

	if (res == NULL) {
		fl_cmd_error(NULL);
		st->failed = true;
		return;
	}
	kind = fl_file_kind(st->filter->project, st->filter->config,
	    &st->filter->memo, t, st->o->run.flows_only, !res->json_invalid,
	    res->shape, res->src.text, res->src.len);
	if (kind == FL_FILE_NOT_JSON ||
	    (kind == FL_FILE_OTHER_JSON && res->diags.n == 0)) {
		st->not_flows++;
		if (kind == FL_FILE_OTHER_JSON && t->explicit_path &&
		    !st->o->run.quiet && !st->o->run.flows_only)
			fprintf(stderr, "flowlint: note: %s: not a contact flow, "
			    "skipped\n", res->src.path);
		return;
	}
	st->totals.files++;
	if (out == NULL) {
		fl_cmd_error("%s: not fixed: %s", res->src.path,
		    res->fix_refusal);
		st->failed = true;
		remaining(st, t, res);
		return;
	}
	fixable = st->fixable + (size_t)(t - st->s->targets.v) * fl_rule_count;
	fixed = fixed_findings(res, fixable, false);
	if (out->changed && deliver(st, t, res, out->final) != 0) {
		fl_cmd_error(NULL);
		st->failed = true;
		remaining(st, t, res);
		return;
	}
	if (out->changed && fixed > 0) {
		st->fixed += fixed;
		st->files_fixed++;
	}
	if (!st->o->diff && !st->o->run.quiet)
		fixed_findings(res, fixable, true);
	/* With --diff the file stays as it is, and so do its findings. */
	remaining(st, t, st->o->diff ? res : out->final);
}

/* Findings about the configuration itself (FL007), not a fixed file. */
static void
on_config_result(void *arg, struct fl_result *res)
{
	count_remaining(arg, res);
}

static const char *
plural(unsigned n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static int
cmd_fix(int argc, char **argv)
{
	struct fix_opts o = { 0 };
	struct fix_state st = { 0 };
	struct fl_session_options so = { 0 };
	struct fl_session s;
	struct fl_operands ops;
	struct fl_fix_options fo = { 0 };
	struct fl_stages stages = { 0 };
	struct fl_buf why = FL_BUF_INIT;
	unsigned unreadable;
	size_t i;
	int rc, err;

	o.fail_on = FL_SEV_ERROR;
	rc = fl_cmd_parse(&fl_cmd_fix, &o, argc, argv, &ops);
	if (rc >= 0)
		return rc;
	if (fl_cmd_dashes(&ops) > 0)
		return fl_cmd_usage_error("fix", "fix rewrites files in place "
		    "and does not read standard input ('-'): 'flowlint check "
		    "-' lints it, 'flowlint fix --diff PATH' shows the fixes");
	fl_rule_choice_apply(&o.rules, o.enabled);
	/* The set-up check uses, so that what check reports is what fix
	 * fixes. */
	rc = FL_EXIT_ERROR;
	so.args = &o.run;
	so.paths = ops.v;
	so.npaths = ops.n;
	so.enabled = o.enabled;
	so.selected = o.rules.selected;
	so.lint = true;
	if (fl_session_open(&s, &so) != 0) {
		fl_cmd_error(NULL);
		goto done;
	}
	if (o.run.verbose) {
		struct fl_buf b = FL_BUF_INIT;

		fl_setup_notes(&b, &s.setup);
		fl_cmd_print_lines(stderr, &b, "flowlint: note: ");
		fl_buf_release(&b);
	}
	err = fl_session_list(&s, &so);
	if (err != 0)
		fl_cmd_error(NULL);

	/* Every rule runs: a fix is verified against all of them. */
	st.all = s.lint;
	st.all.enabled = NULL;
	st.o = &o;
	st.s = &s;
	st.filter = &s.setup.filter;
	/* What each file may have fixed, worked out here: the workers fix. */
	st.fixable = fl_xcalloc(s.targets.n * fl_rule_count + 1, sizeof(bool));
	for (i = 0; i < s.targets.n; i++)
		fl_session_fixable(&s, &s.targets.v[i],
		    st.fixable + i * fl_rule_count);
	fo.lint = &st.all;
	stages.lint = &st.all;
	stages.fix = &fo;
	stages.fix_by_target = st.fixable;
	st.report.format = &fl_report_text;
	st.report.out = stdout;
	st.report.quiet = o.run.quiet;
	st.report.color = fl_cmd_use_color(o.run.color, stdout);
	st.report.format->begin(&st.report);
	unreadable = fl_run_stages(&s.targets, &stages, o.run.jobs, on_result,
	    &st);
	free(st.fixable);
	fl_filter_unused(&s.setup.filter, s.enabled, s.severity,
	    on_config_result, &st);

	if (o.diff) {
		if (!o.run.quiet)
			fprintf(stderr, "Would fix %u %s in %u of %u %s.\n",
			    st.fixed, plural(st.fixed, "finding", "findings"),
			    st.files_fixed, st.totals.files,
			    plural(st.totals.files, "file", "files"));
	} else {
		if (!o.run.quiet)
			printf("Fixed %u %s in %u of %u %s.\n", st.fixed,
			    plural(st.fixed, "finding", "findings"),
			    st.files_fixed, st.totals.files,
			    plural(st.totals.files, "file", "files"));
		st.totals.unreadable = unreadable + s.unlisted;
		if (st.totals.files == 0) {
			fl_run_why_none(&why, &s, &so, 0, st.not_flows);
			st.totals.why_none = why.ptr;
		}
		st.report.format->end(&st.report, &st.totals);
	}
	rc = err != 0 || unreadable > 0 || st.failed ? FL_EXIT_ERROR :
	    fl_cmd_fails(&st.totals, o.fail_on) ? FL_EXIT_FINDINGS : FL_EXIT_OK;
done:
	fl_buf_release(&why);
	fl_session_release(&s);
	return rc;
}
