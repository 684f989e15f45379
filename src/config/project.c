/*
 * Finding the repository, the layout root and the configuration file by
 * walking up from the checked path.
 */
#include "config/project.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/error.h"
#include "util/xalloc.h"

char *
fl_path_join(const char *dir, const char *rel)
{
	struct fl_buf b = FL_BUF_INIT;

	if (rel[0] == '/' || dir == NULL || dir[0] == '\0')
		return fl_xstrdup(rel);
	fl_buf_adds(&b, dir);
	if (b.ptr[b.len - 1] != '/')
		fl_buf_addch(&b, '/');
	fl_buf_adds(&b, rel);
	return fl_buf_detach(&b, NULL);
}

/* Removes "." and "x/.." segments and doubled slashes of an absolute
 * path, in place. */
static void
normalize(char *path)
{
	char *out = path, *p = path;

	while (*p != '\0') {
		char *seg, *end;
		size_t len;

		while (*p == '/')
			p++;
		seg = p;
		while (*p != '\0' && *p != '/')
			p++;
		end = p;
		len = (size_t)(end - seg);
		if (len == 0 || (len == 1 && seg[0] == '.'))
			continue;
		if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			while (out > path && *--out != '/')
				;
			continue;
		}
		*out++ = '/';
		memmove(out, seg, len);
		out += len;
	}
	if (out == path)
		*out++ = '/';
	*out = '\0';
}

void
fl_path_memo_release(struct fl_path_memo *m)
{
	free(m->dir);
	free(m->real);
	m->dir = m->real = NULL;
}

/* realpath() of folder `dir` into `out` (PATH_MAX), through the memo. */
static bool
resolve_dir(struct fl_path_memo *m, const char *dir, char *out)
{
	if (m->dir != NULL && strcmp(m->dir, dir) == 0) {
		strcpy(out, m->real);
		return true;
	}
	if (realpath(dir, out) == NULL)
		return false;
	fl_path_memo_release(m);
	m->dir = fl_xstrdup(dir);
	m->real = fl_xstrdup(out);
	return true;
}

/* The absolute form of `path`: its folder resolved with realpath when it
 * exists (the last segment kept as is), else lexically from the cwd. */
static char *
absolute(struct fl_path_memo *m, const char *path)
{
	char buf[PATH_MAX], *copy, *slash, *out;
	const char *dir, *base;

	copy = fl_xstrdup(path);
	slash = strrchr(copy, '/');
	if (slash == copy) {
		dir = "/";
		base = copy + 1;
	} else if (slash != NULL) {
		*slash = '\0';
		dir = copy;
		base = slash + 1;
	} else {
		dir = ".";
		base = copy;
	}
	if (strcmp(base, "..") != 0 && strcmp(base, ".") != 0 &&
	    resolve_dir(m, dir, buf)) {
		out = fl_path_join(buf, base);
	} else if (path[0] == '/') {
		out = fl_xstrdup(path);
	} else {
		out = getcwd(buf, sizeof(buf)) != NULL ?
		    fl_path_join(buf, path) : fl_xstrdup(path);
	}
	free(copy);
	normalize(out);
	return out;
}

/* absolute() without a memo to keep. */
static char *
absolute_once(const char *path)
{
	struct fl_path_memo m = FL_PATH_MEMO_INIT;
	char *out = absolute(&m, path);

	fl_path_memo_release(&m);
	return out;
}

static bool
exists(const char *dir, const char *name, bool want_dir)
{
	char *p = fl_path_join(dir, name);
	struct stat st;
	bool ok = stat(p, &st) == 0 && (!want_dir || S_ISDIR(st.st_mode)) &&
	    (want_dir || strcmp(name, ".git") == 0 || S_ISREG(st.st_mode));

	free(p);
	return ok;
}

/* Cuts the last segment off an absolute folder; false at "/". */
static bool
parent(char *dir)
{
	char *slash = strrchr(dir, '/');

	if (slash == NULL || (slash == dir && dir[1] == '\0'))
		return false;
	if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	return true;
}

/* The nearest folder from `start` up to `stop` (inclusive; NULL: the
 * file system's root) that has `name`, or NULL. */
static char *
find_up(const char *start, const char *name, bool want_dir, const char *stop)
{
	char *dir = fl_xstrdup(start);

	for (;;) {
		if (exists(dir, name, want_dir))
			return dir;
		if ((stop != NULL && strcmp(dir, stop) == 0) || !parent(dir))
			break;
	}
	free(dir);
	return NULL;
}

int
fl_project_discover(struct fl_project *out, const char *operand,
    const char *config)
{
	struct stat st;
	char *cfgdir;

	memset(out, 0, sizeof(*out));
	out->start = absolute_once(operand != NULL ? operand : ".");
	if (stat(out->start, &st) != 0 || !S_ISDIR(st.st_mode))
		(void)parent(out->start);
	out->repo_root = find_up(out->start, ".git", false, NULL);
	out->layout_root = find_up(out->start, "imports/resources", true,
	    out->repo_root);
	if (config != NULL) {
		if (stat(config, &st) != 0)
			return fl_error_set(FL_EIO, "cannot read configuration "
			    "'%s': %s", config, strerror(errno));
		if (!S_ISREG(st.st_mode))
			return fl_error_set(FL_EIO, "cannot read configuration "
			    "'%s': not a file", config);
		out->config = absolute_once(config);
	} else {
		cfgdir = find_up(out->start, FL_CONFIG_FILE, false,
		    out->repo_root);
		if (cfgdir != NULL)
			out->config = fl_path_join(cfgdir, FL_CONFIG_FILE);
		free(cfgdir);
	}
	if (out->config != NULL) {
		out->root = fl_xstrdup(out->config);
		(void)parent(out->root);
	} else {
		out->root = fl_xstrdup(out->repo_root ? out->repo_root :
		    out->layout_root ? out->layout_root : out->start);
	}
	return 0;
}

void
fl_project_release(struct fl_project *p)
{
	free(p->start);
	free(p->repo_root);
	free(p->layout_root);
	free(p->config);
	free(p->root);
	memset(p, 0, sizeof(*p));
}

/* `abs` relative to folder `dir` when below it, else NULL. */
static const char *
below(const char *abs, const char *dir)
{
	size_t n = strlen(dir);

	if (strcmp(dir, "/") == 0)
		return abs + 1;
	if (strncmp(abs, dir, n) != 0)
		return NULL;
	if (abs[n] == '\0')
		return ".";
	return abs[n] == '/' ? abs + n + 1 : NULL;
}

char *
fl_project_relpath(const struct fl_project *p, struct fl_path_memo *m,
    const char *path)
{
	char *abs = absolute(m, path), *out;
	const char *rel = below(abs, p->root);

	out = fl_xstrdup(rel != NULL ? rel : abs);
	free(abs);
	return out;
}

char *
fl_project_relpath_repo(const struct fl_project *p, struct fl_path_memo *m,
    const char *path)
{
	char *abs, *out;

	if (p->repo_root == NULL)
		return fl_project_relpath(p, m, path);
	abs = fl_path_join(p->repo_root, path);
	out = fl_project_relpath(p, m, abs);
	free(abs);
	return out;
}

char *
fl_project_display(const char *path)
{
	char buf[PATH_MAX], *abs, *out;
	const char *rel;

	if (path[0] != '/' || getcwd(buf, sizeof(buf)) == NULL)
		return fl_xstrdup(path);
	abs = fl_xstrdup(path);
	normalize(abs);
	rel = below(abs, buf);
	out = fl_xstrdup(rel != NULL ? rel : abs);
	free(abs);
	return out;
}
