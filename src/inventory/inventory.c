/*
 * The inventory's store: resources in one array, found through three
 * first-wins hash indexes keyed by (kind, string) — exact names, IDs and
 * the deploy replacer's lookup keys (see inventory.h).
 */
#include "inventory/inventory.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/xalloc.h"

/* One (kind, key) -> resource entry of an index. */
struct entry {
	enum fl_res_kind kind;
	struct fl_str key;	/* in inv->strings */
	uint32_t res;		/* index in inv->res */
	uint32_t hash;		/* hash(kind, key), kept for growing
				   without hashing again */
};

/*
 * The hash beside the entry, so that a probe past other keys reads no
 * entry: most lookups miss (fl_inventory_replacer_pick tries a string as
 * every kind), and an entry is a cache miss away.
 */
struct slot {
	uint32_t entry;		/* entry index + 1, 0 = empty */
	uint32_t hash;		/* the entry's */
};

struct index {
	struct entry *v;	/* owned, in insertion order */
	size_t n, alloc;
	struct slot *slots;	/* owned */
	uint32_t mask;		/* slots - 1; 0 before the first insert */
};

struct pending_alias {
	char *bot_id, *alias_id, *alias_name, *arn, *source;	/* in
							   inv->strings */
};

struct srclist {
	char **v;		/* owned; the labels are in inv->strings */
	size_t n, alloc;
};

struct fl_inventory {
	struct fl_resource *res;	/* owned */
	size_t nres, alloc;
	struct index by_name, by_id, by_key;
	struct fl_arena strings;	/* every string of the inventory */
	struct pending_alias *pending;	/* owned */
	size_t npending, pending_alloc;
	bool has[FL_RES_KIND_COUNT];
	struct srclist sources[FL_RES_KIND_COUNT];
	size_t count[FL_RES_KIND_COUNT];
	enum fl_res_kind replacer[FL_RES_KIND_COUNT];
	size_t nreplacer;
};

static const struct {
	const char *name, *label, *arn_type, *folder, *arn_label;
	char letter;
	unsigned replacer;
	bool checked;
} kinds[FL_RES_KIND_COUNT] = {
#define FL_KIND(id, name, label, letter, arn, replacer, checked, folder, \
    arn_label) \
	[FL_RES_##id] = { name, label, arn, folder, arn_label, letter, \
	    replacer, checked },
#include "inventory/kinds.def"
#undef FL_KIND
};

const char *
fl_res_kind_name(enum fl_res_kind kind)
{
	return kind < FL_RES_KIND_COUNT ? kinds[kind].name : "?";
}

const char *
fl_res_kind_label(enum fl_res_kind kind)
{
	return kind < FL_RES_KIND_COUNT ? kinds[kind].label : "?";
}

int
fl_res_kind_from_name(struct fl_str name)
{
	int k;

	for (k = 0; k < FL_RES_KIND_COUNT; k++)
		if (fl_str_eq_cstr(name, kinds[k].name))
			return k;
	return -1;
}

int
fl_res_kind_from_letter(char letter)
{
	int k;

	for (k = 0; letter != 0 && k < FL_RES_KIND_COUNT; k++)
		if (kinds[k].letter == letter)
			return k;
	return -1;
}

char
fl_res_kind_letter(enum fl_res_kind kind)
{
	return kind < FL_RES_KIND_COUNT ? kinds[kind].letter : 0;
}

int
fl_res_kind_from_arn(struct fl_str arn_kind)
{
	int k;

	for (k = 0; k < FL_RES_KIND_COUNT; k++)
		if (fl_str_eq_cstr(arn_kind, kinds[k].arn_type))
			return k;
	return -1;
}

const char *
fl_res_kind_arn_type(enum fl_res_kind kind)
{
	return kind < FL_RES_KIND_COUNT ? kinds[kind].arn_type : "?";
}

const char *
fl_res_kind_arn_label(enum fl_res_kind kind)
{
	if (kind >= FL_RES_KIND_COUNT)
		return "?";
	return kinds[kind].arn_label != NULL ? kinds[kind].arn_label :
	    kinds[kind].label;
}

bool
fl_res_kind_checked(enum fl_res_kind kind)
{
	return kind < FL_RES_KIND_COUNT && kinds[kind].checked;
}

const char *
fl_res_kind_folder(enum fl_res_kind kind)
{
	return kind < FL_RES_KIND_COUNT ? kinds[kind].folder : NULL;
}

/* hash(kind, key) from the key's own hash, which serves every kind. */
static uint32_t
kind_hash(enum fl_res_kind kind, uint32_t key_hash)
{
	return key_hash ^ ((uint32_t)kind * 0x9e3779b9u);
}

static uint32_t
hash(enum fl_res_kind kind, struct fl_str key)
{
	return kind_hash(kind, fl_str_hash(key));
}

static void
index_release(struct index *ix)
{
	free(ix->v);
	free(ix->slots);
	memset(ix, 0, sizeof(*ix));
}

/* The slot of (kind, key), whose hash is h: the one holding its entry,
 * or the empty one where it would go. */
static uint32_t
index_slot(const struct index *ix, enum fl_res_kind kind, struct fl_str key,
    uint32_t h)
{
	uint32_t i;

	for (i = h & ix->mask; ix->slots[i].entry != 0;
	    i = (i + 1) & ix->mask) {
		const struct entry *e;

		if (ix->slots[i].hash != h)
			continue;
		e = &ix->v[ix->slots[i].entry - 1];
		if (e->kind == kind && fl_str_eq(e->key, key))
			break;
	}
	return i;
}

/* The entry of (kind, key), whose hash is h, or NULL. */
static const struct entry *
index_find(const struct index *ix, enum fl_res_kind kind, struct fl_str key,
    uint32_t h)
{
	uint32_t i;

	if (ix->mask == 0)
		return NULL;
	i = index_slot(ix, kind, key, h);
	return ix->slots[i].entry != 0 ? &ix->v[ix->slots[i].entry - 1] :
	    NULL;
}

/* Makes room for `need` entries in all, at most half the slots full. */
static void
index_reserve(struct index *ix, size_t need)
{
	size_t size = ix->mask ? (size_t)ix->mask + 1 : 64, i;
	uint32_t h;

	FL_GROW(ix->v, need, ix->alloc);
	if (2 * need <= size && ix->mask != 0)
		return;
	while (2 * need > size)
		size *= 2;
	free(ix->slots);
	ix->slots = fl_xcalloc(size, sizeof(*ix->slots));
	ix->mask = (uint32_t)(size - 1);
	for (i = 0; i < ix->n; i++) {
		for (h = ix->v[i].hash & ix->mask; ix->slots[h].entry != 0;
		    h = (h + 1) & ix->mask)
			;
		ix->slots[h] = (struct slot){ (uint32_t)i + 1, ix->v[i].hash };
	}
}

/* Adds (kind, key) -> res unless the pair is already there. */
static void
index_add(struct index *ix, enum fl_res_kind kind, struct fl_str key,
    uint32_t res)
{
	uint32_t h = hash(kind, key), i;

	index_reserve(ix, ix->n + 1);
	i = index_slot(ix, kind, key, h);
	if (ix->slots[i].entry != 0)
		return;
	ix->v[ix->n] = (struct entry){ kind, key, res, h };
	ix->slots[i] = (struct slot){ (uint32_t)++ix->n, h };
}

struct fl_inventory *
fl_inventory_new(void)
{
	struct fl_inventory *inv = fl_xcalloc(1, sizeof(*inv));
	enum fl_res_kind order[FL_RES_KIND_COUNT];
	unsigned rank;
	size_t n = 0;
	int k;

	fl_arena_init(&inv->strings);
	/* The reference replacer's getCompleteInventory order. */
	for (rank = 1; rank <= FL_RES_KIND_COUNT; rank++)
		for (k = 0; k < FL_RES_KIND_COUNT; k++)
			if (kinds[k].replacer == rank)
				order[n++] = (enum fl_res_kind)k;
	fl_inventory_set_replacer_kinds(inv, order, n);
	return inv;
}

void
fl_inventory_free(struct fl_inventory *inv)
{
	size_t k;

	if (inv == NULL)
		return;
	free(inv->res);
	index_release(&inv->by_name);
	index_release(&inv->by_id);
	index_release(&inv->by_key);
	free(inv->pending);
	for (k = 0; k < FL_RES_KIND_COUNT; k++)
		free(inv->sources[k].v);
	fl_arena_release(&inv->strings);
	free(inv);
}

/* Indexes `key` (copied) for resource `res`. */
static void
add_derived_key(struct fl_inventory *inv, enum fl_res_kind kind,
    const char *key, size_t len, uint32_t res)
{
	char *copy = fl_arena_strndup(&inv->strings, key, len);

	index_add(&inv->by_key, kind, fl_str_make(copy, len), res);
}

static bool
has_suffix(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);

	return len > n && memcmp(s + len - n, suffix, n) == 0;
}

/*
 * The replacer's keys for resource `i` (connect-flow-format.md §7.5):
 * a prompt by its name up to the first '.', a Lambda also without the
 * -use1/-usw2 region suffix, a Lex alias also by its IDs.
 */
static void
index_keys(struct fl_inventory *inv, uint32_t i)
{
	const struct fl_resource *r = &inv->res[i];
	size_t len = strlen(r->name);

	switch (r->kind) {
	case FL_RES_PROMPT: {
		const char *dot = strchr(r->name, '.');

		add_derived_key(inv, r->kind, r->name,
		    dot ? (size_t)(dot - r->name) : len, i);
		break;
	}
	case FL_RES_LAMBDA:
		index_add(&inv->by_key, r->kind, fl_str_make(r->name, len), i);
		if (has_suffix(r->name, len, "-use1") ||
		    has_suffix(r->name, len, "-usw2"))
			add_derived_key(inv, r->kind, r->name, len - 5, i);
		break;
	case FL_RES_LEX_BOT:
		index_add(&inv->by_key, r->kind, fl_str_make(r->name, len), i);
		if (r->id != NULL && strchr(r->id, '/') != NULL)
			index_add(&inv->by_key, r->kind, fl_str_cstr(r->id), i);
		break;
	default:
		index_add(&inv->by_key, r->kind, fl_str_make(r->name, len), i);
		break;
	}
}

static char *
dup_or_null(struct fl_inventory *inv, const char *s)
{
	return s != NULL && s[0] != '\0' ? fl_arena_strdup(&inv->strings, s) :
	    NULL;
}

void
fl_inventory_add(struct fl_inventory *inv, enum fl_res_kind kind,
    const char *name, const char *id, const char *arn, const char *source)
{
	const struct entry *e;
	struct fl_resource *r;
	uint32_t i;

	fl_inventory_mark_kind(inv, kind);
	if (id != NULL && id[0] == '\0')
		id = NULL;
	e = index_find(&inv->by_name, kind, fl_str_cstr(name),
	    hash(kind, fl_str_cstr(name)));
	if (e != NULL) {
		r = &inv->res[e->res];
		if (id == NULL || r->id == NULL || strcmp(r->id, id) == 0) {
			/* The same resource seen by another source, or -
			   neither knowing an ID - a second file claiming
			   its name. */
			if (r->also == NULL && id == NULL && r->id == NULL &&
			    source != NULL && source[0] != '\0' &&
			    strcmp(source, r->source) != 0)
				r->also = fl_arena_strdup(&inv->strings, source);
			if (r->arn == NULL)
				r->arn = dup_or_null(inv, arn);
			if (r->id == NULL && id != NULL) {
				r->id = fl_arena_strdup(&inv->strings, id);
				index_add(&inv->by_id, kind, fl_str_cstr(r->id),
				    e->res);
				if (kind == FL_RES_LEX_BOT)
					index_keys(inv, e->res);
			}
			return;
		}
	}
	FL_GROW(inv->res, inv->nres + 1, inv->alloc);
	i = (uint32_t)inv->nres++;
	r = &inv->res[i];
	r->kind = kind;
	r->name = fl_arena_strdup(&inv->strings, name);
	r->id = dup_or_null(inv, id);
	r->arn = dup_or_null(inv, arn);
	r->source = fl_arena_strdup(&inv->strings,
	    source != NULL ? source : "");
	r->also = NULL;
	inv->count[kind]++;
	index_add(&inv->by_name, kind, fl_str_cstr(r->name), i);
	if (r->id != NULL)
		index_add(&inv->by_id, kind, fl_str_cstr(r->id), i);
	index_keys(inv, i);
}

void
fl_inventory_reserve(struct fl_inventory *inv, size_t more)
{
	FL_GROW(inv->res, inv->nres + more, inv->alloc);
	index_reserve(&inv->by_name, inv->by_name.n + more);
	index_reserve(&inv->by_key, inv->by_key.n + more);
}

void
fl_inventory_add_bot_alias(struct fl_inventory *inv, const char *bot_id,
    const char *alias_id, const char *alias_name, const char *arn,
    const char *source)
{
	struct pending_alias *p;

	fl_inventory_mark_kind(inv, FL_RES_LEX_BOT);
	FL_GROW(inv->pending, inv->npending + 1, inv->pending_alloc);
	p = &inv->pending[inv->npending++];
	p->bot_id = fl_arena_strdup(&inv->strings, bot_id);
	p->alias_id = fl_arena_strdup(&inv->strings, alias_id);
	p->alias_name = fl_arena_strdup(&inv->strings, alias_name);
	p->arn = dup_or_null(inv, arn);
	p->source = fl_arena_strdup(&inv->strings,
	    source != NULL ? source : "");
}

void
fl_inventory_finish(struct fl_inventory *inv)
{
	size_t i;

	for (i = 0; i < inv->npending; i++) {
		struct pending_alias *p = &inv->pending[i];
		const struct fl_resource *bot;
		char *name, *id;

		bot = fl_inventory_by_id(inv, FL_RES_LEX_BOT,
		    fl_str_cstr(p->bot_id));
		id = fl_arena_printf(&inv->strings, "%s/%s", p->bot_id,
		    p->alias_id);
		name = bot == NULL ? id : fl_arena_printf(&inv->strings,
		    "%s/%s", bot->name, p->alias_name);
		fl_inventory_add(inv, FL_RES_LEX_BOT, name, id, p->arn,
		    p->source);
	}
	inv->npending = 0;
}

void
fl_inventory_mark_kind(struct fl_inventory *inv, enum fl_res_kind kind)
{
	inv->has[kind] = true;
}

void
fl_inventory_note_source(struct fl_inventory *inv, enum fl_res_kind kind,
    const char *label)
{
	struct srclist *l = &inv->sources[kind];
	size_t i;

	fl_inventory_mark_kind(inv, kind);
	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], label) == 0)
			return;
	FL_GROW(l->v, l->n + 1, l->alloc);
	l->v[l->n++] = fl_arena_strdup(&inv->strings, label);
}

bool
fl_inventory_has_kind(const struct fl_inventory *inv, enum fl_res_kind kind)
{
	return inv != NULL && kind < FL_RES_KIND_COUNT && inv->has[kind];
}

static const struct fl_resource *
lookup(const struct fl_inventory *inv, const struct index *ix,
    enum fl_res_kind kind, struct fl_str s)
{
	const struct entry *e;

	if (inv == NULL || s.ptr == NULL)
		return NULL;
	e = index_find(ix, kind, s, hash(kind, s));
	return e != NULL ? &inv->res[e->res] : NULL;
}

const struct fl_resource *
fl_inventory_by_name(const struct fl_inventory *inv, enum fl_res_kind kind,
    struct fl_str name)
{
	return inv ? lookup(inv, &inv->by_name, kind, name) : NULL;
}

const struct fl_resource *
fl_inventory_by_id(const struct fl_inventory *inv, enum fl_res_kind kind,
    struct fl_str id)
{
	return inv ? lookup(inv, &inv->by_id, kind, id) : NULL;
}

const struct fl_resource *
fl_inventory_by_key(const struct fl_inventory *inv, enum fl_res_kind kind,
    struct fl_str key)
{
	return inv ? lookup(inv, &inv->by_key, kind, key) : NULL;
}

void
fl_inventory_set_replacer_kinds(struct fl_inventory *inv,
    const enum fl_res_kind *k, size_t n)
{
	size_t i;

	inv->nreplacer = 0;
	for (i = 0; i < n && inv->nreplacer < FL_RES_KIND_COUNT; i++)
		inv->replacer[inv->nreplacer++] = k[i];
}

const enum fl_res_kind *
fl_inventory_replacer_kinds(const struct fl_inventory *inv, size_t *n)
{
	*n = inv->nreplacer;
	return inv->replacer;
}

bool
fl_inventory_replacer_has_kind(const struct fl_inventory *inv,
    enum fl_res_kind kind)
{
	size_t i;

	for (i = 0; inv != NULL && i < inv->nreplacer; i++)
		if (inv->replacer[i] == kind)
			return true;
	return false;
}

const struct fl_resource *
fl_inventory_replacer_pick(const struct fl_inventory *inv, struct fl_str key)
{
	const struct entry *e, *pick = NULL;
	uint32_t key_hash;
	size_t i;

	if (inv == NULL || key.ptr == NULL)
		return NULL;
	key_hash = fl_str_hash(key);
	for (i = 0; i < inv->nreplacer; i++) {
		e = index_find(&inv->by_key, inv->replacer[i], key,
		    kind_hash(inv->replacer[i], key_hash));
		if (e != NULL)
			pick = e;
	}
	return pick != NULL ? &inv->res[pick->res] : NULL;
}

size_t
fl_inventory_count(const struct fl_inventory *inv, enum fl_res_kind kind)
{
	return inv != NULL && kind < FL_RES_KIND_COUNT ? inv->count[kind] : 0;
}

size_t
fl_inventory_size(const struct fl_inventory *inv)
{
	return inv != NULL ? inv->nres : 0;
}

const struct fl_resource *
fl_inventory_resource(const struct fl_inventory *inv, size_t i)
{
	return &inv->res[i];
}

const char *const *
fl_inventory_sources(const struct fl_inventory *inv, enum fl_res_kind kind,
    size_t *n)
{
	*n = 0;
	if (inv == NULL || kind >= FL_RES_KIND_COUNT)
		return NULL;
	*n = inv->sources[kind].n;
	return (const char *const *)inv->sources[kind].v;
}
