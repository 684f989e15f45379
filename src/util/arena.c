/*
 * Bump allocator over a list of blocks; see arena.h.
 */
#include "util/arena.h"

#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#define BLOCK_MIN (64 * 1024)
#define ALIGN alignof(max_align_t)

struct fl_arena_block {
	struct fl_arena_block *next;
	bool own;		/* holds one object, which may be resized */
	alignas(max_align_t) char data[];
};

void
fl_arena_init(struct fl_arena *a)
{
	const char *env = getenv("FLOWLINT_DEBUG_ARENA");

	a->head = NULL;
	a->cur = NULL;
	a->left = 0;
	a->debug = env != NULL && env[0] == '1';
}

void
fl_arena_release(struct fl_arena *a)
{
	struct fl_arena_block *b = a->head;

	while (b != NULL) {
		struct fl_arena_block *next = b->next;

		free(b);
		b = next;
	}
	a->head = NULL;
	a->cur = NULL;
	a->left = 0;
}

static void *
new_block(struct fl_arena *a, size_t size, bool own)
{
	struct fl_arena_block *b;

	if (size > SIZE_MAX - sizeof(*b))
		size = SIZE_MAX - sizeof(*b);	/* xmalloc reports OOM */
	b = fl_xmalloc(sizeof(*b) + size);
	b->next = a->head;
	b->own = own;
	a->head = b;
	return b->data;
}

void *
fl_arena_alloc(struct fl_arena *a, size_t size)
{
	size_t rounded = (size + ALIGN - 1) & ~(ALIGN - 1);
	void *p;

	if (rounded < size)
		rounded = SIZE_MAX;
	if (a->debug) {
		p = new_block(a, rounded, true);
	} else if (rounded <= a->left) {
		p = a->cur;
		a->cur += rounded;
		a->left -= rounded;
	} else if (rounded >= BLOCK_MIN / 4) {
		/* Big objects get a block of their own; cur stays where it is. */
		p = new_block(a, rounded, true);
	} else {
		p = new_block(a, BLOCK_MIN, false);
		a->cur = (char *)p + rounded;
		a->left = BLOCK_MIN - rounded;
	}
	memset(p, 0, size);
	return p;
}

void *
fl_arena_array(struct fl_arena *a, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		return fl_arena_alloc(a, SIZE_MAX);
	return fl_arena_alloc(a, nmemb * size);
}

void *
fl_arena_grow_array(struct fl_arena *a, void *ptr, size_t old_n, size_t new_n,
    size_t size)
{
	struct fl_arena_block **link, *b;
	size_t old_bytes = old_n * size, new_bytes;
	void *p;

	if (size != 0 && new_n > SIZE_MAX / size)
		return fl_arena_alloc(a, SIZE_MAX);	/* reports OOM */
	new_bytes = new_n * size;
	if (ptr == NULL || new_bytes <= old_bytes)
		return ptr != NULL ? ptr : fl_arena_alloc(a, new_bytes);
	/*
	 * An object with a block of its own is resized with realloc, so that
	 * doubling an array leaves no trail of old copies: a flow with two
	 * million references would otherwise hold twice their memory.
	 */
	for (link = &a->head; (b = *link) != NULL; link = &b->next) {
		if (!b->own || (void *)b->data != ptr)
			continue;
		b = fl_xrealloc(b, sizeof(*b) + new_bytes);
		*link = b;
		memset(b->data + old_bytes, 0, new_bytes - old_bytes);
		return b->data;
	}
	p = fl_arena_alloc(a, new_bytes);
	if (old_bytes != 0)
		memcpy(p, ptr, old_bytes);
	return p;
}

char *
fl_arena_strndup(struct fl_arena *a, const char *s, size_t len)
{
	char *p = fl_arena_alloc(a, len + 1);

	if (len != 0)
		memcpy(p, s, len);
	return p;
}

char *
fl_arena_strdup(struct fl_arena *a, const char *s)
{
	return fl_arena_strndup(a, s, strlen(s));
}

struct fl_str
fl_arena_str(struct fl_arena *a, struct fl_str s)
{
	return fl_str_make(fl_arena_strndup(a, s.ptr, s.len), s.len);
}

char *
fl_arena_vprintf(struct fl_arena *a, const char *fmt, va_list ap)
{
	va_list cp;
	char *p;
	int n;

	/*
	 * Straight into the free part of the current block: most messages
	 * fit, and are then formatted once rather than measured first.
	 * `left` is a multiple of ALIGN, so the rounded size fits too.
	 */
	if (!a->debug && a->left > 0) {
		va_copy(cp, ap);
		n = vsnprintf(a->cur, a->left, fmt, cp);
		va_end(cp);
		if (n >= 0 && (size_t)n < a->left) {
			size_t used = ((size_t)n + ALIGN) & ~(ALIGN - 1);

			p = a->cur;
			a->cur += used;
			a->left -= used;
			return p;
		}
	}
	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		n = 0;
	p = fl_arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
fl_arena_printf(struct fl_arena *a, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = fl_arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}
