/*
 * The action catalog; see catalog.h.
 */
#include "flow/catalog.h"

#include <stdlib.h>
#include <string.h>

#include "flow/flow.h"
#include "json/file.h"
#include "json/json.h"
#include "util/buf.h"
#include "util/embedded.h"
#include "util/error.h"
#include "util/xalloc.h"

const char *const fl_flow_kind_names[FL_KIND_COUNT] = {
	"CONTACT_FLOW", "CUSTOMER_QUEUE", "CUSTOMER_HOLD", "CUSTOMER_WHISPER",
	"AGENT_HOLD", "AGENT_WHISPER", "OUTBOUND_WHISPER", "AGENT_TRANSFER",
	"QUEUE_TRANSFER", "CAMPAIGN", "MODULE",
};

int
fl_flow_kind_find(struct fl_str s)
{
	int k;

	for (k = 0; k < FL_KIND_COUNT; k++)
		if (fl_str_eq_cstr(s, fl_flow_kind_names[k]))
			return k;
	return -1;
}

int
fl_flow_kind_of(const struct fl_flow *f)
{
	if (f->is_module ||
	    fl_json_get(f->doc, f->root, "Settings") != FL_JSON_NONE)
		return FL_KIND_MODULE;
	return fl_flow_kind_find(f->type);
}

void
fl_catalog_init(struct fl_catalog *c)
{
	memset(c, 0, sizeof(*c));
	fl_arena_init(&c->arena);
}

void
fl_catalog_release(struct fl_catalog *c)
{
	free(c->v);
	free(c->slots);
	fl_arena_release(&c->arena);
	memset(c, 0, sizeof(*c));
}

/* What one entry is parsed with: the file, and the Type for messages. */
struct entry_parser {
	struct fl_json_file *f;
	struct fl_arena *arena;
	const char *where;	/* "actions." or "" */
	struct fl_str type;
};

static int __attribute__((format(printf, 4, 5)))
bad(struct entry_parser *p, uint32_t node, const char *key,
    const char *fmt, ...)
{
	struct fl_buf b = FL_BUF_INIT;
	va_list ap;
	int err;

	va_start(ap, fmt);
	fl_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	err = fl_json_file_error(p->f, node, false, "%s%.*s.%s: %s",
	    p->where, FL_STR_ARGS(p->type), key, b.ptr);
	fl_buf_release(&b);
	return err;
}

static const char *
dup(struct entry_parser *p, struct fl_str s)
{
	return fl_arena_strndup(p->arena, s.ptr, s.len);
}

/* The first member of `obj` whose key is not in `keys`, or NONE. */
static uint32_t
unknown_key(const struct fl_json_doc *d, uint32_t obj,
    const char *const *keys)
{
	const char *const *k;
	uint32_t it;

	fl_json_foreach(d, obj, it) {
		for (k = keys; *k && !fl_str_eq_cstr(d->nodes[it].key, *k); k++)
			;
		if (*k == NULL)
			return it;
	}
	return FL_JSON_NONE;
}

static int
expect_bool(struct entry_parser *p, uint32_t node, const char *key, bool *out)
{
	const struct fl_json_doc *d = &p->f->doc;

	if (node == FL_JSON_NONE)
		return 0;
	if (!fl_json_is(d, node, FL_JSON_TRUE) &&
	    !fl_json_is(d, node, FL_JSON_FALSE))
		return bad(p, node, key, "expected true or false");
	*out = fl_json_is(d, node, FL_JSON_TRUE);
	return 0;
}

static int
names(struct entry_parser *p, uint32_t node, const char *key,
    struct fl_cat_names *out)
{
	const struct fl_json_doc *d = &p->f->doc;
	uint32_t it;
	size_t i = 0;

	if (!fl_json_is(d, node, FL_JSON_ARRAY))
		return bad(p, node, key, "expected an array of strings");
	out->v = fl_arena_array(p->arena, d->nodes[node].count + 1u,
	    sizeof(*out->v));
	fl_json_foreach(d, node, it) {
		if (!fl_json_is(d, it, FL_JSON_STRING) ||
		    d->nodes[it].str.len == 0)
			return bad(p, it, key, "expected a non-empty string");
		out->v[i++] = dup(p, d->nodes[it].str);
	}
	out->n = i;
	return 0;
}

static int
flow_types(struct entry_parser *p, uint32_t entry, uint32_t *kinds)
{
	const struct fl_json_doc *d = &p->f->doc;
	uint32_t node = fl_json_get(d, entry, "flow-types");
	uint32_t it;

	if (node == FL_JSON_NONE)
		return bad(p, entry, "flow-types",
		    "missing (a list of flow types, or \"*\")");
	if (fl_json_is(d, node, FL_JSON_STRING) &&
	    fl_str_eq_cstr(d->nodes[node].str, "*")) {
		*kinds = FL_KINDS_ALL;
		return 0;
	}
	if (!fl_json_is(d, node, FL_JSON_ARRAY))
		return bad(p, node, "flow-types", "expected \"*\" or an array "
		    "of flow types");
	*kinds = 0;
	fl_json_foreach(d, node, it) {
		int k = fl_json_is(d, it, FL_JSON_STRING) ?
		    fl_flow_kind_find(d->nodes[it].str) : -1;

		if (k < 0)
			return bad(p, it, "flow-types", "expected a flow type "
			    "such as \"CONTACT_FLOW\" or \"MODULE\"");
		*kinds |= 1u << k;
	}
	return 0;
}

static int
param(struct entry_parser *p, uint32_t node, struct fl_cat_param *out)
{
	static const char *const keys[] = { "required", "value", NULL };
	const struct fl_json_doc *d = &p->f->doc;
	uint32_t it, v;
	int err;

	out->name = dup(p, d->nodes[node].key);
	if (!fl_json_is(d, node, FL_JSON_OBJECT))
		return bad(p, node, "parameters", "\"%s\" must be an object "
		    "({\"required\": bool, \"value\": class})", out->name);
	if ((it = unknown_key(d, node, keys)) != FL_JSON_NONE)
		return bad(p, it, "parameters", "\"%s\": unknown key \"%.*s\" "
		    "(expected required or value)", out->name,
		    FL_STR_ARGS(d->nodes[it].key));
	err = expect_bool(p, fl_json_get(d, node, "required"), "parameters",
	    &out->required);
	if (err)
		return err;
	v = fl_json_get(d, node, "value");
	out->value = FL_VALUE_TEXT;
	if (v == FL_JSON_NONE)
		return 0;
	if (fl_json_is(d, v, FL_JSON_STRING) &&
	    fl_str_eq_cstr(d->nodes[v].str, "static"))
		out->value = FL_VALUE_STATIC;
	else if (fl_json_is(d, v, FL_JSON_STRING) &&
	    fl_str_eq_cstr(d->nodes[v].str, "path"))
		out->value = FL_VALUE_PATH;
	else if (!fl_json_is(d, v, FL_JSON_STRING) ||
	    !fl_str_eq_cstr(d->nodes[v].str, "text"))
		return bad(p, v, "parameters", "\"%s\".value: expected "
		    "\"static\", \"path\" or \"text\"", out->name);
	return 0;
}

static int
params(struct entry_parser *p, uint32_t node, struct fl_cat_action *a)
{
	const struct fl_json_doc *d = &p->f->doc;
	uint32_t it;
	int err;

	if (node == FL_JSON_NONE)
		return 0;
	if (!fl_json_is(d, node, FL_JSON_OBJECT))
		return bad(p, node, "parameters", "expected an object");
	a->params = fl_arena_array(p->arena, d->nodes[node].count + 1u,
	    sizeof(*a->params));
	fl_json_foreach(d, node, it)
		if ((err = param(p, it, &a->params[a->nparams++])) != 0)
			return err;
	return 0;
}

static int
groups(struct entry_parser *p, uint32_t node, struct fl_cat_action *a)
{
	const struct fl_json_doc *d = &p->f->doc;
	uint32_t it;
	int err;

	if (node == FL_JSON_NONE)
		return 0;
	if (!fl_json_is(d, node, FL_JSON_ARRAY))
		return bad(p, node, "exclusive", "expected an array of "
		    "{\"one-of\": [...], \"required\": bool}");
	a->groups = fl_arena_array(p->arena, d->nodes[node].count + 1u,
	    sizeof(*a->groups));
	fl_json_foreach(d, node, it) {
		struct fl_cat_group *g = &a->groups[a->ngroups++];
		uint32_t one = fl_json_get(d, it, "one-of");

		if (!fl_json_is(d, it, FL_JSON_OBJECT) || one == FL_JSON_NONE ||
		    d->nodes[it].count !=
		    1u + (fl_json_get(d, it, "required") != FL_JSON_NONE))
			return bad(p, it, "exclusive", "expected {\"one-of\": "
			    "[...], \"required\": bool}");
		if ((err = names(p, one, "exclusive", &g->names)) != 0 ||
		    (err = expect_bool(p, fl_json_get(d, it, "required"),
		    "exclusive", &g->required)) != 0)
			return err;
		if (g->names.n < 2)
			return bad(p, one, "exclusive", "a group names at "
			    "least two parameters");
	}
	return 0;
}

static int
conditions(struct entry_parser *p, uint32_t node, struct fl_cat_action *a)
{
	static const char *const keys[] = { "operators", "operands", "all",
		NULL };
	const struct fl_json_doc *d = &p->f->doc;
	uint32_t it, v;
	int err;

	if (node == FL_JSON_NONE) {
		a->conditions = FL_COND_UNKNOWN;
		return 0;
	}
	if (fl_json_is(d, node, FL_JSON_TRUE) ||
	    fl_json_is(d, node, FL_JSON_FALSE)) {
		a->conditions = fl_json_is(d, node, FL_JSON_TRUE) ?
		    FL_COND_ANY : FL_COND_NONE;
		return 0;
	}
	if (!fl_json_is(d, node, FL_JSON_OBJECT))
		return bad(p, node, "conditions", "expected true, false or "
		    "{\"operators\": [...], \"operands\": [...], \"all\": "
		    "bool}");
	if ((it = unknown_key(d, node, keys)) != FL_JSON_NONE)
		return bad(p, it, "conditions", "unknown key \"%.*s\" "
		    "(expected operators, operands or all)",
		    FL_STR_ARGS(d->nodes[it].key));
	a->conditions = FL_COND_RESTRICTED;
	if ((v = fl_json_get(d, node, "operators")) != FL_JSON_NONE &&
	    (err = names(p, v, "conditions.operators", &a->operators)) != 0)
		return err;
	if ((v = fl_json_get(d, node, "operands")) != FL_JSON_NONE &&
	    (err = names(p, v, "conditions.operands", &a->operands)) != 0)
		return err;
	return expect_bool(p, fl_json_get(d, node, "all"), "conditions.all",
	    &a->operands_all);
}

static int
entry(struct entry_parser *p, uint32_t node, struct fl_cat_action *a)
{
	static const char *const keys[] = { "source", "note", "aliases",
		"flow-types", "terminal", "takes-input", "leaves-flow",
		"parameters", "closed", "exclusive", "errors",
		"required-errors", "conditions", NULL };
	const struct fl_json_doc *d = &p->f->doc;
	uint32_t it, v;
	int err;

	memset(a, 0, sizeof(*a));
	a->type = dup(p, p->type);
	a->type_len = p->type.len;
	if (!fl_json_is(d, node, FL_JSON_OBJECT))
		return fl_json_file_error(p->f, node, false, "%s%.*s: expected "
		    "an object describing the action", p->where,
		    FL_STR_ARGS(p->type));
	if ((it = unknown_key(d, node, keys)) != FL_JSON_NONE)
		return fl_json_file_error(p->f, it, true, "%s%.*s: unknown key "
		    "\"%.*s\"", p->where, FL_STR_ARGS(p->type),
		    FL_STR_ARGS(d->nodes[it].key));
	v = fl_json_get(d, node, "source");
	if (!fl_json_is(d, v, FL_JSON_STRING) || d->nodes[v].str.len == 0)
		return bad(p, v == FL_JSON_NONE ? node : v, "source",
		    "expected the page or export the entry comes from");
	a->source = dup(p, d->nodes[v].str);
	v = fl_json_get(d, node, "note");
	if (v != FL_JSON_NONE && !fl_json_is(d, v, FL_JSON_STRING))
		return bad(p, v, "note", "expected a string");
	if (v != FL_JSON_NONE)
		a->note = dup(p, d->nodes[v].str);
	if ((v = fl_json_get(d, node, "aliases")) != FL_JSON_NONE &&
	    (err = names(p, v, "aliases", &a->aliases)) != 0)
		return err;
	if ((err = flow_types(p, node, &a->kinds)) != 0 ||
	    (err = expect_bool(p, fl_json_get(d, node, "terminal"), "terminal",
	    &a->terminal)) != 0 ||
	    (err = expect_bool(p, fl_json_get(d, node, "takes-input"),
	    "takes-input", &a->takes_input)) != 0 ||
	    (err = expect_bool(p, fl_json_get(d, node, "leaves-flow"),
	    "leaves-flow", &a->leaves_flow)) != 0 ||
	    (err = params(p, fl_json_get(d, node, "parameters"), a)) != 0 ||
	    (err = expect_bool(p, fl_json_get(d, node, "closed"), "closed",
	    &a->closed)) != 0 ||
	    (err = groups(p, fl_json_get(d, node, "exclusive"), a)) != 0 ||
	    (err = conditions(p, fl_json_get(d, node, "conditions"), a)) != 0)
		return err;
	if ((v = fl_json_get(d, node, "errors")) != FL_JSON_NONE) {
		a->errors_known = true;
		if ((err = names(p, v, "errors", &a->errors)) != 0)
			return err;
	}
	if ((v = fl_json_get(d, node, "required-errors")) != FL_JSON_NONE &&
	    (err = names(p, v, "required-errors", &a->required_errors)) != 0)
		return err;
	return 0;
}

static int
by_type(const void *x, const void *y)
{
	const struct fl_cat_action *a = x, *b = y;
	int c = memcmp(a->type, b->type,
	    a->type_len < b->type_len ? a->type_len : b->type_len);

	return c != 0 ? c : (a->type_len > b->type_len) -
	    (a->type_len < b->type_len);
}

static uint32_t
type_hash(const char *type, size_t len)
{
	return (uint32_t)fl_str_hash(fl_str_make(type, len));
}

/* Rebuilds c->slots for the entries of c->v, at most half full. */
static void
reindex(struct fl_catalog *c)
{
	size_t size = 16, i;

	while (size < 2 * c->n)
		size *= 2;
	free(c->slots);
	c->slots = fl_xcalloc(size, sizeof(*c->slots));
	c->mask = (uint32_t)(size - 1);
	for (i = 0; i < c->n; i++) {
		uint32_t h = type_hash(c->v[i].type, c->v[i].type_len) &
		    c->mask;

		while (c->slots[h] != 0)
			h = (h + 1) & c->mask;
		c->slots[h] = (uint32_t)i + 1;
	}
}

/* Puts `a` in `c`, in place of the entry of the same Type if any. */
static void
put(struct fl_catalog *c, const struct fl_cat_action *a)
{
	struct fl_cat_action *old = (struct fl_cat_action *)fl_catalog_find(c,
	    fl_str_make(a->type, a->type_len));

	if (old != NULL) {
		*old = *a;
		return;
	}
	FL_GROW(c->v, c->n + 1, c->alloc);
	c->v[c->n++] = *a;
	qsort(c->v, c->n, sizeof(*c->v), by_type);
	reindex(c);
}

void
fl_catalog_merge(struct fl_catalog *c, const struct fl_catalog *from)
{
	size_t i;

	for (i = 0; i < from->n; i++)
		put(c, &from->v[i]);
}

int
fl_catalog_add(struct fl_catalog *c, struct fl_json_file *f, uint32_t obj,
    const char *where)
{
	struct entry_parser p = { f, &c->arena, where ? where : "",
		{ NULL, 0 } };
	const struct fl_json_doc *d = &f->doc;
	uint32_t it;
	int err = 0;

	if (!fl_json_is(d, obj, FL_JSON_OBJECT)) {
		/* "actions.": say "actions: expected ..." */
		int n = (int)strlen(p.where);

		return fl_json_file_error(f, obj, false, "%.*s%sexpected an "
		    "object mapping action Types to their entries",
		    n > 0 ? n - 1 : 0, p.where, n > 0 ? ": " : "");
	}
	fl_json_foreach(d, obj, it) {
		struct fl_cat_action a;

		p.type = d->nodes[it].key;
		if (p.type.len == 0)
			return fl_json_file_error(f, it, true, "%san action "
			    "Type must not be empty", p.where);
		if ((err = entry(&p, it, &a)) != 0)
			break;
		put(c, &a);
	}
	return err;
}

int
fl_catalog_load_default(struct fl_catalog *c)
{
	const char *name = "rules/data/actions.json";
	const struct fl_embedded *e = fl_embedded_find(name);
	struct fl_json_file f = { 0 };
	struct fl_buf bytes = FL_BUF_INIT;
	int err;

	if (e == NULL)
		return fl_error_set(FL_ECONFIG, "%s is not embedded", name);
	fl_buf_add(&bytes, e->data, e->len);
	err = fl_json_file_take(&f, name, &bytes, NULL);
	if (err == 0)
		err = fl_catalog_add(c, &f, fl_json_get(&f.doc, FL_JSON_ROOT,
		    "actions"), NULL);
	fl_json_file_release(&f);
	fl_buf_release(&bytes);
	return err;
}

const struct fl_cat_action *
fl_catalog_find(const struct fl_catalog *c, struct fl_str type)
{
	uint32_t h;

	if (c == NULL || c->n == 0)
		return NULL;
	for (h = type_hash(type.ptr, type.len) & c->mask; c->slots[h] != 0;
	    h = (h + 1) & c->mask) {
		const struct fl_cat_action *a = &c->v[c->slots[h] - 1];

		if (fl_str_eq(fl_str_make(a->type, a->type_len), type))
			return a;
	}
	return NULL;
}

/* Levenshtein distance, case-insensitive, capped at 255 bytes. */
static unsigned
distance(struct fl_str a, struct fl_str b)
{
	unsigned row[256];
	size_t i, j, n = b.len < 255 ? b.len : 255;

	for (j = 0; j <= n; j++)
		row[j] = (unsigned)j;
	for (i = 1; i <= a.len && i <= 255; i++) {
		unsigned diag = row[0];

		row[0] = (unsigned)i;
		for (j = 1; j <= n; j++) {
			unsigned up = row[j];
			unsigned sub = diag + ((a.ptr[i - 1] | 0x20) !=
			    (b.ptr[j - 1] | 0x20));
			unsigned best = up + 1 < row[j - 1] + 1 ? up + 1 :
			    row[j - 1] + 1;

			row[j] = sub < best ? sub : best;
			diag = up;
		}
	}
	return row[n];
}

/* The CamelCase word of `s` that starts at `*at`; advances `*at`. */
static struct fl_str
next_word(struct fl_str s, size_t *at)
{
	size_t b = *at, e = b + 1;

	while (e < s.len && !(s.ptr[e] >= 'A' && s.ptr[e] <= 'Z'))
		e++;
	*at = e;
	return fl_str_make(s.ptr + b, e - b);
}

/* How many CamelCase words of `a` are words of `b`. */
static unsigned
shared_words(struct fl_str a, struct fl_str b)
{
	size_t i = 0, j;
	unsigned n = 0;

	while (i < a.len) {
		struct fl_str w = next_word(a, &i);
		bool found = false;

		for (j = 0; j < b.len && !found;)
			found = fl_str_eq(w, next_word(b, &j));
		n += found;
	}
	return n;
}

const struct fl_cat_action *
fl_catalog_closest(const struct fl_catalog *c, struct fl_str type)
{
	const struct fl_cat_action *best = NULL;
	unsigned best_score = 0;
	size_t i;

	for (i = 0; i < c->n; i++)
		if (fl_cat_names_has(&c->v[i].aliases, type))
			return &c->v[i];
	for (i = 0; i < c->n; i++) {
		struct fl_str t = fl_str_make(c->v[i].type, c->v[i].type_len);
		/* Shared words first, then the smaller distance. */
		unsigned score = shared_words(type, t) * 1024u +
		    (1023u - (distance(type, t) & 1023u));

		if (score > best_score) {
			best_score = score;
			best = &c->v[i];
		}
	}
	return best;
}

const struct fl_cat_param *
fl_cat_action_param(const struct fl_cat_action *a, struct fl_str name)
{
	size_t i;

	for (i = 0; i < a->nparams; i++)
		if (fl_str_eq_cstr(name, a->params[i].name))
			return &a->params[i];
	return NULL;
}

bool
fl_cat_names_has(const struct fl_cat_names *l, struct fl_str s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (fl_str_eq_cstr(s, l->v[i]))
			return true;
	return false;
}
