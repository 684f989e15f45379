/*
 * A bump allocator: one arena per file being checked holds everything
 * derived from that file (parse tree, flow model, diagnostics' text) and
 * is freed in one go, which keeps memory bounded by the largest file.
 *
 * With FLOWLINT_DEBUG_ARENA=1 in the environment every allocation is a
 * separate malloc, so ASan and valgrind see each object on its own.
 */
#ifndef FL_UTIL_ARENA_H
#define FL_UTIL_ARENA_H

#include <stdarg.h>
#include <stddef.h>

#include "util/str.h"

struct fl_arena_block;

struct fl_arena {
	struct fl_arena_block *head;	/* owned list, newest first */
	char *cur;			/* next free byte in head */
	size_t left;			/* free bytes after cur */
	int debug;			/* one malloc per allocation */
};

void fl_arena_init(struct fl_arena *a);
void fl_arena_release(struct fl_arena *a);	/* frees every allocation */

/* Zeroed memory, aligned for any type; lives until fl_arena_release. */
void *fl_arena_alloc(struct fl_arena *a, size_t size);
void *fl_arena_array(struct fl_arena *a, size_t nmemb, size_t size);
/*
 * Grows an array from fl_arena_array(a, old_n, size) (or NULL) to new_n
 * elements, keeping its contents and zeroing the rest.  Returns the new
 * address; `ptr` is no longer valid.  Big arrays are resized in place,
 * small ones copied (the old copy stays until the arena is released).
 */
void *fl_arena_grow_array(struct fl_arena *a, void *ptr, size_t old_n,
    size_t new_n, size_t size);
char *fl_arena_strndup(struct fl_arena *a, const char *s, size_t len);
char *fl_arena_strdup(struct fl_arena *a, const char *s);
struct fl_str fl_arena_str(struct fl_arena *a, struct fl_str s);
char *fl_arena_printf(struct fl_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *fl_arena_vprintf(struct fl_arena *a, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

#endif
