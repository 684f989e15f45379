/*
 * The canonical layout of a flow file, as `flowlint format` writes it
 * (printer.c says what the layout is and why).
 */
#ifndef FL_FORMAT_FORMAT_H
#define FL_FORMAT_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "flow/flow.h"
#include "util/buf.h"

struct fl_arena;

/* What fl_format learnt about the text, and why it refused it. */
struct fl_format_info {
	bool json;			/* the text parsed as JSON */
	enum fl_flow_shape shape;	/* when `json`: the file's shape */
	bool content_compacted;		/* Content made compact */
	size_t err_off;			/* on failure: byte offset in the
					   text of the problem */
	char err_msg[160];		/* on failure: the reason */
};

/*
 * Sets `out` (replacing its contents) to the canonical form of the `len`
 * bytes of `text`.  The parse lives in `arena`, which the caller
 * releases.  Returns 0, or -1 with `out` empty and info->err_off and
 * info->err_msg set when the text cannot be formatted without losing
 * something: it is not valid JSON, has a duplicate key (also inside a
 * string Content that is reprinted), or would format to more than
 * FL_FS_MAX_FILE bytes (the largest file flowlint reads, so that what
 * it writes can always be read back).  info->json and info->shape are
 * set whenever the text parsed, also on a refusal.
 */
int fl_format(struct fl_buf *out, struct fl_format_info *info,
    struct fl_arena *arena, const char *text, size_t len);

/* What the format stage of a run (lint/run.h) made of a file. */
struct fl_format_outcome {
	int err;			/* fl_format's return */
	struct fl_format_info info;
	struct fl_buf text;		/* owned: the canonical form (err 0) */
};

#endif
