/*
 * Allocation that never returns NULL.  Running out of memory prints
 * "flowlint: out of memory" and exits 2; files are written atomically,
 * so nothing is left half-written, and no caller needs an OOM branch.
 */
#ifndef FL_UTIL_XALLOC_H
#define FL_UTIL_XALLOC_H

#include <stddef.h>

void *fl_xmalloc(size_t size);
void *fl_xcalloc(size_t nmemb, size_t size);	/* checks nmemb * size */
void *fl_xrealloc(void *ptr, size_t size);
void *fl_xreallocarray(void *ptr, size_t nmemb, size_t size);
char *fl_xstrdup(const char *s);
char *fl_xstrndup(const char *s, size_t len);	/* always NUL-terminates */

/* For allocators outside our control (libraries) that returned NULL. */
_Noreturn void fl_out_of_memory(void);

/*
 * Grow an array so that it holds at least `need` elements, doubling.
 * `alloc` is the element capacity and is updated.
 */
#define FL_GROW(ptr, need, alloc)                                           \
	do {                                                                \
		if ((size_t)(need) > (alloc)) {                             \
			size_t fl_grow_n_ = (alloc) ? (alloc) : 8;          \
			while (fl_grow_n_ < (size_t)(need))                 \
				fl_grow_n_ *= 2;                            \
			(ptr) = fl_xreallocarray((ptr), fl_grow_n_,         \
			    sizeof(*(ptr)));                                \
			(alloc) = fl_grow_n_;                               \
		}                                                           \
	} while (0)

#endif
