/*
 * What the server checks documents against: the session `check` opens
 * for the workspace root (its .flowlint.json, rule selection and
 * severities, inventory, patterns and parameter table), reloaded when
 * the configuration or the inventory may have changed.
 */
#ifndef FL_SERVER_WORKSPACE_H
#define FL_SERVER_WORKSPACE_H

#include <stdbool.h>

#include "lint/lint.h"
#include "run/session.h"

struct fl_document;
struct fl_fix_outcome;
struct fl_re_match;

struct fl_workspace {
	char *root;		/* owned: the folder, or NULL: the current one */
	const char *config;	/* borrowed: --config FILE, or NULL */
	struct fl_session *session;	/* owned, or NULL until one loads */
	struct fl_re_match *m;		/* owned: regex scratch */
};

/*
 * Loads (or reloads) the workspace at `root` (NULL: keep the current
 * root).  Returns 0, or an FL_E* code with the message set; the
 * workspace loaded before, if any, then stays in use.
 */
int fl_workspace_load(struct fl_workspace *w, const char *root);
void fl_workspace_release(struct fl_workspace *w);

/*
 * Lints `doc` as `check` would lint the file with its text: the
 * configuration's rules, severities, per-file ignores and suppressions.
 * Returns false, with nothing to release, when `check` would pass over
 * the document (not a local *.json file, left out by include/exclude,
 * JSON that is not a contact flow, or broken JSON that nothing marks as
 * one, config/flowfile.h); else `res` holds the findings.
 */
bool fl_workspace_lint(struct fl_workspace *w, const struct fl_document *doc,
    struct fl_result *res);

/*
 * The safe fixes of rule `only` (NULL: every enabled rule) on `doc`,
 * worked out in memory as `flowlint fix` makes them.  Returns 0 with
 * `out` filled (out->final->src is the fixed text) and `full` holding
 * the input linted with every rule (release both), or an FL_E* code
 * with nothing to release when `check` passes the document over or the
 * fix fails verification.  A rule that the configuration ignores for
 * the file, or suppresses a finding of in it, is not fixed, as in `fix`.
 */
int fl_workspace_fix(struct fl_workspace *w, const struct fl_document *doc,
    const struct fl_rule *only, struct fl_fix_outcome *out,
    struct fl_result *full);

#endif
