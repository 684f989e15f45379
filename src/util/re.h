/*
 * Regular expressions, through PCRE2 (JIT-compiled where available).
 * Only re.c includes pcre2.h.  A compiled fl_re is immutable and may be
 * shared by threads; each thread matches with its own fl_re_match.
 */
#ifndef FL_UTIL_RE_H
#define FL_UTIL_RE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/str.h"

struct fl_re;
struct fl_re_match;

/*
 * Compiles `pattern` (UTF mode).  Returns 0 and sets *out, or FL_EINVAL
 * with the message naming `what`, the offset and PCRE2's reason.
 */
int fl_re_compile(struct fl_re **out, const char *what, const char *pattern);
void fl_re_free(struct fl_re *re);

/* Scratch space for matching; one per thread.  Never NULL. */
struct fl_re_match *fl_re_match_new(void);
void fl_re_match_free(struct fl_re_match *m);

/*
 * Searches `subject` from byte `start`.  Returns true on a match and
 * fills the capture spans: group 0 is the whole match; a group that did
 * not take part has ptr NULL.  `ngroups` is the size of `groups`.
 */
bool fl_re_search(const struct fl_re *re, struct fl_re_match *m,
    struct fl_str subject, size_t start, struct fl_str *groups,
    size_t ngroups);

/* Number of the named group, or -1. */
int fl_re_group(const struct fl_re *re, const char *name);

#endif
