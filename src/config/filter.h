/*
 * What the configuration and the baseline do to a run's findings, file
 * by file, after the rules ran: per-file-ignores drop whole rules for
 * some paths, suppressions drop single findings (and are counted, so an
 * unused one is reported as FL007), a baseline being written records
 * what is left, and a baseline being read hides what it recorded.
 */
#ifndef FL_CONFIG_FILTER_H
#define FL_CONFIG_FILTER_H

#include <stdbool.h>

#include "config/project.h"
#include "diag/fingerprint.h"
#include "rules/rule.h"

struct fl_baseline;
struct fl_config;
struct fl_project;
struct fl_result;
struct fl_target;
struct fl_targets;

struct fl_filter {
	struct fl_config *config;	/* borrowed; suppression counts are
					   kept in it */
	const struct fl_project *project; /* borrowed: paths are relative
					   to its root */
	struct fl_baseline *baseline;	/* borrowed: --baseline, or NULL */
	struct fl_baseline *record;	/* borrowed: --write-baseline, or NULL;
					   what it records is not reported */
	unsigned ignored;		/* findings dropped by per-file-ignores */
	unsigned suppressed;		/* findings dropped by suppressions */
	unsigned baselined;		/* findings hidden by the baseline, or
					   recorded in it */
	struct fl_path_memo memo;	/* owned: for target paths */
};

/* Drops the targets that include/exclude leave out; returns how many. */
unsigned fl_filter_targets(struct fl_filter *f, struct fl_targets *t);

/*
 * Drops the findings of `res`, read from target `t`, that the
 * configuration or the baseline hide, in place, and records the rest
 * when a baseline is written (by the findings' fingerprints,
 * diag/fingerprint.h).  A target read from disk is found by its
 * path; one already in memory (a git blob) is shown by its repository
 * path.
 */
void fl_filter_result(struct fl_filter *f, const struct fl_target *t,
    struct fl_result *res);

/*
 * What a fix may touch in one file, as check would report it: the
 * findings of the rules `rules` says (enabled, and not ignored for the
 * file's path) that no suppression covers.  Made on the calling thread
 * before the run; read-only after, so the fix stage's threads share it.
 */
struct fl_fix_scope {
	const struct fl_config *config;	/* borrowed */
	char *rel;			/* owned: the file's path relative
					   to the project root */
	bool rules[FL_MAX_RULES];	/* by fl_rule_index() */
};

void fl_filter_fix_scope(struct fl_filter *f, const struct fl_target *t,
    const bool *enabled, struct fl_fix_scope *out);
void fl_fix_scope_release(struct fl_fix_scope *s);

/* Whether finding d of `r` may be fixed under `scope` (a struct
 * fl_fix_scope): the shape of fl_fix_options.allows. */
bool fl_fix_scope_allows(const void *scope, const struct fl_result *r,
    const struct fl_diag *d);

/* What the configuration's globs say of target t ("environments",
 * "exporter-named") and where it stands to the layout's deploy step;
 * false when nothing. */
bool fl_filter_file_config(struct fl_filter *f, const struct fl_target *t,
    struct fl_file_config *out);

/*
 * Reports the suppressions that matched no finding: for every file that
 * holds such suppressions, one result whose findings are FL007 at the
 * entries, handed to `fn` and released after.  Only suppressions whose
 * path matched a checked file and whose rule ran (`enabled`, by rule
 * index; NULL: all) count; nothing happens when FL007 is not enabled.
 */
void fl_filter_unused(struct fl_filter *f, const bool *enabled,
    const enum fl_severity *severity,
    void (*fn)(void *arg, struct fl_result *res), void *arg);

#endif
