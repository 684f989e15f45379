/*
 * The server's check set-up: the session `check` opens (run/session.h),
 * kept alive between requests and replaced whole on a reload.
 */
#include "server/workspace.h"

#include <stdlib.h>
#include <string.h>

#include "config/filter.h"
#include "config/flowfile.h"
#include "config/project.h"
#include "lint/fix.h"
#include "repo/targets.h"
#include "rules/file_config.h"
#include "run/args.h"
#include "server/documents.h"
#include "util/error.h"
#include "util/re.h"
#include "util/xalloc.h"

int
fl_workspace_load(struct fl_workspace *w, const char *root)
{
	struct fl_session *s = fl_xmalloc(sizeof(*s));
	struct fl_session_options so = { 0 };
	struct fl_run_args args = { 0 };
	char *paths[1];
	int err;

	if (root != NULL) {
		free(w->root);
		w->root = fl_xstrdup(root);
	}
	paths[0] = w->root != NULL ? w->root : ".";
	args.config = w->config;
	so.args = &args;
	so.paths = paths;
	so.npaths = 1;
	so.lint = true;
	err = fl_session_open(s, &so);
	if (err != 0) {
		fl_session_release(s);
		free(s);
		return err;
	}
	if (w->session != NULL) {
		fl_session_release(w->session);
		free(w->session);
	}
	w->session = s;
	if (w->m == NULL)
		w->m = fl_re_match_new();
	return 0;
}

void
fl_workspace_release(struct fl_workspace *w)
{
	if (w->session != NULL) {
		fl_session_release(w->session);
		free(w->session);
	}
	fl_re_match_free(w->m);
	free(w->root);
	memset(w, 0, sizeof(*w));
}

/* Whether include/exclude let `check` see the document's file. */
static bool
wanted(struct fl_workspace *w, const struct fl_document *doc)
{
	struct fl_setup *setup;
	char *rel;
	bool keep;

	if (w->session == NULL || !fl_document_is_checked(doc))
		return false;
	setup = &w->session->setup;
	rel = fl_project_relpath(&setup->project, &setup->filter.memo,
	    doc->path);
	keep = fl_config_wants(&setup->config, rel);
	free(rel);
	return keep;
}

/* The document as a target read from its file, as check lists it. */
static struct fl_target
target_of(const struct fl_document *doc)
{
	struct fl_target t = { 0 };

	t.path = doc->path;
	t.fs_path = doc->path;
	return t;
}

/*
 * Sets o->files to `one`, which it fills with what the configuration
 * says of the document's file (its environments, ...), as `check`
 * works it out for the files it lists.  Release `one` after the lint.
 */
static void
file_config(struct fl_workspace *w, const struct fl_document *doc,
    struct fl_lint_options *o, struct fl_file_configs *one)
{
	struct fl_target t = target_of(doc);

	fl_session_file_config(w->session, &t, o, one);
}

/* Lints the document's text with `opts` into `res`. */
static void
lint_text(struct fl_workspace *w, const struct fl_document *doc,
    const struct fl_lint_options *opts, struct fl_result *res)
{
	char *text = fl_xmalloc(doc->len + 1);

	memcpy(text, doc->text, doc->len + 1);
	fl_result_init(res, fl_xstrdup(doc->path), text, doc->len);
	fl_lint(res, opts, w->m);
}

bool
fl_workspace_lint(struct fl_workspace *w, const struct fl_document *doc,
    struct fl_result *res)
{
	struct fl_target t = target_of(doc);
	struct fl_lint_options o;
	struct fl_file_configs one;
	struct fl_setup *setup;
	enum fl_file_kind kind;

	if (!wanted(w, doc))
		return false;
	setup = &w->session->setup;
	o = w->session->lint;
	file_config(w, doc, &o, &one);
	lint_text(w, doc, &o, res);
	fl_file_configs_release(&one);
	/* An editor opening a file does not name it as a flow. */
	kind = fl_file_kind(&setup->project, &setup->config,
	    &setup->filter.memo, &t, false, !res->json_invalid, res->shape,
	    res->src.text, res->src.len);
	if (kind != FL_FILE_NOT_JSON)
		fl_filter_result(&setup->filter, &t, res);
	if (kind == FL_FILE_NOT_JSON ||
	    (kind == FL_FILE_OTHER_JSON && res->diags.n == 0)) {
		fl_result_release(res);
		return false;
	}
	return true;
}

int
fl_workspace_fix(struct fl_workspace *w, const struct fl_document *doc,
    const struct fl_rule *only, struct fl_fix_outcome *out,
    struct fl_result *full)
{
	struct fl_target t = target_of(doc);
	struct fl_lint_options lint, all;
	struct fl_file_configs one;
	struct fl_fix_options fo = { 0 };
	struct fl_fix_scope scope;
	unsigned i;
	int err;

	if (!wanted(w, doc))
		return fl_error_set(FL_EINVAL, "not a checked flow file");
	/* What `flowlint fix` may touch in this file, of the rule asked. */
	fl_session_fix_scope(w->session, &t, &scope);
	for (i = 0; only != NULL && i < fl_rule_count; i++)
		scope.rules[i] = scope.rules[i] && i == fl_rule_index(only);
	/* fl_fix_file wants the file linted with every rule. */
	lint = w->session->lint;
	file_config(w, doc, &lint, &one);
	all = lint;
	all.enabled = NULL;
	lint_text(w, doc, &all, full);
	fo.lint = &lint;
	fo.enabled = scope.rules;
	fo.allows = fl_fix_scope_allows;
	fo.allows_arg = &scope;
	err = fl_fix_file(out, full, &fo, w->m);
	fl_fix_scope_release(&scope);
	fl_file_configs_release(&one);
	if (err != 0)
		fl_result_release(full);
	return err;
}
