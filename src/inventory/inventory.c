/*
 * The repository inventory, as a plain array searched linearly.
 *
 * This is the minimal implementation the fix branch needs to build and
 * test against inventory.h; the inventory branch provides the real one
 * (sources from the layout and the configuration, faster lookups), which
 * replaces this file at merge.
 */
#include "inventory/inventory.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

struct fl_inventory {
	struct fl_resource *v;		/* owned */
	size_t n, alloc;
	bool kinds[FL_RES_KIND_COUNT];	/* a source of this kind was read */
};

struct fl_inventory *
fl_inventory_new(void)
{
	return fl_xcalloc(1, sizeof(struct fl_inventory));
}

void
fl_inventory_free(struct fl_inventory *inv)
{
	size_t i;

	if (inv == NULL)
		return;
	for (i = 0; i < inv->n; i++) {
		free(inv->v[i].name);
		free(inv->v[i].id);
		free(inv->v[i].arn);
		free(inv->v[i].source);
	}
	free(inv->v);
	free(inv);
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? fl_xstrdup(s) : NULL;
}

void
fl_inventory_add(struct fl_inventory *inv, enum fl_res_kind kind,
    const char *name, const char *id, const char *arn, const char *source)
{
	struct fl_resource *r;

	FL_GROW(inv->v, inv->n + 1, inv->alloc);
	r = &inv->v[inv->n++];
	r->kind = kind;
	r->name = fl_xstrdup(name);
	r->id = dup_or_null(id);
	r->arn = dup_or_null(arn);
	r->source = dup_or_null(source);
	inv->kinds[kind] = true;
}

void
fl_inventory_mark_kind(struct fl_inventory *inv, enum fl_res_kind kind)
{
	inv->kinds[kind] = true;
}

bool
fl_inventory_has_kind(const struct fl_inventory *inv, enum fl_res_kind kind)
{
	return inv != NULL && inv->kinds[kind];
}

const struct fl_resource *
fl_inventory_by_name(const struct fl_inventory *inv, enum fl_res_kind kind,
    struct fl_str name)
{
	size_t i;

	for (i = 0; inv != NULL && i < inv->n; i++)
		if (inv->v[i].kind == kind && fl_str_eq_cstr(name, inv->v[i].name))
			return &inv->v[i];
	return NULL;
}

const struct fl_resource *
fl_inventory_by_id(const struct fl_inventory *inv, enum fl_res_kind kind,
    struct fl_str id)
{
	size_t i;

	for (i = 0; inv != NULL && i < inv->n; i++)
		if (inv->v[i].kind == kind && inv->v[i].id != NULL &&
		    fl_str_eq_cstr(id, inv->v[i].id))
			return &inv->v[i];
	return NULL;
}

const char *
fl_res_kind_name(enum fl_res_kind kind)
{
	static const char *const names[FL_RES_KIND_COUNT] = {
		[FL_RES_QUEUE] = "queue",
		[FL_RES_FLOW] = "flow",
		[FL_RES_MODULE] = "module",
		[FL_RES_PROMPT] = "prompt",
		[FL_RES_HOURS] = "hours",
		[FL_RES_LAMBDA] = "lambda",
		[FL_RES_LEX_BOT] = "lex-bot",
		[FL_RES_ASSISTANT] = "assistant",
		[FL_RES_QUICK_CONNECT] = "quick-connect",
		[FL_RES_ROUTING_PROFILE] = "routing-profile",
		[FL_RES_VIEW] = "view",
		[FL_RES_AGENT_STATUS] = "agent-status",
	};

	return (unsigned)kind < FL_RES_KIND_COUNT ? names[kind] : "resource";
}

/*
 * Reading the repository layout and the configured sources is the
 * inventory branch's work; until it lands, a run knows no resources, so
 * every fix that needs a name is left undone and says what is missing.
 */
int
fl_inventory_load_for(struct fl_inventory **out, char *const *paths,
    size_t n)
{
	(void)paths;
	(void)n;
	*out = fl_inventory_new();
	return 0;
}
