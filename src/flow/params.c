/*
 * The resource-parameter table; see params.h.
 */
#include "flow/params.h"

#include <stdlib.h>
#include <string.h>

#include "flow/flow.h"
#include "json/json.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/embedded.h"
#include "util/error.h"
#include "util/xalloc.h"

int
fl_params_load(struct fl_params *out, const char *text, size_t len,
    const char *origin)
{
	struct fl_json_doc doc;
	struct fl_arena arena;
	size_t alloc = 0;
	uint32_t t, p;
	int err = 0;

	memset(out, 0, sizeof(*out));
	fl_arena_init(&arena);
	err = fl_json_parse_object(&doc, &arena, text, len, origin);
	if (err != 0)
		goto done;
	fl_json_foreach(&doc, FL_JSON_ROOT, t) {
		if (doc.nodes[t].type != FL_JSON_OBJECT) {
			err = fl_error_set(FL_ECONFIG, "%s: \"%.*s\" must map "
			    "parameter paths to resource kinds", origin,
			    FL_STR_ARGS(doc.nodes[t].key));
			goto done;
		}
		fl_json_foreach(&doc, t, p) {
			struct fl_param_rule *r;
			uint32_t kind = p, dyn = FL_JSON_NONE;

			if (doc.nodes[p].type == FL_JSON_OBJECT) {
				kind = fl_json_get(&doc, p, "kind");
				dyn = fl_json_get(&doc, p, "dynamic");
				if (doc.nodes[p].count != 1u + (dyn != FL_JSON_NONE))
					kind = FL_JSON_NONE;	/* unknown key */
			}
			if (!fl_json_is(&doc, kind, FL_JSON_STRING) ||
			    (dyn != FL_JSON_NONE &&
			    !fl_json_is(&doc, dyn, FL_JSON_TRUE) &&
			    !fl_json_is(&doc, dyn, FL_JSON_FALSE))) {
				err = fl_error_set(FL_ECONFIG, "%s: \"%.*s\" / "
				    "\"%.*s\" must be a resource kind, or "
				    "{\"kind\": \"...\", \"dynamic\": "
				    "true|false}", origin,
				    FL_STR_ARGS(doc.nodes[t].key),
				    FL_STR_ARGS(doc.nodes[p].key));
				goto done;
			}
			FL_GROW(out->v, out->n + 1, alloc);
			r = &out->v[out->n++];
			r->type = fl_xstrndup(doc.nodes[t].key.ptr,
			    doc.nodes[t].key.len);
			r->type_len = doc.nodes[t].key.len;
			r->path = fl_xstrndup(doc.nodes[p].key.ptr,
			    doc.nodes[p].key.len);
			r->kind = fl_xstrndup(doc.nodes[kind].str.ptr,
			    doc.nodes[kind].str.len);
			r->dynamic = fl_json_is(&doc, dyn, FL_JSON_TRUE);
		}
	}
done:
	if (err)
		fl_params_release(out);
	fl_arena_release(&arena);
	return err;
}

static int
load_embedded(struct fl_params *out, const char *name)
{
	const struct fl_embedded *e = fl_embedded_find(name);

	if (e == NULL)
		return fl_error_set(FL_ECONFIG, "%s is not embedded", name);
	return fl_params_load(out, e->data, e->len, name);
}

int
fl_params_load_default(struct fl_params *out)
{
	struct fl_params values;
	int err;

	if ((err = load_embedded(out, "rules/data/resource-parameters.json"))
	    != 0)
		return err;
	if ((err = load_embedded(&values,
	    "rules/data/instance-values.json")) != 0) {
		fl_params_release(out);
		return err;
	}
	out->values = values.v;
	out->nvalues = values.n;
	return 0;
}

static void
release_rules(struct fl_param_rule *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].type);
		free(v[i].path);
		free(v[i].kind);
	}
	free(v);
}

void
fl_params_release(struct fl_params *p)
{
	release_rules(p->v, p->n);
	release_rules(p->values, p->nvalues);
	memset(p, 0, sizeof(*p));
}

/* Walks `path` from node `at`, calling fn at every match. */
static void
walk(const struct fl_json_doc *d, uint32_t at, const char *path,
    struct fl_buf *meta, const struct fl_param_rule *rule,
    void (*fn)(const struct fl_param_hit *, void *), void *arg)
{
	const char *slash = strchr(path, '/');
	size_t seglen = slash ? (size_t)(slash - path) : strlen(path);
	size_t mark = meta->len;
	uint32_t it;

	if (!fl_json_is(d, at, FL_JSON_OBJECT))
		return;
	fl_json_foreach(d, at, it) {
		struct fl_str key = d->nodes[it].key;

		if (!(seglen == 1 && path[0] == '*') &&
		    !fl_str_eq(key, fl_str_make(path, seglen)))
			continue;
		meta->len = mark;
		if (mark)
			fl_buf_addch(meta, '/');
		fl_buf_addstr(meta, key);
		if (slash != NULL) {
			walk(d, it, slash + 1, meta, rule, fn, arg);
		} else {
			struct fl_param_hit hit = { rule, it, meta->ptr };

			fn(&hit, arg);
		}
	}
	/* Untouched, it may be the shared empty string: write nothing then. */
	if (meta->len != mark) {
		meta->len = mark;
		meta->ptr[mark] = '\0';
	}
}

static void
foreach_in(const struct fl_param_rule *v, size_t n, const struct fl_flow *f,
    const struct fl_action *act,
    void (*fn)(const struct fl_param_hit *hit, void *arg), void *arg)
{
	struct fl_buf meta = FL_BUF_INIT;
	size_t i;

	if (act->params == FL_JSON_NONE)
		return;
	for (i = 0; i < n; i++) {
		if (!fl_str_eq(act->type, fl_str_make(v[i].type,
		    v[i].type_len)))
			continue;
		fl_buf_reset(&meta);
		walk(f->doc, act->params, v[i].path, &meta, &v[i], fn, arg);
	}
	fl_buf_release(&meta);
}

void
fl_params_foreach(const struct fl_params *p, const struct fl_flow *f,
    const struct fl_action *act,
    void (*fn)(const struct fl_param_hit *hit, void *arg), void *arg)
{
	foreach_in(p->v, p->n, f, act, fn, arg);
}

void
fl_params_foreach_value(const struct fl_params *p, const struct fl_flow *f,
    const struct fl_action *act,
    void (*fn)(const struct fl_param_hit *hit, void *arg), void *arg)
{
	foreach_in(p->values, p->nvalues, f, act, fn, arg);
}

const struct fl_param_rule *
fl_params_by_name(const struct fl_params *p, struct fl_str name)
{
	const struct fl_param_rule *found = NULL;
	size_t i;

	for (i = 0; i < p->n; i++) {
		if (!fl_str_eq_cstr(name, p->v[i].path))
			continue;
		if (found != NULL && strcmp(found->kind, p->v[i].kind) != 0)
			return NULL;
		found = &p->v[i];
	}
	return found;
}

bool
fl_params_is_literal(struct fl_str v)
{
	size_t i;

	if (v.len == 0 || fl_flow_is_dynamic(v))
		return false;
	for (i = 0; i < v.len; i++)
		if (v.ptr[i] == '$' || v.ptr[i] == '{' || v.ptr[i] == '%' ||
		    v.ptr[i] == '<')
			return false;
	return true;
}
