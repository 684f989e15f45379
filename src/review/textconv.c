/*
 * The textconv rendering; see textconv.h.
 */
#include "review/textconv.h"

#include "review/blocks.h"
#include "util/buf.h"

static void
leaves(struct fl_buf *out, const char *indent,
    const struct fl_review_leaves *l)
{
	uint32_t i;

	for (i = 0; i < l->n; i++)
		fl_buf_addf(out, "%s%s = %s\n", indent, l->v[i].path,
		    l->v[i].value);
}

static void
block(struct fl_buf *out, const struct fl_review_block *b)
{
	uint32_t i;

	fl_buf_adds(out, "\naction ");
	if (b->action == FL_NO_ACTION) {
		/* "Actions[N]", ours: no Identifier to quote. */
		fl_buf_addstr(out, b->id);
		fl_buf_adds(out, ": (not a valid action)\n");
	} else {
		fl_review_add_name(out, b->id);
		fl_buf_adds(out, ": ");
		fl_review_add_name(out, b->type);
		fl_buf_addch(out, '\n');
	}
	leaves(out, "  ", &b->logic);
	for (i = 0; i < b->edges.n; i++) {
		fl_buf_addf(out, "  %s -> ", b->edges.v[i].label);
		fl_review_add_name(out, b->edges.v[i].target);
		fl_buf_addch(out, '\n');
	}
	leaves(out, "  ", &b->meta);
}

void
fl_review_textconv(struct fl_buf *out, const struct fl_review_flow *rf)
{
	uint32_t i;

	leaves(out, "", &rf->props);
	for (i = 0; i < rf->nblocks; i++)
		block(out, &rf->blocks[i]);
	fl_buf_addch(out, '\n');
	if (rf->entry_position != NULL)
		fl_buf_addf(out, "layout entry point %s\n", rf->entry_position);
	for (i = 0; i < rf->nblocks; i++) {
		const struct fl_review_block *b = &rf->blocks[i];

		if (b->position == NULL)
			continue;
		fl_buf_adds(out, "layout ");
		fl_review_add_name(out, b->id);
		fl_buf_addf(out, " %s\n", b->position);
	}
}
