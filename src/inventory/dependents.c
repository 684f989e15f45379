/*
 * Unchanged flows that refer to a resource a change took away
 * (dependents.h).
 */
#include "inventory/dependents.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "inventory/inventory.h"
#include "repo/snapshot.h"
#include "repo/targets.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/xalloc.h"

/* The resources of `before` that `after` has no resource of that kind
 * and name for, each name once; the caller frees the array. */
static const struct fl_resource **
gone_names(const struct fl_inventory *before, const struct fl_inventory *after,
    size_t *n)
{
	size_t i, j, alloc = 0, size = fl_inventory_size(before);
	const struct fl_resource **v = NULL;

	*n = 0;
	for (i = 0; i < size; i++) {
		const struct fl_resource *r = fl_inventory_resource(before, i);
		bool seen = false;

		if (r->name[0] == '\0' || fl_inventory_by_name(after, r->kind,
		    fl_str_cstr(r->name)) != NULL)
			continue;
		for (j = 0; j < *n && !seen; j++)
			seen = v[j]->kind == r->kind &&
			    strcmp(v[j]->name, r->name) == 0;
		if (seen)
			continue;
		FL_GROW(v, *n + 1, alloc);
		v[(*n)++] = r;
	}
	return v;
}

static bool
delimiter(char c)
{
	return c == ':' || c == '/' || c == '"' || c == '\\';
}

/* Whether `name` occurs in the text between delimiters, as
 * ${Q:name:Q}, .../queue/name or "name" write it. */
static bool
names(struct fl_str text, const char *name)
{
	size_t from = 0, n = strlen(name);
	long at;

	while ((at = fl_str_find(fl_str_make(text.ptr + from,
	    text.len - from), name)) >= 0) {
		size_t i = from + (size_t)at;

		if (i > 0 && delimiter(text.ptr[i - 1]) && i + n < text.len &&
		    delimiter(text.ptr[i + n]))
			return true;
		from = i + 1;
	}
	return false;
}

static bool
has_target(const struct fl_targets *t, const char *path)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i].path, path) == 0)
			return true;
	return false;
}

int
fl_dependents_add(struct fl_targets *t, struct fl_pathlist *notes,
    const struct fl_inventory *before, const struct fl_inventory *after,
    const struct fl_snapshot *s, const char *flows_dir)
{
	struct fl_snapshot_files files = { 0 };
	struct fl_buf bytes = FL_BUF_INIT, note = FL_BUF_INIT;
	size_t ngone, i, k;
	const struct fl_resource **gone = gone_names(before, after, &ngone);
	int err = 0;

	if (ngone > 0)
		err = fl_snapshot_list_json(s, &files, flows_dir);
	if (err == FL_ENOTFOUND)
		err = 0;
	for (i = 0; err == 0 && i < files.n; i++) {
		const struct fl_snapshot_file *f = &files.v[i];
		char *data;
		size_t len;

		if (has_target(t, f->path))
			continue;
		err = fl_snapshot_read_file(s, &bytes, f, FL_FS_MAX_FILE);
		if (err == FL_ETOOBIG)
			err = 0;	/* the full check reports it */
		if (err != 0)
			break;
		for (k = 0; k < ngone && !names(fl_buf_str(&bytes),
		    gone[k]->name); k++)
			;
		if (k == ngone)
			continue;
		fl_buf_reset(&note);
		fl_buf_addf(&note, "%s: checked too, as it refers to %s \"%s\", "
		    "which the change deletes or renames", f->path,
		    fl_res_kind_label(gone[k]->kind), gone[k]->name);
		fl_pathlist_add(notes, note.ptr);
		data = fl_buf_detach(&bytes, &len);
		fl_targets_add_data(t, f->path, data, len);
	}
	fl_snapshot_files_release(&files);
	fl_buf_release(&bytes);
	fl_buf_release(&note);
	free(gone);
	return err;
}
