/*
 * The flow loader: recognises the shapes a repository holds and builds
 * the model rules read.
 *
 * Shapes, by content rather than by file name (connect-flow-format.md §1):
 *
 *  - wrapped export: an object with `Content` (a string holding the
 *    flow-language JSON, or that document as an object) beside `Name`
 *    and `Type` or `ContactFlowType`; without a type it is a module.  The
 *    DescribeContactFlow response nests it under `ContactFlow`.
 *  - raw document: an object with `Actions` (array) and `StartAction` or
 *    `Version`; a module when it has `Settings`.
 *  - legacy console export: `modules` (array), `start` and `version`.
 *
 * A view, queue, bot or package.json is valid JSON that is none of these.
 */
#include "flow/load.h"

#include <string.h>

#include "flow/refs.h"
#include "util/arena.h"
#include "util/xalloc.h"

static void
add_problem(struct fl_load_problems *p, struct fl_arena *a,
    enum fl_load_problem_kind kind, uint32_t file_off,
    const struct fl_json_doc *doc, uint32_t node, const char *msg)
{
	if (p->n == p->alloc) {
		uint32_t alloc = p->alloc ? p->alloc * 2 : 8;

		p->v = fl_arena_grow_array(a, p->v, p->alloc, alloc,
		    sizeof(*p->v));
		p->alloc = alloc;
	}
	p->v[p->n++] = (struct fl_load_problem){ kind, file_off, doc, node,
		msg };
}

static void
content_problem(struct fl_flow *f, struct fl_load_problems *p,
    struct fl_arena *a, uint32_t node, const char *msg)
{
	add_problem(p, a, FL_LOAD_INVALID_CONTENT,
	    fl_flow_file_off(f, f->doc, node, false), f->doc, node, msg);
}

/* Duplicate keys and out-of-range numbers, flagged by the parser. */
static void
json_problems(struct fl_flow *f, struct fl_load_problems *p,
    struct fl_arena *a, const struct fl_json_doc *d)
{
	uint32_t i;

	if (d->dup_keys == 0 && d->overflows == 0)
		return;
	for (i = 0; i < d->count; i++) {
		const struct fl_json_node *n = &d->nodes[i];

		if (n->flags & FL_JSON_F_DUP_KEY)
			add_problem(p, a, FL_LOAD_DUP_KEY,
			    fl_flow_file_off(f, d, i, true), d, i,
			    fl_arena_printf(a, "duplicate key \"%.*s\": "
			    "JSON.parse keeps only this last value",
			    FL_STR_ARGS(n->key)));
		if (n->flags & FL_JSON_F_NUM_OVERFLOW)
			add_problem(p, a, FL_LOAD_NUMBER_RANGE,
			    fl_flow_file_off(f, d, i, false), d, i,
			    fl_arena_printf(a, "number %.*s is out of range: "
			    "JSON.parse reads it as Infinity and the deploy "
			    "step writes null", FL_STR_ARGS(n->str)));
	}
}

static bool
is_flow_document(const struct fl_json_doc *d, uint32_t obj)
{
	return fl_json_is(d, obj, FL_JSON_OBJECT) &&
	    fl_json_is(d, fl_json_get(d, obj, "Actions"), FL_JSON_ARRAY) &&
	    (fl_json_get(d, obj, "StartAction") != FL_JSON_NONE ||
	    fl_json_get(d, obj, "Version") != FL_JSON_NONE);
}

static bool
is_legacy(const struct fl_json_doc *d, uint32_t obj)
{
	return fl_json_is(d, fl_json_get(d, obj, "modules"), FL_JSON_ARRAY) &&
	    fl_json_get(d, obj, "version") != FL_JSON_NONE &&
	    fl_json_get(d, obj, "start") != FL_JSON_NONE;
}

/*
 * A wrapper whose Content string does not parse is still a flow (and an
 * FL002) when the rest of it says so: a flow type, or a Name with no
 * Type at all (a module).  A view or quick connect has another Type.
 */
static bool
wrapper_claims_flow(const struct fl_json_doc *d, uint32_t w)
{
	static const char *const types[] = { "CONTACT_FLOW", "CUSTOMER_QUEUE",
		"CUSTOMER_HOLD", "CUSTOMER_WHISPER", "AGENT_HOLD",
		"AGENT_WHISPER", "OUTBOUND_WHISPER", "AGENT_TRANSFER",
		"QUEUE_TRANSFER", "CAMPAIGN" };
	uint32_t t = fl_json_get(d, w, "Type");
	struct fl_str type;
	size_t i;

	if (t == FL_JSON_NONE)
		t = fl_json_get(d, w, "ContactFlowType");
	if (t == FL_JSON_NONE)
		return fl_json_is(d, fl_json_get(d, w, "Name"), FL_JSON_STRING);
	type = fl_json_string(d, t);
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (fl_str_eq_cstr(type, types[i]))
			return true;
	return false;
}

static void
index_actions(struct fl_flow *f, struct fl_load_problems *p,
    struct fl_arena *a)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t it, size = 16, index = 0;

	f->actions = fl_arena_array(a, d->nodes[f->actions_node].count + 1,
	    sizeof(*f->actions));
	while (size < 2 * d->nodes[f->actions_node].count)
		size *= 2;
	f->id_table = fl_arena_array(a, size, sizeof(*f->id_table));
	memset(f->id_table, 0xff, size * sizeof(*f->id_table));
	f->id_mask = size - 1;

	fl_json_foreach(d, f->actions_node, it) {
		struct fl_action *act = &f->actions[f->nactions];
		uint32_t idn = fl_json_get(d, it, "Identifier");
		uint32_t tn = fl_json_get(d, it, "Type");
		int32_t prev;

		index++;
		if (!fl_json_is(d, it, FL_JSON_OBJECT)) {
			content_problem(f, p, a, it, "action is not an object");
			continue;
		}
		if (!fl_json_is(d, idn, FL_JSON_STRING)) {
			content_problem(f, p, a, idn ? idn : it,
			    "action has no string \"Identifier\"");
			continue;
		}
		if (!fl_json_is(d, tn, FL_JSON_STRING)) {
			content_problem(f, p, a, tn ? tn : it,
			    "action has no string \"Type\"");
			continue;
		}
		act->node = it;
		act->index = index - 1;
		act->id_node = idn;
		act->id = d->nodes[idn].str;
		act->type = d->nodes[tn].str;
		act->params = fl_json_get(d, it, "Parameters");
		act->transitions = fl_json_get(d, it, "Transitions");
		prev = fl_flow_find_action(f, act->id);
		if (prev != FL_NO_ACTION) {
			act->duplicate = true;
		} else {
			uint32_t h = fl_str_hash(act->id) & f->id_mask;

			while (f->id_table[h] != FL_NO_ACTION)
				h = (h + 1) & f->id_mask;
			f->id_table[h] = (int32_t)f->nactions;
		}
		if (f->object_map == FL_NO_ACTION &&
		    fl_str_eq_cstr(act->id, FL_OBJECT_MAP_ID))
			f->object_map = (int32_t)f->nactions;
		f->nactions++;
	}
}

/*
 * Each action's entry in Metadata.ActionMetadata (the first with its
 * Identifier as key).  One pass over the entries with the Identifier
 * table, rather than a search of the entries per action, which would be
 * quadratic in a flow of 100,000 actions.
 */
static void
attach_metadata(struct fl_flow *f)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t it, i;

	if (f->action_meta_node == FL_JSON_NONE)
		return;
	fl_json_foreach(d, f->action_meta_node, it) {
		int32_t a = fl_flow_find_action(f, d->nodes[it].key);

		if (a != FL_NO_ACTION && f->actions[a].meta == FL_JSON_NONE)
			f->actions[a].meta = it;
	}
	/* A duplicated Identifier names the same entry. */
	for (i = 0; i < f->nactions; i++)
		if (f->actions[i].duplicate)
			f->actions[i].meta = f->actions[fl_flow_find_action(f,
			    f->actions[i].id)].meta;
}

/* Every NextAction under Transitions: plain, Errors[] and Conditions[]. */
static void
link_actions(struct fl_flow *f, struct fl_arena *a)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t i;

	for (i = 0; i < f->nactions; i++) {
		struct fl_action *act = &f->actions[i];
		uint32_t tr = act->transitions, it, br, n = 0;
		uint32_t cap = 1;

		if (!fl_json_is(d, tr, FL_JSON_OBJECT))
			continue;
		fl_json_foreach(d, tr, it)
			if (d->nodes[it].type == FL_JSON_ARRAY)
				cap += d->nodes[it].count;
		act->succ = fl_arena_array(a, cap, sizeof(*act->succ));
		fl_json_foreach(d, tr, it) {
			uint32_t nx;

			if (fl_str_eq_cstr(d->nodes[it].key, "NextAction")) {
				nx = it;
				if (fl_json_is(d, nx, FL_JSON_STRING))
					act->succ[n++] = fl_flow_find_action(f,
					    d->nodes[nx].str);
				continue;
			}
			if (d->nodes[it].type != FL_JSON_ARRAY)
				continue;
			fl_json_foreach(d, it, br) {
				nx = fl_json_get(d, br, "NextAction");
				if (fl_json_is(d, nx, FL_JSON_STRING))
					act->succ[n++] = fl_flow_find_action(f,
					    d->nodes[nx].str);
			}
		}
		act->nsucc = n;
	}
}

/* The object map's entries, and the flow variables set elsewhere. */
static void
collect_attributes(struct fl_flow *f, struct fl_arena *a)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t i, it;

	fl_strset_init(&f->vars, a, 8);
	for (i = 0; i < f->nactions; i++) {
		const struct fl_action *act = &f->actions[i];
		uint32_t attrs;

		if (!fl_str_eq_cstr(act->type, "UpdateFlowAttributes"))
			continue;
		attrs = fl_flow_get(f, act->params, "FlowAttributes");
		if (!fl_json_is(d, attrs, FL_JSON_OBJECT))
			continue;
		if ((int32_t)i == f->object_map) {
			f->map_attrs = attrs;
			continue;
		}
		fl_json_foreach(d, attrs, it)
			fl_strset_add(&f->vars, a, d->nodes[it].key);
	}
	if (f->object_map != FL_NO_ACTION && f->map_attrs == FL_JSON_NONE) {
		const struct fl_action *map = &f->actions[f->object_map];
		uint32_t attrs = fl_flow_get(f, map->params, "FlowAttributes");

		if (fl_json_is(d, attrs, FL_JSON_OBJECT))
			f->map_attrs = attrs;
	}
	fl_strset_init(&f->map_keys, a, f->map_attrs != FL_JSON_NONE ?
	    d->nodes[f->map_attrs].count : 0);
	if (f->map_attrs != FL_JSON_NONE)
		fl_json_foreach(d, f->map_attrs, it)
			fl_strset_add(&f->map_keys, a, d->nodes[it].key);
}

static void
load_document(struct fl_flow *f, struct fl_load_problems *p,
    struct fl_arena *a)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t start;

	if (!fl_json_is(d, f->root, FL_JSON_OBJECT)) {
		content_problem(f, p, a, f->root,
		    "the flow document is not a JSON object");
		f->doc = NULL;
		return;
	}
	if (fl_json_get(d, f->root, "Version") == FL_JSON_NONE)
		content_problem(f, p, a, f->root,
		    "the flow document has no \"Version\"");
	f->actions_node = fl_json_get(d, f->root, "Actions");
	if (!fl_json_is(d, f->actions_node, FL_JSON_ARRAY)) {
		content_problem(f, p, a, f->actions_node ? f->actions_node :
		    f->root, "the flow document has no \"Actions\" array");
		f->doc = NULL;
		return;
	}
	if (fl_json_get(d, f->root, "Settings") != FL_JSON_NONE)
		f->is_module = true;
	f->metadata_node = fl_json_get(d, f->root, "Metadata");
	if (fl_json_is(d, f->metadata_node, FL_JSON_OBJECT)) {
		uint32_t am = fl_json_get(d, f->metadata_node, "ActionMetadata");

		if (fl_json_is(d, am, FL_JSON_OBJECT))
			f->action_meta_node = am;
	}
	index_actions(f, p, a);
	attach_metadata(f);
	link_actions(f, a);
	collect_attributes(f, a);
	start = fl_json_get(d, f->root, "StartAction");
	f->start_node = start;
	if (fl_json_is(d, start, FL_JSON_STRING))
		f->start = fl_flow_find_action(f, d->nodes[start].str);
}

static void
load_content_string(struct fl_flow *f, struct fl_load_problems *p,
    struct fl_arena *a, uint32_t content)
{
	struct fl_json_error err;
	struct fl_str text;

	fl_json_decode_mapped(&text, &f->map, a, &f->outer, content);
	fl_json_decode_raw(&f->outer, a, content, text);
	f->content_is_string = true;
	if (fl_json_parse(&f->inner, a, text.ptr, text.len, &err) != 0) {
		add_problem(p, a, FL_LOAD_INVALID_CONTENT,
		    fl_json_offmap_raw(&f->map, (uint32_t)err.off), &f->outer,
		    content,
		    fl_arena_printf(a, "\"Content\" is not valid JSON: %s",
		    err.msg));
		f->doc = NULL;
		return;
	}
	f->doc = &f->inner;
	f->root = FL_JSON_ROOT;
}

/* The object holding the wrapper's members: ContactFlow, or the root. */
static uint32_t
wrapper_node(const struct fl_json_doc *d)
{
	uint32_t cf = fl_json_get(d, FL_JSON_ROOT, "ContactFlow");

	return fl_json_is(d, cf, FL_JSON_OBJECT) ? cf : FL_JSON_ROOT;
}

enum fl_flow_shape
fl_flow_shape_of(const struct fl_json_doc *d, uint32_t *content_out)
{
	uint32_t w, content;

	if (content_out != NULL)
		*content_out = FL_JSON_NONE;
	if (!fl_json_is(d, FL_JSON_ROOT, FL_JSON_OBJECT))
		return FL_SHAPE_NOT_FLOW;
	w = wrapper_node(d);
	content = fl_json_get(d, w, "Content");
	if (content != FL_JSON_NONE) {
		if (fl_json_is(d, content, FL_JSON_OBJECT) ?
		    !is_flow_document(d, content) : !wrapper_claims_flow(d, w))
			return FL_SHAPE_NOT_FLOW;
		if (content_out != NULL)
			*content_out = content;
		return FL_SHAPE_WRAPPED;
	}
	if (is_flow_document(d, FL_JSON_ROOT))
		return FL_SHAPE_RAW;
	return is_legacy(d, FL_JSON_ROOT) ? FL_SHAPE_LEGACY : FL_SHAPE_NOT_FLOW;
}

/* Whether `key` occurs between quotes, plain ("key") or escaped (\"key\"). */
static bool
has_quoted(const char *text, size_t len, const char *key)
{
	const char *end = text + len;
	size_t klen = strlen(key), from = 0;
	long at;

	while ((at = fl_str_find(fl_str_make(text + from, len - from),
	    key)) >= 0) {
		const char *p = text + from + at, *after = p + klen;

		if (p > text && p[-1] == '"' && after < end && (*after == '"' ||
		    (*after == '\\' && after + 1 < end && after[1] == '"')))
			return true;
		from += (size_t)at + 1;
	}
	return false;
}

bool
fl_flow_marked(const char *text, size_t len)
{
	return has_quoted(text, len, "StartAction") ||
	    has_quoted(text, len, "ContactFlowType") ||
	    (has_quoted(text, len, "Actions") &&
	    has_quoted(text, len, "Transitions")) ||
	    (has_quoted(text, len, "modules") && has_quoted(text, len, "start"));
}

void
fl_flow_load(struct fl_flow *f, struct fl_load_problems *p,
    struct fl_arena *a, const struct fl_json_doc *outer, struct fl_str stem,
    const struct fl_patterns *pats, struct fl_re_match *m)
{
	const struct fl_json_doc *d = outer;
	uint32_t w, content, type;

	memset(f, 0, sizeof(*f));
	f->outer = *outer;
	f->start = FL_NO_ACTION;
	f->object_map = FL_NO_ACTION;
	f->name = stem;
	json_problems(f, p, a, &f->outer);
	f->shape = fl_flow_shape_of(d, &content);
	/*
	 * A string Content left raw by the caller's parse decodes once,
	 * with its offset map (load_content_string); anything else now.
	 */
	if (!(f->shape == FL_SHAPE_WRAPPED &&
	    fl_json_is(d, content, FL_JSON_STRING)))
		fl_json_decode_raw(&f->outer, a, FL_JSON_NONE,
		    fl_str_make(NULL, 0));
	w = wrapper_node(d);
	f->api_response = w != FL_JSON_ROOT;

	if (f->shape == FL_SHAPE_WRAPPED) {
		f->name_node = fl_json_get(d, w, "Name");
		if (fl_json_is(d, f->name_node, FL_JSON_STRING))
			f->name = d->nodes[f->name_node].str;
		else
			f->name_node = FL_JSON_NONE;
		type = fl_json_get(d, w, "Type");
		if (type == FL_JSON_NONE)
			type = fl_json_get(d, w, "ContactFlowType");
		f->type = fl_json_string(d, type);
		f->is_module = type == FL_JSON_NONE;
		f->doc = &f->outer;
		if (fl_json_is(d, content, FL_JSON_OBJECT)) {
			f->root = content;
		} else if (fl_json_is(d, content, FL_JSON_STRING)) {
			load_content_string(f, p, a, content);
			if (f->doc == NULL)
				return;
			json_problems(f, p, a, &f->inner);
		} else {
			content_problem(f, p, a, content,
			    "\"Content\" is neither a string nor an object");
			f->doc = NULL;
			return;
		}
	} else if (f->shape == FL_SHAPE_RAW) {
		f->doc = &f->outer;
		f->root = FL_JSON_ROOT;
	} else if (f->shape == FL_SHAPE_LEGACY) {
		/* No flow language: only its strings are scanned. */
		f->doc = &f->outer;
		f->root = FL_JSON_ROOT;
		fl_flow_scan_refs(f, a, pats, m);
		return;
	} else {
		return;
	}
	load_document(f, p, a);
	if (f->doc != NULL)
		fl_flow_scan_refs(f, a, pats, m);
}
