/*
 * flowlint explain-error FILE [ERRORS]: Connect's validation problems
 * (review/deploy_errors.h) as a jump list into FILE, each with the
 * action it is about and the finding of flowlint's own that says the
 * same, under the project's configuration.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "flow/flow.h"
#include "lint/lint.h"
#include "review/deploy_errors.h"
#include "run/session.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/re.h"
#include "util/xalloc.h"

struct explain_error_opts {
	struct fl_run_args run;
};

#define O struct explain_error_opts
static const struct fl_option options[] = {
	FL_OPT_RUN_CONFIG(O, run),
	FL_OPT_HELP,
	FL_OPT_END,
};
#undef O

static int cmd_explain_error(int argc, char **argv);

const struct fl_cmd fl_cmd_explain_error = {
	.name = "explain-error",
	.summary = "locate the problems of a refused publish in the flow",
	.synopsis = "[--config FILE] FILE [ERRORS]",
	.description =
"Read the problems Amazon Connect listed when it refused to publish FILE\n"
"(InvalidContactFlowException), from the file ERRORS or standard input:\n"
"the JSON the AWS CLI prints with --cli-error-format json, an SDK's\n"
"error body, or the messages pasted one a line.  Their paths name\n"
"actions by their index in Actions (\"Path: 12.Parameters.Text\");\n"
"each problem is printed at FILE:LINE:COLUMN of the value it names\n"
"(inside Content too), with the action's Identifier and the flowlint\n"
"rule that reports it.  A problem whose path names nothing in FILE, or\n"
"that has none, is printed at the start of FILE with a note.\n",
	.options = options,
	.epilogue =
"Exit status: 0 every problem was located, 1 some were not, 2 usage or\n"
"I/O error, a FILE that is not a flow, or no problem in the text.\n",
	.max_operands = 2,
	.run = cmd_explain_error,
};

/* The rules that report what a message of Connect's says; the finding
 * nearest the problem is taken when the message is not known here. */
static const struct {
	const char *starts;
	const char *codes;
} known[] = {
	{ "Invalid Action type", "FL501 FL502" },
	{ "Invalid Action property", "FL506" },
	{ "Action is missing required property", "FL506" },
	{ "Only one of these properties", "FL506" },
	{ "Invalid Action error", "FL505" },
	{ "Action is missing required error", "FL505" },
	{ "Action does not support transitions", "FL505" },
	{ "Invalid branch", "FL507" },
};

static const char *
codes_for(struct fl_str message)
{
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (fl_str_has_prefix(message, known[i].starts))
			return known[i].codes;
	return NULL;
}

/* Whether one of the JSON Pointers `a`, `b` is the other or lies under
 * it (the finding is about the problem's value, or a part of it). */
static bool
related(const char *a, const char *b)
{
	size_t n = strlen(a) < strlen(b) ? strlen(a) : strlen(b);

	return strncmp(a, b, n) == 0 && (a[n] == '\0' || a[n] == '/' ||
	    b[n] == '\0' || b[n] == '/');
}

/*
 * The finding of `r` that reports problem `p`, whose spot has the JSON
 * Pointer `at` in the action at `act` ("" outside one).  A message known
 * here: a finding of a rule it names, in the same action (or at a
 * related place outside one).  Any other: an error at or under a spot
 * the whole path reaches below the action, since such a message says
 * nothing of what is wrong.  The one placed nearest; NULL when none.
 */
static const struct fl_diag *
finding_for(const struct fl_result *r, const struct fl_deploy_problem *p,
    const struct fl_deploy_spot *spot, const char *at, const char *act)
{
	const char *codes = codes_for(p->message);
	const char *scope = codes != NULL && act[0] != '\0' ? act : at;
	const struct fl_diag *best = NULL;
	uint32_t i;

	if (codes == NULL && (!spot->whole || strcmp(at, act) == 0))
		return NULL;
	for (i = 0; i < r->diags.n; i++) {
		const struct fl_diag *d = &r->diags.v[i];

		if (d->pointer == NULL || (codes != NULL &&
		    strstr(codes, d->code) == NULL) ||
		    (codes == NULL && d->severity != FL_SEV_ERROR) ||
		    !related(scope, d->pointer))
			continue;
		if (best == NULL || (related(at, d->pointer) &&
		    (!related(at, best->pointer) ||
		    strlen(d->pointer) > strlen(best->pointer))))
			best = d;
	}
	return best;
}

/* Prints problem `p`; returns whether it was located. */
static bool
explain(struct fl_result *r, const char *path,
    const struct fl_deploy_problem *p)
{
	const struct fl_flow *f = &r->flow;
	struct fl_buf at = FL_BUF_INIT, act = FL_BUF_INIT;
	struct fl_deploy_spot spot;
	const struct fl_diag *d;
	uint32_t line = 1, col = 1, id;

	if (!fl_deploy_locate(f, p->path, fl_str_find(p->message,
	    "property name") >= 0, &spot)) {
		if (p->path.len == 0)
			printf("%s:1:1: %.*s (note: the problem names no "
			    "path)\n", path, FL_STR_ARGS(p->message));
		else
			printf("%s:1:1: %.*s (note: the path \"%.*s\" names "
			    "nothing in this flow)\n", path,
			    FL_STR_ARGS(p->message), FL_STR_ARGS(p->path));
		return false;
	}
	fl_json_pointer(&at, f->doc, spot.reached);
	if (spot.action != FL_JSON_NONE)
		fl_json_pointer(&act, f->doc, spot.action);
	d = finding_for(r, p, &spot, at.ptr, act.ptr);
	/* A finding placed deeper than the path reaches ("Path: 3" and the
	 * Transitions it means) is the more exact place. */
	if (d != NULL && related(at.ptr, d->pointer) &&
	    strlen(d->pointer) > at.len) {
		line = d->line;
		col = d->col;
	} else {
		fl_source_linecol(&r->src, fl_flow_file_off(f, f->doc,
		    spot.node, spot.key), &line, &col);
	}
	printf("%s:%u:%u: %.*s", path, line, col, FL_STR_ARGS(p->message));
	id = fl_flow_get(f, spot.action, "Identifier");
	if (fl_json_is(f->doc, id, FL_JSON_STRING))
		printf(" [Identifier %.*s]",
		    FL_STR_ARGS(f->doc->nodes[id].str));
	if (d != NULL)
		printf(" (would be caught by %s %s)", d->code, d->rule->name);
	else
		printf(" (no flowlint finding here)");
	putchar('\n');
	fl_buf_release(&at);
	fl_buf_release(&act);
	return true;
}

/* Reads and checks FILE into `r` under the session's configuration. */
static int
load(struct fl_result *r, const struct fl_session *s, const char *path)
{
	struct fl_buf text = FL_BUF_INIT;
	struct fl_re_match *m;
	size_t len;
	char *bytes;
	int err = fl_fs_read(&text, path, FL_FS_MAX_FILE);

	if (err != 0) {
		fl_buf_release(&text);
		return err;
	}
	bytes = fl_buf_detach(&text, &len);
	fl_result_init(r, fl_xstrdup(path), bytes, len);
	m = fl_re_match_new();
	fl_lint(r, &s->lint, m);
	fl_re_match_free(m);
	if (!r->flow_loaded)
		return fl_error_set(FL_EINVAL, "%s: not an Amazon Connect "
		    "flow in the flow language ('flowlint check %s' says why)",
		    path, path);
	return 0;
}

static int
cmd_explain_error(int argc, char **argv)
{
	struct explain_error_opts o = { 0 };
	struct fl_session_options so = { 0 };
	struct fl_session s;
	struct fl_result r;
	struct fl_deploy_problems probs = { 0 };
	struct fl_buf text = FL_BUF_INIT;
	struct fl_operands ops;
	const char *errors;
	size_t i, located = 0;
	int rc = fl_cmd_parse(&fl_cmd_explain_error, &o, argc, argv, &ops);

	if (rc >= 0)
		return rc;
	if (ops.n < 1)
		return fl_cmd_usage_error("explain-error", "expected the flow "
		    "FILE, and the ERRORS file or standard input");
	errors = ops.n > 1 ? ops.v[1] : "-";
	so.args = &o.run;
	so.paths = ops.v;
	so.npaths = 1;
	so.lint = true;
	memset(&r, 0, sizeof(r));
	rc = FL_EXIT_ERROR;
	if (fl_session_open(&s, &so) == 0 && load(&r, &s, ops.v[0]) == 0 &&
	    (strcmp(errors, "-") == 0 ? fl_fs_read_stdin(&text,
	    FL_FS_MAX_FILE) : fl_fs_read(&text, errors, FL_FS_MAX_FILE)) == 0) {
		fl_deploy_problems_read(&probs, text.ptr, text.len);
		if (probs.n == 0)
			fl_error_set(FL_EINVAL, "%s: no problem found in the "
			    "text (expected Connect's messages, or the JSON "
			    "of an InvalidContactFlowException)", strcmp(errors,
			    "-") == 0 ? "standard input" : errors);
		else
			rc = FL_EXIT_OK;
	}
	if (rc != FL_EXIT_OK)
		fl_cmd_error(NULL);
	for (i = 0; i < probs.n; i++)
		located += explain(&r, ops.v[0], &probs.v[i]);
	if (rc == FL_EXIT_OK && located < probs.n)
		rc = FL_EXIT_FINDINGS;
	if (fflush(stdout) != 0) {
		fl_cmd_error("cannot write the output");
		rc = FL_EXIT_ERROR;
	}
	fl_deploy_problems_release(&probs);
	fl_buf_release(&text);
	fl_result_release(&r);
	fl_session_release(&s);
	return rc;
}
