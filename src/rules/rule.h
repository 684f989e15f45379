/*
 * The rule interface.
 *
 * To add a rule (four steps):
 *  1. src/rules/flNNN_<name>.c defining `const struct fl_rule
 *     fl_rule_<name>` (code, kebab-case name, severity, flags, check);
 *  2. one line FL_RULE(<name>) in src/rules/rules.def, in code order;
 *  3. the page rules/FLNNN-<name>.md (front matter + fixed headings);
 *  4. fixtures in tests/fixtures/FLNNN-<name>/ (bad and good cases).
 * The registry test fails until all four agree.
 *
 * A rule sees only the flow model.  It reports through fl_report*(),
 * allocates only from ctx->arena, and never prints or touches files.
 * Rules whose check is NULL are reported by the loader (FL001, FL002…).
 */
#ifndef FL_RULES_RULE_H
#define FL_RULES_RULE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include "util/str.h"

struct fl_arena;
struct fl_flow;
struct fl_json_doc;
struct fl_lint_options;
struct fl_re_match;
struct fl_result;

enum fl_severity {
	FL_SEV_ERROR,
	FL_SEV_WARNING,
	FL_SEV_INFO,
};

enum fl_rule_flag {
	FL_RULE_FIXABLE = 1 << 0,
};

struct fl_rule_ctx;

struct fl_rule {
	const char *code;		/* "FL101" */
	const char *name;		/* "hardcoded-arn" */
	enum fl_severity severity;	/* default severity */
	unsigned flags;			/* enum fl_rule_flag */
	void (*check)(struct fl_rule_ctx *ctx, const struct fl_flow *flow);
};

/* One finding.  Strings live in the file's arena. */
struct fl_diag {
	const struct fl_rule *rule;
	enum fl_severity severity;
	uint32_t off;			/* byte offset in the file */
	uint32_t len;			/* bytes of the value (or key) in the
					   file from off, escapes included;
					   0 when the finding is at a point */
	uint32_t line, col;		/* 1-based; col counts bytes */
	const char *message;
	const char *pointer;		/* JSON Pointer, or NULL */
	uint32_t node;			/* the node in flow->doc, or
					   FL_JSON_NONE (wrapper, loader) */
	struct fl_str action;		/* Identifier of the action, or empty */
	bool fixable;
};

struct fl_rule_ctx {
	const struct fl_rule *rule;
	const struct fl_lint_options *opts;	/* patterns, parameter table */
	struct fl_re_match *match;		/* this thread's regex scratch */
	enum fl_severity severity;	/* after configuration */
	struct fl_result *result;
	struct fl_arena *arena;		/* the file's arena */
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
struct fl_diag *fl_report_at(struct fl_rule_ctx *ctx, uint32_t node,
    struct fl_str sub, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* At a node of the file's own document (the wrapper), e.g. its Name. */
struct fl_diag *fl_report_outer(struct fl_rule_ctx *ctx, uint32_t node,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* At node `node` of any document of the flow (e.g. the wrapper's Name). */
struct fl_diag *fl_report_doc(struct fl_rule_ctx *ctx,
    const struct fl_json_doc *doc, uint32_t node, bool key,
    const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));

/* An upper bound on fl_rule_count, for per-rule arrays. */
#define FL_MAX_RULES 128

/* The registry, in code order; see rules.def. */
extern const struct fl_rule *const fl_rules[];
extern const unsigned fl_rule_count;

/* Lookup by code ("FL101", case-insensitive) or name; NULL if unknown. */
const struct fl_rule *fl_rule_find(const char *code_or_name);
/* Index of r in fl_rules[]. */
unsigned fl_rule_index(const struct fl_rule *r);
const char *fl_severity_name(enum fl_severity s);

#define FL_RULE(name) extern const struct fl_rule fl_rule_##name;
#include "rules/rules.def"
#undef FL_RULE

#endif
