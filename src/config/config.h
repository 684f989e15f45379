/*
 * .flowlint.json: what a team configures once for its repository.
 *
 *   {
 *     "select": ["FL101", "dangling-placeholder"],   rules to run (default all)
 *     "ignore": ["FL306"],                           rules not to run
 *     "severity": {"FL204": "error"},                error, warning or info
 *     "include": ["imports/resources/flows"],        globs (config/glob.h)
 *     "exclude": ["templates"],
 *     "per-file-ignores": {"legacy": ["FL204"]},
 *     "inventory": {
 *       "layout": true,              false, or the folder holding imports/
 *       "replacer-kinds": ["queue", "prompt", ...],
 *       "sources": [{"kind": "prompt", "names": ["Welcome.wav"]},
 *                   {"kind": "lambda", "file": "inventory/lambdas.txt"},
 *                   {"aws": "inventory/prompts.json"},
 *                   {"kind": "queue", "folder": "admin/queues"}]
 *     },
 *     "patterns": "ci/replacer-patterns.json",
 *     "stages": ["dev", "qa", "prod"],   stage tokens of resource names
 *     "exporter-named": ["connect/flows"],  files named <Name>.json (FL003)
 *     "environments": {"staging": {"accounts": ["111122223333"],
 *                        "instances": ["<instance ID or ARN>"],
 *                        "regions": ["us-east-1"],
 *                        "paths": ["envs/staging", "modules"]}, ...},
 *     "actions": {"NewAction": {...}},    action catalog entries
 *                     (flow/catalog.h) added to or replacing the built-in
 *     "suppressions": [{"rule": "FL303", "path": "flows/x.json",
 *                       "flow": "x", "action": "a1", "reason": "..."}]
 *                     (or the name of a file holding that array)
 *   }
 *
 * Paths are relative to the configuration file's folder.  Every
 * unknown key, wrong type, unknown rule or kind and bad glob is an
 * error naming the file, line, column, key and reason.
 */
#ifndef FL_CONFIG_CONFIG_H
#define FL_CONFIG_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "flow/catalog.h"
#include "inventory/inventory.h"
#include "rules/environments.h"
#include "rules/rule.h"

struct fl_inventory_reader;
struct fl_patterns;

struct fl_path_ignore {
	char *glob;			/* owned */
	bool rules[FL_MAX_RULES];	/* by fl_rule_index() */
};

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

struct fl_suppression {
	const struct fl_rule *rule;
	char *path;		/* owned: glob */
	char *flow;		/* owned, or NULL: any flow */
	char *action;		/* owned, or NULL: any action */
	char *reason;		/* owned, never empty */
	char *file;		/* owned: the file it is written in (absolute) */
	uint32_t line, col;	/* of the entry in that file */
	char *pointer;		/* owned: JSON Pointer of the entry there */
	/* Counted while a run filters its findings: */
	unsigned hits;		/* findings it suppressed */
	bool in_scope;		/* its path matched a checked file */
};

struct fl_config {
	char *path;		/* owned: the file (absolute), NULL: defaults */
	char *dir;		/* owned: its folder, NULL: defaults */
	bool has_select;
	bool select[FL_MAX_RULES];
	bool ignore[FL_MAX_RULES];
	bool has_severity[FL_MAX_RULES];
	enum fl_severity severity[FL_MAX_RULES];
	char **include, **exclude;	/* owned globs */
	size_t ninclude, nexclude;
	struct fl_path_ignore *ignores;	/* owned: per-file-ignores */
	size_t nignores;
	bool layout;		/* read the reference layout */
	char *layout_root;	/* owned: given folder, or NULL: discover */
	bool has_replacer_kinds;
	enum fl_res_kind replacer_kinds[FL_RES_KIND_COUNT];
	size_t nreplacer_kinds;
	struct fl_source_spec *sources;	/* owned */
	size_t nsources;
	char *patterns;		/* owned: absolute path, or NULL: built-in */
	char **stages;		/* owned: "stages", or NULL: the pattern's */
	size_t nstages;
	struct fl_environment *environments;	/* owned: "environments" */
	size_t nenvironments;
	char **exporter_named;	/* owned globs: "exporter-named" */
	size_t nexporter_named;
	struct fl_catalog actions;	/* entries of "actions" (often none) */
	char *suppressions_file;	/* owned: when they come from a file */
	struct fl_suppression *supp;	/* owned */
	size_t nsupp;
};

/* The defaults: every rule at its severity, the layout read, nothing
 * else.  No allocation. */
void fl_config_init(struct fl_config *c);

/* Reads and validates the file at `path` into `c` (initialised here).
 * Returns 0, or FL_EIO / FL_ECONFIG with "<file>:<line>:<col>: <key>:
 * <reason>" set; release `c` in every case. */
int fl_config_load(struct fl_config *c, const char *path);

void fl_config_release(struct fl_config *c);

/*
 * The rule selection and severities: clears enabled[i] for rules the
 * configuration does not select or ignores (`enabled` NULL: leaves the
 * selection alone, as --select on the command line does), and fills
 * severity[] with each rule's configured or default severity.  Both
 * arrays are indexed by fl_rule_index().
 */
void fl_config_rules(const struct fl_config *c, bool *enabled,
    enum fl_severity *severity);

/* Whether include/exclude let the file at `relpath` (relative to the
 * configuration's folder) be checked. */
bool fl_config_wants(const struct fl_config *c, const char *relpath);

/* The configured patterns file, else the built-in patterns. */
int fl_config_load_patterns(struct fl_patterns *out, const struct fl_config *c);

/* The built-in action catalog with the configured "actions" merged in;
 * `out` borrows from `c`, which must outlive it. */
int fl_config_load_catalog(struct fl_catalog *out, const struct fl_config *c);

/*
 * Builds the inventory: the reference layout below `layout_root` (NULL:
 * none found) unless the configuration turns it off or names another
 * folder, then every configured source in order, each read as `rd`
 * says.  Returns 0, or the error of the first source that cannot be
 * read, prefixed with where the configuration names it.
 */
int fl_config_inventory(struct fl_inventory **out, const struct fl_config *c,
    const char *layout_root, struct fl_inventory_reader *rd);

#endif
