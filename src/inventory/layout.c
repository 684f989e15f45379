/*
 * The reference monorepo layout (connect-flow-format.md §1.5) and plain
 * folders of exported resources.  Only wrapper members are read (Name,
 * Type, Id, Arn); flows are not loaded into the flow model here, which
 * keeps building the inventory cheap next to checking the files.
 */
#include "inventory/sources.h"

#include <string.h>

#include "inventory/cache.h"
#include "json/file.h"
#include "repo/snapshot.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

/* A folder below imports/resources and the kind its files hold. */
static const struct {
	const char *dir;
	enum fl_res_kind kind;
} folders[] = {
	{ "flows", FL_RES_FLOW },	/* and modules */
	{ "queues", FL_RES_QUEUE },
	{ "hoop", FL_RES_HOURS },
	{ "quick-connects", FL_RES_QUICK_CONNECT },
	{ "routing-profiles", FL_RES_ROUTING_PROFILE },
	{ "views", FL_RES_VIEW },
	{ "agent-statuses", FL_RES_AGENT_STATUS },
};

static const char *
basename_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/* The string member `key` of object `obj` as a C string in the file's
 * arena, or NULL when it is missing or empty. */
static const char *
member(struct fl_json_file *f, uint32_t obj, const char *key)
{
	struct fl_str s = fl_json_string(&f->doc, fl_json_get(&f->doc, obj, key));

	return s.len > 0 ? fl_arena_strndup(&f->arena, s.ptr, s.len) : NULL;
}

/*
 * What a wrapper file in a folder of `kind` resources describes (kind
 * -1: nothing).  For flows, the DescribeContactFlow response nests the
 * wrapper under "ContactFlow", and a wrapper without Type (or
 * ContactFlowType) is a module, as the loader decides (flow/load.c).
 * The strings live in f's arena.
 */
static struct fl_cached_resource
describe(struct fl_json_file *f, enum fl_res_kind kind)
{
	struct fl_cached_resource r = { -1, NULL, NULL, NULL };
	uint32_t w = FL_JSON_ROOT, cf;

	if (!fl_json_is(&f->doc, FL_JSON_ROOT, FL_JSON_OBJECT))
		return r;
	if (kind == FL_RES_FLOW) {
		cf = fl_json_get(&f->doc, FL_JSON_ROOT, "ContactFlow");
		if (fl_json_is(&f->doc, cf, FL_JSON_OBJECT))
			w = cf;
		if (fl_json_get(&f->doc, w, "Content") == FL_JSON_NONE)
			return r;
		if (fl_json_get(&f->doc, w, "Type") == FL_JSON_NONE &&
		    fl_json_get(&f->doc, w, "ContactFlowType") == FL_JSON_NONE)
			kind = FL_RES_MODULE;
	}
	r.name = member(f, w, "Name");
	if (r.name == NULL)
		return r;
	r.kind = (int)kind;
	r.id = member(f, w, "Id");
	r.arn = member(f, w, "Arn");
	return r;
}

/* Reads and parses a listed file.  Release `f` in every case. */
static int
load(struct fl_json_file *f, const struct fl_inventory_reader *rd,
    const struct fl_snapshot_file *file)
{
	struct fl_buf text = FL_BUF_INIT;
	int err;

	memset(f, 0, sizeof(*f));
	err = fl_snapshot_read_file(rd->snapshot, &text, file, FL_FS_MAX_FILE);
	if (err == 0)
		err = fl_json_file_take(f, file->path, &text);
	fl_buf_release(&text);
	fl_error_clear();
	return err;
}

static void
add_described(struct fl_inventory *inv, const struct fl_cached_resource *r,
    const char *path)
{
	if (r->kind >= 0)
		fl_inventory_add(inv, (enum fl_res_kind)r->kind, r->name, r->id,
		    r->arn, path);
}

/*
 * Adds the resource file `file` describes.  A file from git is looked up
 * in the cache by blob first, and what it gives is recorded there.
 */
static void
read_resource(struct fl_inventory *inv, struct fl_inventory_reader *rd,
    enum fl_res_kind kind, const struct fl_snapshot_file *file)
{
	const struct fl_cached_resource *hit = NULL;
	struct fl_cached_resource r = { -1, NULL, NULL, NULL };
	struct fl_json_file f;
	int err;
	bool cacheable = rd->cache != NULL && file->id[0] != '\0';

	rd->files++;
	if (cacheable)
		hit = fl_inventory_cache_get(rd->cache, file->id, kind);
	if (hit != NULL) {
		add_described(inv, hit, file->path);
		return;
	}
	err = load(&f, rd, file);
	if (err == 0)
		r = describe(&f, kind);
	/* What the bytes decide is cached; a failure to read them is not. */
	if (cacheable && (err == 0 || err == FL_ECONFIG || err == FL_ETOOBIG))
		fl_inventory_cache_put(rd->cache, file->id, kind, &r);
	add_described(inv, &r, file->path);
	fl_json_file_release(&f);
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
	size_t i;
	int err;

	err = fl_snapshot_list_json(rd->snapshot, &files, dir);
	if (err == 0) {
		fl_snapshot_shown(rd->snapshot, &shown, dir);
		note(inv, kind, shown.ptr);
		fl_inventory_reserve(inv, files.n);
		for (i = 0; i < files.n; i++)
			read_resource(inv, rd, kind, &files.v[i]);
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

	if (load(&f, rd, file) == 0 &&
	    (name = member(&f, FL_JSON_ROOT, "name")) != NULL)
		fl_inventory_add(inv, FL_RES_LEX_BOT, name,
		    member(&f, FL_JSON_ROOT, "identifier"), NULL, file->path);
	fl_json_file_release(&f);
}

/* aliases.json: [{"botId", "botAliasId", "botAliasName", ...}]. */
static void
read_aliases(struct fl_inventory *inv, const struct fl_inventory_reader *rd,
    const struct fl_snapshot_file *file)
{
	struct fl_json_file f;
	uint32_t it;

	if (load(&f, rd, file) == 0 &&
	    fl_json_is(&f.doc, FL_JSON_ROOT, FL_JSON_ARRAY)) {
		fl_json_foreach(&f.doc, FL_JSON_ROOT, it) {
			const char *bot = member(&f, it, "botId");
			const char *id = member(&f, it, "botAliasId");
			const char *name = member(&f, it, "botAliasName");

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
	size_t i, base;
	int found = 0;

	if (root[0] != '\0' && strcmp(root, ".") != 0) {
		fl_buf_adds(&dir, root);
		if (dir.ptr[dir.len - 1] != '/')
			fl_buf_addch(&dir, '/');
	}
	fl_buf_adds(&dir, "imports/resources/");
	base = dir.len;
	for (i = 0; i < sizeof(folders) / sizeof(folders[0]); i++) {
		dir.len = base;
		fl_buf_adds(&dir, folders[i].dir);
		if (fl_inventory_read_folder(inv, rd, folders[i].kind,
		    dir.ptr) == 0)
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
