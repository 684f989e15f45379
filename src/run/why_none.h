/*
 * Why a run checked no file, for the summary line of check and fix: "0
 * files checked" alone leaves a user guessing whether git, the
 * configuration or flowlint's idea of a flow left the files out.
 */
#ifndef FL_RUN_WHY_NONE_H
#define FL_RUN_WHY_NONE_H

struct fl_buf;
struct fl_session;
struct fl_session_options;

/*
 * Appends the reason, a phrase: what left out the files listed (the
 * configuration's include and exclude, --shard: `sharded` of them, or
 * `not_flows` that were no contact flow), or else why none was listed
 * (nothing staged or changed, all ignored by git, no *.json at all).
 */
void fl_run_why_none(struct fl_buf *out, const struct fl_session *s,
    const struct fl_session_options *o, unsigned sharded,
    unsigned not_flows);

#endif
