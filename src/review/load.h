/*
 * A flow file read for review (textconv, diff, graph): parsed, loaded
 * into the flow model and checked, so that a rendering can mark
 * findings and a diff can tell which it introduces.  Inside a project,
 * the check is check's own: the run set-up's configuration, rules and
 * inventory, which also names the resources a flow refers to.
 */
#ifndef FL_REVIEW_LOAD_H
#define FL_REVIEW_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "flow/params.h"
#include "flow/patterns.h"
#include "lint/lint.h"
#include "run/session.h"

struct fl_buf;

/* What checking a file needs, loaded once per command. */
struct fl_review_env {
	struct fl_session session;	/* with a project operand */
	struct fl_patterns pats;	/* without: the defaults */
	struct fl_params params;
	struct fl_re_match *m;
	struct fl_lint_options opts;	/* borrows from the above */
	const struct fl_inventory *inventory; /* the session's, or NULL */
};

/*
 * With `operand` (a flow file, or "." for a repository), the run set-up
 * of the project that holds it, as check reads it; with NULL, the
 * default rules and no inventory (textconv, which git runs on temporary
 * copies).  Returns 0, or a negative FL_E* code with the message set;
 * release `e` in every case.
 */
int fl_review_env_init(struct fl_review_env *e, const char *operand);
void fl_review_env_release(struct fl_review_env *e);

/*
 * Checks the `len` bytes of `text` as the file `path` into `r` (which
 * takes both, fl_xmalloc'd; the caller releases r in any case).  `path`
 * is where the file is, or with `in_repo` its path in the repository (a
 * side of `diff --git`): the configuration's view of the file (its
 * environments, its place in the layout) follows from it.
 * Returns true when r->flow holds a flow document, else false with
 * "LINE:COL: reason" in `why` (say "1:1: not an Amazon Connect contact
 * flow"), to follow the file's name and a colon.
 */
bool fl_review_load(struct fl_result *r, struct fl_buf *why,
    struct fl_review_env *e, char *path, bool in_repo, char *text,
    size_t len);

/*
 * As fl_review_load(), reading the file `path` ("-" for standard
 * input).  Returns -1 (message set) when it cannot be read; else 0 with
 * *is_flow set.
 */
int fl_review_load_file(struct fl_result *r, bool *is_flow,
    struct fl_buf *why, struct fl_review_env *e, const char *path);

#endif
