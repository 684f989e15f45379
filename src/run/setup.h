/*
 * Everything a check run reads before the first file: the project (where
 * the repository, layout and configuration are), the configuration, the
 * inventory built from both, and the baseline — plus the filter that
 * applies them to findings.  Built once, read-only for the rules.
 */
#ifndef FL_RUN_SETUP_H
#define FL_RUN_SETUP_H

#include <stdbool.h>

#include "config/baseline.h"
#include "config/config.h"
#include "config/filter.h"
#include "config/project.h"
#include "rules/rule.h"

struct fl_buf;
struct fl_inventory;
struct fl_snapshot;

/* What a run asks fl_setup_load() for. */
struct fl_setup_options {
	const char *operand;	/* the first checked path, or NULL */
	const char *config;	/* --config FILE, or NULL: .flowlint.json */
	const char *baseline;	/* the baseline file, or NULL: none */
	bool record;		/* write the baseline instead of reading it */
	const struct fl_snapshot *snapshot;	/* the state the inventory
						   is read from; NULL: disk */
	bool cache;		/* use the repository's inventory cache */
	unsigned jobs;		/* threads to read with; 0: one per core */
	bool no_inventory;	/* build none (format looks nothing up) */
};

struct fl_setup {
	struct fl_project project;
	struct fl_config config;
	struct fl_inventory *inventory;	/* owned, or NULL: not built */
	const struct fl_snapshot *snapshot;	/* borrowed: what it was
						   read from */
	size_t inventory_files;		/* resource files in folders */
	size_t inventory_cached;	/* ... taken from the cache */
	unsigned jobs;			/* threads to read with */
	struct fl_baseline baseline;	/* --baseline FILE */
	struct fl_baseline record;	/* --write-baseline FILE */
	char *baseline_path;		/* owned, or NULL */
	bool recording;			/* --write-baseline */
	bool written;			/* ... and the file was written */
	struct fl_filter filter;	/* points into the members above */
};

/*
 * Discovers the project from o->operand, reads the configuration, builds
 * the inventory (unless o->no_inventory) from o->snapshot's state (with the cache when o->cache
 * and the state is git's) and reads the baseline -- or, with o->record,
 * prepares to write one.  Returns 0, or an FL_E* code with the message
 * set.  Release `s` in every case.
 */
int fl_setup_load(struct fl_setup *s, const struct fl_setup_options *o);
void fl_setup_release(struct fl_setup *s);

/*
 * Builds, into *out (the caller's to free), the inventory of another
 * state than the checked one -- the base a change is compared with --
 * from the same configuration and layout, without the cache.  Returns 0
 * or an FL_E* code.
 */
int fl_setup_inventory_at(struct fl_setup *s, const struct fl_snapshot *snapshot,
    struct fl_inventory **out);

/*
 * Appends the effective configuration as JSON (what --show-config
 * prints): the files found, every rule's severity or "off", the globs,
 * suppressions, patterns, baseline and, per resource kind, how many
 * resources which sources gave.
 */
void fl_setup_describe(struct fl_buf *out, const struct fl_setup *s,
    const bool *enabled, const enum fl_severity *severity);

/* Appends --verbose notes, one a line, each ending in '\n': the
 * configuration and layout used, and every resource kind the rules
 * refer to that has no source (so it is not checked). */
void fl_setup_notes(struct fl_buf *out, const struct fl_setup *s);

/* Appends what the filter hid in this run, one note a line (nothing
 * when it hid nothing). */
void fl_setup_summary(struct fl_buf *out, const struct fl_setup *s);

/* Writes the recorded baseline (after a run with `record`). */
int fl_setup_write_baseline(struct fl_setup *s);

#endif
