/*
 * The FLOW_OBJECT_MAPS# block: its entries for FL101's conversions and
 * its insertion (FL201).
 *
 * A new block is an UpdateFlowAttributes action that becomes the
 * StartAction and continues to the old start (its error branch too), so
 * it runs before every use; its console metadata sits near the entry
 * point, clear of the other blocks.  It is appended to Actions: the
 * order of actions means nothing to Connect.
 */
#include "fix/pass.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "flow/flow.h"
#include "util/arena.h"
#include "util/buf.h"

static struct fl_fix_entry *
pending(const struct fl_fix_pass *p, struct fl_str key)
{
	struct fl_fix_entry *e;

	for (e = p->entries; e != NULL; e = e->next)
		if (fl_str_eq(e->key, key))
			return e;
	return NULL;
}

bool
fl_fix_map_can_hold(struct fl_fix_pass *p, int32_t act, struct fl_str key,
    struct fl_str value, uint32_t *held)
{
	const struct fl_flow *f = p->f;
	const struct fl_fix_entry *e = pending(p, key);
	uint32_t entry, v;
	uint8_t *bypass;

	*held = FL_JSON_NONE;
	if (e != NULL)
		return fl_str_eq(e->value, value);
	if (f->object_map == FL_NO_ACTION)
		return f->start != FL_NO_ACTION;	/* inserted at the start */
	if (f->map_attrs == FL_JSON_NONE)
		return false;
	/* The map must run before the action on every path (FL202). */
	bypass = fl_flow_reach(f, p->a, f->object_map);
	if (bypass == NULL || bypass[act])
		return false;
	entry = fl_json_get_str(p->d, f->map_attrs, key);
	if (entry == FL_JSON_NONE)
		return true;
	v = fl_flow_get(f, entry, "Value");
	if (fl_str_eq(fl_json_string(p->d, v), value))
		return true;
	if (fl_json_is(p->d, v, FL_JSON_STRING))
		*held = v;
	return false;
}

void
fl_fix_map_put(struct fl_fix_pass *p, struct fl_str key, struct fl_str value)
{
	const struct fl_flow *f = p->f;
	struct fl_fix_entry *e, **tail;

	fl_strset_add(&p->referenced, p->a, fl_arena_str(p->a, key));
	if (pending(p, key) != NULL || (f->map_attrs != FL_JSON_NONE &&
	    fl_json_get_str(p->d, f->map_attrs, key) != FL_JSON_NONE))
		return;
	e = fl_arena_alloc(p->a, sizeof(*e));
	e->key = fl_arena_str(p->a, key);
	e->value = fl_arena_str(p->a, value);
	for (tail = &p->entries; *tail != NULL; tail = &(*tail)->next)
		;
	*tail = e;
}

void
fl_fix_map_create(struct fl_fix_pass *p)
{
	p->create_map = true;
}

static bool
inserts_map(const struct fl_fix_pass *p)
{
	return p->f->object_map == FL_NO_ACTION &&
	    (p->create_map || p->entries != NULL);
}

bool
fl_fix_map_keeps_meta(const struct fl_fix_pass *p, struct fl_str key)
{
	/* Left by a deleted block: it serves the new one. */
	return inserts_map(p) && fl_str_eq_cstr(key, FL_OBJECT_MAP_ID);
}

/* A coordinate; 0 when absent, and kept within the console's reach. */
static double
number(const struct fl_json_doc *d, uint32_t n)
{
	double v;

	if (!fl_json_is(d, n, FL_JSON_NUMBER))
		return 0;
	v = strtod(d->nodes[n].str.ptr, NULL);
	return isfinite(v) ? fmax(-1e6, fmin(1e6, v)) : 0;
}

/* One decimal, as the console writes positions, without a trailing .0. */
static void
add_coord(struct fl_buf *out, double v)
{
	long tenths = lround(v * 10);

	if (tenths % 10 == 0)
		fl_buf_addf(out, "%ld", tenths / 10);
	else
		fl_buf_addf(out, "%s%ld.%ld", tenths < 0 ? "-" : "",
		    labs(tenths) / 10, labs(tenths) % 10);
}

/*
 * The new block's console position: below the entry point, moved down
 * past any block already there (blocks are about 200 by 150 pixels).
 */
static void
add_position(struct fl_fix_pass *p, struct fl_buf *out)
{
	const struct fl_flow *f = p->f;
	const struct fl_json_doc *d = p->d;
	uint32_t ep = fl_flow_get(f, f->metadata_node, "entryPointPosition");
	double x = number(d, fl_flow_get(f, ep, "x"));
	double y = number(d, fl_flow_get(f, ep, "y")) + 160;
	int tries;

	for (tries = 0; tries < 100; tries++) {
		uint32_t it;
		bool clear = true;

		if (f->action_meta_node != FL_JSON_NONE)
			fl_json_foreach(d, f->action_meta_node, it) {
				uint32_t pos = fl_flow_get(f, it, "position");
				double bx = number(d, fl_flow_get(f, pos, "x"));
				double by = number(d, fl_flow_get(f, pos, "y"));

				if (pos != FL_JSON_NONE && fabs(bx - x) < 220 &&
				    fabs(by - y) < 160)
					clear = false;
			}
		if (clear)
			break;
		y += 160;
	}
	fl_buf_adds(out, "{\"position\":{\"x\":");
	add_coord(out, x);
	fl_buf_adds(out, ",\"y\":");
	add_coord(out, y);
	fl_buf_adds(out, "},\"isFriendlyName\":true}");
}

static void
add_entries(struct fl_buf *out, const struct fl_fix_entry *e)
{
	for (; e != NULL; e = e->next) {
		fl_buf_add_json_string(out, e->key);
		fl_buf_adds(out, ":{\"Value\":");
		fl_buf_add_json_string(out, e->value);
		fl_buf_addch(out, '}');
		if (e->next != NULL)
			fl_buf_addch(out, ',');
	}
}

static void
insert_map(struct fl_fix_pass *p)
{
	const struct fl_flow *f = p->f;
	struct fl_str start = f->actions[f->start].id;
	struct fl_buf b = FL_BUF_INIT;

	fl_buf_adds(&b, "{\"Parameters\":{\"FlowAttributes\":{");
	add_entries(&b, p->entries);
	fl_buf_adds(&b, "}},\"Identifier\":\"" FL_OBJECT_MAP_ID "\","
	    "\"Type\":\"UpdateFlowAttributes\",\"Transitions\":{"
	    "\"NextAction\":");
	fl_buf_add_json_string(&b, start);
	fl_buf_adds(&b, ",\"Errors\":[{\"NextAction\":");
	fl_buf_add_json_string(&b, start);
	fl_buf_adds(&b, ",\"ErrorType\":\"NoMatchingError\"}]}}");
	fl_fix_add_element(p, f->actions_node, fl_buf_str(&b));
	fl_fix_replace(p, f->start_node, FL_STR_LIT("\"" FL_OBJECT_MAP_ID "\""));

	/* Console metadata, where the flow has any. */
	fl_buf_reset(&b);
	if (f->action_meta_node != FL_JSON_NONE) {
		struct fl_str id = FL_STR_LIT(FL_OBJECT_MAP_ID);

		/* An entry left by a deleted block serves the new one. */
		if (fl_json_get_str(p->d, f->action_meta_node, id) ==
		    FL_JSON_NONE) {
			add_position(p, &b);
			fl_fix_add_member(p, f->action_meta_node, id,
			    fl_buf_str(&b));
		}
	} else if (fl_json_is(p->d, f->metadata_node, FL_JSON_OBJECT) &&
	    fl_flow_get(f, f->metadata_node, "ActionMetadata") == FL_JSON_NONE) {
		fl_buf_adds(&b, "{\"" FL_OBJECT_MAP_ID "\":");
		add_position(p, &b);
		fl_buf_addch(&b, '}');
		fl_fix_add_member(p, f->metadata_node,
		    FL_STR_LIT("ActionMetadata"), fl_buf_str(&b));
	}
	fl_buf_release(&b);
}

void
fl_fix_map_finish(struct fl_fix_pass *p)
{
	const struct fl_flow *f = p->f;
	const struct fl_fix_entry *e;
	struct fl_buf b = FL_BUF_INIT;

	if (f->object_map == FL_NO_ACTION) {
		if (inserts_map(p))
			insert_map(p);
		return;
	}
	for (e = p->entries; e != NULL; e = e->next) {
		fl_buf_reset(&b);
		fl_buf_adds(&b, "{\"Value\":");
		fl_buf_add_json_string(&b, e->value);
		fl_buf_addch(&b, '}');
		fl_fix_add_member(p, f->map_attrs, e->key, fl_buf_str(&b));
	}
	fl_buf_release(&b);
}
