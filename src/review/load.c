/*
 * Reading a flow for review; see load.h.
 */
#include "review/load.h"

#include <string.h>

#include "run/args.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/re.h"
#include "util/xalloc.h"

/* The project's set-up, read as check reads it. */
static int
open_session(struct fl_review_env *e, const char *operand)
{
	static const struct fl_run_args args;
	char *paths[] = { (char *)operand };
	struct fl_session_options so = { .args = &args, .paths = paths,
	    .npaths = 1, .lint = true };
	int err = fl_session_open(&e->session, &so);

	e->opts = e->session.lint;
	e->inventory = e->session.setup.inventory;
	return err;
}

int
fl_review_env_init(struct fl_review_env *e, const char *operand)
{
	int err;

	memset(e, 0, sizeof(*e));
	e->m = fl_re_match_new();
	if (operand != NULL)
		return open_session(e, operand);
	e->opts.patterns = &e->pats;
	e->opts.params = &e->params;
	err = fl_patterns_load_default(&e->pats);
	return err < 0 ? err : fl_params_load_default(&e->params);
}

void
fl_review_env_release(struct fl_review_env *e)
{
	fl_re_match_free(e->m);
	fl_session_release(&e->session);
	fl_params_release(&e->params);
	fl_patterns_release(&e->pats);
	memset(e, 0, sizeof(*e));
}

bool
fl_review_load(struct fl_result *r, struct fl_buf *why,
    struct fl_review_env *e, char *path, bool in_repo, char *text,
    size_t len)
{
	struct fl_target t = { .path = path, .fs_path = in_repo ? NULL : path };
	struct fl_lint_options o = e->opts;
	struct fl_file_configs one = { 0 };
	uint32_t i;

	fl_result_init(r, path, text, len);
	/* Inside a project, the file's configuration, as check has it. */
	if (e->opts.files != NULL)
		fl_session_file_config(&e->session, &t, &o, &one);
	fl_lint(r, &o, e->m);
	fl_file_configs_release(&one);
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
	*is_flow = fl_review_load(r, why, e, fl_xstrdup(path), false, bytes,
	    len);
	return 0;
}
