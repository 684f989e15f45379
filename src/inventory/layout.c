/*
 * The reference monorepo layout (connect-flow-format.md §1.5) and plain
 * folders of exported resources.  Only wrapper members are read (Name,
 * Type, Id, Arn); flows are not loaded into the flow model here, which
 * keeps building the inventory cheap next to checking the files.
 */
#include "inventory/sources.h"

#include <string.h>

#include "json/file.h"
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
 * arena, or NULL. */
static const char *
member(struct fl_json_file *f, uint32_t obj, const char *key)
{
	struct fl_str s = fl_json_string(&f->doc, fl_json_get(&f->doc, obj, key));

	return s.ptr != NULL ? fl_arena_strndup(&f->arena, s.ptr, s.len) : NULL;
}

/*
 * Adds the resource a wrapper file describes.  For flows, the
 * DescribeContactFlow response nests the wrapper under "ContactFlow",
 * and a wrapper without Type (or ContactFlowType) is a module, as the
 * loader decides (flow/load.c).
 */
static void
read_resource(struct fl_inventory *inv, enum fl_res_kind kind,
    const char *path)
{
	struct fl_json_file f;
	uint32_t w = FL_JSON_ROOT, cf;
	const char *name;

	if (fl_json_file_load(&f, path) != 0 ||
	    !fl_json_is(&f.doc, FL_JSON_ROOT, FL_JSON_OBJECT))
		goto done;
	if (kind == FL_RES_FLOW) {
		cf = fl_json_get(&f.doc, FL_JSON_ROOT, "ContactFlow");
		if (fl_json_is(&f.doc, cf, FL_JSON_OBJECT))
			w = cf;
		if (fl_json_get(&f.doc, w, "Content") == FL_JSON_NONE)
			goto done;
		if (fl_json_get(&f.doc, w, "Type") == FL_JSON_NONE &&
		    fl_json_get(&f.doc, w, "ContactFlowType") == FL_JSON_NONE)
			kind = FL_RES_MODULE;
	}
	name = member(&f, w, "Name");
	if (name != NULL && name[0] != '\0')
		fl_inventory_add(inv, kind, name, member(&f, w, "Id"),
		    member(&f, w, "Arn"), path);
done:
	fl_json_file_release(&f);
	fl_error_clear();
}

static void
note(struct fl_inventory *inv, enum fl_res_kind kind, const char *label)
{
	fl_inventory_note_source(inv, kind, label);
	if (kind == FL_RES_FLOW)
		fl_inventory_note_source(inv, FL_RES_MODULE, label);
}

int
fl_inventory_read_folder(struct fl_inventory *inv, enum fl_res_kind kind,
    const char *dir)
{
	struct fl_pathlist files = { 0 };
	size_t i;
	int err;

	err = fl_fs_walk_json(&files, dir);
	if (err == 0) {
		note(inv, kind, dir);
		fl_pathlist_sort(&files);
		for (i = 0; i < files.n; i++)
			read_resource(inv, kind, files.v[i]);
	}
	fl_pathlist_release(&files);
	return err;
}

/* Bot.json: {"name": ..., "identifier": ...} of a Lex V2 export. */
static void
read_bot(struct fl_inventory *inv, const char *path)
{
	struct fl_json_file f;
	const char *name;

	if (fl_json_file_load(&f, path) == 0 &&
	    (name = member(&f, FL_JSON_ROOT, "name")) != NULL)
		fl_inventory_add(inv, FL_RES_LEX_BOT, name,
		    member(&f, FL_JSON_ROOT, "identifier"), NULL, path);
	fl_json_file_release(&f);
	fl_error_clear();
}

/* aliases.json: [{"botId", "botAliasId", "botAliasName", ...}]. */
static void
read_aliases(struct fl_inventory *inv, const char *path)
{
	struct fl_json_file f;
	uint32_t it;

	if (fl_json_file_load(&f, path) != 0 ||
	    !fl_json_is(&f.doc, FL_JSON_ROOT, FL_JSON_ARRAY))
		goto done;
	fl_json_foreach(&f.doc, FL_JSON_ROOT, it) {
		const char *bot = member(&f, it, "botId");
		const char *id = member(&f, it, "botAliasId");
		const char *name = member(&f, it, "botAliasName");

		if (bot != NULL && id != NULL && name != NULL)
			fl_inventory_add_bot_alias(inv, bot, id, name, NULL, path);
	}
done:
	fl_json_file_release(&f);
	fl_error_clear();
}

static void
read_bots(struct fl_inventory *inv, const char *dir)
{
	struct fl_pathlist files = { 0 };
	size_t i;

	if (fl_fs_walk_json(&files, dir) == 0) {
		fl_inventory_note_source(inv, FL_RES_LEX_BOT, dir);
		fl_pathlist_sort(&files);
		for (i = 0; i < files.n; i++) {
			const char *base = basename_of(files.v[i]);

			if (strcmp(base, "Bot.json") == 0)
				read_bot(inv, files.v[i]);
			else if (strcmp(base, "aliases.json") == 0)
				read_aliases(inv, files.v[i]);
		}
	}
	fl_pathlist_release(&files);
	fl_error_clear();
}

int
fl_inventory_read_layout(struct fl_inventory *inv, const char *root)
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
		if (fl_fs_is_dir(dir.ptr) != 1)
			continue;
		found++;
		(void)fl_inventory_read_folder(inv, folders[i].kind, dir.ptr);
	}
	dir.len = base;
	fl_buf_adds(&dir, "bots");
	if (fl_fs_is_dir(dir.ptr) == 1) {
		found++;
		read_bots(inv, dir.ptr);
	}
	fl_buf_release(&dir);
	fl_error_clear();
	return found;
}
