/*
 * Fuzz target: the action catalog's loader, as the "actions" of a
 * .flowlint.json extend it, and the rules that read the catalog.
 *
 * The input is split at its first 0xff byte: before it, the catalog
 * entries (an object Type -> entry, or a file like rules/data/
 * actions.json that holds them under "actions"); after it, a flow checked against
 * the built-in catalog with those entries merged in (none: a flow of
 * every kind of branch the FL5xx rules look at).  Whatever the bytes,
 * loading either fails with FL_ECONFIG and "<file>:<line>:<col>: ..."
 * inside the text, or yields entries sorted by Type, each with its
 * source and found by its Type; the rules then never crash and report
 * inside the flow's file.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "flow/catalog.h"
#include "fuzz.h"
#include "json/file.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/xalloc.h"

#define NAME "fuzz-actions.json"

static const char sample_flow[] =
"{\"Version\":\"2019-10-30\",\"StartAction\":\"a\",\"Actions\":["
"{\"Identifier\":\"a\",\"Type\":\"MessageParticipant\",\"Parameters\":"
"{\"Text\":\"hi\",\"PromptId\":\"$.Attributes.p\"},\"Transitions\":"
"{\"NextAction\":\"b\",\"Errors\":[{\"NextAction\":\"b\","
"\"ErrorType\":\"NoMatchingError\"}]}},"
"{\"Identifier\":\"b\",\"Type\":\"Compare\",\"Parameters\":"
"{\"ComparisonValue\":\"$.Attributes.x\"},\"Transitions\":{\"NextAction\":"
"\"a\",\"Conditions\":[{\"NextAction\":\"c\",\"Condition\":{\"Operator\":"
"\"Equals\",\"Operands\":[\"1\"]}}],\"Errors\":[{\"NextAction\":\"a\","
"\"ErrorType\":\"NoMatchingCondition\"}]}},"
"{\"Identifier\":\"c\",\"Type\":\"DisconnectParticipant\",\"Parameters\":"
"{},\"Transitions\":{}}]}";

/* "NAME:<line>:<col>: " with both numbers at least 1. */
static void
check_error(const char *msg)
{
	char *end;

	FL_FUZZ_CHECK(strncmp(msg, NAME ":", strlen(NAME ":")) == 0);
	msg += strlen(NAME ":");
	FL_FUZZ_CHECK(strtoul(msg, &end, 10) >= 1 && *end == ':');
	FL_FUZZ_CHECK(strtoul(end + 1, &end, 10) >= 1 && *end == ':');
}

/* Entries strictly sorted by Type, each with a source, found by it. */
static void
check_entries(const struct fl_catalog *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		const struct fl_cat_action *a = &c->v[i], *b = a - 1;

		FL_FUZZ_CHECK(a->source != NULL && a->source[0] != '\0');
		FL_FUZZ_CHECK(fl_catalog_find(c, fl_str_make(a->type,
		    a->type_len)) == a);
		if (i > 0) {
			size_t k = a->type_len < b->type_len ? a->type_len :
			    b->type_len;
			int cmp = memcmp(b->type, a->type, k);

			FL_FUZZ_CHECK(cmp < 0 || (cmp == 0 &&
			    b->type_len < a->type_len));
		}
	}
}

/* Checks `flow` with every rule against `c`. */
static void
lint(const struct fl_catalog *c, const char *flow, size_t len)
{
	struct fl_fuzz_env *env = fl_fuzz_env();
	struct fl_lint_options o = env->opts;
	struct fl_result r;
	uint32_t i;

	o.catalog = c;
	fl_result_init(&r, fl_xstrdup("fuzz.json"), fl_xstrndup(flow, len),
	    len);
	fl_lint(&r, &o, env->m);
	for (i = 0; i < r.diags.n; i++)
		FL_FUZZ_CHECK(r.diags.v[i].off <= len &&
		    r.diags.v[i].message != NULL);
	fl_result_release(&r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *cut = memchr(data, 0xff, size);
	size_t n = cut != NULL ? (size_t)(cut - data) : size;
	struct fl_json_file f = { 0 };
	struct fl_buf bytes = FL_BUF_INIT;
	struct fl_catalog c, merged;
	int err;

	fl_catalog_init(&c);
	fl_catalog_init(&merged);
	fl_buf_add(&bytes, data, n);
	err = fl_json_file_take(&f, NAME, &bytes, NULL);
	if (err == 0) {
		uint32_t obj = fl_json_get(&f.doc, FL_JSON_ROOT, "actions");

		err = fl_catalog_add(&c, &f, obj != FL_JSON_NONE ? obj :
		    FL_JSON_ROOT, "actions.");
	}
	if (err != 0) {
		FL_FUZZ_CHECK(err == FL_ECONFIG);
		check_error(fl_error_msg());
		goto done;
	}
	check_entries(&c);
	fl_catalog_merge(&merged, &fl_fuzz_env()->catalog);
	fl_catalog_merge(&merged, &c);
	check_entries(&merged);
	if (merged.n > 0)
		FL_FUZZ_CHECK(fl_catalog_closest(&merged,
		    fl_str_make("TransferToQueue", 15)) != NULL);
	if (cut != NULL)
		lint(&merged, (const char *)cut + 1, size - n - 1);
	else
		lint(&merged, sample_flow, sizeof(sample_flow) - 1);
done:
	fl_catalog_release(&merged);
	fl_catalog_release(&c);
	fl_json_file_release(&f);
	fl_buf_release(&bytes);
	return 0;
}
