/*
 * file: URIs (RFC 8089) as LSP clients send them, turned into paths.
 */
#ifndef FL_SERVER_URI_H
#define FL_SERVER_URI_H

#include "util/str.h"

/*
 * The local path of a "file:" URI ("file:///a/b%20c.json" is
 * "/a/b c.json"; an authority other than empty or "localhost" is not
 * local), fl_xmalloc'd; NULL when the URI names no local file or
 * decodes to a NUL byte.
 */
char *fl_uri_to_path(struct fl_str uri);

#endif
