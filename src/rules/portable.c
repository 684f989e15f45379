/*
 * Rewriting a hardcoded ARN into the reference convention's portable
 * form; see portable.h.  Nothing here is guessed: a resource ID becomes
 * a placeholder only through the inventory, and a literal becomes
 * ${ACCT_ID}, ${REGION} or ${INSTANCE_ID} only when it is the flow's own.
 */
#include "rules/portable.h"

#include <ctype.h>
#include <string.h>

#include "flow/flow.h"
#include "flow/patterns.h"
#include "inventory/inventory.h"
#include "inventory/sources.h"
#include "rules/environments.h"
#include "rules/resolve.h"
#include "rules/rule.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/re.h"

/* The resource kinds whose IDs or names the convention writes by name. */
struct kind_info {
	const char *service;	/* ARN service */
	enum fl_res_kind res;
	bool mapped;		/* kept in FLOW_OBJECT_MAPS# by the convention */
	const char *source;	/* where its names come from */
};

/*
 * Prompts, hours and assistants stay inline: the reference flows write
 * prompts as ${P:…:P} in the parameter, the deploy step cannot resolve
 * hours through a flow attribute, and it maps assistants to a bare ID
 * where the parameter wants an ARN (connect-flow-format.md §7.5-7.6).
 */
static const struct kind_info kinds[] = {
	{ "connect", FL_RES_QUEUE, true,
	  "the output of `aws connect list-queues`" },
	{ "connect", FL_RES_FLOW, true,
	  "the output of `aws connect list-contact-flows`" },
	{ "connect", FL_RES_MODULE, true,
	  "the output of `aws connect list-contact-flow-modules`" },
	{ "connect", FL_RES_PROMPT, false,
	  "the output of `aws connect list-prompts`" },
	{ "connect", FL_RES_HOURS, false,
	  "the output of `aws connect list-hours-of-operations`" },
	{ "wisdom", FL_RES_ASSISTANT, false,
	  "the output of `aws qconnect list-assistants`" },
	{ "lex", FL_RES_LEX_BOT, true,
	  "the output of `aws lexv2-models list-bots` and `list-bot-aliases`" },
	{ "lambda", FL_RES_LAMBDA, true, NULL },
};

static const struct kind_info *
kind_of(const struct fl_ref *r)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (fl_str_eq_cstr(r->u.arn.service, kinds[i].service) &&
		    fl_res_kind_from_arn(r->u.arn.kind) == (int)kinds[i].res)
			return &kinds[i];
	return NULL;
}

/* Whether `re` matches all of `s`. */
static bool
matches_whole(const struct fl_re *re, struct fl_re_match *m, struct fl_str s)
{
	struct fl_str g[1];

	return s.len > 0 && fl_re_search(re, m, s, 0, g, 1) &&
	    g[0].ptr == s.ptr && g[0].len == s.len;
}

/* Every byte of s is one of the ASCII letters, digits or `extra`. */
static bool
all_of(struct fl_str s, const char *extra)
{
	size_t i;

	for (i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.ptr[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || (c != '\0' && strchr(extra, c))))
			return false;
	}
	return s.len > 0;
}

/* A Lex V2 bot or alias ID: ten upper-case letters or digits. */
static bool
lex_id(struct fl_str s)
{
	size_t i;

	if (s.len != 10)
		return false;
	for (i = 0; i < s.len; i++)
		if (!((s.ptr[i] >= 'A' && s.ptr[i] <= 'Z') ||
		    (s.ptr[i] >= '0' && s.ptr[i] <= '9')))
			return false;
	return true;
}

struct fl_str
fl_portable_literal_id(const struct fl_ref *r, const struct fl_patterns *p,
    struct fl_re_match *m)
{
	bool lex = fl_str_eq_cstr(r->u.arn.service, "lex");
	const char *s = r->u.arn.id.ptr, *end;

	if (s == NULL)		/* an ARN without an ID: NULL + 0 is undefined */
		return fl_str_make(NULL, 0);
	end = s + r->u.arn.id.len;
	while (s < end) {
		const char *e = s;
		struct fl_str seg;

		while (e < end && *e != '/' && *e != ':')
			e++;
		seg = fl_str_make(s, (size_t)(e - s));
		/* The draft test alias is the same in every bot: FL104's. */
		if ((lex && lex_id(seg) && !fl_str_eq_cstr(seg, "TSTALIASID")) ||
		    fl_patterns_is_literal(p->literal_instance, m, seg))
			return seg;
		s = e + 1;
	}
	return fl_str_make(NULL, 0);
}

struct fl_str
fl_portable_stage(const struct fl_ref *r, const struct fl_patterns *p,
    struct fl_re_match *m)
{
	struct fl_str name = r->u.arn.id, g[16];
	const char *colon;

	if (p->lambda_stage == NULL || p->g_stage >= 16 ||
	    !fl_str_eq_cstr(r->u.arn.service, "lambda") ||
	    !fl_str_eq_cstr(r->u.arn.kind, "function") || name.len == 0)
		return fl_str_make(NULL, 0);
	if ((colon = memchr(name.ptr, ':', name.len)) != NULL)
		name.len = (size_t)(colon - name.ptr);
	if (!fl_re_search(p->lambda_stage, m, name, 0, g, 16) ||
	    g[p->g_stage].ptr == NULL)
		return fl_str_make(NULL, 0);
	return g[p->g_stage];
}

void
fl_portable_literals(struct fl_arn_literals *out, const struct fl_ref *r,
    const struct fl_patterns *p, struct fl_re_match *m)
{
	out->account = fl_patterns_is_literal(p->literal_account, m, r->u.arn.account);
	out->region = fl_patterns_is_literal(p->literal_region, m, r->u.arn.region);
	out->instance = fl_patterns_is_literal(p->literal_instance, m, r->u.arn.instance);
}

/* Folds `v` into the home value `*home`, noting a second value. */
static void
fold(struct fl_str *home, bool *mixed, struct fl_str v)
{
	if (home->len == 0)
		*home = v;
	else if (!fl_str_eq(*home, v))
		*mixed = true;
}

/* The reference convention's own ${...} forms (connect-flow-format §7.1). */
static bool
reference_form(struct fl_str s, size_t at)
{
	static const char *const own[] = { "${ACCT_ID}", "${REGION}",
	    "${INSTANCE_ID}", "${STAGE}" };
	size_t i, left = s.len - at;

	for (i = 0; i < sizeof(own) / sizeof(own[0]); i++)
		if (left >= strlen(own[i]) &&
		    memcmp(s.ptr + at, own[i], strlen(own[i])) == 0)
			return true;
	return left >= 4 && strchr("FHMPQA", s.ptr[at + 2]) != NULL &&
	    s.ptr[at + 2] != '\0' && s.ptr[at + 3] == ':';
}

/* The token of another templating convention at s[at], or its length 0. */
static size_t
other_form(struct fl_str s, size_t at, const char **kind)
{
	const char *close;
	size_t left = s.len - at;

	if (left >= 3 && s.ptr[at] == '$' && s.ptr[at + 1] == '{' &&
	    !reference_form(s, at)) {
		close = memchr(s.ptr + at, '}', left);
		*kind = "Terraform-style ${...} interpolation";
		return close != NULL ? (size_t)(close - (s.ptr + at)) + 1 : left;
	}
	if (left >= 4 && s.ptr[at] == '{' && s.ptr[at + 1] == '{') {
		*kind = "{{...}} templating";
		for (close = s.ptr + at + 2; close + 1 < s.ptr + s.len; close++)
			if (close[0] == '}' && close[1] == '}')
				return (size_t)(close - (s.ptr + at)) + 2;
		return left;
	}
	if (left >= 5 && s.ptr[at] == '%' && s.ptr[at + 1] == '%' &&
	    (isalpha((unsigned char)s.ptr[at + 2]) || s.ptr[at + 2] == '_')) {
		for (close = s.ptr + at + 2; close + 1 < s.ptr + s.len; close++)
			if (close[0] == '%' && close[1] == '%') {
				*kind = "%%...%% templating";
				return (size_t)(close - (s.ptr + at)) + 2;
			}
	}
	return 0;
}

/* The first string of the flow document templated another way. */
static void
other_templating(struct fl_portable_home *out, const struct fl_flow *f)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t i;
	size_t at, n;

	for (i = FL_JSON_ROOT; i < d->count; i++) {
		struct fl_str s = d->nodes[i].str;

		if (d->nodes[i].type != FL_JSON_STRING)
			continue;
		for (at = 0; at + 2 < s.len; at++) {
			if (s.ptr[at] != '$' && s.ptr[at] != '{' &&
			    s.ptr[at] != '%')
				continue;
			if ((n = other_form(s, at, &out->other_kind)) > 0) {
				out->other = fl_str_make(s.ptr + at, n);
				return;
			}
		}
	}
}

const char *
fl_portable_other_convention(struct fl_portable_home *home)
{
	if (!home->scanned) {
		other_templating(home, home->flow);
		home->scanned = true;
	}
	return home->other.len > 0 ? home->other_kind : NULL;
}

void
fl_portable_home(struct fl_portable_home *out, const struct fl_rule_ctx *ctx,
    const struct fl_flow *f)
{
	const struct fl_patterns *p = ctx->patterns;
	struct fl_re_match *m = ctx->match;
	struct fl_portable_home any;
	uint32_t i;

	memset(out, 0, sizeof(*out));
	memset(&any, 0, sizeof(any));
	out->envs = ctx->environments;
	out->member = ctx->file.environments;
	out->legacy = f->shape == FL_SHAPE_LEGACY;
	out->flow = f;
	for (i = 0; i < f->nrefs; i++) {
		const struct fl_ref *r = &f->refs[i];
		struct fl_arn_literals lit;
		bool connect;

		if (r->kind != FL_REF_ARN)
			continue;
		fl_portable_literals(&lit, r, p, m);
		connect = fl_str_eq_cstr(r->u.arn.service, "connect");
		if (lit.account)
			fold(connect ? &out->account : &any.account, connect ?
			    &out->mixed_account : &any.mixed_account,
			    r->u.arn.account);
		if (lit.region)
			fold(connect ? &out->region : &any.region, connect ?
			    &out->mixed_region : &any.mixed_region,
			    r->u.arn.region);
		if (lit.instance)
			fold(&out->instance, &out->mixed_instance,
			    r->u.arn.instance);
	}
	/* Without Connect ARNs, the one region the others agree on; not
	 * their account, which may be another than the flow's (a
	 * cross-account Lambda function): only "environments" tell it. */
	if (out->region.len == 0) {
		out->region = any.region;
		out->mixed_region = any.mixed_region;
	}
}

/*
 * Whether the file's environments decide `slot`: NULL when they do not
 * list it; else "" when one of them lists `v`, or the message why not.
 */
static const char *
configured(struct fl_arena *a, const struct fl_portable_home *h,
    enum fl_env_slot slot, const char *what, struct fl_str v, const char *ph)
{
	bool listed = false;
	uint32_t i;

	for (i = 0; i < FL_MAX_ENVIRONMENTS; i++) {
		if (!(h->member & ((uint32_t)1 << i)))
			continue;
		if (fl_environment_has(&h->envs[i], slot, v))
			return "";
		listed = listed || fl_environment_has_any(&h->envs[i], slot);
	}
	return !listed ? NULL : fl_arena_printf(a, "%s %.*s is not one of "
	    "the file's environments (\"environments\" in .flowlint.json), "
	    "so it cannot become %s; parameterize it by hand", what,
	    FL_STR_ARGS(v), ph);
}

/* Why a literal slot cannot become its placeholder, or NULL. */
static const char *
foreign(struct fl_arena *a, const struct fl_portable_home *h,
    enum fl_env_slot slot, struct fl_str v, const char *ph)
{
	static const char *const whats[] = { "account", "instance", "region" };
	const char *what = whats[slot];
	const char *env = configured(a, h, slot, what, v, ph);
	struct fl_str home = slot == FL_ENV_ACCOUNT ? h->account :
	    slot == FL_ENV_INSTANCE ? h->instance : h->region;
	bool mixed = slot == FL_ENV_ACCOUNT ? h->mixed_account :
	    slot == FL_ENV_INSTANCE ? h->mixed_instance : h->mixed_region;

	if (env != NULL)
		return env[0] != '\0' ? env : NULL;
	if (home.len == 0)	/* unknown: after the ID, see unknown() */
		return NULL;
	if (mixed)
		return fl_arena_printf(a, "the flow's ARNs name more than one "
		    "%s, so flowlint cannot tell which one %s stands for; "
		    "parameterize them by hand", what, ph);
	if (!fl_str_eq(v, home))
		return fl_arena_printf(a, "%s %.*s is not the flow's own "
		    "(%.*s), so it cannot become %s; parameterize it by hand",
		    what, FL_STR_ARGS(v), FL_STR_ARGS(home), ph);
	return NULL;
}

/*
 * Why the literal account `v` cannot become ${ACCT_ID} when neither the
 * flow's Connect ARNs nor its environments tell its own account, or
 * NULL when they do.  Said after what the inventory lacks, which holds
 * whatever the account.
 */
static const char *
unknown(struct fl_arena *a, const struct fl_portable_home *h, struct fl_str v)
{
	if (h->account.len > 0 ||
	    configured(a, h, FL_ENV_ACCOUNT, "account", v, "") != NULL)
		return NULL;
	return fl_arena_printf(a, "account %.*s is not known to be the "
	    "flow's own: no Connect ARN of the flow names its account, and a "
	    "Lambda function or bot may live in another, so it cannot "
	    "become ${ACCT_ID}; list it for this file under \"environments\" "
	    "in .flowlint.json, or parameterize it by hand", FL_STR_ARGS(v));
}

/* An ID slot already written as some convention's placeholder. */
static bool
templated(struct fl_str id)
{
	return memchr(id.ptr, '$', id.len) != NULL ||
	    memchr(id.ptr, '{', id.len) != NULL ||
	    memchr(id.ptr, '%', id.len) != NULL ||
	    memchr(id.ptr, '<', id.len) != NULL;
}

/*
 * The name that replaces resource ID `id`, from the inventory.  Sets
 * *why when it cannot be had; returns {NULL,0} then.
 */
static struct fl_str
name_for(struct fl_arena *a, const struct kind_info *k, struct fl_str id,
    const struct fl_inventory *inv, const char **why)
{
	const struct fl_resource *res = fl_inventory_by_id(inv, k->res, id);
	const char *what = fl_res_kind_name(k->res);

	if (res == NULL) {
		*why = fl_arena_printf(a, "flowlint does not know the name of "
		    "%s %.*s; add it to the inventory (%s)", what,
		    FL_STR_ARGS(id), k->source);
		return fl_str_make(NULL, 0);
	}
	return fl_str_cstr(res->name);
}

/*
 * The text that replaces the resource ID of r, into `out`; or false with
 * *why set.  *name receives the resource's name where it has one.  An ID
 * is never left literal: an ARN is rewritten whole or not at all.
 */
/*
 * Whether the deploy replacer resolves ${X:name:X} to this very resource
 * (connect-flow-format.md §7.5-7.6): it looks the name up, first ".wav"
 * cut, in one map of every kind, where prompts go by their name up to
 * the first '.' and a later kind wins a shared name.
 */
static bool
replacer_finds(struct fl_arena *a, const struct kind_info *k, struct fl_str n,
    const struct fl_inventory *inv, const char **why)
{
	struct fl_str key = fl_resolve_name_key(a, n);
	const struct fl_resource *got = fl_inventory_replacer_pick(inv, key);
	char letter = fl_res_kind_letter(k->res);

	if (got != NULL && got->kind == k->res && fl_str_eq_cstr(n, got->name))
		return true;
	if (got == NULL)
		*why = fl_arena_printf(a, "the deploy replacer would look up "
		    "\"%.*s\" for ${%c:%.*s:%c} and find nothing (it knows "
		    "prompts by their name up to the first '.'); rename the "
		    "%s or parameterize it by hand", FL_STR_ARGS(key), letter,
		    FL_STR_ARGS(n), letter, fl_res_kind_name(k->res));
	else
		*why = fl_arena_printf(a, "the deploy replacer would resolve "
		    "${%c:%.*s:%c} to the %s \"%s\" (%s) instead; rename one "
		    "of them or parameterize it by hand", letter,
		    FL_STR_ARGS(n), letter, fl_res_kind_name(got->kind),
		    got->name, got->source);
	return false;
}

static bool
portable_id(struct fl_buf *out, struct fl_str *name, struct fl_arena *a,
    const struct fl_ref *r, const struct kind_info *k,
    const struct fl_inventory *inv, const struct fl_patterns *p,
    struct fl_re_match *m, const char **why)
{
	struct fl_str id = r->u.arn.id;
	struct fl_str n;

	struct fl_str literal = fl_portable_literal_id(r, p, m), stage;

	if (k == NULL || k->res == FL_RES_LAMBDA) {
		/*
		 * An instance ARN, an AWS-managed view (account "aws"), a
		 * Lambda or another resource named rather than identified:
		 * kept, unless it holds an ID no placeholder can stand for.
		 */
		if (literal.ptr != NULL &&
		    !fl_str_eq_cstr(r->u.arn.account, "aws")) {
			*why = fl_arena_printf(a, "the reference convention has "
			    "no placeholder for the %.*s ID %.*s; parameterize "
			    "it by hand", FL_STR_ARGS(r->u.arn.kind),
			    FL_STR_ARGS(literal));
			return false;
		}
		stage = k != NULL ? fl_portable_stage(r, p, m) :
		    fl_str_make(NULL, 0);
		if (stage.ptr != NULL) {
			/*
			 * As the reference exporter writes it.  Not mapped:
			 * no map key can hold a stage, the replacer looks keys
			 * up by the live name.
			 */
			fl_buf_add(out, id.ptr, (size_t)(stage.ptr - id.ptr));
			fl_buf_adds(out, "${STAGE}");
			fl_buf_add(out, stage.ptr + stage.len,
			    id.len - (size_t)(stage.ptr - id.ptr) - stage.len);
			return true;
		}
		fl_buf_addstr(out, id);
		/* A qualified Lambda is not mapped by name. */
		if (k != NULL && memchr(id.ptr, ':', id.len) == NULL)
			*name = id;
		return true;
	}
	if (k->res == FL_RES_LEX_BOT) {
		if (literal.ptr == NULL) {
			fl_buf_addstr(out, id);	/* already bot/alias names */
			*name = id;
			return true;
		}
		n = name_for(a, k, id, inv, why);
		if (n.ptr == NULL)
			return false;
		/* The deploy step's pattern: bot-alias/([a-zA-Z0-9/-]+). */
		if (memchr(n.ptr, '/', n.len) == NULL || !all_of(n, "/-")) {
			*why = fl_arena_printf(a, "Lex bot alias %.*s is named "
			    "\"%.*s\", which is not a bot/alias name the deploy "
			    "step can read", FL_STR_ARGS(id), FL_STR_ARGS(n));
			return false;
		}
		fl_buf_addstr(out, n);
		*name = fl_arena_str(a, n);
		return true;
	}
	if (templated(id) && literal.ptr == NULL) {
		fl_buf_addstr(out, id);
		return true;
	}
	if (inv != NULL && !fl_inventory_replacer_has_kind(inv, k->res)) {
		*why = fl_arena_printf(a, "the deploy replacer cannot resolve "
		    "%s placeholders (its name map has no %s), so ${%c:...:%c} "
		    "would stop the deploy; parameterize it by hand",
		    fl_res_kind_name(k->res), fl_res_kind_name(k->res),
		    fl_res_kind_letter(k->res), fl_res_kind_letter(k->res));
		return false;
	}
	n = name_for(a, k, id, inv, why);
	if (n.ptr == NULL)
		return false;
	fl_buf_addf(out, "${%c:%.*s:%c}", fl_res_kind_letter(k->res),
	    FL_STR_ARGS(n), fl_res_kind_letter(k->res));
	if (!matches_whole(p->replacer_placeholder, m,
	    fl_str_make(out->ptr + out->len - (n.len + 7), n.len + 7))) {
		*why = fl_arena_printf(a, "%s %.*s is named \"%.*s\", which the "
		    "deploy step's placeholder pattern cannot read",
		    fl_res_kind_name(k->res), FL_STR_ARGS(id), FL_STR_ARGS(n));
		return false;
	}
	if (!replacer_finds(a, k, n, inv, why))
		return false;
	if (k->mapped)
		*name = fl_arena_str(a, n);
	return true;
}

void
fl_portable_arn(struct fl_portable *out, struct fl_arena *a,
    const struct fl_ref *r, struct fl_portable_home *home,
    const struct fl_inventory *inv, const struct fl_patterns *p,
    struct fl_re_match *m)
{
	const struct kind_info *k = kind_of(r);
	struct fl_str res = r->u.arn.resource, inst = r->u.arn.instance;
	struct fl_str id = r->u.arn.id;
	struct fl_arn_literals lit;
	struct fl_buf b = FL_BUF_INIT;
	const char *why = NULL;
	bool aws_region;
	size_t at;

	memset(out, 0, sizeof(*out));
	out->kind = k != NULL ? fl_res_kind_name(k->res) : NULL;
	if (home->legacy) {
		out->why_not = "a legacy export is re-exported from the flow "
		    "designer (FL006), not fixed";
		return;
	}
	if (fl_portable_other_convention(home) != NULL) {
		out->why_not = fl_arena_printf(a, "the file is templated with "
		    "%s (\"%.*s\"), and flowlint writes no reference "
		    "placeholders into another convention; parameterize it "
		    "that way by hand", home->other_kind,
		    FL_STR_ARGS(home->other));
		return;
	}
	fl_portable_literals(&lit, r, p, m);
	if (lit.account)
		why = foreign(a, home, FL_ENV_ACCOUNT, r->u.arn.account,
		    "${ACCT_ID}");
	if (why == NULL && lit.region)
		why = foreign(a, home, FL_ENV_REGION, r->u.arn.region,
		    "${REGION}");
	if (why == NULL && lit.instance)
		why = foreign(a, home, FL_ENV_INSTANCE, inst, "${INSTANCE_ID}");
	if (why != NULL) {
		out->why_not = why;
		return;
	}

	/* The reference flows write $.AwsRegion in Lambda and Lex ARNs. */
	aws_region = fl_str_eq_cstr(r->u.arn.service, "lambda") ||
	    fl_str_eq_cstr(r->u.arn.service, "lex");
	fl_buf_addf(&b, "arn:%.*s:%.*s:", FL_STR_ARGS(r->u.arn.partition),
	    FL_STR_ARGS(r->u.arn.service));
	if (lit.region)
		fl_buf_adds(&b, aws_region ? "$.AwsRegion" : "${REGION}");
	else
		fl_buf_addstr(&b, r->u.arn.region);
	fl_buf_addch(&b, ':');
	if (lit.account)
		fl_buf_adds(&b, "${ACCT_ID}");
	else
		fl_buf_addstr(&b, r->u.arn.account);
	fl_buf_addch(&b, ':');

	/* The resource, with the instance and the ID replaced in place. */
	at = 0;
	if (inst.len > 0) {
		at = (size_t)(inst.ptr - res.ptr);
		fl_buf_add(&b, res.ptr, at);
		if (lit.instance)
			fl_buf_adds(&b, "${INSTANCE_ID}");
		else
			fl_buf_addstr(&b, inst);
		at += inst.len;
	}
	if (id.len > 0) {
		size_t id_at = (size_t)(id.ptr - res.ptr);

		fl_buf_add(&b, res.ptr + at, id_at - at);
		if (!portable_id(&b, &out->name, a, r, k, inv, p, m, &why)) {
			out->why_not = why;
			out->name = fl_str_make(NULL, 0);
			fl_buf_release(&b);
			return;
		}
		at = id_at + id.len;
	}
	fl_buf_add(&b, res.ptr + at, res.len - at);
	if (lit.account &&
	    (out->why_not = unknown(a, home, r->u.arn.account)) != NULL) {
		out->name = fl_str_make(NULL, 0);
		fl_buf_release(&b);
		return;
	}
	out->text = fl_arena_str(a, fl_buf_str(&b));
	fl_buf_release(&b);
}

bool
fl_portable_by_name(struct fl_buf *out, const char *kind, struct fl_str name,
    const struct fl_patterns *p, struct fl_re_match *m)
{
	size_t i, mark = out->len;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		const struct kind_info *k = &kinds[i];

		if (!k->mapped || strcmp(kind, fl_res_kind_name(k->res)) != 0)
			continue;
		if (k->res == FL_RES_LAMBDA) {
			if (!all_of(name, "_-"))
				return false;
			fl_buf_addf(out, "arn:aws:lambda:$.AwsRegion:${ACCT_ID}:"
			    "function:%.*s", FL_STR_ARGS(name));
			return true;
		}
		if (k->res == FL_RES_LEX_BOT) {
			if (memchr(name.ptr, '/', name.len) == NULL ||
			    !all_of(name, "/-"))
				return false;
			fl_buf_addf(out, "arn:aws:lex:$.AwsRegion:${ACCT_ID}:"
			    "bot-alias/%.*s", FL_STR_ARGS(name));
			return true;
		}
		fl_buf_addf(out, "arn:aws:connect:${REGION}:${ACCT_ID}:instance/"
		    "${INSTANCE_ID}/%s/", fl_res_kind_arn_type(k->res));
		fl_buf_addf(out, "${%c:%.*s:%c}", fl_res_kind_letter(k->res),
		    FL_STR_ARGS(name), fl_res_kind_letter(k->res));
		if (matches_whole(p->replacer_placeholder, m,
		    fl_str_make(out->ptr + out->len - (name.len + 7),
		    name.len + 7)))
			return true;
		out->len = mark;
		out->ptr[mark] = '\0';
		return false;
	}
	return false;
}

bool
fl_portable_key_ok(struct fl_str key, const struct fl_patterns *p,
    struct fl_re_match *m)
{
	struct fl_buf ref = FL_BUF_INIT;
	struct fl_str g[16];
	bool ok;

	fl_buf_adds(&ref, "$.FlowAttributes.");
	fl_buf_addstr(&ref, key);
	ok = fl_re_search(p->flow_attribute, m, fl_buf_str(&ref), 0, g, 16) &&
	    g[0].ptr == ref.ptr && g[0].len == ref.len &&
	    g[p->g_attr_name].ptr != NULL &&
	    fl_re_search(p->replacer_flow_attribute, m, fl_buf_str(&ref), 0, g,
	    2) && g[0].ptr == ref.ptr && g[0].len == ref.len;
	fl_buf_release(&ref);
	return ok;
}

const char *
fl_portable_id_advice(struct fl_rule_ctx *ctx, int kind,
    const struct fl_resource *known, bool arn)
{
	const struct fl_inventory *inv = ctx->inventory;
	const char *cmd;
	char letter;

	if (kind < 0)
		return "";
	letter = fl_res_kind_letter((enum fl_res_kind)kind);
	if (known != NULL && arn && letter != 0 &&
	    fl_inventory_replacer_has_kind(inv, (enum fl_res_kind)kind))
		return fl_arena_printf(ctx->arena, "; it is the %s \"%s\" (%s): "
		    "write ${%c:%s:%c}", fl_res_kind_label(known->kind),
		    known->name, known->source, letter, known->name, letter);
	if (known != NULL)
		return fl_arena_printf(ctx->arena, "; it is the %s \"%s\" (%s): "
		    "refer to it by name, as $.FlowAttributes.%s set in "
		    "FLOW_OBJECT_MAPS#", fl_res_kind_label(known->kind),
		    known->name, known->source, known->name);
	if (fl_inventory_has_kind(inv, (enum fl_res_kind)kind))
		return fl_arena_printf(ctx->arena, "; no %s in the inventory "
		    "(%s) has this ID", fl_res_kind_label((enum fl_res_kind)kind),
		    fl_resolve_sources(ctx, kind));
	cmd = fl_inventory_awscli_command((enum fl_res_kind)kind);
	return fl_arena_printf(ctx->arena, "; add the instance's %s list "
	    "(saved `%s` output) to the inventory to name it",
	    fl_res_kind_label((enum fl_res_kind)kind), cmd ? cmd : "aws");
}
