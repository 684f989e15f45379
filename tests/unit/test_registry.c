/*
 * The rule registry agrees with itself, the rule pages and the fixtures:
 * codes strictly ascending, names unique kebab-case, a page per rule
 * whose front matter matches the code (code, name, severity, fixable),
 * and a fixture folder per rule with at least one bad and one good case,
 * plus a golden NAME.json.fixed for every rule `flowlint fix` fixes and
 * a title for every fix (rule.h's checklist).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/docs.h"
#include "rules/rule.h"
#include "util/embedded.h"

static void
test_registry__codes_ascending_names_kebab(void **state)
{
	unsigned i, j;

	assert_true(fl_rule_count > 0 && fl_rule_count <= FL_MAX_RULES);
	for (i = 0; i < fl_rule_count; i++) {
		const struct fl_rule *r = fl_rules[i];
		const char *c;

		assert_int_equal(strlen(r->code), 5);
		assert_memory_equal(r->code, "FL", 2);
		if (i > 0)
			assert_true(strcmp(fl_rules[i - 1]->code, r->code) < 0);
		for (c = r->name; *c; c++)
			assert_true((*c >= 'a' && *c <= 'z') ||
			    (*c >= '0' && *c <= '9') || *c == '-');
		for (j = 0; j < i; j++)
			assert_string_not_equal(fl_rules[j]->name, r->name);
		assert_ptr_equal(fl_rule_find(r->code), r);
		assert_ptr_equal(fl_rule_find(r->name), r);
	}
}

static void
assert_field(const struct fl_rule_doc *d, const char *key, const char *want,
    const char *code)
{
	struct fl_str v = fl_rule_doc_field(d, key);

	if (v.ptr == NULL || !fl_str_eq_cstr(v, want))
		fail_msg("%s: page front matter %s is '%.*s', the rule says '%s'",
		    code, key, v.ptr ? (int)v.len : 6, v.ptr ? v.ptr : "(none)",
		    want);
}

static void
test_registry__every_rule_has_a_matching_page(void **state)
{
	unsigned i;

	for (i = 0; i < fl_rule_count; i++) {
		const struct fl_rule *r = fl_rules[i];
		struct fl_rule_doc d;

		if (fl_rule_doc(&d, r) != 0)
			fail_msg("no page rules/%s-%s.md", r->code, r->name);
		assert_field(&d, "code", r->code, r->code);
		assert_field(&d, "name", r->name, r->code);
		assert_field(&d, "severity", fl_severity_name(r->severity),
		    r->code);
		assert_field(&d, "fixable", fl_rule_fixable(r) ? "yes" :
		    "no", r->code);
		assert_non_null(d.summary.ptr);
		assert_non_null(strstr(d.body.ptr, "## Example (fails)"));
		assert_non_null(strstr(d.body.ptr, "## Example (passes)"));
	}
}

static void
test_registry__every_page_has_a_rule(void **state)
{
	const struct fl_embedded *e;

	for (e = fl_embedded; e->path != NULL; e++) {
		char code[6];

		if (strncmp(e->path, "rules/FL", 8) != 0)
			continue;
		memcpy(code, e->path + 6, 5);
		code[5] = '\0';
		if (fl_rule_find(code) == NULL)
			fail_msg("page %s documents no registered rule", e->path);
	}
}

static void
test_registry__every_rule_has_fixtures(void **state)
{
	const char *src = getenv("FLOWLINT_SOURCE_DIR");
	unsigned i;

	if (src == NULL)
		skip();
	for (i = 0; i < fl_rule_count; i++) {
		const struct fl_rule *r = fl_rules[i];
		char path[512];
		struct dirent *e;
		int bad = 0, good = 0;
		DIR *d;

		snprintf(path, sizeof(path), "%s/tests/fixtures/%s-%s", src,
		    r->code, r->name);
		d = opendir(path);
		if (d == NULL)
			fail_msg("no fixture folder %s", path);
		while ((e = readdir(d)) != NULL) {
			if (strstr(e->d_name, ".expected.") != NULL)
				continue;
			bad += strncmp(e->d_name, "bad", 3) == 0;
			good += strncmp(e->d_name, "good", 4) == 0;
		}
		closedir(d);
		if (bad == 0 || good == 0)
			fail_msg("%s needs bad* and good* fixtures", path);
	}
}

static void
test_registry__every_fixable_rule_has_a_fixed_golden(void **state)
{
	const char *src = getenv("FLOWLINT_SOURCE_DIR");
	unsigned i;

	if (src == NULL)
		skip();
	for (i = 0; i < fl_rule_count; i++) {
		const struct fl_rule *r = fl_rules[i];
		char path[512];
		struct dirent *e;
		int fixed = 0;
		DIR *d;

		if (!fl_rule_fixable(r))
			continue;
		snprintf(path, sizeof(path), "%s/tests/fixtures/%s-%s", src,
		    r->code, r->name);
		d = opendir(path);
		if (d == NULL)
			fail_msg("no fixture folder %s", path);
		while ((e = readdir(d)) != NULL) {
			size_t n = strlen(e->d_name);

			fixed += n > 6 && strcmp(e->d_name + n - 6, ".fixed") == 0;
		}
		closedir(d);
		if (fixed == 0)
			fail_msg("%s is fixable but %s has no *.json.fixed",
			    r->code, path);
	}
}

/* The fix half of rule.h's checklist: a fix has a title, and a title a fix. */
static void
test_registry__every_fix_names_itself(void **state)
{
	unsigned i;

	for (i = 0; i < fl_rule_count; i++) {
		const struct fl_rule *r = fl_rules[i];
		bool titled = r->fix_title != NULL && r->fix_title[0] != '\0';

		if (fl_rule_fixable(r) != titled)
			fail_msg("%s: a rule with a fix sets .fix_title, and "
			    "only such a rule", r->code);
		if (r->fix != NULL && r->check == NULL)
			fail_msg("%s: a fix needs the findings of a check",
			    r->code);
	}
}

/* Whether `file` (n bytes, '_' between words) spells rule name `name`
 * ('-' between words). */
static bool
same_with_dashes(const char *file, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (file[i] != (name[i] == '-' ? '_' : name[i]))
			return false;
	return true;
}

/*
 * Every src/rules/flNNN_<name>.c is the file of rule FLNNN, whose symbol
 * is fl_rule_<name>: the layout says so, and fuzz/CMakeLists.txt builds
 * one fuzz_rule_<name> target per such file.  Helpers have other names.
 */
static void
test_registry__every_rule_file_is_a_rule(void **state)
{
	const char *src = getenv("FLOWLINT_SOURCE_DIR");
	char path[512];
	struct dirent *e;
	DIR *d;

	if (src == NULL)
		skip();
	snprintf(path, sizeof(path), "%s/src/rules", src);
	d = opendir(path);
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		const struct fl_rule *r;
		char code[6];
		size_t n = strlen(e->d_name);

		if (n < 8 || strncmp(e->d_name, "fl", 2) != 0 ||
		    strcmp(e->d_name + n - 2, ".c") != 0 ||
		    strspn(e->d_name + 2, "0123456789") != 3 ||
		    e->d_name[5] != '_')
			continue;
		snprintf(code, sizeof(code), "FL%.3s", e->d_name + 2);
		r = fl_rule_find(code);
		if (r == NULL) {
			fail_msg("src/rules/%s: no rule %s", e->d_name, code);
			continue;
		}
		/* fl003_name_mismatch.c holds name-mismatch. */
		if (n - 8 != strlen(r->name) ||
		    !same_with_dashes(e->d_name + 6, r->name, n - 8))
			fail_msg("src/rules/%s is not the file of %s %s "
			    "(a helper takes a name without flNNN_)",
			    e->d_name, r->code, r->name);
	}
	closedir(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registry__codes_ascending_names_kebab),
		cmocka_unit_test(test_registry__every_rule_has_a_matching_page),
		cmocka_unit_test(test_registry__every_page_has_a_rule),
		cmocka_unit_test(test_registry__every_rule_has_fixtures),
		cmocka_unit_test(test_registry__every_fixable_rule_has_a_fixed_golden),
		cmocka_unit_test(test_registry__every_fix_names_itself),
		cmocka_unit_test(test_registry__every_rule_file_is_a_rule),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
