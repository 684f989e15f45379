/*
 * Files embedded in the binary at build time (cmake/embed.cmake):
 * the rule pages (rules/FLnnn-name.md), the rule data (rules/data) and
 * the git hook install-hook writes (hooks/pre-commit).
 */
#ifndef FL_UTIL_EMBEDDED_H
#define FL_UTIL_EMBEDDED_H

#include <stddef.h>

struct fl_embedded {
	const char *path;	/* relative to the source tree, e.g. "rules/FL101-hardcoded-arn.md" */
	const char *data;	/* NUL-terminated */
	size_t len;
};

/* Terminated by an entry whose path is NULL. */
extern const struct fl_embedded fl_embedded[];

/* The entry whose path is `path`, or NULL. */
const struct fl_embedded *fl_embedded_find(const char *path);

#endif
