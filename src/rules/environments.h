/*
 * The deployment environments a team configures (.flowlint.json
 * "environments"): per environment the accounts, Connect instances and
 * regions it owns and the files that belong to it (rules/file_config.h
 * says which a checked file belongs to).  FL105 reports a file
 * of one environment holding another's IDs; the fixes write ${ACCT_ID},
 * ${INSTANCE_ID} and ${REGION} only for the file's own environment's.
 */
#ifndef FL_RULES_ENVIRONMENTS_H
#define FL_RULES_ENVIRONMENTS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/str.h"

/* Bits of a uint32_t say which environments a file belongs to. */
#define FL_MAX_ENVIRONMENTS 32

struct fl_environment {
	char *name;			/* owned */
	char **accounts, **instances, **regions;	/* owned; instances
					   as IDs, also when given as ARNs */
	size_t naccounts, ninstances, nregions;
	char **paths;			/* owned: globs of its files */
	size_t npaths;
};

/* Which slot of an ARN a value fills. */
enum fl_env_slot { FL_ENV_ACCOUNT, FL_ENV_INSTANCE, FL_ENV_REGION };

/* Whether environment `env` lists `v` in `slot`. */
bool fl_environment_has(const struct fl_environment *env,
    enum fl_env_slot slot, struct fl_str v);

/* Whether environment `env` lists anything in `slot`. */
bool fl_environment_has_any(const struct fl_environment *env,
    enum fl_env_slot slot);

#endif
