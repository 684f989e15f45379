/*
 * Open-addressing string set; see strset.h.
 */
#include "util/strset.h"

#include "util/arena.h"

void
fl_strset_init(struct fl_strset *s, struct fl_arena *a, uint32_t expected)
{
	uint32_t size = 16;

	while (size < 2 * expected)
		size *= 2;
	s->slots = fl_arena_array(a, size, sizeof(*s->slots));
	s->mask = size - 1;
	s->count = 0;
}

static void
insert(struct fl_strset *s, struct fl_str str)
{
	uint32_t h = fl_str_hash(str) & s->mask;

	while (s->slots[h].ptr != NULL)
		h = (h + 1) & s->mask;
	s->slots[h] = str.ptr ? str : fl_str_make("", 0);
	s->count++;
}

bool
fl_strset_add(struct fl_strset *s, struct fl_arena *a, struct fl_str str)
{
	if (fl_strset_has(s, str))
		return false;
	if (2 * (s->count + 1) > s->mask + 1) {
		struct fl_str *old = s->slots;
		uint32_t i, n = s->mask + 1;

		s->slots = fl_arena_array(a, 2 * n, sizeof(*s->slots));
		s->mask = 2 * n - 1;
		s->count = 0;
		for (i = 0; i < n; i++)
			if (old[i].ptr != NULL)
				insert(s, old[i]);
	}
	insert(s, str);
	return true;
}

bool
fl_strset_has(const struct fl_strset *s, struct fl_str str)
{
	uint32_t h = fl_str_hash(str) & s->mask;

	while (s->slots[h].ptr != NULL) {
		if (fl_str_eq(s->slots[h], str))
			return true;
		h = (h + 1) & s->mask;
	}
	return false;
}
