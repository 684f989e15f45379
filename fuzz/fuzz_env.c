/*
 * The shared fuzzing environment; see fuzz.h.
 */
#include "fuzz.h"

#include <stdlib.h>

#include "util/re.h"

struct fl_fuzz_env *
fl_fuzz_env(void)
{
	static struct fl_fuzz_env env;
	static int loaded;

	if (!loaded) {
		fl_catalog_init(&env.catalog);
		if (fl_patterns_load_default(&env.pats) != 0 ||
		    fl_params_load_default(&env.params) != 0 ||
		    fl_catalog_load_default(&env.catalog) != 0)
			abort();
		env.m = fl_re_match_new();
		env.opts.patterns = &env.pats;
		env.opts.params = &env.params;
		env.opts.catalog = &env.catalog;
		loaded = 1;
	}
	return &env;
}
