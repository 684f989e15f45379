/*
 * The set-up every command that reads flow files shares, so that check,
 * fix and format work on the same files under the same configuration:
 * the project and its configuration, the rule selection and severities,
 * what the rules read (patterns, parameters, inventory), the baseline,
 * and the list of targets -- inside a git work tree only what git tracks
 * or would track (.gitignore honoured), then the configuration's
 * include/exclude.
 */
#ifndef FL_RUN_SESSION_H
#define FL_RUN_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "flow/catalog.h"
#include "flow/params.h"
#include "flow/patterns.h"
#include "lint/lint.h"
#include "repo/snapshot.h"
#include "repo/targets.h"
#include "rules/file_config.h"
#include "rules/rule.h"
#include "run/setup.h"
#include "util/fs.h"

struct fl_repo;
struct fl_run_args;

/* Where the targets come from. */
enum fl_session_source {
	FL_SESSION_WORKTREE,	/* the operands on disk (default: .) */
	FL_SESSION_STAGED,	/* the index (--staged) */
	FL_SESSION_CHANGED,	/* changed since a revision (--changed-since) */
};

struct fl_session_options {
	const struct fl_run_args *args;	/* --config, --jobs */
	char **paths;			/* the operands; none: "." */
	size_t npaths;
	const char *stdin_name;		/* FL_SESSION_WORKTREE, or NULL: read
					   standard input instead of the
					   paths, as the file at this path */
	const bool *enabled;		/* --select and --ignore, by rule
					   index; NULL: every rule */
	bool selected;			/* --select was given: it replaces
					   the configuration's "select" */
	bool lint;			/* read what the rules read: the
					   patterns, the parameter table and
					   the inventory (not for format) */
	enum fl_session_source source;
	const char *since;		/* FL_SESSION_CHANGED: the revision */
	bool uncommitted;		/* ... compared with the work tree */
	bool no_cache;			/* read the inventory without its cache */
	const char *baseline;		/* --baseline or --write-baseline FILE */
	bool record;			/* --write-baseline */
};

struct fl_session {
	struct fl_setup setup;		/* configuration, inventory, baseline
					   and the filter applying them */
	bool enabled[FL_MAX_RULES];	/* the command line and the
					   configuration together */
	enum fl_severity severity[FL_MAX_RULES];
	struct fl_patterns patterns;	/* with options.lint */
	struct fl_params params;	/* with options.lint */
	struct fl_catalog catalog;	/* with options.lint; borrows from
					   setup.config */
	struct fl_file_configs files;	/* after fl_session_list(): what
					   the configuration says of each
					   target */
	struct fl_lint_options lint;	/* all of the above, for fl_run() */
	struct fl_targets targets;	/* after fl_session_list() */
	unsigned unlisted;		/* ... operands that could not be
					   listed, or standard input read */
	unsigned excluded;		/* ... files include/exclude left out */
	struct fl_pathlist notes;	/* files passed over (a symbolic link
					   or a binary file in git) */
	struct fl_repo *repo;		/* owned: for --staged and
					   --changed-since, else NULL */
	struct fl_snapshot snapshot;	/* the state the files are read in */
};

/*
 * Reads everything a run needs before its first file: the repository
 * for a staged or changed-files run, the project, the configuration,
 * the rule selection and severities, the baseline and, with o->lint,
 * what the rules read.  Returns 0, or an FL_E* code with the message
 * set.  Release `s` in every case.
 */
int fl_session_open(struct fl_session *s, const struct fl_session_options *o);

/*
 * Lists the targets and drops those the configuration's include and
 * exclude leave out.  Returns 0, or an FL_E* code with the message set:
 * for files on disk, after an operand that does not exist (the others
 * are still listed); for a staged or changed-files run, when the list
 * cannot be had (then it is empty).
 */
int fl_session_list(struct fl_session *s, const struct fl_session_options *o);

void fl_session_release(struct fl_session *s);

/*
 * For a file read outside fl_session_list (the server's documents, the
 * two sides of a review): fills `one` with what the configuration says
 * of the file of `t` (its environments, its place in the layout), as
 * fl_session_list works it out for the files it lists, and points
 * o->files at it.  Release `one` after the lint.
 */
void fl_session_file_config(struct fl_session *s, const struct fl_target *t,
    struct fl_lint_options *o, struct fl_file_configs *one);

/*
 * For the fix of the file of `t`: what it may touch (config/filter.h):
 * the findings of rules enabled and not ignored for its path that no
 * suppression covers.  Release with fl_fix_scope_release().
 */
void fl_session_fix_scope(struct fl_session *s, const struct fl_target *t,
    struct fl_fix_scope *out);

#endif
