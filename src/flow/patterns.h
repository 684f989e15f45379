/*
 * The patterns that find references in flow strings, compiled once from
 * rules/data/patterns.json (embedded; a team whose deploy replacer
 * differs can point the configuration at its own copy).
 *
 *   arn                     ARNs, with named groups partition, service,
 *                           region, account, resource
 *   literal_account         an ARN slot that holds a real value (any
 *   literal_region          other text is a placeholder of some
 *   literal_instance        convention: ${ACCT_ID}, {{x}}, <<X>>, ...)
 *   placeholder             ${K:name:K} candidates of the reference
 *                           convention: groups kind, name, kind2, close
 *   replacer_placeholder    what the deploy replacer resolves
 *   flow_attribute          $.FlowAttributes references as Connect
 *                           reads them: groups quoted, name
 *   replacer_flow_attribute what the deploy replacer captures (group 1)
 *   lambda_stage            (optional) a deployment stage in a Lambda
 *                           function's name, group stage: what the
 *                           reference exporter writes as ${STAGE}
 */
#ifndef FL_FLOW_PATTERNS_H
#define FL_FLOW_PATTERNS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/str.h"

struct fl_re;
struct fl_re_match;

struct fl_patterns {
	struct fl_re *arn;
	struct fl_re *literal_account;
	struct fl_re *literal_region;
	struct fl_re *literal_instance;
	struct fl_re *placeholder;
	struct fl_re *replacer_placeholder;
	struct fl_re *flow_attribute;
	struct fl_re *replacer_flow_attribute;
	struct fl_re *lambda_stage;	/* NULL: stages are not checked */
	/* Group numbers of the named groups. */
	int g_partition, g_service, g_region, g_account, g_resource;
	int g_kind, g_name, g_kind2, g_close;
	int g_quoted, g_attr_name;
	int g_stage;
};

/*
 * Compiles the patterns from a JSON text (`origin` names it in errors).
 * Returns 0, or FL_ECONFIG with the message naming the key and reason:
 * unknown or missing keys, a pattern that does not compile, or lacks a
 * named group the scanner needs.
 */
int fl_patterns_load(struct fl_patterns *out, const char *text, size_t len,
    const char *origin);
/* The built-in rules/data/patterns.json. */
int fl_patterns_load_default(struct fl_patterns *out);
void fl_patterns_release(struct fl_patterns *p);

/* Whether a non-empty `slot` (an ARN's account, region, instance or
 * resource ID) has the literal shape `shape` (a literal_* pattern). */
bool fl_patterns_is_literal(const struct fl_re *shape, struct fl_re_match *m,
    struct fl_str slot);

#endif
