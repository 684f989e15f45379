/*
 * Checking one file: read bytes in, findings out.  Everything derived
 * from the file lives in the result's arena and goes with it.
 */
#ifndef FL_LINT_LINT_H
#define FL_LINT_LINT_H

#include <stdbool.h>
#include <stdint.h>

#include "diag/diag.h"
#include "flow/flow.h"
#include "rules/rule.h"
#include "util/arena.h"
#include "util/source.h"

struct fl_catalog;
struct fl_environment;
struct fl_file_configs;
struct fl_fix_outcome;
struct fl_format_outcome;
struct fl_inventory;
struct fl_params;
struct fl_patterns;
struct fl_re_match;
struct fl_relpath;
struct fl_report_file;

struct fl_lint_options {
	const struct fl_patterns *patterns;
	const struct fl_params *params;
	const struct fl_catalog *catalog;	/* the action catalog */
	const bool *enabled;		/* by fl_rule_index(); NULL: all */
	const enum fl_severity *severity; /* by index; NULL: defaults */
	const struct fl_inventory *inventory; /* resources of the repository
					   and its configured sources, read-
					   only; NULL: cross-file rules
					   stay silent */
	const struct fl_environment *environments; /* configured ones */
	size_t nenvironments;
	const struct fl_file_configs *files; /* what the configuration says
					   of each file; NULL: nothing */
};

struct fl_result {
	struct fl_source src;		/* owned */
	struct fl_arena arena;		/* owns everything below */
	struct fl_flow flow;		/* valid when flow_loaded */
	const struct fl_cat_action **entries; /* arena: the catalog entry
					   of each of flow.actions, once it
					   is loaded (fl_rule_ctx.entries) */
	bool flow_loaded;		/* a flow document was built */
	bool json_invalid;		/* the file does not parse (FL001) */
	enum fl_flow_shape shape;
	struct fl_diag_list diags;	/* arena; sorted by position */
	/* The fix stage's outcome, when the run has one (lint/run.h): */
	struct fl_fix_outcome *fix;	/* owned; NULL: refused, or no stage */
	char *fix_refusal;		/* owned: why the fixes were refused
					   (verification), or NULL */
	struct fl_format_outcome *format;	/* owned: the format stage's,
					   or NULL: no stage */
	const char *relpath;		/* arena: the path relative to its
					   repository root, once the findings
					   are fingerprinted; else NULL */
};

/* Takes ownership of `path` and `text` (fl_xmalloc'd, NUL-terminated). */
void fl_result_init(struct fl_result *r, char *path, char *text, size_t len);
void fl_result_release(struct fl_result *r);

/*
 * Parses, loads and runs every enabled rule.  `m` is the calling
 * thread's regex scratch.  Never fails: problems are findings.
 */
void fl_lint(struct fl_result *r, const struct fl_lint_options *o,
    struct fl_re_match *m);

/*
 * Fills `ctx` for running `rule` (or its fix) on `r` as `o` says; `m`
 * is the calling thread's regex scratch.
 */
void fl_rule_ctx_init(struct fl_rule_ctx *ctx, const struct fl_rule *rule,
    struct fl_result *r, const struct fl_lint_options *o,
    struct fl_re_match *m);

/*
 * Fingerprints the findings of `r` and of its fixed text (diag/
 * fingerprint.h), `rel` remembering the repository root of the last
 * folder (util/relpath.h; per thread).  The run does it on its workers.
 */
void fl_result_fingerprint(struct fl_result *r, struct fl_relpath *rel);

/* Fingerprints `r` unless done (a run without the stage, FL007's). */
void fl_result_fingerprinted(struct fl_result *r);

/* What the reports see of `r` (borrowed from it). */
void fl_result_report_file(struct fl_result *r, struct fl_report_file *out);

/* Keeps the findings of the rules `enabled` (by index; NULL: all). */
void fl_result_keep(struct fl_result *r, const bool *enabled);

/* Counts of diagnostics per severity. */
void fl_result_count(const struct fl_result *r, unsigned *errors,
    unsigned *warnings, unsigned *infos);

#endif
