/*
 * Console metadata: removing entries of actions that do not exist
 * (FL305), and marking dynamic parameters the way the console does
 * (FL309, and FL101's conversions): parameters.<Param>.useDynamic and the
 * action's own useDynamic, both true.
 */
#include "fix/pass.h"

#include <string.h>

#include "flow/flow.h"
#include "flow/params.h"
#include "lint/lint.h"
#include "util/arena.h"
#include "util/buf.h"

void
fl_fix_orphan_metadata(struct fl_fix_pass *p)
{
	uint32_t i;

	if (!fl_fix_enabled(p, &fl_rule_orphan_metadata))
		return;
	for (i = 0; i < p->res->ndiags; i++) {
		const struct fl_diag *d = &p->res->diags[i];

		if (d->rule != &fl_rule_orphan_metadata ||
		    !fl_fix_wants(p, d) || d->node == FL_JSON_NONE ||
		    fl_strset_has(&p->keep_meta, p->d->nodes[d->node].key))
			continue;
		fl_fix_claim(p, d);
		fl_fix_remove_member(p, d->node);
	}
}

bool
fl_fix_mark_dynamic(struct fl_fix_pass *p, int32_t act, const char *meta_path,
    bool dry_run)
{
	uint32_t meta = p->f->actions[act].meta;
	struct fl_buf path = FL_BUF_INIT;
	bool ok;

	/* Without console metadata there is nothing for the console to read. */
	if (!fl_json_is(p->d, meta, FL_JSON_OBJECT))
		return true;
	fl_buf_addf(&path, "parameters/%s/useDynamic", meta_path);
	ok = fl_fix_ensure_true(p, meta, path.ptr, true) &&
	    fl_fix_ensure_true(p, meta, "useDynamic", true);
	if (ok && !dry_run) {
		fl_fix_ensure_true(p, meta, path.ptr, false);
		fl_fix_ensure_true(p, meta, "useDynamic", false);
	}
	fl_buf_release(&path);
	return ok;
}

struct param_path {
	uint32_t node;
	struct fl_buf *meta_path;
	bool found;
};

static void
find_path(const struct fl_param_hit *hit, void *arg)
{
	struct param_path *q = arg;

	if (hit->node != q->node || q->found)
		return;
	q->found = true;
	fl_buf_adds(q->meta_path, hit->meta_path);
}

void
fl_fix_dynamic_metadata(struct fl_fix_pass *p)
{
	const struct fl_flow *f = p->f;
	struct fl_buf meta_path = FL_BUF_INIT;
	uint32_t i;

	if (!fl_fix_enabled(p, &fl_rule_dynamic_metadata_mismatch))
		return;
	for (i = 0; i < p->res->ndiags; i++) {
		const struct fl_diag *d = &p->res->diags[i];
		struct param_path q = { d->node, &meta_path, false };
		int32_t act;

		if (d->rule != &fl_rule_dynamic_metadata_mismatch ||
		    !fl_fix_wants(p, d) || d->node == FL_JSON_NONE)
			continue;
		act = fl_flow_find_action(f, d->action);
		if (act == FL_NO_ACTION)
			continue;
		fl_buf_reset(&meta_path);
		fl_params_foreach(p->lo->params, f, &f->actions[act], find_path,
		    &q);
		if (q.found && fl_fix_mark_dynamic(p, act, meta_path.ptr, false))
			fl_fix_claim(p, d);
	}
	fl_buf_release(&meta_path);
}
