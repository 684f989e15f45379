/*
 * The repository inventory: which resources exist, by kind, with their
 * names, IDs and ARNs where known.  Filled from the repository layout
 * (imports/resources/{flows,queues,hoop,...}, bots/) and from sources the
 * configuration names (name lists, saved AWS CLI list-* output).  No
 * check ever calls AWS.
 *
 * Owned by struct fl_run-level code (built once per run, read-only while
 * files are checked, so threads share it).
 *
 * Besides exact names the inventory answers what the reference deploy
 * replacer would answer (connect-flow-format.md §7.5): it resolves every
 * name through one flat map filled kind by kind, later kinds winning, and
 * under keys of its own — a prompt under its name cut at the first '.',
 * a Lambda also without its -use1/-usw2 suffix, a Lex bot alias under
 * bot/alias and botId/aliasId.  Those keys are what fl_inventory_by_key
 * and fl_inventory_replacer_pick look up.
 */
#ifndef FL_INVENTORY_INVENTORY_H
#define FL_INVENTORY_INVENTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "util/str.h"

enum fl_res_kind {
#define FL_KIND(id, name, label, letter, arn, replacer, checked, folder, \
    arn_label) \
	FL_RES_##id,
#include "inventory/kinds.def"
#undef FL_KIND
	FL_RES_KIND_COUNT
};

/* A resource; its strings belong to the inventory. */
struct fl_resource {
	enum fl_res_kind kind;
	char *name;		/* never NULL */
	char *id;		/* NULL when unknown */
	char *arn;		/* NULL when unknown */
	char *source;		/* the file it came from, for messages */
	char *also;		/* another source of this kind and name,
				   neither with an ID (two flow files with
				   one Name), or NULL */
};

struct fl_inventory;

struct fl_inventory *fl_inventory_new(void);
void fl_inventory_free(struct fl_inventory *inv);

/*
 * Adds a resource (copies the strings; id, arn may be NULL).  A second
 * resource of the same kind and name fills in the ID and ARN the first
 * lacked; with a different ID it is kept beside the first, so that
 * fl_inventory_by_id finds both while fl_inventory_by_name returns the
 * first.  Also marks the kind (fl_inventory_mark_kind).
 */
void fl_inventory_add(struct fl_inventory *inv, enum fl_res_kind kind,
    const char *name, const char *id, const char *arn, const char *source);

/* Makes room for `more` resources, as a source that knows how many it
 * holds can say before adding them. */
void fl_inventory_reserve(struct fl_inventory *inv, size_t more);

/*
 * Records a Lex V2 bot alias known by IDs only (list-bot-aliases output,
 * aliases.json).  fl_inventory_finish turns it into the resource
 * "botName/aliasName" (ID "botId/aliasId") once the bot's name is known,
 * or "botId/aliasId" when it never is.
 */
void fl_inventory_add_bot_alias(struct fl_inventory *inv, const char *bot_id,
    const char *alias_id, const char *alias_name, const char *arn,
    const char *source);

/* Resolves what fl_inventory_add_bot_alias recorded; call once all
 * sources are read. */
void fl_inventory_finish(struct fl_inventory *inv);

/* Marks that some source of this kind exists (even an empty one). */
void fl_inventory_mark_kind(struct fl_inventory *inv, enum fl_res_kind kind);

/* Marks the kind and records `label` (a folder or file, copied) as one
 * of its sources, for --show-config and messages. */
void fl_inventory_note_source(struct fl_inventory *inv, enum fl_res_kind kind,
    const char *label);

/* Whether any source for `kind` was read: unknown kinds are not checked. */
bool fl_inventory_has_kind(const struct fl_inventory *inv, enum fl_res_kind kind);

const struct fl_resource *fl_inventory_by_name(const struct fl_inventory *inv,
    enum fl_res_kind kind, struct fl_str name);
const struct fl_resource *fl_inventory_by_id(const struct fl_inventory *inv,
    enum fl_res_kind kind, struct fl_str id);

/* The resource of `kind` the deploy replacer finds under `key` (see the
 * top of this file), or NULL. */
const struct fl_resource *fl_inventory_by_key(const struct fl_inventory *inv,
    enum fl_res_kind kind, struct fl_str key);

/*
 * The kinds the deploy replacer's flat map holds, in the order it fills
 * them (a later kind wins a shared name).  The default is the reference
 * replacer's: queue, prompt, lambda, flow, module, assistant, lex-bot —
 * no hours of operation.  `kinds` is copied.
 */
void fl_inventory_set_replacer_kinds(struct fl_inventory *inv,
    const enum fl_res_kind *kinds, size_t n);
const enum fl_res_kind *fl_inventory_replacer_kinds(
    const struct fl_inventory *inv, size_t *n);
bool fl_inventory_replacer_has_kind(const struct fl_inventory *inv,
    enum fl_res_kind kind);

/* What the replacer's flat map gives for `key`: the resource of the last
 * replacer kind that has the key, or NULL. */
const struct fl_resource *fl_inventory_replacer_pick(
    const struct fl_inventory *inv, struct fl_str key);

/* Number of resources of every kind, and the i-th, in the order they
 * were added. */
size_t fl_inventory_size(const struct fl_inventory *inv);
const struct fl_resource *fl_inventory_resource(const struct fl_inventory *inv,
    size_t i);

/* Number of resources of `kind`, and the labels of its sources (NULL
 * when none; `n` set to their number). */
size_t fl_inventory_count(const struct fl_inventory *inv, enum fl_res_kind kind);
const char *const *fl_inventory_sources(const struct fl_inventory *inv,
    enum fl_res_kind kind, size_t *n);

/* "queue", "flow", ... as used in messages and configuration. */
const char *fl_res_kind_name(enum fl_res_kind kind);
/* "queue", "hours of operation", "Lambda function", ... for prose. */
const char *fl_res_kind_label(enum fl_res_kind kind);
/* The kind named `name` (fl_res_kind_name spelling), or -1. */
int fl_res_kind_from_name(struct fl_str name);
/* The kind of a placeholder letter F M Q P H A, or -1. */
int fl_res_kind_from_letter(char letter);
/* The placeholder letter of a kind, or 0 when it has none. */
char fl_res_kind_letter(enum fl_res_kind kind);
/* The kind of an ARN's resource type ("queue", "contact-flow",
 * "flow-module", "operating-hours", "function", "bot-alias", ...), or -1. */
int fl_res_kind_from_arn(struct fl_str arn_kind);
/* The resource type in the ARNs of a kind ("operating-hours"). */
const char *fl_res_kind_arn_type(enum fl_res_kind kind);
/* What an ARN of the kind names, for messages ("Lex bot alias"). */
const char *fl_res_kind_arn_label(enum fl_res_kind kind);
/* Whether the rules refer to the kind (so a missing source matters). */
bool fl_res_kind_checked(enum fl_res_kind kind);
/* The kind's folder below imports/resources, or NULL. */
const char *fl_res_kind_folder(enum fl_res_kind kind);

#endif
