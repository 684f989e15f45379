/*
 * A flow as lines for a line-based diff (git's textconv): the flow's
 * properties as "path = value" lines, then one block per action, sorted
 * by Identifier, with its parameters, its transitions ("next -> ID")
 * and its designer metadata, and last the designer positions, one
 * "layout" line per block, so that moving a block in the designer
 * changes one layout line and nothing else.
 *
 * Every action block starts with a line "action ID: TYPE"; git's
 * diff.<driver>.xfuncname set to "^action .*" puts it in hunk headers.
 */
#ifndef FL_REVIEW_TEXTCONV_H
#define FL_REVIEW_TEXTCONV_H

struct fl_buf;
struct fl_review_flow;

void fl_review_textconv(struct fl_buf *out, const struct fl_review_flow *rf);

#endif
