/*
 * Applying the configuration and the baseline to findings (filter.h).
 */
#include "config/filter.h"

#include <stdlib.h>
#include <string.h>

#include "config/baseline.h"
#include "config/config.h"
#include "config/flowfile.h"
#include "config/glob.h"
#include "config/project.h"
#include "lint/lint.h"
#include "repo/targets.h"
#include "util/xalloc.h"

/* The target's path relative to the project root (fl_xmalloc'd). */
static char *
relpath(struct fl_filter *f, const struct fl_target *t)
{
	return t->fs_path != NULL ?
	    fl_project_relpath(f->project, &f->memo, t->path) :
	    fl_project_relpath_repo(f->project, &f->memo, t->path);
}

unsigned
fl_filter_targets(struct fl_filter *f, struct fl_targets *t)
{
	size_t i, out = 0;
	unsigned dropped = 0;

	for (i = 0; i < t->n; i++) {
		struct fl_target *e = &t->v[i];
		char *rel = relpath(f, e);
		bool keep = fl_config_wants(f->config, rel);

		free(rel);
		if (keep) {
			t->v[out++] = *e;
			continue;
		}
		free(e->path);
		free(e->fs_path);
		free(e->data);
		dropped++;
	}
	t->n = out;
	return dropped;
}

static bool
ignored(const struct fl_config *c, const char *rel, unsigned r)
{
	size_t i;

	for (i = 0; i < c->nignores; i++)
		if (c->ignores[i].rules[r] && fl_glob_match(c->ignores[i].glob,
		    rel))
			return true;
	return false;
}

/* The index of the first suppression that covers d, or c->nsupp. */
static size_t
suppression(const struct fl_config *c, const char *rel, struct fl_str flow,
    const struct fl_diag *d)
{
	size_t i;

	for (i = 0; i < c->nsupp; i++) {
		const struct fl_suppression *s = &c->supp[i];

		if (s->rule != d->rule || !fl_glob_match(s->path, rel))
			continue;
		if (s->flow != NULL && !fl_str_eq_cstr(flow, s->flow))
			continue;
		if (s->action != NULL && !fl_str_eq_cstr(d->action, s->action))
			continue;
		break;
	}
	return i;
}

/*
 * Records or hides what the configuration left, by fingerprint: the
 * findings carry the fingerprints the reports show (a baseline entry is
 * the Code Quality and SARIF fingerprint of its finding).
 */
static void
apply_baseline(struct fl_filter *f, struct fl_result *res)
{
	uint32_t i, out = 0;

	fl_result_fingerprinted(res);
	for (i = 0; i < res->diags.n; i++) {
		const struct fl_diag *d = &res->diags.v[i];

		if (f->record != NULL) {
			/* Recorded now, so not new. */
			fl_baseline_add(f->record, d->fingerprint, res->relpath,
			    res->flow.name, d);
			f->baselined++;
			continue;
		}
		if (fl_baseline_take(f->baseline, d->fingerprint)) {
			f->baselined++;
			continue;
		}
		res->diags.v[out++] = *d;
	}
	res->diags.n = out;
}

void
fl_filter_result(struct fl_filter *f, const struct fl_target *t,
    struct fl_result *res)
{
	struct fl_config *c = f->config;
	struct fl_str flow = res->flow.name;
	char *rel = relpath(f, t);
	uint32_t i, out = 0;
	size_t k;

	for (k = 0; k < c->nsupp; k++)
		if (fl_glob_match(c->supp[k].path, rel))
			c->supp[k].in_scope = true;
	for (i = 0; i < res->diags.n; i++) {
		const struct fl_diag *d = &res->diags.v[i];

		if (ignored(c, rel, fl_rule_index(d->rule))) {
			f->ignored++;
			continue;
		}
		k = suppression(c, rel, flow, d);
		if (k < c->nsupp) {
			c->supp[k].hits++;
			f->suppressed++;
			continue;
		}
		res->diags.v[out++] = *d;
	}
	res->diags.n = out;
	free(rel);
	if (out > 0 && (f->record != NULL || f->baseline != NULL))
		apply_baseline(f, res);
}

void
fl_filter_fix_scope(struct fl_filter *f, const struct fl_target *t,
    const bool *enabled, struct fl_fix_scope *out)
{
	unsigned r;

	out->config = f->config;
	out->rel = relpath(f, t);
	for (r = 0; r < fl_rule_count; r++)
		out->rules[r] = enabled[r] && !ignored(f->config, out->rel, r);
}

void
fl_fix_scope_release(struct fl_fix_scope *s)
{
	free(s->rel);
	s->rel = NULL;
}

bool
fl_fix_scope_allows(const void *scope, const struct fl_result *r,
    const struct fl_diag *d)
{
	const struct fl_fix_scope *s = scope;

	return s->rules[fl_rule_index(d->rule)] &&
	    suppression(s->config, s->rel, r->flow.name, d) ==
	    s->config->nsupp;
}

bool
fl_filter_file_config(struct fl_filter *f, const struct fl_target *t,
    struct fl_file_config *out)
{
	const struct fl_config *c = f->config;
	const struct fl_project *p = f->project;
	char *rel = relpath(f, t), *path;
	size_t e, k;

	memset(out, 0, sizeof(*out));
	for (e = 0; e < c->nenvironments; e++)
		for (k = 0; k < c->environments[e].npaths; k++)
			if (fl_glob_match(c->environments[e].paths[k], rel))
				out->environments |= (uint32_t)1 << e;
	for (k = 0; k < c->nexporter_named && !out->exporter_named; k++)
		out->exporter_named = fl_glob_match(c->exporter_named[k], rel);
	/* A git blob's path is relative to the repository. */
	path = fl_path_join(t->fs_path == NULL && p->repo_root != NULL ?
	    p->repo_root : p->root, rel);
	out->deploy = fl_config_deploy(p, c, path);
	free(path);
	free(rel);
	return out->environments != 0 || out->exporter_named ||
	    out->deploy != FL_DEPLOY_UNKNOWN;
}

static int
cmp_file(const void *a, const void *b)
{
	const struct fl_suppression *const *x = a, *const *y = b;
	int c = strcmp((*x)->file, (*y)->file);

	if (c != 0)
		return c;
	return (*x)->line != (*y)->line ? ((*x)->line < (*y)->line ? -1 : 1) :
	    0;
}

void
fl_filter_unused(struct fl_filter *f, const bool *enabled,
    const enum fl_severity *severity,
    void (*fn)(void *arg, struct fl_result *res), void *arg)
{
	const struct fl_rule *rule = &fl_rule_unused_suppression;
	struct fl_config *c = f->config;
	struct fl_suppression **unused;
	size_t i, k, n = 0, start;

	if (enabled != NULL && !enabled[fl_rule_index(rule)])
		return;
	unused = fl_xcalloc(c->nsupp + 1, sizeof(*unused));
	for (i = 0; i < c->nsupp; i++) {
		struct fl_suppression *s = &c->supp[i];

		if (s->hits == 0 && s->in_scope && (enabled == NULL ||
		    enabled[fl_rule_index(s->rule)]))
			unused[n++] = s;
	}
	qsort(unused, n, sizeof(*unused), cmp_file);
	for (start = 0; start < n; start = i) {
		struct fl_result res;

		for (i = start; i < n && strcmp(unused[i]->file,
		    unused[start]->file) == 0; i++)
			;
		fl_result_init(&res, fl_xstrdup(unused[start]->file),
		    fl_xstrdup(""), 0);
		res.diags.v = fl_arena_array(&res.arena, i - start,
		    sizeof(*res.diags.v));
		res.diags.alloc = (uint32_t)(i - start);
		for (k = start; k < i; k++) {
			const struct fl_suppression *s = unused[k];
			struct fl_diag *d = &res.diags.v[res.diags.n++];

			d->rule = rule;
			d->code = rule->code;
			d->severity = severity != NULL ?
			    severity[fl_rule_index(rule)] : rule->severity;
			d->line = s->line;
			d->col = s->col;
			d->pointer = s->pointer;
			d->message = fl_arena_printf(&res.arena, "suppression "
			    "of %s %s for \"%s\"%s%s%s%s matched no finding; "
			    "remove it", s->rule->code, s->rule->name, s->path,
			    s->flow ? ", flow " : "", s->flow ? s->flow : "",
			    s->action ? ", action " : "",
			    s->action ? s->action : "");
		}
		fn(arg, &res);
		fl_result_release(&res);
	}
	free(unused);
}
