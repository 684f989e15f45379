/*
 * The reports of one run and where they go; see list.h.
 */
#include "report/list.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/xalloc.h"

static struct fl_report_out *
add(struct fl_report_list *l, const struct fl_report_format *f,
    const char *path)
{
	struct fl_report_out *o;

	if (l->n == l->alloc) {
		l->alloc = l->alloc ? 2 * l->alloc : 4;
		l->v = fl_xreallocarray(l->v, l->alloc, sizeof(*l->v));
	}
	o = &l->v[l->n++];
	memset(o, 0, sizeof(*o));
	o->rep.format = f;
	o->path = path;
	return o;
}

int
fl_report_list_add_format(struct fl_report_list *l, const char *name)
{
	const struct fl_report_format *f = fl_report_format_find(name);

	if (f == NULL)
		return fl_error_set(FL_EINVAL, "unknown format '%s' (choose "
		    "from %s)", name, fl_report_format_names());
	add(l, f, l->pending);
	l->pending = NULL;
	return 0;
}

int
fl_report_list_add_output(struct fl_report_list *l, const char *path)
{
	if (path[0] == '\0')
		return fl_error_set(FL_EINVAL, "--output needs a file name");
	if (l->n > 0 && l->v[l->n - 1].path == NULL && l->pending == NULL) {
		l->v[l->n - 1].path = path;
		return 0;
	}
	if (l->pending != NULL)
		return fl_error_set(FL_EINVAL, "--output '%s' and --output "
		    "'%s' are both waiting for a --format", l->pending, path);
	l->pending = path;
	return 0;
}

int
fl_report_list_finish(struct fl_report_list *l)
{
	size_t i, j, to_stdout = 0;

	if (l->pending != NULL) {
		if (l->n > 0)
			return fl_error_set(FL_EINVAL, "--output '%s' has no "
			    "--format after it", l->pending);
		add(l, &fl_report_text, l->pending);
		l->pending = NULL;
	}
	if (l->n == 0)
		add(l, &fl_report_text, NULL);
	for (i = 0; i < l->n; i++) {
		if (l->v[i].path == NULL) {
			to_stdout++;
			continue;
		}
		for (j = 0; j < i; j++)
			if (l->v[j].path != NULL &&
			    strcmp(l->v[j].path, l->v[i].path) == 0)
				return fl_error_set(FL_EINVAL, "two reports "
				    "would go to '%s'", l->v[i].path);
	}
	if (to_stdout > 1)
		return fl_error_set(FL_EINVAL, "only one report can go to "
		    "standard output; give the others an --output");
	if (to_stdout == 0)
		add(l, &fl_report_text, NULL);
	return 0;
}

/* Whether the folder that will hold `path` exists and is writable. */
static int
check_writable(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int err = 0;

	if (slash == NULL)
		dir = fl_xstrdup(".");
	else if (slash == path)
		dir = fl_xstrdup("/");
	else
		dir = fl_xstrndup(path, (size_t)(slash - path));
	if (slash != NULL && slash[1] == '\0')
		err = fl_error_set(FL_EIO, "cannot write the report to '%s': "
		    "it names a folder", path);
	else if (fl_fs_is_dir(path) == 1)
		err = fl_error_set(FL_EIO, "cannot write the report to '%s': "
		    "it is a folder", path);
	else if (access(dir, W_OK | X_OK) != 0)
		err = fl_error_set(FL_EIO, "cannot write the report to '%s': "
		    "%s", path, strerror(errno));
	free(dir);
	return err;
}

int
fl_report_list_open(struct fl_report_list *l, bool color, bool quiet)
{
	size_t i;
	int err;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].path == NULL)
			continue;
		err = check_writable(l->v[i].path);
		if (err != 0)
			return err;
	}
	for (i = 0; i < l->n; i++) {
		struct fl_report_out *o = &l->v[i];

		o->rep.quiet = quiet;
		if (o->path == NULL) {
			o->rep.out = stdout;
			o->rep.color = color &&
			    o->rep.format == &fl_report_text;
			continue;
		}
		o->rep.out = open_memstream(&o->mem, &o->memlen);
		if (o->rep.out == NULL)
			return fl_error_set(FL_EIO, "cannot collect the report "
			    "for '%s': %s", o->path, strerror(errno));
	}
	for (i = 0; i < l->n; i++)
		l->v[i].rep.format->begin(&l->v[i].rep);
	return 0;
}

/* Whether any report's format says yes to `wants`. */
static bool
any_wants(const struct fl_report_list *l,
    bool (*wants)(const struct fl_report_format *f))
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (wants(l->v[i].rep.format))
			return true;
	return false;
}

static bool
wants_fixes(const struct fl_report_format *f)
{
	return f->carries_fixes;
}

static bool
wants_fingerprints(const struct fl_report_format *f)
{
	return f->fingerprints;
}

bool
fl_report_list_carries_fixes(const struct fl_report_list *l)
{
	return any_wants(l, wants_fixes);
}

bool
fl_report_list_fingerprints(const struct fl_report_list *l)
{
	return any_wants(l, wants_fingerprints);
}

void
fl_report_list_file(struct fl_report_list *l, const struct fl_report_file *res)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		l->v[i].rep.format->file(&l->v[i].rep, res);
}

int
fl_report_list_close(struct fl_report_list *l, const struct fl_report_totals *t)
{
	size_t i;
	int err = 0;

	for (i = 0; i < l->n; i++) {
		struct fl_report_out *o = &l->v[i];
		int e;

		o->rep.format->end(&o->rep, t);
		if (o->path == NULL)
			continue;
		if (fclose(o->rep.out) != 0) {
			o->rep.out = NULL;
			err = fl_error_set(FL_EIO, "cannot collect the report "
			    "for '%s': %s", o->path, strerror(errno));
			continue;
		}
		o->rep.out = NULL;
		e = fl_fs_write_atomic(o->path, o->mem, o->memlen);
		if (e != 0)
			err = e;
	}
	return err;
}

void
fl_report_list_release(struct fl_report_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].path != NULL && l->v[i].rep.out != NULL)
			fclose(l->v[i].rep.out);
		free(l->v[i].mem);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}
