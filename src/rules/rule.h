/*
 * The rule interface.
 *
 * To add a rule:
 *  1. src/rules/flNNN_<name>.c defining `const struct fl_rule
 *     fl_rule_<name>` (code, kebab-case name, severity, check);
 *  2. one line FL_RULE(<name>) in src/rules/rules.def, in code order;
 *  3. the page rules/FLNNN-<name>.md (front matter + fixed headings;
 *     "fixable: yes" exactly when the rule has a fix);
 *  4. fixtures in tests/fixtures/FLNNN-<name>/ (bad and good cases).
 * A fixable rule also
 *  5. sets .fix and .fix_title: the fix asks for changes through the
 *     requests of fix/pass.h, claims each finding it removes, and may
 *     use what check attached to the finding (fl_diag.fix_data) rather
 *     than work it out again; a finding check cannot fix is reported
 *     with fixable false;
 *  6. adds the golden fixtures NAME.json.fixed (what `flowlint fix`
 *     writes for the bad case NAME.json).
 * The registry test fails until all of them agree.
 *
 * A rule sees only its read-only inputs (the flow model, patterns,
 * parameter table, action catalog, inventory, configured environments,
 * what the configuration says of its file, path).  It reports through fl_report*(),
 * allocates only from ctx->arena, and never prints or touches files.
 * Fixes run in registry order, after every rule has checked the file,
 * one finding at a time.  Rules whose check is NULL are reported by the
 * loader (FL001, FL002...) or the run's filter (FL007).
 */
#ifndef FL_RULES_RULE_H
#define FL_RULES_RULE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include "diag/diag.h"
#include "rules/file_config.h"
#include "util/str.h"

struct fl_arena;
struct fl_cat_action;
struct fl_catalog;
struct fl_environment;
struct fl_fix_pass;
struct fl_flow;
struct fl_inventory;
struct fl_json_doc;
struct fl_params;
struct fl_patterns;
struct fl_re_match;
struct fl_source;

struct fl_rule_ctx;

struct fl_rule {
	const char *code;		/* "FL101" */
	const char *name;		/* "hardcoded-arn" */
	enum fl_severity severity;	/* default severity */
	void (*check)(struct fl_rule_ctx *ctx, const struct fl_flow *flow);
	bool legacy;			/* also runs on a legacy export, whose
					   strings (refs) are scanned but
					   which has no actions */
	/* Removes finding d (fixable) through the requests of `p`; NULL:
	 * the rule has no fix. */
	void (*fix)(const struct fl_rule_ctx *ctx, struct fl_fix_pass *p,
	    const struct fl_diag *d);
	const char *fix_title;		/* what the fix does, as a phrase */
};

static inline bool
fl_rule_fixable(const struct fl_rule *r)
{
	return r->fix != NULL;
}

/* What a rule reads (read-only), and where it reports. */
struct fl_rule_ctx {
	const struct fl_rule *rule;
	enum fl_severity severity;	/* after configuration */
	const char *path;		/* the file, as shown in reports */
	const struct fl_flow *flow;
	const struct fl_patterns *patterns;
	const struct fl_params *params;	/* the resource parameter table */
	const struct fl_catalog *catalog; /* the action catalog */
	const struct fl_cat_action *const *entries; /* the entry of each
					   of flow->actions (NULL: a Type it
					   does not know), looked up once per
					   file for the rules that read it */
	const struct fl_inventory *inventory; /* NULL: cross-file rules stay
					   silent */
	const struct fl_environment *environments; /* configured */
	size_t nenvironments;
	struct fl_file_config file;	/* what the configuration says of
					   this file */
	struct fl_re_match *match;	/* this thread's regex scratch */
	struct fl_source *src;		/* the file's bytes, for positions */
	struct fl_arena *arena;		/* the file's arena */
	struct fl_diag_list *out;	/* the file's findings */
};

/*
 * Reports a finding at node `node` of the flow document (its value, or
 * with _key its key).  The action and the JSON Pointer are derived from
 * the node.  Returns the diagnostic so that a rule may refine it.
 */
struct fl_diag *fl_report(struct fl_rule_ctx *ctx, uint32_t node,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
struct fl_diag *fl_report_key(struct fl_rule_ctx *ctx, uint32_t node,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/*
 * At `sub`, a slice of the string value of node `node` (the bot alias ID
 * inside an ARN); at the whole value, as fl_report, when the slice is
 * all of it or the string had escapes, which its bytes no longer map
 * onto.
 */
struct fl_diag *fl_report_within(struct fl_rule_ctx *ctx, uint32_t node,
    struct fl_str sub, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* At a node of the file's own document (the wrapper), e.g. its Name. */
struct fl_diag *fl_report_outer(struct fl_rule_ctx *ctx, uint32_t node,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* At node `node` of any document of the flow (e.g. the wrapper's Name). */
struct fl_diag *fl_report_doc(struct fl_rule_ctx *ctx,
    const struct fl_json_doc *doc, uint32_t node, bool key,
    const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));
/*
 * A finding with a ready message at byte `off` of the file; with `doc`
 * it is about node `node` there (its key with `key`), which gives its
 * span, pointer and action.  For the loader's problems.
 */
struct fl_diag *fl_report_at(struct fl_rule_ctx *ctx, uint32_t off,
    const struct fl_json_doc *doc, uint32_t node, bool key, const char *msg);

/* An upper bound on fl_rule_count, for per-rule arrays. */
#define FL_MAX_RULES 128

/* The registry, in code order; see rules.def. */
extern const struct fl_rule *const fl_rules[];
extern const unsigned fl_rule_count;

/* Lookup by code ("FL101", case-insensitive) or name; NULL if unknown. */
const struct fl_rule *fl_rule_find(const char *code_or_name);
/* Index of r in fl_rules[]. */
unsigned fl_rule_index(const struct fl_rule *r);

#define FL_RULE(name) extern const struct fl_rule fl_rule_##name;
#include "rules/rules.def"
#undef FL_RULE

#endif
