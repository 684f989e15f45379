/*
 * Growable byte buffer; see buf.h for its invariants.
 */
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

char fl_buf_empty_[1];

void
fl_buf_init(struct fl_buf *b)
{
	b->ptr = fl_buf_empty_;
	b->len = 0;
	b->cap = 0;
}

void
fl_buf_release(struct fl_buf *b)
{
	if (b->cap != 0)
		free(b->ptr);
	fl_buf_init(b);
}

void
fl_buf_reset(struct fl_buf *b)
{
	b->len = 0;
	/*
	 * The shared empty string is never written: threads reset their
	 * empty buffers at the same time, and that would be a data race.
	 */
	if (b->cap != 0)
		b->ptr[0] = '\0';
}

void
fl_buf_grow(struct fl_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	size_t cap;

	if (need < b->len)
		need = (size_t)-1;	/* xrealloc then fails cleanly */
	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap * 2 > cap ? cap * 2 : need;
	if (b->cap == 0) {
		b->ptr = fl_xmalloc(cap);
		b->ptr[0] = '\0';
	} else {
		b->ptr = fl_xrealloc(b->ptr, cap);
	}
	b->cap = cap;
}

void
fl_buf_add(struct fl_buf *b, const void *data, size_t len)
{
	if (len == 0)
		return;
	fl_buf_grow(b, len);
	memcpy(b->ptr + b->len, data, len);
	b->len += len;
	b->ptr[b->len] = '\0';
}

void
fl_buf_adds(struct fl_buf *b, const char *s)
{
	fl_buf_add(b, s, strlen(s));
}

void
fl_buf_addstr(struct fl_buf *b, struct fl_str s)
{
	fl_buf_add(b, s.ptr, s.len);
}

void
fl_buf_addch(struct fl_buf *b, char c)
{
	fl_buf_grow(b, 1);
	b->ptr[b->len++] = c;
	b->ptr[b->len] = '\0';
}

void
fl_buf_vaddf(struct fl_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	/*
	 * Room for a typical addition first: most are then formatted once,
	 * straight into the buffer, rather than measured and formatted.
	 */
	fl_buf_grow(b, 64);
	va_copy(cp, ap);
	n = vsnprintf(b->ptr + b->len, b->cap - b->len, fmt, cp);
	va_end(cp);
	if (n < 0) {
		b->ptr[b->len] = '\0';
		return;
	}
	if ((size_t)n >= b->cap - b->len) {
		fl_buf_grow(b, (size_t)n);
		vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void
fl_buf_add_uint(struct fl_buf *b, unsigned long long v)
{
	char digits[20];	/* enough for 2^64 - 1 */
	size_t n = 0;

	do {
		digits[sizeof(digits) - ++n] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	fl_buf_add(b, digits + sizeof(digits) - n, n);
}

void
fl_buf_addf(struct fl_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fl_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void
fl_buf_add_json_string(struct fl_buf *b, struct fl_str s)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;

	fl_buf_addch(b, '"');
	for (i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.ptr[i];
		const char *esc = NULL;

		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		default:
			if (c >= 0x20)
				continue;
		}
		fl_buf_add(b, s.ptr + run, i - run);
		run = i + 1;
		if (esc != NULL) {
			fl_buf_adds(b, esc);
		} else {
			char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };

			fl_buf_add(b, u, sizeof(u));
		}
	}
	fl_buf_add(b, s.ptr + run, s.len - run);
	fl_buf_addch(b, '"');
}

char *
fl_buf_detach(struct fl_buf *b, size_t *len_out)
{
	char *p;

	if (b->cap == 0)
		fl_buf_grow(b, 0);
	p = b->ptr;
	if (len_out != NULL)
		*len_out = b->len;
	fl_buf_init(b);
	return p;
}
