/*
 * Building the inventory from its specification (build.h).
 */
#include "inventory/build.h"

#include <stdlib.h>

#include "inventory/cache.h"
#include "inventory/sources.h"
#include "inventory/spec.h"
#include "repo/repo.h"
#include "repo/snapshot.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/xalloc.h"

static char *
display(const struct fl_inventory_build *b, const char *path)
{
	return b->display != NULL ? b->display(path) : fl_xstrdup(path);
}

/* Re-sets the current error as "<where>: <message>". */
static int
locate_error(int err, const char *where)
{
	char *msg = fl_xstrdup(fl_error_msg());

	fl_error_set(err, "%s: inventory source: %s", where, msg);
	free(msg);
	return err;
}

static int
read_source(struct fl_inventory *inv, struct fl_inventory_reader *rd,
    const struct fl_inventory_build *b, const struct fl_source_spec *s)
{
	struct fl_buf text = FL_BUF_INIT, shown = FL_BUF_INIT;
	char *label;
	size_t i;
	int err = 0;

	switch (s->type) {
	case FL_SOURCE_NAMES:
		fl_inventory_note_source(inv, (enum fl_res_kind)s->kind,
		    s->where);
		for (i = 0; i < s->nnames; i++)
			fl_inventory_add(inv, (enum fl_res_kind)s->kind,
			    s->names[i], NULL, NULL, s->where);
		return 0;
	case FL_SOURCE_FILE:
		label = display(b, s->path);
		err = fl_snapshot_read(rd->snapshot, &text, &shown, label,
		    FL_FS_MAX_FILE);
		if (err == 0)
			fl_inventory_read_names(inv, (enum fl_res_kind)s->kind,
			    text.ptr, text.len, shown.ptr);
		free(label);
		fl_buf_release(&text);
		fl_buf_release(&shown);
		break;
	case FL_SOURCE_AWS:
		label = display(b, s->path);
		err = fl_inventory_read_awscli(inv, rd, s->kind, label);
		free(label);
		/* Errors inside the file already name it. */
		return err == FL_ECONFIG ? err : err ?
		    locate_error(err, s->where) : 0;
	case FL_SOURCE_FOLDER:
		label = display(b, s->path);
		err = fl_inventory_read_folder(inv, rd,
		    (enum fl_res_kind)s->kind, label);
		free(label);
		break;
	}
	return err ? locate_error(err, s->where) : 0;
}

static int
read_all(struct fl_inventory *inv, const struct fl_inventory_spec *spec,
    const char *layout_root, struct fl_inventory_reader *rd,
    const struct fl_inventory_build *b)
{
	const char *root = fl_inventory_spec_layout(spec, layout_root);
	size_t i;
	int err = 0;

	if (spec->has_replacer_kinds)
		fl_inventory_set_replacer_kinds(inv, spec->replacer_kinds,
		    spec->nreplacer_kinds);
	if (root != NULL) {
		char *shown = display(b, root);

		fl_inventory_read_layout(inv, rd, shown);
		free(shown);
	}
	for (i = 0; i < spec->nsources && err == 0; i++)
		err = read_source(inv, rd, b, &spec->sources[i]);
	return err;
}

int
fl_inventory_build(struct fl_inventory **out,
    const struct fl_inventory_spec *spec, const char *layout_root,
    struct fl_inventory_build *b)
{
	struct fl_inventory_reader rd = { b->snapshot, NULL, b->jobs, 0 };
	struct fl_inventory *inv = fl_inventory_new();
	struct fl_buf path = FL_BUF_INIT;
	int err;

	if (b->cache && b->snapshot->state != FL_SNAPSHOT_DISK) {
		fl_repo_cache_path(&path, b->snapshot->repo, "inventory-cache");
		rd.cache = fl_inventory_cache_open(path.ptr);
	}
	err = read_all(inv, spec, layout_root, &rd, b);
	fl_inventory_finish(inv);
	b->files = rd.files;
	b->cached = 0;
	if (rd.cache != NULL) {
		b->cached = fl_inventory_cache_hits(rd.cache);
		fl_inventory_cache_close(rd.cache);
	}
	fl_buf_release(&path);
	if (err != 0) {
		fl_inventory_free(inv);
		inv = NULL;
	}
	*out = inv;
	return err;
}
