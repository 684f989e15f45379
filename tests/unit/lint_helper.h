/*
 * Test helper: lint an in-memory text as if it were the file `path`.
 */
#ifndef FL_TESTS_LINT_HELPER_H
#define FL_TESTS_LINT_HELPER_H

#include <string.h>

#include "flow/catalog.h"
#include "flow/params.h"
#include "flow/patterns.h"
#include "lint/lint.h"
#include "util/re.h"
#include "util/xalloc.h"

struct lint_env {
	struct fl_patterns pats;
	struct fl_params params;
	struct fl_catalog catalog;
	struct fl_re_match *m;
	struct fl_lint_options opts;
};

static inline void
lint_env_init(struct lint_env *e)
{
	memset(e, 0, sizeof(*e));
	fl_catalog_init(&e->catalog);
	if (fl_patterns_load_default(&e->pats) != 0 ||
	    fl_params_load_default(&e->params) != 0 ||
	    fl_catalog_load_default(&e->catalog) != 0)
		abort();
	e->m = fl_re_match_new();
	e->opts.patterns = &e->pats;
	e->opts.params = &e->params;
	e->opts.catalog = &e->catalog;
}

static inline void
lint_env_release(struct lint_env *e)
{
	fl_re_match_free(e->m);
	fl_params_release(&e->params);
	fl_catalog_release(&e->catalog);
	fl_patterns_release(&e->pats);
}

/* Lints `text`; the caller releases the result. */
static inline void
lint_text(struct fl_result *r, struct lint_env *e, const char *path,
    const char *text)
{
	fl_result_init(r, fl_xstrdup(path), fl_xstrdup(text), strlen(text));
	fl_lint(r, &e->opts, e->m);
}

/* Lints `r` (initialized) as the run lints a file it says `c` of
 * (where it stands to the deploy step, ...). */
static inline void
lint_result_as(struct fl_result *r, struct lint_env *e,
    const struct fl_file_config *c)
{
	struct fl_file_configs one = { 0 };

	fl_file_configs_add(&one, r->src.path, c);
	e->opts.files = &one;
	fl_lint(r, &e->opts, e->m);
	e->opts.files = NULL;
	fl_file_configs_release(&one);
}

/* Number of diagnostics of rule `code` in r. */
static inline unsigned
count_code(const struct fl_result *r, const char *code)
{
	unsigned i, n = 0;

	for (i = 0; i < r->diags.n; i++)
		if (strcmp(r->diags.v[i].rule->code, code) == 0)
			n++;
	return n;
}

/* The first diagnostic of rule `code`, or NULL. */
static inline const struct fl_diag *
find_code(const struct fl_result *r, const char *code)
{
	unsigned i;

	for (i = 0; i < r->diags.n; i++)
		if (strcmp(r->diags.v[i].rule->code, code) == 0)
			return &r->diags.v[i];
	return NULL;
}

#endif
