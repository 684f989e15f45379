/*
 * What the configuration says the inventory is made of (the
 * "inventory" key of .flowlint.json): whether the reference layout is
 * read and from where, the replacer's kinds, and the sources in order.
 * Configuration parses into it; inventory/build.h builds from it.
 */
#ifndef FL_INVENTORY_SPEC_H
#define FL_INVENTORY_SPEC_H

#include <stdbool.h>
#include <stddef.h>

#include "inventory/inventory.h"

enum fl_source_type {
	FL_SOURCE_NAMES,	/* names given inline */
	FL_SOURCE_FILE,		/* a name list file */
	FL_SOURCE_AWS,		/* saved AWS CLI list output */
	FL_SOURCE_FOLDER,	/* a folder of exported resource files */
};

struct fl_source_spec {
	enum fl_source_type type;
	int kind;		/* enum fl_res_kind, or -1 (aws: any) */
	char *path;		/* owned, absolute; NULL for names */
	char **names;		/* owned; FL_SOURCE_NAMES only */
	size_t nnames;
	char *where;		/* owned: "<config>:<line>:<col>" of the entry */
};

struct fl_inventory_spec {
	bool layout;		/* read the reference layout */
	char *layout_root;	/* owned: given folder, or NULL: discover */
	bool has_replacer_kinds;
	enum fl_res_kind replacer_kinds[FL_RES_KIND_COUNT];
	size_t nreplacer_kinds;
	struct fl_source_spec *sources;	/* owned */
	size_t nsources;
};

/* The default: the layout read, nothing else.  No allocation. */
void fl_inventory_spec_init(struct fl_inventory_spec *s);
void fl_inventory_spec_release(struct fl_inventory_spec *s);

/* The folder whose imports/resources is read: the one the spec names,
 * else `found` (discovered; may be NULL); NULL when the layout is off. */
const char *fl_inventory_spec_layout(const struct fl_inventory_spec *s,
    const char *found);

#endif
