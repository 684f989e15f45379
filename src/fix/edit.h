/*
 * Text edits: byte ranges of an original text and what replaces them.
 * A fix is a list of these, applied to the original bytes in one go, so
 * that everything outside the ranges stays byte-for-byte identical.
 */
#ifndef FL_FIX_EDIT_H
#define FL_FIX_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/str.h"

struct fl_buf;

struct fl_edit {
	uint32_t start, end;	/* the replaced bytes: [start, end) */
	struct fl_str text;	/* borrowed: the replacement */
	uint32_t seq;		/* order of addition, for a stable sort */
};

struct fl_edits {
	struct fl_edit *v;	/* owned */
	size_t n, alloc;
};

/* Adds an edit; `text` must outlive the list. */
void fl_edits_add(struct fl_edits *e, uint32_t start, uint32_t end,
    struct fl_str text);

/*
 * Whether [start, end) would conflict with an edit already in the list:
 * the ranges share a byte, or both begin at the same offset (two
 * insertions there, or an insertion at a replacement's start, have no
 * single meaning).
 */
bool fl_edits_conflict(const struct fl_edits *e, uint32_t start, uint32_t end);

/*
 * Appends to `out` the `len` bytes of `text` with every edit applied.
 * The edits are sorted by position.  Returns 0, or FL_EINVAL (message
 * set) when two edits conflict or one lies outside the text; `out` is
 * then unspecified.
 */
int fl_edits_apply(struct fl_buf *out, const char *text, size_t len,
    struct fl_edits *e);

void fl_edits_reset(struct fl_edits *e);
void fl_edits_release(struct fl_edits *e);

#endif
