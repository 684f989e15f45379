/*
 * Findings ("diagnostics"): what a rule reports about a flow file, below
 * the rules, the configuration and the reports that all handle them.
 *
 * This module owns the finding type, the one definition of "the same
 * finding" (fl_diag_same), the order findings are reported in
 * (fl_diag_sort) and the list a file's findings are collected in.  The
 * finding's identity across edits, its fingerprint, is in fingerprint.h.
 */
#ifndef FL_DIAG_DIAG_H
#define FL_DIAG_DIAG_H

#include <stdbool.h>
#include <stdint.h>

#include "util/str.h"

struct fl_arena;
struct fl_fingerprint;		/* fingerprint.h */
struct fl_rule;			/* rules/rule.h: opaque here */
struct fl_source;

enum fl_severity {
	FL_SEV_ERROR,
	FL_SEV_WARNING,
	FL_SEV_INFO,
};

/* One finding.  Strings live in the file's arena. */
struct fl_diag {
	const struct fl_rule *rule;
	const char *code;		/* the rule's code ("FL101") */
	enum fl_severity severity;
	uint32_t off;			/* byte offset in the file */
	uint32_t len;			/* bytes of the value (or key) in the
					   file from off, escapes included;
					   0 when the finding is at a point */
	uint32_t line, col;		/* 1-based; col counts bytes */
	const char *message;
	const char *pointer;		/* JSON Pointer, or NULL */
	uint32_t node;			/* the node in the flow document, or
					   FL_JSON_NONE (wrapper, loader) */
	struct fl_str action;		/* Identifier of the action, or empty */
	bool fixable;			/* the rule's fix can remove it */
	bool fixed;			/* the fix stage removed it (the fixed
					   text no longer has it) */
	const void *fix_data;		/* arena: what the rule worked out
					   for its fix, or NULL */
	const struct fl_fingerprint *fingerprint;	/* arena: its
					   identity, once the file's findings
					   are fingerprinted; else NULL */
};

/* A file's findings: the sink rules report into.  The array lives in the
 * file's arena. */
struct fl_diag_list {
	struct fl_diag *v;
	uint32_t n, alloc;
};

/*
 * Appends a zeroed finding of `rule` (whose code is `code`) at byte
 * `off` of `src`, with its line and column, and returns it.
 */
struct fl_diag *fl_diag_add(struct fl_diag_list *l, struct fl_arena *a,
    struct fl_source *src, const struct fl_rule *rule, const char *code,
    enum fl_severity sev, uint32_t off, const char *msg);

/*
 * Whether a and b are the same finding, in one text or in two versions
 * of it: the same rule at the same place -- the same action (by
 * Identifier) and JSON Pointer, without the action's index, which moves
 * when an action is added above (as the fingerprint has it).  The
 * message is not part of it: its wording may change while the defect
 * stays (say, with the inventory).
 */
bool fl_diag_same(const struct fl_diag *a, const struct fl_diag *b);

/* An order of findings by that identity: 0 exactly when fl_diag_same(),
 * for matching two versions' findings by sorting. */
int fl_diag_cmp_identity(const struct fl_diag *a, const struct fl_diag *b);

/* Sorts into report order: by position, then code, then message. */
void fl_diag_sort(struct fl_diag_list *l);

/* Counts of findings per severity. */
void fl_diag_count(const struct fl_diag_list *l, unsigned *errors,
    unsigned *warnings, unsigned *infos);

const char *fl_severity_name(enum fl_severity s);

#endif
