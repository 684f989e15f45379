/*
 * The server's check set-up, the same calls `check` makes, kept alive
 * between requests.
 */
#include "server/workspace.h"

#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "config/filter.h"
#include "config/flowfile.h"
#include "config/project.h"
#include "lint/fix.h"
#include "repo/targets.h"
#include "server/documents.h"
#include "util/error.h"
#include "util/re.h"
#include "util/xalloc.h"

static void
unload(struct fl_workspace *w)
{
	if (!w->loaded)
		return;
	fl_setup_release(w->setup);
	free(w->setup);
	w->setup = NULL;
	fl_patterns_release(&w->pats);
	fl_params_release(&w->params);
	w->loaded = false;
}

int
fl_workspace_load(struct fl_workspace *w, const char *root)
{
	struct fl_setup_options so = { 0 };
	struct fl_setup *setup = fl_xmalloc(sizeof(*setup));
	struct fl_patterns pats = { 0 };
	struct fl_params params = { 0 };
	unsigned i;
	int err;

	if (root != NULL) {
		free(w->root);
		w->root = fl_xstrdup(root);
	}
	so.operand = w->root;
	so.config = w->config;
	so.cache = true;
	err = fl_setup_load(setup, &so);
	if (err == 0)
		err = fl_config_load_patterns(&pats, &setup->config);
	if (err == 0)
		err = fl_params_load_default(&params);
	if (err != 0) {
		fl_setup_release(setup);
		free(setup);
		fl_patterns_release(&pats);
		fl_params_release(&params);
		return err;
	}
	unload(w);
	w->setup = setup;
	w->pats = pats;
	w->params = params;
	for (i = 0; i < fl_rule_count; i++)
		w->enabled[i] = true;
	fl_config_rules(&w->setup->config, w->enabled, w->severity);
	w->lint = (struct fl_lint_options){ &w->pats, &w->params, w->enabled,
	    w->severity, w->setup->inventory };
	if (w->m == NULL)
		w->m = fl_re_match_new();
	w->loaded = true;
	return 0;
}

void
fl_workspace_release(struct fl_workspace *w)
{
	unload(w);
	fl_re_match_free(w->m);
	free(w->root);
	memset(w, 0, sizeof(*w));
}

/* Whether include/exclude let `check` see the document's file. */
static bool
wanted(struct fl_workspace *w, const struct fl_document *doc)
{
	char *rel;
	bool keep;

	if (!w->loaded || !fl_document_is_checked(doc))
		return false;
	rel = fl_project_relpath(&w->setup->project, &w->setup->filter.memo,
	    doc->path);
	keep = fl_config_wants(&w->setup->config, rel);
	free(rel);
	return keep;
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
	struct fl_target t = { 0 };
	enum fl_file_kind kind;

	if (!wanted(w, doc))
		return false;
	lint_text(w, doc, &w->lint, res);
	t.path = doc->path;
	t.fs_path = doc->path;
	/* An editor opening a file does not name it as a flow. */
	kind = fl_file_kind(&w->setup->project, &w->setup->config,
	    &w->setup->filter.memo, &t, false, !res->json_invalid, res->shape,
	    res->src.text, res->src.len);
	if (kind != FL_FILE_NOT_JSON)
		fl_filter_result(&w->setup->filter, &t, res);
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
	struct fl_lint_options all;
	struct fl_fix_options fo;
	bool one[FL_MAX_RULES] = { false };
	int err;

	if (!wanted(w, doc))
		return fl_error_set(FL_EINVAL, "not a checked flow file");
	/* fl_fix_file wants the file linted with every rule. */
	all = w->lint;
	all.enabled = NULL;
	lint_text(w, doc, &all, full);
	fo.lint = &w->lint;
	fo.enabled = w->enabled;
	if (only != NULL) {
		one[fl_rule_index(only)] = true;
		fo.enabled = one;
	}
	err = fl_fix_file(out, full, &fo, w->m);
	if (err != 0)
		fl_result_release(full);
	return err;
}
