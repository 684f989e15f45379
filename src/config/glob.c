/*
 * The glob matcher; see glob.h.  Backtracking over '*' and '**' is
 * bounded by the (short) lengths of a configured glob and a path.
 */
#include "config/glob.h"

#include <string.h>

const char *
fl_glob_check(const char *glob)
{
	const char *p;

	if (glob[0] == '\0' || strcmp(glob, "/") == 0)
		return "the glob is empty";
	for (p = glob; *p != '\0'; p++) {
		if (*p == '\\') {
			if (p[1] == '\0')
				return "it ends with a lone backslash";
			p++;
		} else if (*p == '[') {
			const char *q = p + 1;

			if (*q == '!' || *q == '^')
				q++;
			if (*q == ']')
				q++;
			while (*q != '\0' && *q != ']')
				q++;
			if (*q == '\0')
				return "a '[' is not closed by ']'";
			p = q;
		}
	}
	return NULL;
}

/* Matches the class at *pp against c and moves *pp past it. */
static bool
match_class(const char **pp, char c)
{
	const char *p = *pp + 1;
	bool neg = false, hit = false;

	if (*p == '!' || *p == '^') {
		neg = true;
		p++;
	}
	do {
		char lo = *p, hi;

		if (lo == '\\')
			lo = *++p;
		hi = lo;
		if (p[1] == '-' && p[2] != ']' && p[2] != '\0') {
			hi = p[2] == '\\' ? p[3] : p[2];
			p += p[2] == '\\' ? 3 : 2;
		}
		if (c >= lo && c <= hi)
			hit = true;
		p++;
	} while (*p != ']');
	*pp = p + 1;
	return hit != neg && c != '/';
}

/* Whether glob g matches all of s[0, n). */
static bool
match(const char *g, const char *s, size_t n)
{
	const char *end = s + n;

	while (*g != '\0') {
		if (g[0] == '*' && g[1] == '*' && (g[2] == '/' || g[2] == '\0')) {
			const char *rest = g[2] == '/' ? g + 3 : g + 2;
			const char *t;

			if (*rest == '\0')
				return true;
			/* Zero folders, or resume after any '/'. */
			if (match(rest, s, (size_t)(end - s)))
				return true;
			for (t = s; t < end; t++)
				if (*t == '/' &&
				    match(rest, t + 1, (size_t)(end - t - 1)))
					return true;
			return false;
		}
		if (*g == '*') {
			const char *t;

			while (*g == '*')
				g++;
			for (t = s; ; t++) {
				if (match(g, t, (size_t)(end - t)))
					return true;
				if (t == end || *t == '/')
					return false;
			}
		}
		if (s == end)
			return false;
		if (*g == '?') {
			if (*s == '/')
				return false;
			g++;
		} else if (*g == '[') {
			if (!match_class(&g, *s))
				return false;
		} else {
			if (*g == '\\')
				g++;
			if (*g != *s)
				return false;
			g++;
		}
		s++;
	}
	return s == end;
}

bool
fl_glob_match(const char *glob, const char *path)
{
	size_t len = strlen(glob), n;
	const char *p;
	char buf[4096];
	bool anchored;

	/* Drop a trailing '/' (it only says "a folder"). */
	if (len > 1 && glob[len - 1] == '/' && len < sizeof(buf)) {
		memcpy(buf, glob, len - 1);
		buf[len - 1] = '\0';
		glob = buf;
	}
	anchored = strchr(glob, '/') != NULL;
	if (glob[0] == '/')
		glob++;
	/* The path itself or any folder above it, from the root... */
	if (anchored) {
		for (n = 0; ; n++) {
			if ((path[n] == '/' || path[n] == '\0') &&
			    match(glob, path, n))
				return true;
			if (path[n] == '\0')
				return false;
		}
	}
	/* ...or, for a bare name, any one segment of it. */
	for (p = path; *p != '\0'; ) {
		const char *slash = strchr(p, '/');

		n = slash != NULL ? (size_t)(slash - p) : strlen(p);
		if (match(glob, p, n))
			return true;
		p += n + (slash != NULL);
	}
	return false;
}
