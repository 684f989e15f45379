/*
 * What the configuration says about each checked file, worked out once
 * by the run from its globs (rules see no configuration, and match no
 * globs): the environments the file belongs to ("environments", see
 * environments.h), whether its name follows the exporter's <Name>.json
 * ("exporter-named", FL003), and where it stands to the reference
 * deploy step, which reads only the layout's flows folder (FL003, FL008).
 */
#ifndef FL_RULES_FILE_CONFIG_H
#define FL_RULES_FILE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where a file stands to the reference deploy step, whose Terraform
 * reads every file below imports/resources/flows
 * (connect-flow-format.md §7.9). */
enum fl_deploy {
	FL_DEPLOY_UNKNOWN,	/* no reference layout around the file */
	FL_DEPLOY_UNREAD,	/* in the layout's tree, outside its flows
				   folder: nothing deploys the file */
	FL_DEPLOY_FLAT,		/* directly in the flows folder */
	FL_DEPLOY_NESTED,	/* in a subfolder of it, which Terraform
				   reads but the replacer writes flat */
};

struct fl_file_config {
	uint32_t environments;		/* bit i: environment i */
	bool exporter_named;		/* named as the exporter names it */
	enum fl_deploy deploy;
};

/* Whether the reference deploy step reads the file. */
static inline bool
fl_file_deployed(const struct fl_file_config *c)
{
	return c->deploy == FL_DEPLOY_FLAT || c->deploy == FL_DEPLOY_NESTED;
}

struct fl_file_configs {
	struct fl_file_config_entry {
		char *path;		/* owned: as shown in reports */
		struct fl_file_config c;
	} *v;				/* owned, sorted by path after finish */
	size_t n, alloc;
};

void fl_file_configs_add(struct fl_file_configs *t, const char *path,
    const struct fl_file_config *c);
/* Sorts the table for fl_file_configs_of(); after the last add. */
void fl_file_configs_finish(struct fl_file_configs *t);
void fl_file_configs_release(struct fl_file_configs *t);

/* What the table says about the file shown as `path` (t NULL or the
 * file absent: nothing). */
struct fl_file_config fl_file_configs_of(const struct fl_file_configs *t,
    const char *path);

#endif
