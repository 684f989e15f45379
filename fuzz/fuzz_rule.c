/*
 * Fuzz target for one rule: fl_lint with only FUZZ_RULE enabled (the
 * loader's own findings come too).  CMake builds it once per rule file
 * in src/rules/, as fuzz_rule_<name>, defining FUZZ_RULE to the rule's
 * symbol, so each rule gets the fuzzer's whole attention.
 *
 * Every finding must name a position inside the file and carry a
 * message; a pointer, when there is one, is a JSON Pointer.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "lint/lint.h"
#include "rules/rule.h"
#include "util/xalloc.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fl_fuzz_env *env = fl_fuzz_env();
	static bool enabled[FL_MAX_RULES];
	struct fl_lint_options o = env->opts;
	struct fl_result res;
	uint32_t i;

	enabled[fl_rule_index(&FUZZ_RULE)] = true;
	o.enabled = enabled;
	fl_result_init(&res, fl_xstrdup("imports/resources/flows/fuzz.json"),
	    fl_xstrndup((const char *)data, size), size);
	fl_lint(&res, &o, env->m);
	for (i = 0; i < res.diags.n; i++) {
		const struct fl_diag *d = &res.diags.v[i];

		FL_FUZZ_CHECK(d->off <= size);
		FL_FUZZ_CHECK(d->line >= 1 && d->col >= 1);
		FL_FUZZ_CHECK(d->message != NULL && d->message[0] != '\0');
		FL_FUZZ_CHECK(d->pointer == NULL || d->pointer[0] == '\0' ||
		    d->pointer[0] == '/');
		FL_FUZZ_CHECK(i == 0 || res.diags.v[i - 1].off <= d->off);
	}
	fl_result_release(&res);
	return 0;
}
