/*
 * Reading and validating .flowlint.json (config.h).  Strict on purpose:
 * a misspelt key silently ignored is a check silently not run, so every
 * unknown key, wrong type and bad value is an error with its position.
 */
#include "config/config.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/glob.h"
#include "config/project.h"
#include "flow/patterns.h"
#include "inventory/sources.h"
#include "json/file.h"
#include "repo/snapshot.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/re.h"
#include "util/xalloc.h"

#define KEYLEN 160	/* room for a key path such as inventory.sources[12].kind */

/* Formats a key path for messages; long ones are cut. */
static void __attribute__((format(printf, 2, 3)))
keyf(char *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out, KEYLEN, fmt, ap);
	va_end(ap);
}

void
fl_config_init(struct fl_config *c)
{
	memset(c, 0, sizeof(*c));
	c->layout = true;
	fl_catalog_init(&c->actions);
}

static void
free_strings(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
fl_config_release(struct fl_config *c)
{
	size_t i;

	free(c->path);
	free(c->dir);
	free_strings(c->include, c->ninclude);
	free_strings(c->exclude, c->nexclude);
	for (i = 0; i < c->nignores; i++)
		free(c->ignores[i].glob);
	free(c->ignores);
	free(c->layout_root);
	for (i = 0; i < c->nsources; i++) {
		free(c->sources[i].path);
		free_strings(c->sources[i].names, c->sources[i].nnames);
		free(c->sources[i].where);
	}
	free(c->sources);
	free(c->patterns);
	free_strings(c->stages, c->nstages);
	free_strings(c->exporter_named, c->nexporter_named);
	for (i = 0; i < c->nenvironments; i++) {
		struct fl_environment *e = &c->environments[i];

		free(e->name);
		free_strings(e->accounts, e->naccounts);
		free_strings(e->instances, e->ninstances);
		free_strings(e->regions, e->nregions);
		free_strings(e->paths, e->npaths);
	}
	free(c->environments);
	fl_catalog_release(&c->actions);
	free(c->suppressions_file);
	for (i = 0; i < c->nsupp; i++) {
		free(c->supp[i].path);
		free(c->supp[i].flow);
		free(c->supp[i].action);
		free(c->supp[i].reason);
		free(c->supp[i].file);
		free(c->supp[i].pointer);
	}
	free(c->supp);
	fl_config_init(c);
}

static const char *
type_name(const struct fl_json_file *f, uint32_t node)
{
	switch ((enum fl_json_type)f->doc.nodes[node].type) {
	case FL_JSON_NULL: return "null";
	case FL_JSON_FALSE: case FL_JSON_TRUE: return "a boolean";
	case FL_JSON_NUMBER: return "a number";
	case FL_JSON_STRING: return "a string";
	case FL_JSON_ARRAY: return "an array";
	case FL_JSON_OBJECT: return "an object";
	}
	return "a value";
}

/* Error unless node has type t; `what` describes the expected value. */
static int
expect(struct fl_json_file *f, uint32_t node, enum fl_json_type t,
    const char *key, const char *what)
{
	if (fl_json_is(&f->doc, node, t))
		return 0;
	return fl_json_file_error(f, node, false, "%s: expected %s, not %s",
	    key, what, type_name(f, node));
}

/*
 * The name of entry i of a key table: an array of `stride`-byte entries
 * that start with the key's name, ended by a NULL name.  A plain list of
 * names is such a table; so is the table of top-level keys and parsers.
 */
static const char *
key_at(const void *table, size_t stride, size_t i)
{
	return *(const char *const *)(const void *)((const char *)table +
	    i * stride);
}

/* Error at the first member of object `obj` whose key is not in the key
 * table `allowed` or is repeated. */
static int
check_key_table(struct fl_json_file *f, uint32_t obj, const char *where,
    const void *allowed, size_t stride)
{
	uint32_t it;

	fl_json_foreach(&f->doc, obj, it) {
		const struct fl_json_node *n = &f->doc.nodes[it];
		struct fl_buf list = FL_BUF_INIT;
		size_t i;
		int err;

		if (n->flags & FL_JSON_F_DUP_KEY)
			return fl_json_file_error(f, it, true, "%s%s%.*s: "
			    "duplicate key", where, where[0] ? "." : "",
			    FL_STR_ARGS(n->key));
		for (i = 0; key_at(allowed, stride, i) != NULL; i++)
			if (fl_str_eq_cstr(n->key, key_at(allowed, stride, i)))
				break;
		if (key_at(allowed, stride, i) != NULL)
			continue;
		for (i = 0; key_at(allowed, stride, i) != NULL; i++)
			fl_buf_addf(&list, "%s%s", i == 0 ? "" : ", ",
			    key_at(allowed, stride, i));
		err = fl_json_file_error(f, it, true, "%s%sunknown key \"%.*s\" "
		    "(expected one of: %s)", where, where[0] ? ": " : "",
		    FL_STR_ARGS(n->key), list.ptr);
		fl_buf_release(&list);
		return err;
	}
	return 0;
}

/* check_key_table() for a NULL-terminated array of names. */
static int
check_keys(struct fl_json_file *f, uint32_t obj, const char *where,
    const char *const *allowed)
{
	return check_key_table(f, obj, where, allowed, sizeof(*allowed));
}

static char *
dup_str(const struct fl_json_file *f, uint32_t node)
{
	struct fl_str s = fl_json_string(&f->doc, node);

	return fl_xstrndup(s.ptr, s.len);
}

/* A string that must not be empty. */
static int
get_string(char **out, struct fl_json_file *f, uint32_t node, const char *key)
{
	int err = expect(f, node, FL_JSON_STRING, key, "a string");

	if (err == 0 && f->doc.nodes[node].str.len == 0)
		err = fl_json_file_error(f, node, false, "%s: must not be "
		    "empty", key);
	if (err == 0)
		*out = dup_str(f, node);
	return err;
}

static int
find_rule(const struct fl_rule **out, struct fl_json_file *f, uint32_t node,
    const char *key)
{
	char *name;
	int err = get_string(&name, f, node, key);

	if (err != 0)
		return err;
	*out = fl_rule_find(name);
	if (*out == NULL)
		err = fl_json_file_error(f, node, false, "%s: unknown rule "
		    "\"%s\" (see 'flowlint rules')", key, name);
	free(name);
	return err;
}

/* An array of rule codes or names, marked in `set`. */
static int
rule_list(bool *set, struct fl_json_file *f, uint32_t node, const char *key)
{
	char elem[KEYLEN];
	uint32_t it, i = 0;
	int err = expect(f, node, FL_JSON_ARRAY, key,
	    "an array of rule codes or names");

	fl_json_foreach(&f->doc, node, it) {
		const struct fl_rule *r;

		if (err != 0)
			break;
		keyf(elem, "%s[%u]", key, i++);
		err = find_rule(&r, f, it, elem);
		if (err == 0)
			set[fl_rule_index(r)] = true;
	}
	return err;
}

static bool
parse_severity(enum fl_severity *out, struct fl_str s)
{
	if (fl_str_eq_cstr(s, "error"))
		*out = FL_SEV_ERROR;
	else if (fl_str_eq_cstr(s, "warning"))
		*out = FL_SEV_WARNING;
	else if (fl_str_eq_cstr(s, "info"))
		*out = FL_SEV_INFO;
	else
		return false;
	return true;
}

static int
severities(struct fl_config *c, struct fl_json_file *f, uint32_t node)
{
	uint32_t it;
	int err = expect(f, node, FL_JSON_OBJECT, "severity",
	    "an object mapping rules to error, warning or info");

	fl_json_foreach(&f->doc, node, it) {
		const struct fl_json_node *n = &f->doc.nodes[it];
		const struct fl_rule *r;
		char key[KEYLEN];
		char *rule;

		if (err != 0)
			break;
		keyf(key, "severity.%.*s",
		    (int)(n->key.len < 64 ? n->key.len : 64), n->key.ptr);
		rule = fl_xstrndup(n->key.ptr, n->key.len);
		r = fl_rule_find(rule);
		free(rule);
		if (r == NULL)
			return fl_json_file_error(f, it, true, "%s: unknown rule "
			    "(see 'flowlint rules')", key);
		if (!parse_severity(&c->severity[fl_rule_index(r)],
		    fl_json_string(&f->doc, it)))
			return fl_json_file_error(f, it, false, "%s: expected "
			    "\"error\", \"warning\" or \"info\"", key);
		c->has_severity[fl_rule_index(r)] = true;
	}
	return err;
}

/* A glob, checked. */
static int
glob(char **out, struct fl_json_file *f, uint32_t node, const char *key)
{
	const char *why;
	int err = get_string(out, f, node, key);

	if (err != 0)
		return err;
	why = fl_glob_check(*out);
	if (why != NULL) {
		err = fl_json_file_error(f, node, false, "%s: bad glob \"%s\": "
		    "%s", key, *out, why);
		free(*out);
		*out = NULL;
	}
	return err;
}

static int
glob_list(char ***out, size_t *n, struct fl_json_file *f, uint32_t node,
    const char *key)
{
	char elem[KEYLEN];
	size_t alloc = 0;
	uint32_t it;
	int err = expect(f, node, FL_JSON_ARRAY, key, "an array of globs");

	fl_json_foreach(&f->doc, node, it) {
		char *g = NULL;

		if (err != 0)
			break;
		keyf(elem, "%s[%zu]", key, *n);
		err = glob(&g, f, it, elem);
		if (err == 0) {
			FL_GROW(*out, *n + 1, alloc);
			(*out)[(*n)++] = g;
		}
	}
	return err;
}

static int
per_file_ignores(struct fl_config *c, struct fl_json_file *f, uint32_t node)
{
	size_t alloc = 0;
	uint32_t it;
	int err = expect(f, node, FL_JSON_OBJECT, "per-file-ignores",
	    "an object mapping globs to arrays of rules");

	fl_json_foreach(&f->doc, node, it) {
		const struct fl_json_node *n = &f->doc.nodes[it];
		struct fl_path_ignore *pi;
		char key[KEYLEN];
		const char *why;

		if (err != 0)
			break;
		keyf(key, "per-file-ignores.\"%.*s\"",
		    (int)(n->key.len < 64 ? n->key.len : 64), n->key.ptr);
		FL_GROW(c->ignores, c->nignores + 1, alloc);
		pi = &c->ignores[c->nignores++];
		memset(pi, 0, sizeof(*pi));
		pi->glob = fl_xstrndup(n->key.ptr, n->key.len);
		why = fl_glob_check(pi->glob);
		if (why != NULL)
			return fl_json_file_error(f, it, true, "%s: bad glob: %s",
			    key, why);
		err = rule_list(pi->rules, f, it, key);
	}
	return err;
}

/* "<file>:<line>:<col>", shown relative to the current directory. */
static char *
where_of(const struct fl_json_file *f, uint32_t line, uint32_t col)
{
	struct fl_buf b = FL_BUF_INIT;
	char *shown = fl_project_display(f->src.path);

	fl_buf_addf(&b, "%s:%u:%u", shown, line, col);
	free(shown);
	return fl_buf_detach(&b, NULL);
}

static int
source(struct fl_config *c, struct fl_json_file *f, uint32_t node, size_t i)
{
	static const char *const keys[] = { "kind", "names", "file", "aws",
		"folder", NULL };
	static const struct {
		const char *key;
		enum fl_source_type type;
	} types[] = {
		{ "names", FL_SOURCE_NAMES }, { "file", FL_SOURCE_FILE },
		{ "aws", FL_SOURCE_AWS }, { "folder", FL_SOURCE_FOLDER },
	};
	struct fl_source_spec *s = &c->sources[i];
	char key[KEYLEN], sub[KEYLEN];
	uint32_t kind, val = FL_JSON_NONE, it, line, col;
	size_t t, found = 0, alloc = 0;
	int err;

	keyf(key, "inventory.sources[%zu]", i);
	memset(s, 0, sizeof(*s));
	s->kind = -1;
	err = expect(f, node, FL_JSON_OBJECT, key, "an object");
	if (err == 0)
		err = check_keys(f, node, key, keys);
	if (err != 0)
		return err;
	fl_json_file_linecol(f, node, false, &line, &col);
	s->where = where_of(f, line, col);
	for (t = 0; t < sizeof(types) / sizeof(types[0]); t++) {
		uint32_t v = fl_json_get(&f->doc, node, types[t].key);

		if (v == FL_JSON_NONE)
			continue;
		if (found++ > 0)
			return fl_json_file_error(f, v, true, "%s: give only one "
			    "of \"names\", \"file\", \"aws\" and \"folder\"",
			    key);
		s->type = types[t].type;
		val = v;
	}
	if (found == 0)
		return fl_json_file_error(f, node, false, "%s: needs one of "
		    "\"names\", \"file\", \"aws\" or \"folder\"", key);
	kind = fl_json_get(&f->doc, node, "kind");
	if (kind != FL_JSON_NONE) {
		keyf(sub, "%s.kind", key);
		err = expect(f, kind, FL_JSON_STRING, sub, "a resource kind");
		if (err != 0)
			return err;
		s->kind = fl_res_kind_from_name(f->doc.nodes[kind].str);
		if (s->kind < 0) {
			struct fl_buf list = FL_BUF_INIT;
			int k;

			for (k = 0; k < FL_RES_KIND_COUNT; k++)
				fl_buf_addf(&list, "%s%s", k ? ", " : "",
				    fl_res_kind_name((enum fl_res_kind)k));
			err = fl_json_file_error(f, kind, false, "%s: unknown "
			    "resource kind \"%.*s\" (expected one of: %s)", sub,
			    FL_STR_ARGS(f->doc.nodes[kind].str), list.ptr);
			fl_buf_release(&list);
			return err;
		}
	} else if (s->type != FL_SOURCE_AWS) {
		return fl_json_file_error(f, node, false, "%s: needs \"kind\" "
		    "(the kind of resource it lists)", key);
	}
	keyf(sub, "%s.%.*s", key,
	    FL_STR_ARGS(f->doc.nodes[val].key));
	if (s->type != FL_SOURCE_NAMES) {
		char *rel;

		err = get_string(&rel, f, val, sub);
		if (err == 0)
			s->path = fl_path_join(c->dir, rel);
		free(rel);
		return err;
	}
	err = expect(f, val, FL_JSON_ARRAY, sub, "an array of names");
	fl_json_foreach(&f->doc, val, it) {
		char elem[KEYLEN];
		char *name;

		if (err != 0)
			break;
		keyf(elem, "%s[%zu]", sub, s->nnames);
		err = get_string(&name, f, it, elem);
		if (err == 0) {
			FL_GROW(s->names, s->nnames + 1, alloc);
			s->names[s->nnames++] = name;
		}
	}
	return err;
}

static int
inventory(struct fl_config *c, struct fl_json_file *f, uint32_t node)
{
	static const char *const keys[] = { "layout", "replacer-kinds",
		"sources", NULL };
	uint32_t v, it;
	int err = expect(f, node, FL_JSON_OBJECT, "inventory", "an object");

	if (err == 0)
		err = check_keys(f, node, "inventory", keys);
	if (err != 0)
		return err;
	v = fl_json_get(&f->doc, node, "layout");
	if (fl_json_is(&f->doc, v, FL_JSON_STRING)) {
		char *rel;

		err = get_string(&rel, f, v, "inventory.layout");
		if (err != 0)
			return err;
		c->layout_root = fl_path_join(c->dir, rel);
		free(rel);
	} else if (fl_json_is(&f->doc, v, FL_JSON_TRUE) ||
	    fl_json_is(&f->doc, v, FL_JSON_FALSE)) {
		c->layout = f->doc.nodes[v].type == FL_JSON_TRUE;
	} else if (v != FL_JSON_NONE) {
		return fl_json_file_error(f, v, false, "inventory.layout: "
		    "expected true, false or the folder that holds imports/, "
		    "not %s", type_name(f, v));
	}
	v = fl_json_get(&f->doc, node, "replacer-kinds");
	if (v != FL_JSON_NONE) {
		err = expect(f, v, FL_JSON_ARRAY, "inventory.replacer-kinds",
		    "an array of resource kinds");
		c->has_replacer_kinds = true;
		fl_json_foreach(&f->doc, v, it) {
			int k = fl_res_kind_from_name(fl_json_string(&f->doc, it));

			if (err != 0)
				break;
			if (k < 0)
				return fl_json_file_error(f, it, false,
				    "inventory.replacer-kinds[%zu]: expected a "
				    "resource kind such as \"queue\"",
				    c->nreplacer_kinds);
			if (c->nreplacer_kinds < FL_RES_KIND_COUNT)
				c->replacer_kinds[c->nreplacer_kinds++] =
				    (enum fl_res_kind)k;
		}
		if (err != 0)
			return err;
	}
	v = fl_json_get(&f->doc, node, "sources");
	if (v == FL_JSON_NONE)
		return 0;
	err = expect(f, v, FL_JSON_ARRAY, "inventory.sources",
	    "an array of sources");
	if (err != 0)
		return err;
	c->sources = fl_xcalloc(f->doc.nodes[v].count + 1, sizeof(*c->sources));
	fl_json_foreach(&f->doc, v, it) {
		err = source(c, f, it, c->nsources);
		c->nsources++;
		if (err != 0)
			return err;
	}
	return 0;
}

static int
suppression(struct fl_suppression *s, struct fl_json_file *f, uint32_t node,
    const char *key)
{
	static const char *const keys[] = { "rule", "path", "flow", "action",
		"reason", NULL };
	char sub[KEYLEN];
	uint32_t v;
	int err = expect(f, node, FL_JSON_OBJECT, key, "an object");

	if (err == 0)
		err = check_keys(f, node, key, keys);
	if (err != 0)
		return err;
	s->file = fl_xstrdup(f->src.path);
	fl_json_file_linecol(f, node, false, &s->line, &s->col);
	v = fl_json_get(&f->doc, node, "rule");
	keyf(sub, "%s.rule", key);
	if (v == FL_JSON_NONE)
		return fl_json_file_error(f, node, false, "%s: missing", sub);
	if ((err = find_rule(&s->rule, f, v, sub)) != 0)
		return err;
	v = fl_json_get(&f->doc, node, "path");
	keyf(sub, "%s.path", key);
	if (v == FL_JSON_NONE)
		return fl_json_file_error(f, node, false, "%s: missing (a glob "
		    "of the files it applies to)", sub);
	if ((err = glob(&s->path, f, v, sub)) != 0)
		return err;
	v = fl_json_get(&f->doc, node, "reason");
	keyf(sub, "%s.reason", key);
	if (v == FL_JSON_NONE)
		return fl_json_file_error(f, node, false, "%s: missing: say why "
		    "the finding is accepted", sub);
	if ((err = get_string(&s->reason, f, v, sub)) != 0)
		return err;
	v = fl_json_get(&f->doc, node, "flow");
	keyf(sub, "%s.flow", key);
	if (v != FL_JSON_NONE && (err = get_string(&s->flow, f, v, sub)) != 0)
		return err;
	v = fl_json_get(&f->doc, node, "action");
	keyf(sub, "%s.action", key);
	if (v != FL_JSON_NONE && (err = get_string(&s->action, f, v, sub)) != 0)
		return err;
	return 0;
}

/* `node` holds the suppressions; `prefix` is its JSON Pointer. */
static int
suppression_list(struct fl_config *c, struct fl_json_file *f, uint32_t node,
    const char *prefix)
{
	uint32_t it;
	int err = expect(f, node, FL_JSON_ARRAY, "suppressions",
	    "an array of suppressions");

	if (err != 0)
		return err;
	c->supp = fl_xcalloc(f->doc.nodes[node].count + 1, sizeof(*c->supp));
	fl_json_foreach(&f->doc, node, it) {
		char key[KEYLEN];
		struct fl_suppression *s = &c->supp[c->nsupp];

		struct fl_buf ptr = FL_BUF_INIT;

		fl_buf_addf(&ptr, "%s/%zu", prefix, c->nsupp);
		s->pointer = fl_buf_detach(&ptr, NULL);
		keyf(key, "suppressions[%zu]", c->nsupp++);
		err = suppression(s, f, it, key);
		if (err != 0)
			return err;
	}
	return 0;
}

/* "suppressions": "file.json" — a file holding the array, or an object
 * with only "suppressions". */
static int
suppression_file(struct fl_config *c, struct fl_json_file *f, uint32_t node)
{
	static const char *const keys[] = { "suppressions", NULL };
	struct fl_json_file sf;
	uint32_t list = FL_JSON_ROOT;
	char *rel;
	int err = get_string(&rel, f, node, "suppressions");

	if (err != 0)
		return err;
	c->suppressions_file = fl_path_join(c->dir, rel);
	free(rel);
	rel = fl_project_display(c->suppressions_file);
	err = fl_json_file_load(&sf, rel);
	free(rel);
	if (err == FL_EIO || err == FL_ETOOBIG) {
		char *msg = fl_xstrdup(fl_error_msg());

		err = fl_json_file_error(f, node, false, "suppressions: %s", msg);
		free(msg);
	}
	if (err == 0 && fl_json_is(&sf.doc, FL_JSON_ROOT, FL_JSON_OBJECT)) {
		err = check_keys(&sf, FL_JSON_ROOT, "", keys);
		list = fl_json_get(&sf.doc, FL_JSON_ROOT, "suppressions");
		if (err == 0 && list == FL_JSON_NONE)
			err = fl_json_file_error(&sf, FL_JSON_ROOT, false,
			    "expected an array of suppressions, or an object "
			    "with \"suppressions\"");
	}
	if (err == 0)
		err = suppression_list(c, &sf, list, list == FL_JSON_ROOT ? "" :
		    "/suppressions");
	fl_json_file_release(&sf);
	return err;
}

static int
parse_select(struct fl_config *c, struct fl_json_file *f, uint32_t v)
{
	c->has_select = true;
	return rule_list(c->select, f, v, "select");
}

static int
parse_ignore(struct fl_config *c, struct fl_json_file *f, uint32_t v)
{
	return rule_list(c->ignore, f, v, "ignore");
}

static int
parse_include(struct fl_config *c, struct fl_json_file *f, uint32_t v)
{
	return glob_list(&c->include, &c->ninclude, f, v, "include");
}

static int
parse_exclude(struct fl_config *c, struct fl_json_file *f, uint32_t v)
{
	return glob_list(&c->exclude, &c->nexclude, f, v, "exclude");
}

static int
parse_patterns(struct fl_config *c, struct fl_json_file *f, uint32_t v)
{
	char *rel;
	int err = get_string(&rel, f, v, "patterns");

	if (err == 0) {
		c->patterns = fl_path_join(c->dir, rel);
		free(rel);
	}
	return err;
}

/* "suppressions": the array, or the name of a file holding it. */
static int
parse_suppressions(struct fl_config *c, struct fl_json_file *f, uint32_t v)
{
	if (fl_json_is(&f->doc, v, FL_JSON_STRING))
		return suppression_file(c, f, v);
	return suppression_list(c, f, v, "/suppressions");
}

/* "actions": catalog entries added to or replacing the built-in ones. */
static int
parse_actions(struct fl_config *c, struct fl_json_file *f, uint32_t v)
{
	return fl_catalog_add(&c->actions, f, v, "actions.");
}

/*
 * An identifier of an environment or a stage, normalized: the stored
 * string (fl_xmalloc'd), or NULL when `s` is not of its shape.
 */
typedef char *id_shape_fn(struct fl_str s);

static bool
all_in(struct fl_str s, const char *set)
{
	size_t i;

	for (i = 0; i < s.len; i++)
		if (s.ptr[i] == '\0' || strchr(set, s.ptr[i]) == NULL)
			return false;
	return s.len > 0;
}

#define DIGITS "0123456789"
#define LOWER "abcdefghijklmnopqrstuvwxyz"
#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

static char *
account_id(struct fl_str s)
{
	return s.len == 12 && all_in(s, DIGITS) ?
	    fl_xstrndup(s.ptr, s.len) : NULL;
}

/* us-east-1, us-gov-west-1: letters and dashes, then a number. */
static char *
region_name(struct fl_str s)
{
	const char *dash = s.ptr + s.len;

	while (dash > s.ptr && dash[-1] != '-')
		dash--;
	return dash - s.ptr > 3 && memchr(s.ptr, '-', 3) == s.ptr + 2 &&
	    all_in(fl_str_make(s.ptr, (size_t)(dash - s.ptr)), LOWER "-") &&
	    all_in(fl_str_make(dash, (size_t)(s.ptr + s.len - dash)), DIGITS) ?
	    fl_xstrndup(s.ptr, s.len) : NULL;
}

/* A Connect instance ID, or an instance ARN reduced to its ID. */
static char *
instance_id(struct fl_str s)
{
	static const char tag[] = ":instance/";
	size_t i;

	for (i = 0; s.len > 36 && i + sizeof(tag) - 1 <= s.len; i++)
		if (memcmp(s.ptr + i, tag, sizeof(tag) - 1) == 0 &&
		    s.len >= 4 && memcmp(s.ptr, "arn:", 4) == 0) {
			s = fl_str_make(s.ptr + i + sizeof(tag) - 1,
			    s.len - i - (sizeof(tag) - 1));
			break;
		}
	if (s.len != 36)
		return NULL;
	for (i = 0; i < s.len; i++)
		if ((i == 8 || i == 13 || i == 18 || i == 23) ? s.ptr[i] != '-' :
		    !all_in(fl_str_make(s.ptr + i, 1), DIGITS "abcdefABCDEF"))
			return NULL;
	return fl_xstrndup(s.ptr, s.len);
}

/* A stage token: a whole '-'-separated part of a resource name. */
static char *
stage_token(struct fl_str s)
{
	return all_in(s, LOWER UPPER DIGITS "_") ?
	    fl_xstrndup(s.ptr, s.len) : NULL;
}

/* An array of identifiers of one shape (`what` describes it). */
static int
id_list(char ***out, size_t *n, struct fl_json_file *f, uint32_t node,
    const char *key, id_shape_fn *shape, const char *what)
{
	char elem[KEYLEN];
	size_t alloc = 0;
	uint32_t it;
	int err = expect(f, node, FL_JSON_ARRAY, key, "an array of strings");

	fl_json_foreach(&f->doc, node, it) {
		char *v;

		if (err != 0)
			break;
		keyf(elem, "%s[%zu]", key, *n);
		err = expect(f, it, FL_JSON_STRING, elem, what);
		if (err != 0)
			break;
		v = shape(fl_json_string(&f->doc, it));
		if (v == NULL)
			return fl_json_file_error(f, it, false, "%s: \"%.*s\" is "
			    "not %s", elem, FL_STR_ARGS(fl_json_string(&f->doc,
			    it)), what);
		FL_GROW(*out, *n + 1, alloc);
		(*out)[(*n)++] = v;
	}
	return err;
}

/* "exporter-named": where files are named <Name>.json, as the exporter
 * names them in the reference layout's flows folder (FL003). */
static int
parse_exporter_named(struct fl_config *c, struct fl_json_file *f, uint32_t v)
{
	return glob_list(&c->exporter_named, &c->nexporter_named, f, v,
	    "exporter-named");
}

/* "stages": the tokens FL107 and the fixes write as ${STAGE}. */
static int
parse_stages(struct fl_config *c, struct fl_json_file *f, uint32_t v)
{
	int err = id_list(&c->stages, &c->nstages, f, v, "stages",
	    stage_token, "a stage token (letters, digits and '_')");

	if (err == 0 && c->nstages == 0)
		err = fl_json_file_error(f, v, false, "stages: must not be "
		    "empty (leave it out for the built-in dev, qa, prod)");
	return err;
}

static int
environment(struct fl_environment *env, struct fl_json_file *f,
    uint32_t node)
{
	static const char *const keys[] = { "accounts", "instances",
		"regions", "paths", NULL };
	const struct {
		const char *key;
		char ***list;
		size_t *count;
		id_shape_fn *shape;
		const char *what;
	} lists[] = {
		{ "accounts", &env->accounts, &env->naccounts, account_id,
		  "a 12-digit AWS account ID" },
		{ "instances", &env->instances, &env->ninstances, instance_id,
		  "a Connect instance ID or instance ARN" },
		{ "regions", &env->regions, &env->nregions, region_name,
		  "an AWS region such as us-east-1" },
	};
	char key[KEYLEN], sub[KEYLEN];
	size_t i;
	uint32_t v;
	int err;

	keyf(key, "environments.%s", env->name);
	err = expect(f, node, FL_JSON_OBJECT, key, "an object");
	if (err == 0)
		err = check_keys(f, node, key, keys);
	for (i = 0; err == 0 && i < sizeof(lists) / sizeof(lists[0]); i++) {
		v = fl_json_get(&f->doc, node, lists[i].key);
		keyf(sub, "%s.%s", key, lists[i].key);
		if (v != FL_JSON_NONE)
			err = id_list(lists[i].list, lists[i].count, f, v, sub,
			    lists[i].shape, lists[i].what);
	}
	if (err == 0 && env->naccounts + env->ninstances + env->nregions == 0)
		return fl_json_file_error(f, node, false, "%s: needs at least "
		    "one of \"accounts\", \"instances\" and \"regions\"", key);
	v = fl_json_get(&f->doc, node, "paths");
	keyf(sub, "%s.paths", key);
	if (err == 0 && v != FL_JSON_NONE)
		err = glob_list(&env->paths, &env->npaths, f, v, sub);
	return err;
}

/* "environments": per environment its IDs and the globs of its files. */
static int
parse_environments(struct fl_config *c, struct fl_json_file *f, uint32_t v)
{
	uint32_t it;
	int err = expect(f, v, FL_JSON_OBJECT, "environments",
	    "an object mapping environment names to their accounts, "
	    "instances, regions and paths");

	if (err == 0 && f->doc.nodes[v].count > FL_MAX_ENVIRONMENTS)
		return fl_json_file_error(f, v, false, "environments: at most "
		    "%d", FL_MAX_ENVIRONMENTS);
	if (err == 0)
		c->environments = fl_xcalloc(f->doc.nodes[v].count + 1,
		    sizeof(*c->environments));
	fl_json_foreach(&f->doc, v, it) {
		const struct fl_json_node *n = &f->doc.nodes[it];
		struct fl_environment *env;

		if (err != 0)
			break;
		if (n->flags & FL_JSON_F_DUP_KEY)
			return fl_json_file_error(f, it, true, "environments."
			    "%.*s: duplicate key", FL_STR_ARGS(n->key));
		if (n->key.len == 0)
			return fl_json_file_error(f, it, true, "environments: "
			    "an environment needs a name");
		env = &c->environments[c->nenvironments++];
		env->name = fl_xstrndup(n->key.ptr,
		    n->key.len < 64 ? n->key.len : 64);
		err = environment(env, f, it);
	}
	return err;
}

/* The top-level keys: the one table that both validates a file's keys
 * and dispatches each member to its parser. */
static const struct top_key {
	const char *name;	/* first: a key table (check_key_table) */
	int (*parse)(struct fl_config *c, struct fl_json_file *f, uint32_t v);
} top_keys[] = {
	{ "select", parse_select },
	{ "ignore", parse_ignore },
	{ "severity", severities },
	{ "include", parse_include },
	{ "exclude", parse_exclude },
	{ "per-file-ignores", per_file_ignores },
	{ "inventory", inventory },
	{ "patterns", parse_patterns },
	{ "suppressions", parse_suppressions },
	{ "actions", parse_actions },
	{ "stages", parse_stages },
	{ "environments", parse_environments },
	{ "exporter-named", parse_exporter_named },
	{ NULL, NULL },
};

/* The top-level members (already checked against top_keys), each by
 * its own parser. */
static int
members(struct fl_config *c, struct fl_json_file *f)
{
	const struct top_key *t;
	uint32_t v;
	int err = 0;

	fl_json_foreach(&f->doc, FL_JSON_ROOT, v) {
		for (t = top_keys; t->name != NULL &&
		    !fl_str_eq_cstr(f->doc.nodes[v].key, t->name); t++)
			;
		assert(t->name != NULL);
		if ((err = t->parse(c, f, v)) != 0)
			break;
	}
	return err;
}

int
fl_config_load(struct fl_config *c, const char *path)
{
	struct fl_json_file f;
	char *slash, *shown;
	int err;

	fl_config_init(c);
	c->path = fl_xstrdup(path);
	c->dir = fl_xstrdup(path);
	slash = strrchr(c->dir, '/');
	if (slash != NULL)
		slash[slash == c->dir ? 1 : 0] = '\0';
	else
		strcpy(c->dir, ".");
	shown = fl_project_display(path);
	err = fl_json_file_load(&f, shown);
	free(shown);
	if (err == 0 && !fl_json_is(&f.doc, FL_JSON_ROOT, FL_JSON_OBJECT))
		err = fl_json_file_error(&f, FL_JSON_ROOT, false, "expected a "
		    "JSON object");
	if (err == 0)
		err = check_key_table(&f, FL_JSON_ROOT, "", top_keys,
		    sizeof(top_keys[0]));
	if (err == 0)
		err = members(c, &f);
	fl_json_file_release(&f);
	return err;
}

void
fl_config_rules(const struct fl_config *c, bool *enabled,
    enum fl_severity *severity)
{
	unsigned i;

	for (i = 0; i < fl_rule_count; i++) {
		if (enabled != NULL &&
		    ((c->has_select && !c->select[i]) || c->ignore[i]))
			enabled[i] = false;
		severity[i] = c->has_severity[i] ? c->severity[i] :
		    fl_rules[i]->severity;
	}
}

bool
fl_config_wants(const struct fl_config *c, const char *relpath)
{
	size_t i;
	bool in = c->ninclude == 0;

	for (i = 0; i < c->ninclude && !in; i++)
		in = fl_glob_match(c->include[i], relpath);
	for (i = 0; i < c->nexclude && in; i++)
		in = !fl_glob_match(c->exclude[i], relpath);
	return in;
}

int
fl_config_load_catalog(struct fl_catalog *out, const struct fl_config *c)
{
	int err;

	fl_catalog_init(out);
	err = fl_catalog_load_default(out);
	if (err == 0)
		fl_catalog_merge(out, &c->actions);
	return err;
}

/*
 * "stages" as the lambda_stage pattern: each token a whole
 * '-'-separated part of the name, as in the built-in pattern.  The
 * tokens are letters, digits and '_', so none needs escaping.
 */
static int
stage_pattern(struct fl_patterns *p, const struct fl_config *c)
{
	struct fl_buf re = FL_BUF_INIT;
	struct fl_re *stage;
	size_t i;
	int err;

	fl_buf_adds(&re, "(?:^|-)(?<stage>");
	for (i = 0; i < c->nstages; i++)
		fl_buf_addf(&re, "%s%s", i ? "|" : "", c->stages[i]);
	fl_buf_adds(&re, ")(?:-|$)");
	err = fl_re_compile(&stage, "stages", re.ptr);
	fl_buf_release(&re);
	if (err != 0)
		return err;
	fl_re_free(p->lambda_stage);
	p->lambda_stage = stage;
	p->g_stage = fl_re_group(stage, "stage");
	return 0;
}

int
fl_config_load_patterns(struct fl_patterns *out, const struct fl_config *c)
{
	struct fl_buf text = FL_BUF_INIT;
	int err;

	if (c->patterns == NULL) {
		err = fl_patterns_load_default(out);
	} else {
		err = fl_fs_read(&text, c->patterns, FL_FS_MAX_FILE);
		if (err == 0)
			err = fl_patterns_load(out, text.ptr, text.len,
			    c->patterns);
		fl_buf_release(&text);
	}
	return err == 0 && c->nstages > 0 ? stage_pattern(out, c) : err;
}

/* Re-sets the current error as "<where>: <message>". */
static int
locate_error(int err, const char *where)
{
	char *msg = fl_xstrdup(fl_error_msg());

	fl_error_set(err, "%s: inventory source: %s", where, msg);
	free(msg);
	return err;
}

static int
read_source(struct fl_inventory *inv, struct fl_inventory_reader *rd,
    const struct fl_source_spec *s)
{
	struct fl_buf text = FL_BUF_INIT, shown = FL_BUF_INIT;
	char *label;
	size_t i;
	int err = 0;

	switch (s->type) {
	case FL_SOURCE_NAMES:
		fl_inventory_note_source(inv, (enum fl_res_kind)s->kind,
		    s->where);
		for (i = 0; i < s->nnames; i++)
			fl_inventory_add(inv, (enum fl_res_kind)s->kind,
			    s->names[i], NULL, NULL, s->where);
		return 0;
	case FL_SOURCE_FILE:
		label = fl_project_display(s->path);
		err = fl_snapshot_read(rd->snapshot, &text, &shown, label,
		    FL_FS_MAX_FILE);
		if (err == 0)
			fl_inventory_read_names(inv, (enum fl_res_kind)s->kind,
			    text.ptr, text.len, shown.ptr);
		free(label);
		fl_buf_release(&text);
		fl_buf_release(&shown);
		break;
	case FL_SOURCE_AWS:
		label = fl_project_display(s->path);
		err = fl_inventory_read_awscli(inv, rd, s->kind, label);
		free(label);
		/* Errors inside the file already name it. */
		return err == FL_ECONFIG ? err : err ?
		    locate_error(err, s->where) : 0;
	case FL_SOURCE_FOLDER:
		label = fl_project_display(s->path);
		err = fl_inventory_read_folder(inv, rd,
		    (enum fl_res_kind)s->kind, label);
		free(label);
		break;
	}
	return err ? locate_error(err, s->where) : 0;
}

int
fl_config_inventory(struct fl_inventory **out, const struct fl_config *c,
    const char *layout_root, struct fl_inventory_reader *rd)
{
	struct fl_inventory *inv = fl_inventory_new();
	const char *root = c->layout_root ? c->layout_root : layout_root;
	size_t i;
	int err = 0;

	if (c->has_replacer_kinds)
		fl_inventory_set_replacer_kinds(inv, c->replacer_kinds,
		    c->nreplacer_kinds);
	if (c->layout && root != NULL) {
		char *shown = fl_project_display(root);

		fl_inventory_read_layout(inv, rd, shown);
		free(shown);
	}
	for (i = 0; i < c->nsources && err == 0; i++)
		err = read_source(inv, rd, &c->sources[i]);
	fl_inventory_finish(inv);
	if (err != 0) {
		fl_inventory_free(inv);
		inv = NULL;
	}
	*out = inv;
	return err;
}
