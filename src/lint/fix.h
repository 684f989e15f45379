/*
 * Fixing one file: the fixes of every enabled rule (struct fl_rule's
 * fix), applied as text edits on the original bytes, pass after pass
 * until nothing is left to fix (a fix may uncover another: a queue ARN
 * moved into the object map then needs its metadata marked dynamic).
 * A pass hands each fixable finding to its rule's fix, rules in registry
 * order, and is verified before it is kept (see fix/verify.c); a fix
 * that fails verification on its own is left out, its finding kept.
 */
#ifndef FL_LINT_FIX_H
#define FL_LINT_FIX_H

#include <stdbool.h>
#include <stddef.h>

struct fl_diag;
struct fl_lint_options;
struct fl_re_match;
struct fl_result;
struct fl_rule;

/* Passes before giving up, as ruff's MAX_ITERATIONS. */
#define FL_FIX_MAX_PASSES 10

struct fl_fix_options {
	const struct fl_lint_options *lint;	/* patterns, parameters,
						   inventory; every rule is
						   checked whatever its
						   `enabled` says */
	const bool *enabled;		/* fixes by fl_rule_index(); NULL: all */
	/* NULL, or whether finding d of `r` (the file, or a pass's fixed
	 * text of it) may be fixed: a suppressed finding is left as it
	 * is.  Called on the worker threads with `allows_arg`. */
	bool (*allows)(const void *arg, const struct fl_result *r,
	    const struct fl_diag *d);
	const void *allows_arg;
};

/* A finding whose fix `fix` tried and left out, and why. */
struct fl_fix_refusal {
	const struct fl_rule *rule;
	char *pointer;			/* owned; "" when none */
	char *message;			/* owned: the finding's message */
	char *reason;			/* owned */
};

struct fl_fix_outcome {
	struct fl_result *final;	/* the fixed text, linted with every
					   rule; the input itself when nothing
					   changed (then borrowed) */
	bool changed;			/* final is a new text (owned) */
	unsigned nfixed;		/* findings of the input marked fixed */
	unsigned passes;		/* passes that changed the text */
	struct fl_fix_refusal *refused;	/* owned; the findings stay in
					   `final`, not fixable, their
					   messages saying why */
	unsigned nrefused;
};

/*
 * Fixes the file in `in`, which must have been linted with every rule
 * (fl_lint with `enabled` NULL), and marks the findings of `in` the
 * fixed text is free of (fl_diag.fixed).  When a pass fails
 * verification, each of its fixes is tried alone: those that fail alone
 * are refused (their findings stay, with the reason) and the others
 * applied.  Returns 0 with `out` filled, or FL_EINVAL with the reason
 * when the fixes fail only together or do not settle within
 * FL_FIX_MAX_PASSES; `out` is then empty and nothing may be written.
 */
int fl_fix_file(struct fl_fix_outcome *out, struct fl_result *in,
    const struct fl_fix_options *o, struct fl_re_match *m);

void fl_fix_outcome_release(struct fl_fix_outcome *out);

#endif
