/*
 * A growable byte buffer that owns its bytes.
 *
 * Invariants (as git's strbuf): `ptr` is never NULL, the bytes are always
 * NUL-terminated (the NUL is not counted in `len`), the buffer may hold
 * NUL bytes, and fl_buf_detach() is the only way to take the bytes.
 */
#ifndef FL_UTIL_BUF_H
#define FL_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "util/str.h"

struct fl_buf {
	char *ptr;	/* owned unless it is fl_buf_empty_ */
	size_t len;
	size_t cap;	/* 0 while ptr is the shared empty string */
};

extern char fl_buf_empty_[];
#define FL_BUF_INIT { fl_buf_empty_, 0, 0 }

void fl_buf_init(struct fl_buf *b);
void fl_buf_release(struct fl_buf *b);		/* frees; leaves b initialised */
void fl_buf_reset(struct fl_buf *b);		/* len = 0, keeps the memory */
void fl_buf_grow(struct fl_buf *b, size_t extra);
void fl_buf_add(struct fl_buf *b, const void *data, size_t len);
void fl_buf_adds(struct fl_buf *b, const char *s);
void fl_buf_addstr(struct fl_buf *b, struct fl_str s);
void fl_buf_addch(struct fl_buf *b, char c);
void fl_buf_add_uint(struct fl_buf *b, unsigned long long v);	/* decimal */
void fl_buf_addf(struct fl_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void fl_buf_vaddf(struct fl_buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Appends `s` as a JSON string literal, quotes included. */
void fl_buf_add_json_string(struct fl_buf *b, struct fl_str s);
/* Hands the bytes to the caller (who frees them) and re-inits b. */
char *fl_buf_detach(struct fl_buf *b, size_t *len_out);

static inline struct fl_str
fl_buf_str(const struct fl_buf *b)
{
	return fl_str_make(b->ptr, b->len);
}

#endif
