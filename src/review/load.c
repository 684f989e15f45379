/*
 * Reading a flow for review; see load.h.
 */
#include "review/load.h"

#include <string.h>

#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/re.h"
#include "util/xalloc.h"

int
fl_review_env_init(struct fl_review_env *e)
{
	int err;

	memset(e, 0, sizeof(*e));
	err = fl_patterns_load_default(&e->pats);
	if (err < 0)
		return err;
	err = fl_params_load_default(&e->params);
	if (err < 0) {
		fl_patterns_release(&e->pats);
		return err;
	}
	e->m = fl_re_match_new();
	e->opts.patterns = &e->pats;
	e->opts.params = &e->params;
	return 0;
}

void
fl_review_env_release(struct fl_review_env *e)
{
	fl_re_match_free(e->m);
	fl_params_release(&e->params);
	fl_patterns_release(&e->pats);
	memset(e, 0, sizeof(*e));
}

bool
fl_review_load(struct fl_result *r, struct fl_buf *why,
    struct fl_review_env *e, char *path, char *text, size_t len)
{
	uint32_t i;

	fl_result_init(r, path, text, len);
	fl_lint(r, &e->opts, e->m);
	fl_buf_reset(why);
	if (r->flow_loaded)
		return true;
	/* The loader's own findings say why there is no flow document. */
	for (i = 0; i < r->diags.n; i++) {
		const struct fl_diag *d = &r->diags.v[i];

		if (d->rule == &fl_rule_invalid_json ||
		    d->rule == &fl_rule_invalid_content ||
		    d->rule == &fl_rule_legacy_export) {
			fl_buf_addf(why, "%u:%u: %s", d->line, d->col,
			    d->message);
			return false;
		}
	}
	fl_buf_adds(why, "1:1: not an Amazon Connect contact flow");
	return false;
}

int
fl_review_load_file(struct fl_result *r, bool *is_flow, struct fl_buf *why,
    struct fl_review_env *e, const char *path)
{
	struct fl_buf text = FL_BUF_INIT;
	char *bytes;
	size_t len;
	int err;

	err = strcmp(path, "-") == 0 ? fl_fs_read_stdin(&text, FL_FS_MAX_FILE) :
	    fl_fs_read(&text, path, FL_FS_MAX_FILE);
	if (err < 0) {
		fl_buf_release(&text);
		return err;
	}
	bytes = fl_buf_detach(&text, &len);
	*is_flow = fl_review_load(r, why, e, fl_xstrdup(path), bytes, len);
	return 0;
}
