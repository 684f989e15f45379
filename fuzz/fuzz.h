/*
 * What every fuzz target shares: the compiled patterns, parameter
 * table and action catalog, made once per process (libFuzzer calls the target millions of
 * times), and libFuzzer's entry point.
 */
#ifndef FL_FUZZ_FUZZ_H
#define FL_FUZZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "flow/catalog.h"
#include "flow/params.h"
#include "flow/patterns.h"
#include "lint/lint.h"

struct fl_fuzz_env {
	struct fl_patterns pats;
	struct fl_params params;
	struct fl_catalog catalog;
	struct fl_re_match *m;
	struct fl_lint_options opts;	/* all rules, default severities */
};

/* The process's environment, loaded on first use; never freed. */
struct fl_fuzz_env *fl_fuzz_env(void);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * An invariant the input broke: a crash for libFuzzer to report.  Not
 * assert(), which release builds compile out.
 */
#define FL_FUZZ_CHECK(cond)                                                 \
	do {                                                                \
		if (!(cond)) {                                              \
			fprintf(stderr, "%s:%d: invariant failed: %s\n",     \
			    __FILE__, __LINE__, #cond);                     \
			abort();                                            \
		}                                                           \
	} while (0)

#endif
