/*
 * A fix pass: the requests fixers make, and how they become text edits
 * that keep the file's layout; see pass.h.
 */
#include "fix/pass.h"

#include <string.h>

#include "flow/flow.h"
#include "json/json.h"
#include "diag/diag.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/error.h"

struct fl_fix_add {
	struct fl_str key;		/* arena; {NULL,0} for array elements */
	struct fl_str json;		/* arena: compact value; empty for an
					   object built from `kids` */
	struct fl_fix_add *kids;	/* members of that object */
	struct fl_fix_add *next;
};

struct fl_fix_plan {
	uint32_t node;			/* the container in the document */
	struct fl_fix_add *adds;	/* in order */
	struct fl_fix_plan *next;
};

void
fl_fix_pass_init(struct fl_fix_pass *p, const struct fl_flow *f,
    const struct fl_diag_list *diags, struct fl_arena *a)
{
	memset(p, 0, sizeof(*p));
	p->f = f;
	p->d = f->doc;
	p->diags = diags;
	p->a = a;
	p->marks = fl_arena_alloc(p->a, p->d->count);
	p->claimed = fl_arena_array(p->a, diags->n + 1, sizeof(bool));
	fl_strset_init(&p->referenced, p->a, 8);
}

void
fl_fix_pass_release(struct fl_fix_pass *p)
{
	/* Everything else lives in the file's arena. */
	fl_edits_release(&p->values);
}

void
fl_fix_claim(struct fl_fix_pass *p, const struct fl_diag *d)
{
	p->claimed[d - p->diags->v] = true;
}

static struct fl_fix_plan *
plan_for(struct fl_fix_pass *p, uint32_t node, bool create)
{
	struct fl_fix_plan **pp;

	for (pp = &p->plans; *pp != NULL; pp = &(*pp)->next)
		if ((*pp)->node == node)
			return *pp;
	if (!create)
		return NULL;
	*pp = fl_arena_alloc(p->a, sizeof(**pp));
	(*pp)->node = node;
	return *pp;
}

static void
append_add(struct fl_fix_add **list, struct fl_fix_add *add)
{
	while (*list != NULL)
		list = &(*list)->next;
	*list = add;
}

static struct fl_fix_add *
find_add(struct fl_fix_add *list, struct fl_str key)
{
	for (; list != NULL; list = list->next)
		if (fl_str_eq(list->key, key))
			return list;
	return NULL;
}

void
fl_fix_replace(struct fl_fix_pass *p, uint32_t node, struct fl_str json)
{
	const struct fl_json_node *n = &p->d->nodes[node];

	fl_edits_add(&p->values, n->off, n->off + n->len,
	    fl_arena_str(p->a, json));
	p->marks[node] |= FL_FIX_REPLACED;
}

/* Appends s escaped as the inside of a JSON string literal. */
static void
add_json_body(struct fl_buf *out, struct fl_str s)
{
	size_t mark = out->len;

	fl_buf_add_json_string(out, s);
	/* Drop the quotes fl_buf_add_json_string put around it. */
	memmove(out->ptr + mark, out->ptr + mark + 1, out->len - mark - 2);
	out->len -= 2;
	out->ptr[out->len] = '\0';
}

void
fl_fix_replace_in_string(struct fl_fix_pass *p, uint32_t node,
    struct fl_str sub, struct fl_str text)
{
	const struct fl_json_node *n = &p->d->nodes[node];
	uint32_t dec = (uint32_t)(sub.ptr - n->str.ptr), start, end;
	struct fl_buf b = FL_BUF_INIT;

	if (n->flags & FL_JSON_F_ESCAPED) {
		struct fl_json_offmap map;
		struct fl_str decoded;

		fl_json_decode_mapped(&decoded, &map, p->a, p->d, node);
		start = fl_json_offmap_raw(&map, dec);
		end = fl_json_offmap_raw(&map, dec + (uint32_t)sub.len);
	} else {
		start = n->off + 1 + dec;
		end = start + (uint32_t)sub.len;
	}
	add_json_body(&b, text);
	fl_edits_add(&p->values, start, end, fl_arena_str(p->a, fl_buf_str(&b)));
	fl_buf_release(&b);
	p->marks[node] |= FL_FIX_REPLACED;
}

void
fl_fix_remove_member(struct fl_fix_pass *p, uint32_t node)
{
	p->marks[node] |= FL_FIX_REMOVED;
	plan_for(p, p->d->nodes[node].parent, true);
}

static struct fl_fix_add *
new_add(struct fl_fix_pass *p, struct fl_str key, struct fl_str json)
{
	struct fl_fix_add *add = fl_arena_alloc(p->a, sizeof(*add));

	add->key = key.ptr != NULL ? fl_arena_str(p->a, key) : key;
	add->json = fl_arena_str(p->a, json);
	return add;
}

void
fl_fix_add_member(struct fl_fix_pass *p, uint32_t obj, struct fl_str key,
    struct fl_str json)
{
	append_add(&plan_for(p, obj, true)->adds, new_add(p, key, json));
	p->marks[obj] |= FL_FIX_GROWS;
}

void
fl_fix_add_element(struct fl_fix_pass *p, uint32_t arr, struct fl_str json)
{
	append_add(&plan_for(p, arr, true)->adds,
	    new_add(p, fl_str_make(NULL, 0), json));
	p->marks[arr] |= FL_FIX_GROWS;
}

/* Builds the objects for the path segments from `seg` on, ending in true. */
static struct fl_fix_add *
build_chain(struct fl_fix_pass *p, const char *seg)
{
	const char *slash = strchr(seg, '/');
	size_t len = slash ? (size_t)(slash - seg) : strlen(seg);
	struct fl_fix_add *add;

	add = new_add(p, fl_str_make(seg, len), slash ? fl_str_make("", 0) :
	    FL_STR_LIT("true"));
	if (slash != NULL)
		add->kids = build_chain(p, slash + 1);
	return add;
}

/* The rest of ensure_true, once the path has left the document. */
static bool
ensure_pending(struct fl_fix_pass *p, struct fl_fix_add **list,
    const char *seg, bool dry_run)
{
	for (;;) {
		const char *slash = strchr(seg, '/');
		size_t len = slash ? (size_t)(slash - seg) : strlen(seg);
		struct fl_fix_add *a = find_add(*list, fl_str_make(seg, len));

		if (a == NULL) {
			if (!dry_run)
				append_add(list, build_chain(p, seg));
			return true;
		}
		if (slash == NULL)
			return fl_str_eq_cstr(a->json, "true");
		if (a->json.len > 0)
			return false;	/* a scalar where an object is needed */
		list = &a->kids;
		seg = slash + 1;
	}
}

bool
fl_fix_ensure_true(struct fl_fix_pass *p, uint32_t obj, const char *path,
    bool dry_run)
{
	const struct fl_json_doc *d = p->d;
	const char *seg = path;

	if (!fl_json_is(d, obj, FL_JSON_OBJECT))
		return false;
	for (;;) {
		const char *slash = strchr(seg, '/');
		size_t len = slash ? (size_t)(slash - seg) : strlen(seg);
		uint32_t child = fl_json_get_str(d, obj, fl_str_make(seg, len));

		if (child == FL_JSON_NONE) {
			struct fl_fix_plan *plan = plan_for(p, obj, !dry_run);
			struct fl_fix_add *none = NULL;
			bool ok = ensure_pending(p, plan ? &plan->adds : &none,
			    seg, dry_run);

			if (ok && !dry_run)
				p->marks[obj] |= FL_FIX_GROWS;
			return ok;
		}
		if (slash == NULL) {
			if (fl_json_is(d, child, FL_JSON_TRUE))
				return true;
			if (!fl_json_is(d, child, FL_JSON_FALSE))
				return false;
			if (!dry_run && !(p->marks[child] & FL_FIX_REPLACED))
				fl_fix_replace(p, child, FL_STR_LIT("true"));
			return true;
		}
		if (!fl_json_is(d, child, FL_JSON_OBJECT))
			return false;
		obj = child;
		seg = slash + 1;
	}
}

/*
 * The layout of a container, so that what is added looks like what is
 * there: the whitespace before each member (a newline and indentation in
 * a pretty-printed file, nothing in the compact Content), before the
 * closing bracket, and around the colon.
 */
struct layout {
	struct fl_str sep;	/* whitespace before a member */
	struct fl_str close;	/* whitespace before the closing bracket */
	struct fl_str colon;	/* ":" or ": " */
	struct fl_str indent;	/* a member's indentation */
	struct fl_str unit;	/* one level of indentation */
	bool pretty;		/* members on lines of their own */
	bool crlf;		/* lines end in CR LF */
};

static uint32_t
member_start(const struct fl_json_doc *d, uint32_t i)
{
	const struct fl_json_node *n = &d->nodes[i];

	return n->key.ptr != NULL ? n->key_off : n->off;
}

static uint32_t
last_child(const struct fl_json_doc *d, uint32_t c)
{
	uint32_t it, last = FL_JSON_NONE;

	fl_json_foreach(d, c, it)
		last = it;
	return last;
}

/* The text after the last newline of s (all of s if it has none). */
static struct fl_str
after_newline(struct fl_str s)
{
	size_t i = s.len;

	while (i > 0 && s.ptr[i - 1] != '\n')
		i--;
	return fl_str_make(s.ptr + i, s.len - i);
}

/* The text between member i's key and its value: ":" or ": ". */
static struct fl_str
colon_of(const struct fl_json_doc *d, uint32_t i)
{
	const char *t = d->text;
	uint32_t k = d->nodes[i].key_off + 1;

	while (t[k] != '"')
		k += t[k] == '\\' ? 2 : 1;
	return fl_str_make(t + k + 1, d->nodes[i].off - k - 1);
}

/* The document's colon spacing, from its first member. */
static struct fl_str
doc_colon(const struct fl_json_doc *d)
{
	uint32_t i;

	for (i = FL_JSON_ROOT; i < d->count; i++)
		if (d->nodes[i].key.ptr != NULL)
			return colon_of(d, i);
	return FL_STR_LIT(":");
}

static void
layout_of(struct layout *l, struct fl_fix_pass *p, uint32_t c)
{
	const struct fl_json_doc *d = p->d;
	const struct fl_json_node *n = &d->nodes[c];
	const char *t = d->text;

	memset(l, 0, sizeof(*l));
	l->colon = doc_colon(d);
	l->unit = FL_STR_LIT("  ");
	if (n->count > 0) {
		uint32_t first = c + 1, last = last_child(d, c);
		uint32_t fs = member_start(d, first);
		uint32_t le = d->nodes[last].off + d->nodes[last].len;
		struct fl_str close_indent;

		l->sep = fl_str_make(t + n->off + 1, fs - n->off - 1);
		l->close = fl_str_make(t + le, n->off + n->len - 1 - le);
		if (n->type == FL_JSON_OBJECT)
			l->colon = colon_of(d, first);
		l->pretty = memchr(l->sep.ptr, '\n', l->sep.len) != NULL;
		l->crlf = l->pretty && l->sep.ptr[0] == '\r';
		if (first != last) {
			/* Between members: after the comma that follows one. */
			uint32_t k = d->nodes[first].off + d->nodes[first].len;
			uint32_t second = d->nodes[first].next;

			while (t[k] != ',')
				k++;
			l->sep = fl_str_make(t + k + 1,
			    member_start(d, second) - k - 1);
		} else if (!l->pretty && memchr(l->colon.ptr, ' ',
		    l->colon.len) != NULL) {
			l->sep = FL_STR_LIT(" ");
		}
		l->indent = after_newline(l->sep);
		close_indent = after_newline(l->close);
		if (l->pretty && l->indent.len > close_indent.len &&
		    memcmp(l->indent.ptr, close_indent.ptr, close_indent.len) == 0)
			l->unit = fl_str_make(l->indent.ptr + close_indent.len,
			    l->indent.len - close_indent.len);
		return;
	}
	if (n->parent != FL_JSON_NONE) {
		struct layout pl;
		struct fl_buf b = FL_BUF_INIT;

		/* An empty container's parent holds it, so is not empty. */
		layout_of(&pl, p, n->parent);
		l->colon = pl.colon;
		l->unit = pl.unit;
		l->pretty = pl.pretty;
		l->crlf = pl.crlf;
		if (!pl.pretty) {
			l->sep = pl.sep;
			return;
		}
		fl_buf_adds(&b, pl.crlf ? "\r\n" : "\n");
		fl_buf_addstr(&b, pl.indent);
		l->close = fl_arena_str(p->a, fl_buf_str(&b));
		fl_buf_addstr(&b, pl.unit);
		l->sep = fl_arena_str(p->a, fl_buf_str(&b));
		l->indent = after_newline(l->sep);
		fl_buf_release(&b);
	}
}

/* Appends a newline and `level` levels of indentation below l->indent. */
static void
newline(struct fl_buf *out, const struct layout *l, int level)
{
	int k;

	fl_buf_adds(out, l->crlf ? "\r\n" : "\n");
	fl_buf_addstr(out, l->indent);
	for (k = 0; k < level; k++)
		fl_buf_addstr(out, l->unit);
}

/*
 * Appends the compact JSON text `json` in layout l, as the value of a
 * member at l->indent: nested members on lines of their own when the
 * file is pretty-printed, and the file's colon spacing.
 */
static void
add_laid_out(struct fl_buf *out, struct fl_str json, const struct layout *l)
{
	bool in_str = false;
	int level = 0;
	size_t i;

	for (i = 0; i < json.len; i++) {
		char c = json.ptr[i];

		if (in_str) {
			fl_buf_addch(out, c);
			if (c == '\\')
				fl_buf_addch(out, json.ptr[++i]);
			else if (c == '"')
				in_str = false;
			continue;
		}
		switch (c) {
		case '"':
			in_str = true;
			fl_buf_addch(out, c);
			break;
		case '{':
		case '[':
			fl_buf_addch(out, c);
			if (i + 1 < json.len && (json.ptr[i + 1] == '}' ||
			    json.ptr[i + 1] == ']')) {
				fl_buf_addch(out, json.ptr[++i]);
				break;
			}
			level++;
			if (l->pretty)
				newline(out, l, level);
			break;
		case '}':
		case ']':
			level--;
			if (l->pretty)
				newline(out, l, level);
			fl_buf_addch(out, c);
			break;
		case ',':
			fl_buf_addch(out, c);
			if (l->pretty)
				newline(out, l, level);
			else
				fl_buf_addstr(out, l->sep);
			break;
		case ':':
			fl_buf_addstr(out, l->colon);
			break;
		default:
			fl_buf_addch(out, c);
		}
	}
}

/* The compact JSON of an addition. */
static void
add_compact(struct fl_buf *out, const struct fl_fix_add *a)
{
	const struct fl_fix_add *k;

	if (a->kids == NULL) {
		fl_buf_addstr(out, a->json);
		return;
	}
	fl_buf_addch(out, '{');
	for (k = a->kids; k != NULL; k = k->next) {
		if (k != a->kids)
			fl_buf_addch(out, ',');
		fl_buf_add_json_string(out, k->key);
		fl_buf_addch(out, ':');
		add_compact(out, k);
	}
	fl_buf_addch(out, '}');
}

/* The additions of a plan, each in layout l, joined by "," and l->sep. */
static void
add_members(struct fl_buf *out, const struct fl_fix_plan *plan,
    const struct layout *l)
{
	struct fl_buf compact = FL_BUF_INIT;
	const struct fl_fix_add *a;

	for (a = plan->adds; a != NULL; a = a->next) {
		if (a != plan->adds) {
			fl_buf_addch(out, ',');
			fl_buf_addstr(out, l->sep);
		}
		if (a->key.ptr != NULL) {
			fl_buf_add_json_string(out, a->key);
			fl_buf_addstr(out, l->colon);
		}
		fl_buf_reset(&compact);
		add_compact(&compact, a);
		add_laid_out(out, fl_buf_str(&compact), l);
	}
	fl_buf_release(&compact);
}

static void
emit_edit(struct fl_fix_pass *p, struct fl_edits *out, uint32_t start,
    uint32_t end, struct fl_buf *text)
{
	fl_edits_add(out, start, end, fl_arena_str(p->a, fl_buf_str(text)));
	fl_buf_reset(text);
}

/*
 * The edits for one container: each run of removed members goes with
 * the comma that joins it to the rest, and the additions follow the
 * last member kept.
 */
static void
emit_plan(struct fl_fix_pass *p, const struct fl_fix_plan *plan,
    struct fl_edits *out)
{
	const struct fl_json_doc *d = p->d;
	const struct fl_json_node *n = &d->nodes[plan->node];
	uint32_t it, run = FL_JSON_NONE, prev_kept = FL_JSON_NONE;
	struct fl_buf text = FL_BUF_INIT;
	struct layout l;

	layout_of(&l, p, plan->node);
	fl_json_foreach(d, plan->node, it) {
		if (p->marks[it] & FL_FIX_REMOVED) {
			if (run == FL_JSON_NONE)
				run = it;
			continue;
		}
		if (run != FL_JSON_NONE)
			emit_edit(p, out, member_start(d, run),
			    member_start(d, it), &text);
		run = FL_JSON_NONE;
		prev_kept = it;
	}
	if (prev_kept == FL_JSON_NONE) {
		/* Nothing is kept: rewrite the inside of the brackets. */
		if (plan->adds != NULL) {
			fl_buf_addstr(&text, l.sep);
			add_members(&text, plan, &l);
			fl_buf_addstr(&text, l.close);
		}
		if (plan->adds != NULL || n->count > 0)
			emit_edit(p, out, n->off + 1, n->off + n->len - 1, &text);
	} else if (run != FL_JSON_NONE || plan->adds != NULL) {
		uint32_t kept_end = d->nodes[prev_kept].off +
		    d->nodes[prev_kept].len;
		uint32_t end = kept_end;

		if (run != FL_JSON_NONE) {
			uint32_t last = last_child(d, plan->node);

			end = d->nodes[last].off + d->nodes[last].len;
		}
		if (plan->adds != NULL) {
			fl_buf_addch(&text, ',');
			fl_buf_addstr(&text, l.sep);
			add_members(&text, plan, &l);
		}
		emit_edit(p, out, kept_end, end, &text);
	}
	fl_buf_release(&text);
}

void
fl_fix_pass_emit(struct fl_fix_pass *p, struct fl_edits *out)
{
	const struct fl_flow *f = p->f;
	struct fl_edits doc = { 0 };
	struct fl_buf b = FL_BUF_INIT;
	const struct fl_fix_plan *plan;
	size_t i;

	fl_fix_map_finish(p);
	for (plan = p->plans; plan != NULL; plan = plan->next)
		emit_plan(p, plan, &doc);
	for (i = 0; i < p->values.n; i++) {
		const struct fl_edit *e = &p->values.v[i];

		/* A value inside a removed member goes with it. */
		if (!fl_edits_conflict(&doc, e->start, e->end))
			fl_edits_add(&doc, e->start, e->end, e->text);
	}
	for (i = 0; i < doc.n; i++) {
		struct fl_edit *e = &doc.v[i];

		if (p->d != &f->inner) {
			fl_edits_add(out, e->start, e->end, e->text);
			continue;
		}
		/* Inside the Content string: file offsets, escaped text. */
		fl_buf_reset(&b);
		add_json_body(&b, e->text);
		fl_edits_add(out, fl_json_offmap_raw(&f->map, e->start),
		    fl_json_offmap_raw(&f->map, e->end),
		    fl_arena_str(p->a, fl_buf_str(&b)));
	}
	fl_buf_release(&b);
	fl_edits_release(&doc);
}
