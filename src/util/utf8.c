/*
 * UTF-8 decoding for reports (RFC 3629 well-formedness, the table in
 * Unicode 15 section 3.9, D92).
 */
#include "util/utf8.h"

#include "util/buf.h"

size_t
fl_utf8_seq_len(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xbf;
	size_t len, i;

	if (n == 0)
		return 0;
	if (p[0] < 0x80)
		return 1;
	if (p[0] < 0xc2 || p[0] > 0xf4)
		return 0;
	len = p[0] < 0xe0 ? 2 : p[0] < 0xf0 ? 3 : 4;
	if (p[0] == 0xe0)
		lo = 0xa0;		/* overlong */
	else if (p[0] == 0xed)
		hi = 0x9f;		/* surrogates */
	else if (p[0] == 0xf0)
		lo = 0x90;		/* overlong */
	else if (p[0] == 0xf4)
		hi = 0x8f;		/* past U+10FFFF */
	if (n < len || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	return len;
}

size_t
fl_utf8_utf16_len(const char *s, size_t n)
{
	size_t units = 0, i = 0;

	while (i < n) {
		size_t len = fl_utf8_seq_len(s + i, n - i);

		units += len == 4 ? 2 : 1;
		i += len == 0 ? 1 : len;
	}
	return units;
}

void
fl_utf8_add_valid(struct fl_buf *out, struct fl_str s)
{
	size_t i = 0, run = 0;

	while (i < s.len) {
		size_t len = fl_utf8_seq_len(s.ptr + i, s.len - i);

		if (len > 0) {
			i += len;
			continue;
		}
		fl_buf_add(out, s.ptr + run, i - run);
		fl_buf_adds(out, "\xef\xbf\xbd");
		run = ++i;
	}
	fl_buf_add(out, s.ptr + run, s.len - run);
}

void
fl_utf8_add_json_string(struct fl_buf *out, struct fl_str s)
{
	struct fl_buf valid = FL_BUF_INIT;
	size_t i = 0, len;

	while (i < s.len) {
		len = fl_utf8_seq_len(s.ptr + i, s.len - i);
		if (len == 0)
			break;
		i += len;
	}
	if (i == s.len) {
		fl_buf_add_json_string(out, s);
		return;
	}
	fl_utf8_add_valid(&valid, s);
	fl_buf_add_json_string(out, fl_buf_str(&valid));
	fl_buf_release(&valid);
}

/* Whether byte `c` continues a UTF-8 sequence (is not its first byte). */
static bool
continues(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

void
fl_utf8_common_ends(const char *a, size_t alen, const char *z, size_t zlen,
    size_t *pre_out, size_t *suf_out)
{
	size_t pre = 0, suf = 0;

	while (pre < alen && pre < zlen && a[pre] == z[pre])
		pre++;
	while (pre > 0 && pre < alen && continues(a[pre]))
		pre--;
	while (suf < alen - pre && suf < zlen - pre &&
	    a[alen - 1 - suf] == z[zlen - 1 - suf])
		suf++;
	while (suf > 0 && continues(a[alen - suf]))
		suf--;
	if (pre > 0 && pre < alen && a[pre - 1] == '\r' && a[pre] == '\n')
		pre--;
	if (suf > 0 && alen - suf > pre && a[alen - suf - 1] == '\r' &&
	    a[alen - suf] == '\n')
		suf--;
	*pre_out = pre;
	*suf_out = suf;
}
