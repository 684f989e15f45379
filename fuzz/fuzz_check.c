/*
 * Fuzz target: everything `check` does to one file — every rule, then
 * the text and JSON reports (written to a memory stream; the JSON report
 * must stay valid JSON, so it is parsed back).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "json/json.h"
#include "lint/lint.h"
#include "report/report.h"
#include "util/arena.h"
#include "util/xalloc.h"

static void
report(const struct fl_report_format *fmt, struct fl_result *res,
    int must_parse)
{
	struct fl_report_totals totals = { .files = 1 };
	struct fl_report rep = { 0 };
	struct fl_report_file view;
	char *buf = NULL;
	size_t len = 0;

	rep.format = fmt;
	rep.out = open_memstream(&buf, &len);
	FL_FUZZ_CHECK(rep.out != NULL);
	fmt->begin(&rep);
	fl_result_fingerprinted(res);
	fl_result_report_file(res, &view);
	fmt->file(&rep, &view);
	fl_result_count(res, &totals.errors, &totals.warnings, &totals.infos);
	fmt->end(&rep, &totals);
	fclose(rep.out);
	if (must_parse) {
		struct fl_json_error err;
		struct fl_json_doc doc;
		struct fl_arena a;

		fl_arena_init(&a);
		FL_FUZZ_CHECK(fl_json_parse(&doc, &a, buf, len, &err) == 0);
		fl_arena_release(&a);
	}
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fl_fuzz_env *env = fl_fuzz_env();
	struct fl_result res;

	fl_result_init(&res, fl_xstrdup("imports/resources/flows/fuzz.json"),
	    fl_xstrndup((const char *)data, size), size);
	fl_lint(&res, &env->opts, env->m);
	report(&fl_report_text, &res, 0);
	report(&fl_report_json, &res, 1);
	fl_result_release(&res);
	return 0;
}
