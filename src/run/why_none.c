/*
 * Why a run checked no file (why_none.h).
 */
#include "run/why_none.h"

#include "repo/targets.h"
#include "run/session.h"
#include "util/buf.h"

/* The *.json files below the operands (none: .), ignoring nothing. */
static size_t
json_files_below(char **paths, size_t n)
{
	struct fl_targets all = { 0 };
	char *dot[] = { "." };
	size_t found;

	(void)fl_targets_from_paths(&all, n > 0 ? paths : dot, n > 0 ? n : 1);
	found = all.n;
	fl_targets_release(&all);
	return found;
}

void
fl_run_why_none(struct fl_buf *out, const struct fl_session *s,
    const struct fl_session_options *o, unsigned sharded, unsigned not_flows)
{
	size_t start = out->len, all;

	if (s->excluded > 0)
		fl_buf_addf(out, "%u excluded by the configuration (include, "
		    "exclude)", s->excluded);
	if (sharded > 0)
		fl_buf_addf(out, "%s%u in other shards", out->len > start ?
		    ", " : "", sharded);
	if (not_flows > 0)
		fl_buf_addf(out, "%s%u %s", out->len > start ? ", " : "",
		    not_flows, not_flows == 1 ? "not a contact flow" :
		    "not contact flows");
	if (out->len > start)
		return;
	if (o->source != FL_SESSION_WORKTREE) {
		fl_buf_adds(out, "no *.json file to check ");
		if (o->source == FL_SESSION_STAGED)
			fl_buf_adds(out, "is staged");
		else
			fl_buf_addf(out, "changed since %s", o->since);
		if (o->npaths > 0)
			fl_buf_adds(out, " under the given paths");
	} else if ((all = json_files_below(o->paths, o->npaths)) > 0) {
		fl_buf_addf(out, "%s %zu *.json %s ignored by git (.gitignore)",
		    all == 1 ? "the" : "all", all, all == 1 ? "file is" :
		    "files are");
	} else {
		fl_buf_adds(out, "no *.json file found");
	}
}
