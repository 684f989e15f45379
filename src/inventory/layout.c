/*
 * The reference monorepo layout (connect-flow-format.md §1.5) and plain
 * folders of exported resources.  Only wrapper members are read (Name,
 * Type, Id, Arn); flows are not loaded into the flow model here, which
 * keeps building the inventory cheap next to checking the files.
 */
#include "inventory/sources.h"

#include <string.h>

#include "inventory/cache.h"
#include "inventory/describe.h"
#include "json/file.h"
#include "repo/snapshot.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

static const char *
basename_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/*
 * Adds what the files of a folder of `kind` resources describe, in
 * order, recording in the cache what the bytes of each file from git
 * decided (a failure to read them is not recorded: the next run retries).
 */
static void
add_files(struct fl_inventory *inv, struct fl_inventory_reader *rd,
    enum fl_res_kind kind, const struct fl_snapshot_files *files)
{
	struct fl_describe_batch b;
	size_t i;

	fl_describe_files(&b, rd, kind, files);
	fl_inventory_reserve(inv, files->n);
	for (i = 0; i < files->n; i++) {
		const struct fl_snapshot_file *f = &files->v[i];
		const struct fl_described *d = &b.v[i];

		if (rd->cache != NULL && f->id[0] != '\0' && !d->cached &&
		    (d->err == 0 || d->err == FL_ECONFIG ||
		    d->err == FL_ETOOBIG))
			fl_inventory_cache_put(rd->cache, f->id, kind, &d->res);
		if (d->res.kind >= 0)
			fl_inventory_add(inv, (enum fl_res_kind)d->res.kind,
			    d->res.name, d->res.id, d->res.arn, f->path);
	}
	rd->files += files->n;
	fl_describe_batch_release(&b);
}

static void
note(struct fl_inventory *inv, enum fl_res_kind kind, const char *label)
{
	fl_inventory_note_source(inv, kind, label);
	if (kind == FL_RES_FLOW)
		fl_inventory_note_source(inv, FL_RES_MODULE, label);
}

int
fl_inventory_read_folder(struct fl_inventory *inv,
    struct fl_inventory_reader *rd, enum fl_res_kind kind, const char *dir)
{
	struct fl_snapshot_files files = { 0 };
	struct fl_buf shown = FL_BUF_INIT;
	int err;

	err = fl_snapshot_list_json(rd->snapshot, &files, dir);
	if (err == 0) {
		fl_snapshot_shown(rd->snapshot, &shown, dir);
		note(inv, kind, shown.ptr);
		add_files(inv, rd, kind, &files);
	}
	fl_buf_release(&shown);
	fl_snapshot_files_release(&files);
	return err;
}

/* Bot.json: {"name": ..., "identifier": ...} of a Lex V2 export. */
static void
read_bot(struct fl_inventory *inv, const struct fl_inventory_reader *rd,
    const struct fl_snapshot_file *file)
{
	struct fl_json_file f;
	const char *name;

	if (fl_describe_load(&f, rd->snapshot, file) == 0 &&
	    (name = fl_describe_member(&f.arena, &f, FL_JSON_ROOT,
	    "name")) != NULL)
		fl_inventory_add(inv, FL_RES_LEX_BOT, name,
		    fl_describe_member(&f.arena, &f, FL_JSON_ROOT,
		    "identifier"), NULL, file->path);
	fl_json_file_release(&f);
}

/* aliases.json: [{"botId", "botAliasId", "botAliasName", ...}]. */
static void
read_aliases(struct fl_inventory *inv, const struct fl_inventory_reader *rd,
    const struct fl_snapshot_file *file)
{
	struct fl_json_file f;
	uint32_t it;

	if (fl_describe_load(&f, rd->snapshot, file) == 0 &&
	    fl_json_is(&f.doc, FL_JSON_ROOT, FL_JSON_ARRAY)) {
		fl_json_foreach(&f.doc, FL_JSON_ROOT, it) {
			const char *bot = fl_describe_member(&f.arena, &f, it,
			    "botId");
			const char *id = fl_describe_member(&f.arena, &f, it,
			    "botAliasId");
			const char *name = fl_describe_member(&f.arena, &f, it,
			    "botAliasName");

			if (bot != NULL && id != NULL && name != NULL)
				fl_inventory_add_bot_alias(inv, bot, id, name,
				    NULL, file->path);
		}
	}
	fl_json_file_release(&f);
}

/* Returns 0, or FL_ENOTFOUND when there is no such folder. */
static int
read_bots(struct fl_inventory *inv, struct fl_inventory_reader *rd,
    const char *dir)
{
	struct fl_snapshot_files files = { 0 };
	struct fl_buf shown = FL_BUF_INIT;
	size_t i;
	int err;

	err = fl_snapshot_list_json(rd->snapshot, &files, dir);
	if (err == 0) {
		fl_snapshot_shown(rd->snapshot, &shown, dir);
		fl_inventory_note_source(inv, FL_RES_LEX_BOT, shown.ptr);
		for (i = 0; i < files.n; i++) {
			const char *base = basename_of(files.v[i].path);

			if (strcmp(base, "Bot.json") == 0)
				read_bot(inv, rd, &files.v[i]);
			else if (strcmp(base, "aliases.json") == 0)
				read_aliases(inv, rd, &files.v[i]);
		}
	}
	fl_buf_release(&shown);
	fl_snapshot_files_release(&files);
	return err;
}

int
fl_inventory_read_layout(struct fl_inventory *inv,
    struct fl_inventory_reader *rd, const char *root)
{
	struct fl_buf dir = FL_BUF_INIT;
	enum fl_res_kind k;
	size_t base;
	int found = 0;

	if (root[0] != '\0' && strcmp(root, ".") != 0) {
		fl_buf_adds(&dir, root);
		if (dir.ptr[dir.len - 1] != '/')
			fl_buf_addch(&dir, '/');
	}
	fl_buf_adds(&dir, "imports/resources/");
	base = dir.len;
	/* A kind's folder (kinds.def); flows/ holds the modules too. */
	for (k = 0; k < FL_RES_KIND_COUNT; k++) {
		if (fl_res_kind_folder(k) == NULL)
			continue;
		dir.len = base;
		fl_buf_adds(&dir, fl_res_kind_folder(k));
		if (fl_inventory_read_folder(inv, rd, k, dir.ptr) == 0)
			found++;
	}
	dir.len = base;
	fl_buf_adds(&dir, "bots");
	if (read_bots(inv, rd, dir.ptr) == 0)
		found++;
	fl_buf_release(&dir);
	fl_error_clear();
	return found;
}
