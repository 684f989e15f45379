/*
 * Splitting a run into shards, so that a CI system's parallel jobs
 * (GitLab's `parallel:`) can each check part of a very large repository.
 */
#ifndef FL_LINT_SHARD_H
#define FL_LINT_SHARD_H

struct fl_targets;

/*
 * Parses "I/N" (1 <= I <= N, as GitLab's CI_NODE_INDEX/CI_NODE_TOTAL).
 * Returns 0, or FL_EINVAL with the message set.
 */
int fl_shard_parse(unsigned *index, unsigned *count, const char *spec);

/*
 * Keeps only the targets of shard `index` (1-based) of `count`, in their
 * order, and frees the rest.  A target belongs to shard
 * FNV-1a(path) mod count + 1, its path taken without leading "./", so
 * the split depends on nothing but the paths: every shard of one
 * pipeline agrees, whichever machine runs it, and together the shards
 * cover every target exactly once.
 */
void fl_targets_shard(struct fl_targets *t, unsigned index, unsigned count);

#endif
