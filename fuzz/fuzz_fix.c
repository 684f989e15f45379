/*
 * Fuzz target: `fix` on one file, in memory.  When the fix engine
 * accepts a file, what it produces parses as JSON, and fixing that again
 * changes nothing (fix twice equals fix once).  A refusal is a normal
 * outcome: nothing may crash or leak on the way there.
 */
#include <stdint.h>
#include <string.h>

#include "lint/fix.h"
#include "fuzz.h"
#include "json/json.h"
#include "lint/lint.h"
#include "util/arena.h"
#include "util/error.h"
#include "util/xalloc.h"

static void
lint(struct fl_result *res, struct fl_fuzz_env *env, const char *text,
    size_t len)
{
	fl_result_init(res, fl_xstrdup("imports/resources/flows/fuzz.json"),
	    fl_xstrndup(text, len), len);
	fl_lint(res, &env->opts, env->m);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fl_fuzz_env *env = fl_fuzz_env();
	struct fl_fix_options fo = { .lint = &env->opts };
	struct fl_fix_outcome once, twice;
	struct fl_result in, again;
	struct fl_json_error err;
	struct fl_json_doc doc;
	struct fl_arena a;

	lint(&in, env, (const char *)data, size);
	if (fl_fix_file(&once, &in, &fo, env->m) != 0) {
		fl_error_clear();
		fl_result_release(&in);
		return 0;
	}
	if (once.changed) {
		const struct fl_source *s = &once.final->src;

		fl_arena_init(&a);
		FL_FUZZ_CHECK(fl_json_parse(&doc, &a, s->text, s->len, &err) == 0);
		fl_arena_release(&a);
		lint(&again, env, s->text, s->len);
		FL_FUZZ_CHECK(fl_fix_file(&twice, &again, &fo, env->m) == 0);
		FL_FUZZ_CHECK(!twice.changed);
		fl_fix_outcome_release(&twice);
		fl_result_release(&again);
	}
	fl_fix_outcome_release(&once);
	fl_result_release(&in);
	return 0;
}
