/*
 * The run loop: read each target, lint it, hand the result over.
 */
#include "lint/run.h"

#include "lint/lint.h"
#include "lint/targets.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/re.h"
#include "util/xalloc.h"

/* Reads target t into a result; returns 0 or an FL_E* code. */
static int
load(struct fl_result *res, const struct fl_target *t, struct fl_buf *bytes)
{
	char *text;
	size_t len;

	if (t->fs_path == NULL) {
		text = fl_xstrndup(t->data, t->len);
		len = t->len;
	} else {
		int err = fl_fs_read(bytes, t->fs_path, FL_FS_MAX_FILE);

		if (err != 0)
			return err;
		text = fl_buf_detach(bytes, &len);
	}
	fl_result_init(res, fl_xstrdup(t->path), text, len);
	return 0;
}

unsigned
fl_run(const struct fl_targets *targets, const struct fl_lint_options *opts,
    fl_run_fn *fn, void *arg)
{
	struct fl_re_match *m = fl_re_match_new();
	struct fl_buf bytes = FL_BUF_INIT;
	unsigned failed = 0;
	size_t i;

	for (i = 0; i < targets->n; i++) {
		const struct fl_target *t = &targets->v[i];
		struct fl_result res;

		if (load(&res, t, &bytes) != 0) {
			failed++;
			fn(arg, t, NULL);
			continue;
		}
		fl_lint(&res, opts, m);
		fn(arg, t, &res);
		fl_result_release(&res);
	}
	fl_buf_release(&bytes);
	fl_re_match_free(m);
	return failed;
}
