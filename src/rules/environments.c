/*
 * The configured environments; see environments.h.
 */
#include "rules/environments.h"

static char *const *
slot_list(const struct fl_environment *env, enum fl_env_slot slot, size_t *n)
{
	switch (slot) {
	case FL_ENV_ACCOUNT:
		*n = env->naccounts;
		return env->accounts;
	case FL_ENV_INSTANCE:
		*n = env->ninstances;
		return env->instances;
	case FL_ENV_REGION:
		break;
	}
	*n = env->nregions;
	return env->regions;
}

bool
fl_environment_has(const struct fl_environment *env, enum fl_env_slot slot,
    struct fl_str v)
{
	size_t i, n;
	char *const *list = slot_list(env, slot, &n);

	for (i = 0; i < n; i++)
		if (fl_str_eq_cstr(v, list[i]))
			return true;
	return false;
}

bool
fl_environment_has_any(const struct fl_environment *env,
    enum fl_env_slot slot)
{
	size_t n;

	slot_list(env, slot, &n);
	return n > 0;
}
