/*
 * The base protocol's framing.  Input is buffered: one read() may carry
 * several messages, or part of one.  Waiting is poll() with a deadline,
 * so that the server can lint a document whose edits have settled while
 * no message arrives.
 */
#include "server/transport.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

/* A header block longer than this is garbage, not a header. */
#define MAX_HEADER 8192

void
fl_lsp_transport_init(struct fl_lsp_transport *t, int in, int out)
{
	memset(t, 0, sizeof(*t));
	t->in = in;
	t->out = out;
	fl_buf_init(&t->inbuf);
}

void
fl_lsp_transport_release(struct fl_lsp_transport *t)
{
	fl_buf_release(&t->inbuf);
}

long long
fl_lsp_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Drops the consumed prefix once it is most of the buffer. */
static void
compact(struct fl_lsp_transport *t)
{
	if (t->used == 0 || t->used < t->inbuf.len / 2)
		return;
	memmove(t->inbuf.ptr, t->inbuf.ptr + t->used, t->inbuf.len - t->used);
	t->inbuf.len -= t->used;
	t->inbuf.ptr[t->inbuf.len] = '\0';
	t->used = 0;
}

/* The first "\r\n" (crlf2: "\r\n\r\n") in p[0..n), or NULL. */
static const char *
find_crlf(const char *p, size_t n, bool crlf2)
{
	size_t want = crlf2 ? 4 : 2, i;

	for (i = 0; i + want <= n; i++)
		if (memcmp(p + i, "\r\n\r\n", want) == 0)
			return p + i;
	return NULL;
}

/*
 * The value of Content-Length in the header block hdr[0..len), or -1
 * when it is missing or not a number.
 */
static long long
content_length(const char *hdr, size_t len)
{
	static const char name[] = "Content-Length:";
	const char *p = hdr, *end = hdr + len, *eol;
	long long n = -1;

	for (; p < end; p = eol + 2) {
		eol = find_crlf(p, (size_t)(end - p), false);
		if (eol == NULL)
			eol = end;
		if ((size_t)(eol - p) < sizeof(name) - 1 ||
		    strncasecmp(p, name, sizeof(name) - 1) != 0)
			continue;
		p += sizeof(name) - 1;
		while (p < eol && (*p == ' ' || *p == '\t'))
			p++;
		if (p == eol)
			return -1;
		for (n = 0; p < eol && *p >= '0' && *p <= '9'; p++) {
			if (n > (long long)FL_LSP_MAX_MESSAGE * 16)
				break;		/* far too big: no overflow */
			n = n * 10 + (*p - '0');
		}
		while (p < eol && (*p == ' ' || *p == '\t'))
			p++;
		if (p != eol)
			return -1;
	}
	return n;
}

/*
 * Takes the next message out of the buffer when it is complete.  Returns
 * whether `body` was set.
 */
static bool
take_message(struct fl_lsp_transport *t, struct fl_buf *body)
{
	for (;;) {
		const char *start = t->inbuf.ptr + t->used;
		size_t avail = t->inbuf.len - t->used, hlen;
		const char *end;
		long long n;

		if (t->skip > 0) {
			size_t drop = avail < t->skip ? avail : t->skip;

			t->used += drop;
			t->skip -= drop;
			if (t->skip > 0)
				return false;
			continue;
		}
		end = avail > 0 ? find_crlf(start, avail, true) : NULL;
		if (end == NULL) {
			if (avail > MAX_HEADER) {
				fprintf(stderr, "flowlint server: dropping %zu "
				    "bytes that hold no message header\n", avail);
				t->used = t->inbuf.len;
			}
			return false;
		}
		hlen = (size_t)(end - start) + 4;
		n = content_length(start, hlen - 4);
		if (n < 0) {
			fprintf(stderr, "flowlint server: dropping a message "
			    "header without a valid Content-Length\n");
			t->used += hlen;
			continue;
		}
		if ((unsigned long long)n > FL_LSP_MAX_MESSAGE) {
			fprintf(stderr, "flowlint server: dropping a message "
			    "of %lld bytes (the limit is %u)\n", n,
			    FL_LSP_MAX_MESSAGE);
			t->used += hlen;
			t->skip = (size_t)n;
			continue;
		}
		if (avail - hlen < (size_t)n)
			return false;
		fl_buf_reset(body);
		fl_buf_add(body, start + hlen, (size_t)n);
		t->used += hlen + (size_t)n;
		return true;
	}
}

/* Reads what `in` has, waiting up to `timeout_ms`; false when nothing
 * came (a timeout or a signal). */
static bool
fill(struct fl_lsp_transport *t, int timeout_ms)
{
	struct pollfd pfd = { .fd = t->in, .events = POLLIN };
	ssize_t n;
	int r;

	r = poll(&pfd, 1, timeout_ms);
	if (r < 0 && errno == EINTR)
		return false;
	if (r == 0)
		return false;
	compact(t);
	fl_buf_grow(&t->inbuf, 65536);
	n = read(t->in, t->inbuf.ptr + t->inbuf.len, 65536);
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return true;
	if (n <= 0) {
		t->eof = true;
		return true;
	}
	t->inbuf.len += (size_t)n;
	t->inbuf.ptr[t->inbuf.len] = '\0';
	return true;
}

enum fl_lsp_read_status
fl_lsp_read(struct fl_lsp_transport *t, struct fl_buf *body, int timeout_ms)
{
	long long deadline = timeout_ms >= 0 ?
	    fl_lsp_now_ms() + timeout_ms : -1;
	long long left;
	int wait;

	for (;;) {
		if (take_message(t, body))
			return FL_LSP_MESSAGE;
		if (t->eof)
			return FL_LSP_CLOSED;
		wait = -1;
		if (deadline >= 0) {
			left = deadline - fl_lsp_now_ms();
			wait = left > 0 ? (int)left : 0;
		}
		if (!fill(t, wait) && wait == 0)
			return FL_LSP_TIMEOUT;
	}
}

void
fl_lsp_write(struct fl_lsp_transport *t, const char *body, size_t len)
{
	char head[64];
	int hl = snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n",
	    len);
	const char *parts[2] = { head, body };
	size_t lens[2] = { (size_t)hl, len }, i, done;
	ssize_t n;

	for (i = 0; i < 2 && !t->broken; i++) {
		for (done = 0; done < lens[i]; done += (size_t)n) {
			n = write(t->out, parts[i] + done, lens[i] - done);
			if (n < 0 && errno == EINTR) {
				n = 0;
				continue;
			}
			if (n <= 0) {
				t->broken = true;
				break;
			}
		}
	}
}
