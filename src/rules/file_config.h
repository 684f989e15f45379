/*
 * What the configuration says about each checked file, worked out once
 * by the run from its globs (rules see no configuration, and match no
 * globs): the environments the file belongs to ("environments", see
 * environments.h) and whether its name follows the exporter's
 * <Name>.json ("exporter-named", FL003).
 */
#ifndef FL_RULES_FILE_CONFIG_H
#define FL_RULES_FILE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct fl_file_config {
	uint32_t environments;		/* bit i: environment i */
	bool exporter_named;		/* named as the exporter names it */
};

struct fl_file_configs {
	struct fl_file_config_entry {
		char *path;		/* owned: as shown in reports */
		struct fl_file_config c;
	} *v;				/* owned, sorted by path after finish */
	size_t n;
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
