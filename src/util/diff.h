/*
 * Unified diffs of two texts, line by line (Myers' O(ND) algorithm), as
 * `diff -u` prints them, for `fix --diff` and `format --diff`.
 */
#ifndef FL_UTIL_DIFF_H
#define FL_UTIL_DIFF_H

#include "util/str.h"

struct fl_buf;

/*
 * Appends to `out` the unified diff turning `a` into `b`, with headers
 * "--- a/<path>" and "+++ b/<path>" and 3 lines of context; nothing when
 * the texts are equal.  A last line without a newline is marked with
 * "\ No newline at end of file", as diff does.
 */
void fl_diff_unified(struct fl_buf *out, const char *path, struct fl_str a,
    struct fl_str b);

#endif
