/*
 * A flow's properties and blocks for review; see blocks.h.
 */
#include "review/blocks.h"

#include <stdlib.h>
#include <string.h>

#include "flow/load.h"
#include "review/names.h"
#include "util/arena.h"
#include "util/buf.h"

/* `prefix` followed by member key `key`, without a leading '.'. */
static const char *
member_path(struct fl_arena *a, const char *prefix, struct fl_str key)
{
	struct fl_buf b = FL_BUF_INIT;
	const char *p;

	fl_buf_adds(&b, prefix);
	fl_review_path_key(&b, key);
	p = b.ptr[0] == '.' ? fl_arena_strdup(a, b.ptr + 1) :
	    fl_arena_strndup(a, b.ptr, b.len);
	fl_buf_release(&b);
	return p;
}

/* Flattens the members of object `obj` but those named in `skip`. */
static void
members(struct fl_review_leaves *out, struct fl_arena *a,
    const struct fl_json_doc *d, uint32_t obj, const char *prefix,
    const char *const *skip)
{
	uint32_t it;

	fl_json_foreach(d, obj, it) {
		const char *const *s;

		if (d->nodes[obj].type != FL_JSON_OBJECT)
			break;
		for (s = skip; *s != NULL; s++)
			if (fl_str_eq_cstr(d->nodes[it].key, *s))
				break;
		if (*s == NULL)
			fl_review_flatten(out, a, d, it, member_path(a, prefix,
			    d->nodes[it].key));
	}
}

/* "x=1 y=2" for a designer position, else its compact JSON. */
static const char *
position(struct fl_arena *a, const struct fl_json_doc *d, uint32_t pos)
{
	uint32_t x = fl_json_get(d, pos, "x"), y = fl_json_get(d, pos, "y");

	if (pos == FL_JSON_NONE)
		return NULL;
	if (fl_json_is(d, x, FL_JSON_NUMBER) && fl_json_is(d, y, FL_JSON_NUMBER)
	    && d->nodes[pos].count == 2)
		return fl_arena_printf(a, "x=%.*s y=%.*s",
		    FL_STR_ARGS(d->nodes[x].str), FL_STR_ARGS(d->nodes[y].str));
	return fl_review_compact(a, d, pos);
}

static void
wrapper_props(struct fl_review_flow *rf, struct fl_arena *a)
{
	static const char *const skip[] = { "Content", NULL };
	const struct fl_flow *f = rf->flow;
	uint32_t content;

	if (fl_flow_shape_of(&f->outer, &content) != FL_SHAPE_WRAPPED ||
	    content == FL_JSON_NONE)
		return;
	members(&rf->props, a, &f->outer, f->outer.nodes[content].parent, "",
	    skip);
}

static void
document_props(struct fl_review_flow *rf, struct fl_arena *a)
{
	static const char *const root_skip[] = { "Actions", "Metadata", NULL };
	static const char *const meta_skip[] = { "ActionMetadata",
	    "entryPointPosition", NULL };
	const struct fl_flow *f = rf->flow;
	const struct fl_json_doc *d = f->doc;
	uint32_t it;

	members(&rf->props, a, d, f->root, "", root_skip);
	members(&rf->props, a, d, f->metadata_node, "Metadata", meta_skip);
	rf->entry_position = position(a, d,
	    fl_flow_get(f, f->metadata_node, "entryPointPosition"));
	/* Metadata of no action: FL305 reports it; show it with the flow. */
	fl_json_foreach(d, f->action_meta_node, it) {
		if (d->nodes[f->action_meta_node].type != FL_JSON_OBJECT)
			break;
		if (fl_flow_find_action(f, d->nodes[it].key) == FL_NO_ACTION)
			fl_review_flatten(&rf->props, a, d, it, member_path(a,
			    "Metadata.ActionMetadata", d->nodes[it].key));
	}
}

static void
valid_block(struct fl_review_block *b, struct fl_arena *a,
    const struct fl_review_flow *rf, int32_t k)
{
	static const char *const skip[] = { "Identifier", "Type",
	    "Transitions", NULL };
	static const char *const trans_skip[] = { "NextAction", "Conditions",
	    "Errors", NULL };
	static const char *const meta_skip[] = { "position", NULL };
	const struct fl_flow *f = rf->flow;
	const struct fl_action *act = &f->actions[k];
	uint32_t i;

	b->id = act->id;
	b->type = act->type;
	b->action = k;
	members(&b->logic, a, f->doc, act->node, "", skip);
	members(&b->logic, a, f->doc, act->transitions, "Transitions",
	    trans_skip);
	for (i = 0; i < b->logic.n; i++)
		b->logic.v[i].name = fl_review_ref_name(f, rf->inv,
		    b->logic.v[i].node, a);
	fl_review_edges(&b->edges, a, f, act->transitions);
	members(&b->meta, a, f->doc, act->meta, "metadata", meta_skip);
	b->position = position(a, f->doc, fl_flow_get(f, act->meta,
	    "position"));
}

static int
cmp_block(const void *x, const void *y)
{
	const struct fl_review_block *a = x, *b = y;
	size_t n = a->id.len < b->id.len ? a->id.len : b->id.len;
	int c;

	/* Invalid elements go last, in document order ("Actions[N]"). */
	if ((a->action == FL_NO_ACTION) != (b->action == FL_NO_ACTION))
		return a->action == FL_NO_ACTION ? 1 : -1;
	if (a->action == FL_NO_ACTION)
		return a->index < b->index ? -1 : a->index > b->index;
	c = n == 0 ? 0 : memcmp(a->id.ptr, b->id.ptr, n);
	if (c != 0)
		return c;
	if (a->id.len != b->id.len)
		return a->id.len < b->id.len ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

void
fl_review_blocks(struct fl_review_flow *out, struct fl_arena *a,
    const struct fl_flow *f, const struct fl_inventory *inv)
{
	const struct fl_json_doc *d = f->doc;
	uint32_t it, index = 0, k = 0;

	memset(out, 0, sizeof(*out));
	out->flow = f;
	out->inv = inv;
	wrapper_props(out, a);
	document_props(out, a);
	if (!fl_json_is(d, f->actions_node, FL_JSON_ARRAY))
		return;
	out->blocks = fl_arena_array(a, d->nodes[f->actions_node].count,
	    sizeof(*out->blocks));
	fl_json_foreach(d, f->actions_node, it) {
		struct fl_review_block *b = &out->blocks[out->nblocks++];

		b->index = index;
		if (k < f->nactions && f->actions[k].node == it) {
			valid_block(b, a, out, (int32_t)k++);
		} else {
			const char *id = fl_arena_printf(a, "Actions[%u]",
			    index);

			b->id = fl_str_cstr(id);
			b->action = FL_NO_ACTION;
			fl_review_flatten(&b->logic, a, d, it, "value");
		}
		index++;
	}
	qsort(out->blocks, out->nblocks, sizeof(*out->blocks), cmp_block);
}

const struct fl_review_block *
fl_review_find_block(const struct fl_review_flow *rf, struct fl_str id)
{
	int32_t k = fl_flow_find_action(rf->flow, id);
	uint32_t lo = 0, hi = rf->nblocks;

	if (k == FL_NO_ACTION)
		return NULL;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (rf->blocks[mid].action == k)
			return &rf->blocks[mid];
		if (cmp_block(&rf->blocks[mid], &(struct fl_review_block){
		    .id = id, .action = k,
		    .index = rf->flow->actions[k].index }) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The parameters that name what a block does, most telling first. */
static const char *const key_params[] = {
	"Text", "SSML", "PromptId", "QueueId", "LambdaFunctionARN",
	"ContactFlowId", "FlowModuleId", "HoursOfOperationId", "AgentId",
	"LexV2Bot", "ThirdPartyPhoneNumber", "ComparisonValue", NULL,
};

/* The tail of an ARN (the resource's name or id), else `s` itself. */
static struct fl_str
arn_tail(struct fl_str s)
{
	size_t i;

	if (!fl_str_has_prefix(s, "arn:"))
		return s;
	for (i = s.len; i > 0; i--)
		if (s.ptr[i - 1] == '/' || s.ptr[i - 1] == ':')
			return fl_str_make(s.ptr + i, s.len - i);
	return s;
}

/* A non-empty string parameter as a label shows it: the resource it
   refers to by name, else the tail of an ARN, else itself; or NULL. */
static const char *
shown(const struct fl_review_flow *rf, uint32_t node, struct fl_arena *a)
{
	const struct fl_json_doc *d = rf->flow->doc;
	struct fl_str s = fl_json_string(d, node), tail;
	const char *name;

	if (s.len == 0)		/* not a string, or empty */
		return NULL;
	name = fl_review_ref_name(rf->flow, rf->inv, node, a);
	tail = arn_tail(s);
	return name != NULL ? name : fl_arena_strndup(a, tail.ptr, tail.len);
}

const char *
fl_review_key_param(const struct fl_review_flow *rf,
    const struct fl_review_block *b, struct fl_arena *a)
{
	const struct fl_flow *f = rf->flow;
	const struct fl_json_doc *d = f->doc;
	const char *const *k;
	uint32_t params, it, text;

	if (b->action == FL_NO_ACTION)
		return NULL;
	params = f->actions[b->action].params;
	for (k = key_params; *k != NULL; k++) {
		const char *v = shown(rf, fl_flow_get(f, params, *k), a);

		if (v != NULL)
			return v;
	}
	/* MessageParticipantIteratively: the first message's text. */
	text = fl_flow_get(f, fl_json_first(d, fl_flow_get(f, params,
	    "Messages")), "Text");
	if (fl_json_is(d, text, FL_JSON_STRING))
		return fl_arena_strndup(a, d->nodes[text].str.ptr,
		    d->nodes[text].str.len);
	fl_json_foreach(d, params, it) {
		const char *v = shown(rf, it, a);

		if (v != NULL)
			return fl_arena_printf(a, "%.*s: %s",
			    FL_STR_ARGS(d->nodes[it].key), v);
	}
	return NULL;
}
