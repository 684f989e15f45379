/*
 * Queries on the flow model: Identifier lookup, file positions,
 * reachability.
 */
#include "flow/flow.h"

#include <string.h>

#include "util/arena.h"

int32_t
fl_flow_find_action(const struct fl_flow *f, struct fl_str id)
{
	uint32_t h;

	if (f->id_table == NULL)
		return FL_NO_ACTION;
	h = fl_str_hash(id) & f->id_mask;
	while (f->id_table[h] != FL_NO_ACTION) {
		int32_t i = f->id_table[h];

		if (fl_str_eq(f->actions[i].id, id))
			return i;
		h = (h + 1) & f->id_mask;
	}
	return FL_NO_ACTION;
}

uint32_t
fl_flow_file_off(const struct fl_flow *f, const struct fl_json_doc *d,
    uint32_t i, bool key)
{
	const struct fl_json_node *n = &d->nodes[i];
	uint32_t off = key && n->key.ptr != NULL ? n->key_off : n->off;

	if (d == &f->inner)
		return fl_json_offmap_raw(&f->map, off);
	return off;
}

uint8_t *
fl_flow_reach(const struct fl_flow *f, struct fl_arena *a, int32_t avoid)
{
	uint8_t *seen;
	int32_t *stack;
	uint32_t sp = 0, k;

	if (f->start == FL_NO_ACTION)
		return NULL;
	seen = fl_arena_alloc(a, f->nactions + 1);
	if (f->start == avoid)
		return seen;
	stack = fl_arena_array(a, f->nactions + 1, sizeof(*stack));
	seen[f->start] = 1;
	stack[sp++] = f->start;
	while (sp > 0) {
		const struct fl_action *act = &f->actions[stack[--sp]];

		for (k = 0; k < act->nsucc; k++) {
			int32_t s = act->succ[k];

			if (s == FL_NO_ACTION || s == avoid || seen[s])
				continue;
			seen[s] = 1;
			stack[sp++] = s;
		}
	}
	return seen;
}

bool
fl_flow_is_dynamic(struct fl_str s)
{
	return s.len > 2 && s.ptr[0] == '$' && s.ptr[1] == '.';
}
