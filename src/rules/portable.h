/*
 * The portable form of a hardcoded ARN, as the reference convention
 * writes it (connect-flow-format.md §7.1): account ${ACCT_ID}, region
 * ${REGION} ($.AwsRegion in Lambda and Lex ARNs), instance
 * ${INSTANCE_ID}, a Connect resource ID ${Q|F|M|P|H|A:<name>:…} and a Lex
 * bot alias bot-alias/<bot>/<alias>, by name.
 *
 * FL101 uses it to say whether a finding is fixable and, when it is not,
 * what flowlint would need to know; the fixer uses it to write the fix.
 * Sharing it keeps the report's "fixable" exactly what `fix` does.
 */
#ifndef FL_RULES_PORTABLE_H
#define FL_RULES_PORTABLE_H

#include <stdbool.h>
#include <stdint.h>

#include "util/str.h"

struct fl_arena;
struct fl_buf;
struct fl_environment;
struct fl_flow;
struct fl_inventory;
struct fl_patterns;
struct fl_re_match;
struct fl_ref;
struct fl_resource;
struct fl_rule_ctx;

/*
 * The flow's own account, region and instance: those its configured
 * environments list (rules/environments.h), else the one literal value
 * its Connect ARNs agree on.  Without Connect ARNs the region all ARNs
 * agree on is its own, but no account is: a flow that only calls a
 * Lambda function does not show whether that is a cross-account one.
 * A placeholder stands for exactly the flow's own value, so an ARN
 * naming another account, region or instance (a cross-account Lambda,
 * production ARNs in a staging flow) is never rewritten into it.
 */
struct fl_portable_home {
	struct fl_str account, region, instance;	/* borrowed; empty
							   when none */
	bool mixed_account, mixed_region, mixed_instance; /* several */
	/* The environments the file belongs to (borrowed; bit i of `member`
	 * for envs[i]): where they list a slot, they decide it. */
	const struct fl_environment *envs;
	uint32_t member;
	/*
	 * A string templated another way (Terraform ${var.x}, {{x}},
	 * %%X%%): such a file gets no reference placeholders.  `other` is
	 * the first one found (borrowed), `other_kind` names the form.
	 * fl_portable_arn looks for it in `flow` on first need: the scan
	 * reads every string, and most files never need it.
	 */
	const struct fl_flow *flow;	/* borrowed */
	bool scanned;			/* `other` was looked for */
	struct fl_str other;
	const char *other_kind;
	bool legacy;		/* a legacy export: re-exported, not fixed */
};

void fl_portable_home(struct fl_portable_home *out,
    const struct fl_rule_ctx *ctx, const struct fl_flow *f);

/*
 * The other templating convention the file uses ("Terraform-style ${...}
 * interpolation", ...), looked for on first need, or NULL: the file
 * uses the reference convention or none.
 */
const char *fl_portable_other_convention(struct fl_portable_home *home);

/*
 * The first instance-specific ID left literal in the resource part of
 * ARN reference r (a Connect UUID anywhere in it, a Lex V2 bot or alias
 * ID in a Lex ARN), or {NULL,0}.  Such an ARN is not portable even when
 * its account, region and instance are placeholders.
 */
struct fl_str fl_portable_literal_id(const struct fl_ref *r,
    const struct fl_patterns *p, struct fl_re_match *m);

/*
 * How to refer to a resource of `kind` (enum fl_res_kind, or -1: say
 * nothing) by name instead of its ID, when the inventory knows it
 * (`known`), or which list to add to the inventory: "; ..." to append
 * to a message.  `arn`: the ID is inside an ARN, where a ${X:name:X}
 * placeholder goes.
 */
const char *fl_portable_id_advice(struct fl_rule_ctx *ctx, int kind,
    const struct fl_resource *known, bool arn);

/*
 * The deployment stage in the function name of Lambda ARN reference r
 * (the lambda_stage pattern of rules/data/patterns.json: dev, qa, prod
 * as whole '-'-separated parts), which the reference exporter writes as
 * ${STAGE}; or {NULL,0}.
 */
struct fl_str fl_portable_stage(const struct fl_ref *r,
    const struct fl_patterns *p, struct fl_re_match *m);

/* Which slots of ARN reference r hold literal values. */
struct fl_arn_literals {
	bool account, region, instance;
};

void fl_portable_literals(struct fl_arn_literals *out, const struct fl_ref *r,
    const struct fl_patterns *p, struct fl_re_match *m);

struct fl_portable {
	struct fl_str text;	/* arena: the portable ARN; {NULL,0} when
				   it cannot be written */
	const char *why_not;	/* arena: what flowlint lacks, or NULL */
	const char *kind;	/* the resource kind as resource-parameters.json
				   names it ("queue", "lambda", ...), or NULL */
	struct fl_str name;	/* the resource's name when the convention
				   keeps this kind in FLOW_OBJECT_MAPS# under
				   it (queue, flow, module, Lambda, Lex alias);
				   else empty */
};

/*
 * The portable form of the ARN reference r, whose literal slots must
 * match `home`; resource IDs are named through `inv` (may be NULL).
 */
void fl_portable_arn(struct fl_portable *out, struct fl_arena *a,
    const struct fl_ref *r, struct fl_portable_home *home,
    const struct fl_inventory *inv, const struct fl_patterns *p,
    struct fl_re_match *m);

/*
 * Appends the object-map value for the resource of `kind` (a kind the
 * convention maps) named `name`, e.g. the queue ARN ending in
 * /queue/${Q:<name>:Q}.  Returns false, appending nothing, for another
 * kind or a name the deploy step could not resolve.
 */
bool fl_portable_by_name(struct fl_buf *out, const char *kind,
    struct fl_str name, const struct fl_patterns *p, struct fl_re_match *m);

/*
 * Whether `key` can name a FLOW_OBJECT_MAPS# entry: Connect and the
 * deploy replacer both read all of $.FlowAttributes.<key>.
 */
bool fl_portable_key_ok(struct fl_str key, const struct fl_patterns *p,
    struct fl_re_match *m);

#endif
