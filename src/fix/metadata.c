/*
 * Marking a parameter dynamic the way the console does (FL309, and
 * FL101's conversions): parameters.<Param>.useDynamic and the action's
 * own useDynamic, both true.
 */
#include "fix/pass.h"

#include "flow/flow.h"
#include "json/json.h"
#include "util/buf.h"

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
