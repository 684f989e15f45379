/*
 * The configured environments and the files that belong to them; see
 * environments.h.
 */
#include "rules/environments.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void
fl_environments_add_file(struct fl_environments *e, const char *path,
    uint32_t member)
{
	e->files = fl_xrealloc(e->files, (e->nfiles + 1) * sizeof(*e->files));
	e->files[e->nfiles].path = fl_xstrdup(path);
	e->files[e->nfiles++].member = member;
}

static int
by_path(const void *a, const void *b)
{
	return strcmp(((const struct fl_env_file *)a)->path,
	    ((const struct fl_env_file *)b)->path);
}

void
fl_environments_finish(struct fl_environments *e)
{
	if (e->nfiles > 1)
		qsort(e->files, e->nfiles, sizeof(*e->files), by_path);
}

void
fl_environments_release(struct fl_environments *e)
{
	size_t i;

	for (i = 0; i < e->nfiles; i++)
		free(e->files[i].path);
	free(e->files);
	memset(e, 0, sizeof(*e));
}

uint32_t
fl_environments_of(const struct fl_environments *e, const char *path)
{
	struct fl_env_file key = { (char *)(uintptr_t)path, 0 };
	const struct fl_env_file *hit;

	if (e == NULL || e->nfiles == 0)
		return 0;
	hit = bsearch(&key, e->files, e->nfiles, sizeof(*e->files), by_path);
	return hit != NULL ? hit->member : 0;
}

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
