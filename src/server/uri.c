/*
 * file: URIs to paths: strip the scheme and authority, decode %XX.
 */
#include "server/uri.h"

#include <strings.h>

#include "util/buf.h"

static int
hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *
fl_uri_to_path(struct fl_str uri)
{
	static const char scheme[] = "file://", localhost[] = "localhost";
	const char *p, *end;
	struct fl_buf b = FL_BUF_INIT;

	/* A missing uri is NULL, and NULL + 0 is undefined. */
	if (uri.ptr == NULL || uri.len < sizeof(scheme) - 1 ||
	    strncasecmp(uri.ptr, scheme, sizeof(scheme) - 1) != 0)
		return NULL;
	p = uri.ptr + sizeof(scheme) - 1;
	end = uri.ptr + uri.len;
	if ((size_t)(end - p) >= sizeof(localhost) - 1 &&
	    strncasecmp(p, localhost, sizeof(localhost) - 1) == 0)
		p += sizeof(localhost) - 1;
	if (p == end || *p != '/')
		return NULL;
	for (; p < end; p++) {
		char c = *p;

		if (c == '?' || c == '#')
			break;
		if (c == '%' && end - p >= 3 && hex(p[1]) >= 0 &&
		    hex(p[2]) >= 0) {
			c = (char)(hex(p[1]) * 16 + hex(p[2]));
			p += 2;
		}
		if (c == '\0') {
			fl_buf_release(&b);
			return NULL;
		}
		fl_buf_addch(&b, c);
	}
	return fl_buf_detach(&b, NULL);
}
