/*
 * Writing a block diff as text, Markdown or JSON; see blockdiff.h.
 */
#include <string.h>

#include "review/blockdiff.h"
#include "util/buf.h"

/* Text and Markdown show at most this many bytes of a value. */
#define SHOWN_MAX 160

static const char *const kind_names[] = {
	[FL_CHANGE_START] = "start-moved",
	[FL_CHANGE_PROPERTY] = "property-changed",
	[FL_CHANGE_BLOCK_ADDED] = "block-added",
	[FL_CHANGE_BLOCK_REMOVED] = "block-removed",
	[FL_CHANGE_TYPE] = "type-changed",
	[FL_CHANGE_PARAM] = "parameter-changed",
	[FL_CHANGE_TRANSITION] = "transition-changed",
	[FL_CHANGE_METADATA] = "metadata-changed",
	[FL_CHANGE_FINDING_NEW] = "finding-introduced",
	[FL_CHANGE_FINDING_GONE] = "finding-resolved",
};

/* Whether the change's old and new are JSON values (else plain text). */
static bool
values_are_json(enum fl_change_kind k)
{
	return k == FL_CHANGE_START || k == FL_CHANGE_PROPERTY ||
	    k == FL_CHANGE_PARAM || k == FL_CHANGE_METADATA;
}

/* Appends `s`, cut to SHOWN_MAX bytes on a character boundary. */
static void
add_shown(struct fl_buf *out, const char *s)
{
	size_t len = strlen(s), cut;

	if (len <= SHOWN_MAX) {
		fl_buf_add(out, s, len);
		return;
	}
	cut = SHOWN_MAX;
	while (cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80)
		cut--;
	fl_buf_add(out, s, cut);
	fl_buf_adds(out, "…");
}

/* A value as it is shown: bare in text, a code span in Markdown. */
static void
add_value(struct fl_buf *out, const char *s, bool md)
{
	size_t run = 0, longest = 0, i;
	struct fl_buf shown = FL_BUF_INIT;

	if (!md) {
		add_shown(out, s);
		return;
	}
	add_shown(&shown, s);
	for (i = 0; i < shown.len; i++) {
		run = shown.ptr[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	/* A fence longer than any run of backticks inside; spaces keep a
	   backtick at either end from joining the fence. */
	for (i = 0; i <= longest; i++)
		fl_buf_addch(out, '`');
	if (longest > 0)
		fl_buf_addch(out, ' ');
	fl_buf_addstr(out, fl_buf_str(&shown));
	if (longest > 0)
		fl_buf_addch(out, ' ');
	for (i = 0; i <= longest; i++)
		fl_buf_addch(out, '`');
	fl_buf_release(&shown);
}

static void
add_block(struct fl_buf *out, const struct fl_change *c, bool md)
{
	add_value(out, c->block, md);
	if (c->block_type != NULL && c->block_type[0] != '\0')
		fl_buf_addf(out, " (%s)", c->block_type);
}

/* A value, followed by the resource it names when that is known. */
static void
add_side(struct fl_buf *out, const char *value, const char *name, bool md)
{
	add_value(out, value, md);
	if (name != NULL)
		fl_buf_addf(out, " (%s)", name);
}

/* "OLD -> NEW", "added: NEW" or "removed: OLD". */
static void
add_old_new(struct fl_buf *out, const struct fl_change *c, bool md)
{
	if (c->old == NULL) {
		fl_buf_adds(out, " added: ");
		add_side(out, c->new, c->new_name, md);
	} else if (c->new == NULL) {
		fl_buf_adds(out, " removed: ");
		add_side(out, c->old, c->old_name, md);
	} else {
		fl_buf_adds(out, ": ");
		add_side(out, c->old, c->old_name, md);
		fl_buf_adds(out, md ? " → " : " -> ");
		add_side(out, c->new, c->new_name, md);
	}
}

/* One change as a line of text, or the body of a Markdown list item. */
static void
describe(struct fl_buf *out, const struct fl_change *c, bool md)
{
	switch (c->kind) {
	case FL_CHANGE_START:
		fl_buf_adds(out, "start moved");
		add_old_new(out, c, md);
		break;
	case FL_CHANGE_PROPERTY:
		fl_buf_adds(out, "flow ");
		add_value(out, c->what, md);
		add_old_new(out, c, md);
		break;
	case FL_CHANGE_BLOCK_ADDED:
	case FL_CHANGE_BLOCK_REMOVED:
		fl_buf_addf(out, "block %s: ", c->kind == FL_CHANGE_BLOCK_ADDED ?
		    "added" : "removed");
		add_block(out, c, md);
		if (c->new != NULL) {
			fl_buf_adds(out, ": ");
			add_value(out, c->new, md);
		}
		break;
	case FL_CHANGE_TYPE:
		add_block(out, c, md);
		fl_buf_adds(out, ": type");
		add_old_new(out, c, md);
		break;
	case FL_CHANGE_PARAM:
	case FL_CHANGE_METADATA:
		add_block(out, c, md);
		fl_buf_adds(out, c->kind == FL_CHANGE_METADATA ?
		    ": designer " : ": ");
		add_value(out, c->what, md);
		add_old_new(out, c, md);
		break;
	case FL_CHANGE_TRANSITION:
		add_block(out, c, md);
		fl_buf_adds(out, ": transition ");
		add_value(out, c->what, md);
		add_old_new(out, c, md);
		break;
	case FL_CHANGE_FINDING_NEW:
	case FL_CHANGE_FINDING_GONE:
		fl_buf_addf(out, "finding %s: %s", c->kind ==
		    FL_CHANGE_FINDING_NEW ? "introduced" : "resolved", c->what);
		if (c->block != NULL || c->pointer != NULL)
			fl_buf_adds(out, " at");
		/* The place tells two findings of one rule in a block apart
		   (an ARN in its parameters and in its metadata). */
		if (c->block != NULL) {
			fl_buf_addch(out, ' ');
			add_value(out, c->block, md);
		}
		if (c->pointer != NULL) {
			fl_buf_addch(out, ' ');
			add_value(out, c->pointer, md);
		}
		fl_buf_adds(out, ": ");
		add_shown(out, c->new != NULL ? c->new : c->old);
		break;
	}
}

static void
layout_summary(struct fl_buf *out, const struct fl_blockdiff *d)
{
	fl_buf_adds(out, "layout only: ");
	if (d->moved > 0)
		fl_buf_addf(out, "%u block%s moved", d->moved,
		    d->moved == 1 ? "" : "s");
	if (d->entry_moved)
		fl_buf_addf(out, "%sentry point moved", d->moved > 0 ?
		    ", " : "");
}

static void
write_lines(struct fl_buf *out, const struct fl_blockdiff *d,
    const char *old_name, const char *new_name, bool md)
{
	uint32_t i;

	if (md) {
		fl_buf_adds(out, "#### ");
		add_value(out, old_name, true);
		if (strcmp(old_name, new_name) != 0) {
			fl_buf_adds(out, " → ");
			add_value(out, new_name, true);
		}
		fl_buf_adds(out, "\n\n");
	} else {
		fl_buf_addf(out, "--- %s\n+++ %s\n", old_name, new_name);
	}
	if (fl_blockdiff_same(d))
		fl_buf_adds(out, md ? "No change.\n" : "no change\n");
	for (i = 0; i < d->n; i++) {
		if (md)
			fl_buf_adds(out, "- ");
		describe(out, &d->v[i], md);
		fl_buf_addch(out, '\n');
	}
	if (d->moved > 0 || d->entry_moved) {
		if (md)
			fl_buf_adds(out, "- ");
		layout_summary(out, d);
		fl_buf_addch(out, '\n');
	}
}

static void
json_member(struct fl_buf *out, const char *key, const char *value, bool raw)
{
	if (value == NULL)
		return;
	fl_buf_addf(out, ",\"%s\":", key);
	if (raw)
		fl_buf_adds(out, value);
	else
		fl_buf_add_json_string(out, fl_str_cstr(value));
}

static void
write_json(struct fl_buf *out, const struct fl_blockdiff *d,
    const char *old_name, const char *new_name)
{
	uint32_t i;

	fl_buf_adds(out, "{\"old\":");
	fl_buf_add_json_string(out, fl_str_cstr(old_name));
	fl_buf_adds(out, ",\"new\":");
	fl_buf_add_json_string(out, fl_str_cstr(new_name));
	fl_buf_addf(out, ",\"same\":%s,\"changes\":[",
	    fl_blockdiff_same(d) ? "true" : "false");
	for (i = 0; i < d->n; i++) {
		const struct fl_change *c = &d->v[i];
		bool raw = values_are_json(c->kind);

		fl_buf_addf(out, "%s{\"kind\":\"%s\"", i > 0 ? "," : "",
		    kind_names[c->kind]);
		json_member(out, "block", c->block, false);
		json_member(out, "type", c->block_type, false);
		json_member(out, c->kind == FL_CHANGE_TRANSITION ? "transition"
		    : c->kind >= FL_CHANGE_FINDING_NEW ? "rule" : "path",
		    c->what, false);
		json_member(out, "old", c->old, raw);
		json_member(out, "new", c->new, raw);
		json_member(out, "old_name", c->old_name, false);
		json_member(out, "new_name", c->new_name, false);
		json_member(out, "pointer", c->pointer, false);
		fl_buf_addch(out, '}');
	}
	fl_buf_addf(out, "],\"layout\":{\"moved\":%u,\"entry_point_moved\":%s}}\n",
	    d->moved, d->entry_moved ? "true" : "false");
}

void
fl_blockdiff_write(struct fl_buf *out, const struct fl_blockdiff *d,
    const char *old_name, const char *new_name,
    enum fl_blockdiff_format fmt)
{
	if (fmt == FL_BLOCKDIFF_JSON)
		write_json(out, d, old_name, new_name);
	else
		write_lines(out, d, old_name, new_name,
		    fmt == FL_BLOCKDIFF_MARKDOWN);
}
