/*
 * Repository-relative paths: resolve a file's folder, walk up to the
 * nearest `.git`, and cut that prefix off.  See relpath.h for why the
 * walk does not use libgit2.
 */
#include "util/relpath.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/xalloc.h"

void
fl_relpath_release(struct fl_relpath *c)
{
	free(c->dir);
	free(c->real);
	free(c->root);
	c->dir = c->real = c->root = NULL;
}

/* The nearest folder at or above `real` with a `.git` entry, or NULL. */
static char *
find_root(const char *real)
{
	struct fl_buf b = FL_BUF_INIT;
	struct stat st;
	char *root = NULL;

	fl_buf_adds(&b, real);
	for (;;) {
		size_t len = b.len;
		char *slash;

		fl_buf_adds(&b, len > 1 ? "/.git" : ".git");
		if (lstat(b.ptr, &st) == 0) {
			root = fl_xstrndup(b.ptr, len);
			break;
		}
		b.len = len;
		b.ptr[len] = '\0';
		slash = strrchr(b.ptr, '/');
		if (slash == NULL || len == 1)
			break;
		/* "/a" -> "/", "/a/b" -> "/a" */
		b.len = slash == b.ptr ? 1 : (size_t)(slash - b.ptr);
		b.ptr[b.len] = '\0';
	}
	fl_buf_release(&b);
	return root;
}

/* Outside a work tree: the current folder if `real` is below it. */
static char *
cwd_root(const char *real)
{
	char cwd[PATH_MAX], resolved[PATH_MAX];
	size_t n;

	if (getcwd(cwd, sizeof(cwd)) == NULL || realpath(cwd, resolved) == NULL)
		return NULL;
	n = strlen(resolved);
	if (strncmp(real, resolved, n) == 0 &&
	    (real[n] == '\0' || real[n] == '/' || n == 1))
		return fl_xstrdup(resolved);
	return NULL;
}

static void
lookup(struct fl_relpath *c, const char *dir)
{
	char resolved[PATH_MAX];

	fl_relpath_release(c);
	c->dir = fl_xstrdup(dir);
	if (realpath(dir, resolved) == NULL)
		return;
	c->real = fl_xstrdup(resolved);
	c->root = find_root(resolved);
	if (c->root == NULL)
		c->root = cwd_root(resolved);
}

/* `p` without any leading "./" (and the extra slashes after it). */
static const char *
skip_dot_slash(const char *p)
{
	while (p[0] == '.' && p[1] == '/') {
		p += 2;
		while (*p == '/')
			p++;
	}
	return p;
}

void
fl_relpath_get(struct fl_relpath *c, struct fl_buf *out, const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash != NULL ? slash + 1 : path;
	size_t start = out->len, n;
	char *dir;

	if (slash == NULL)
		dir = fl_xstrdup(".");
	else if (slash == path)
		dir = fl_xstrdup("/");
	else
		dir = fl_xstrndup(path, (size_t)(slash - path));
	if (c->dir == NULL || strcmp(c->dir, dir) != 0)
		lookup(c, dir);
	free(dir);
	if (c->real == NULL) {
		fl_buf_adds(out, skip_dot_slash(path));
		return;
	}
	if (c->root == NULL) {
		fl_buf_adds(out, c->real);
	} else {
		n = strlen(c->root);
		/* The root "/" leaves the real path's own leading slash. */
		if (n == 1)
			n = 0;
		if (c->real[n] == '/')
			fl_buf_adds(out, c->real + n + 1);
	}
	if (out->len > start && out->ptr[out->len - 1] != '/')
		fl_buf_addch(out, '/');
	fl_buf_adds(out, base);
}
