/*
 * Reading, matching and writing baselines (baseline.h).  Entries are kept
 * sorted by fingerprint and matched by binary search.
 */
#include "config/baseline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json/file.h"
#include "rules/rule.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/xalloc.h"

static char *
opt_dup(struct fl_str s)
{
	return s.ptr != NULL && s.len > 0 ? fl_xstrndup(s.ptr, s.len) : NULL;
}

static struct fl_baseline_entry *
append(struct fl_baseline *b, const char *fingerprint)
{
	struct fl_baseline_entry *e;

	FL_GROW(b->v, b->n + 1, b->alloc);
	e = &b->v[b->n++];
	memset(e, 0, sizeof(*e));
	memcpy(e->fingerprint, fingerprint, FL_FINGERPRINT_HEX);
	b->sorted = false;
	return e;
}

static void
free_entry(struct fl_baseline_entry *e)
{
	free(e->code);
	free(e->path);
	free(e->flow);
	free(e->action);
	free(e->pointer);
	free(e->message);
}

static int
cmp_fingerprint(const void *a, const void *b)
{
	const struct fl_baseline_entry *x = a, *y = b;

	return strcmp(x->fingerprint, y->fingerprint);
}

/* Sorts by fingerprint and drops repeated ones (a hand-edited file). */
static void
normalise(struct fl_baseline *b)
{
	size_t i, out = 0;

	if (b->sorted)
		return;
	if (b->n > 1)
		qsort(b->v, b->n, sizeof(*b->v), cmp_fingerprint);
	for (i = 0; i < b->n; i++) {
		if (out > 0 && strcmp(b->v[out - 1].fingerprint,
		    b->v[i].fingerprint) == 0) {
			free_entry(&b->v[i]);
			continue;
		}
		b->v[out++] = b->v[i];
	}
	b->n = out;
	b->sorted = true;
}

void
fl_baseline_add(struct fl_baseline *b, const struct fl_fingerprint *fp,
    const char *path, struct fl_str flow, const struct fl_diag *d)
{
	struct fl_baseline_entry *e = append(b, fp->hex);

	e->code = fl_xstrdup(d->rule->code);
	e->path = fl_xstrdup(path);
	e->flow = opt_dup(flow);
	e->action = opt_dup(d->action);
	e->pointer = opt_dup(fl_fingerprint_pointer(d));
	e->message = fl_xstrdup(d->message);
}

bool
fl_baseline_take(struct fl_baseline *b, const struct fl_fingerprint *fp)
{
	struct fl_baseline_entry probe, *e;

	normalise(b);
	memcpy(probe.fingerprint, fp->hex, sizeof(probe.fingerprint));
	e = b->n > 0 ? bsearch(&probe, b->v, b->n, sizeof(*b->v),
	    cmp_fingerprint) : NULL;
	if (e == NULL || e->used)
		return false;
	e->used = true;
	return true;
}

unsigned
fl_baseline_unmatched(const struct fl_baseline *b)
{
	unsigned n = 0;
	size_t i;

	for (i = 0; i < b->n; i++)
		n += !b->v[i].used;
	return n;
}

/* A string member; an optional one may be absent or null ({NULL, 0}). */
static int
member(struct fl_str *out, struct fl_json_file *f, uint32_t obj,
    const char *key, bool required)
{
	uint32_t v = fl_json_get(&f->doc, obj, key);

	*out = (struct fl_str){ NULL, 0 };
	if (v == FL_JSON_NONE && required)
		return fl_json_file_error(f, obj, false, "finding without "
		    "\"%s\"", key);
	if (v == FL_JSON_NONE ||
	    (!required && fl_json_is(&f->doc, v, FL_JSON_NULL)))
		return 0;
	if (!fl_json_is(&f->doc, v, FL_JSON_STRING))
		return fl_json_file_error(f, v, false, "\"%s\" must be a "
		    "string%s", key, required ? "" : " or null");
	*out = f->doc.nodes[v].str;
	return 0;
}

static bool
is_fingerprint(struct fl_str s)
{
	size_t i;

	if (s.len != FL_FINGERPRINT_HEX)
		return false;
	for (i = 0; i < s.len; i++)
		if (!((s.ptr[i] >= '0' && s.ptr[i] <= '9') ||
		    (s.ptr[i] >= 'a' && s.ptr[i] <= 'f')))
			return false;
	return true;
}

static int
load_entry(struct fl_baseline *b, struct fl_json_file *f, uint32_t obj)
{
	static const char *const keys[] = { "fingerprint", "code", "path",
		"flow", "action", "pointer", "message" };
	struct fl_str s[sizeof(keys) / sizeof(keys[0])];
	struct fl_baseline_entry *e;
	uint32_t it;
	size_t k;
	int err = 0;

	if (!fl_json_is(&f->doc, obj, FL_JSON_OBJECT))
		return fl_json_file_error(f, obj, false, "a finding must be an "
		    "object");
	fl_json_foreach(&f->doc, obj, it) {
		for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
			if (fl_str_eq_cstr(f->doc.nodes[it].key, keys[k]))
				break;
		if (k == sizeof(keys) / sizeof(keys[0]))
			return fl_json_file_error(f, it, true, "unknown key "
			    "\"%.*s\" in a finding",
			    FL_STR_ARGS(f->doc.nodes[it].key));
	}
	for (k = 0; err == 0 && k < sizeof(keys) / sizeof(keys[0]); k++)
		err = member(&s[k], f, obj, keys[k], k == 0);
	if (err != 0)
		return err;
	if (!is_fingerprint(s[0]))
		return fl_json_file_error(f, fl_json_get(&f->doc, obj,
		    "fingerprint"), false, "\"fingerprint\" must be %d "
		    "lowercase hex digits", FL_FINGERPRINT_HEX);
	e = append(b, s[0].ptr);
	e->code = opt_dup(s[1]);
	e->path = opt_dup(s[2]);
	e->flow = opt_dup(s[3]);
	e->action = opt_dup(s[4]);
	e->pointer = opt_dup(s[5]);
	e->message = opt_dup(s[6]);
	return 0;
}

int
fl_baseline_load(struct fl_baseline *b, const char *path)
{
	struct fl_json_file f;
	uint32_t version, findings, it;
	int err;

	memset(b, 0, sizeof(*b));
	err = fl_json_file_load(&f, path);
	if (err != 0)
		goto done;
	version = fl_json_get(&f.doc, FL_JSON_ROOT, "version");
	findings = fl_json_get(&f.doc, FL_JSON_ROOT, "findings");
	if (!fl_json_is(&f.doc, FL_JSON_ROOT, FL_JSON_OBJECT) ||
	    !fl_json_is(&f.doc, findings, FL_JSON_ARRAY)) {
		err = fl_json_file_error(&f, FL_JSON_ROOT, false, "not a "
		    "flowlint baseline (expected {\"version\": 2, "
		    "\"findings\": [...]})");
		goto done;
	}
	if (!fl_json_is(&f.doc, version, FL_JSON_NUMBER) ||
	    !fl_str_eq_cstr(f.doc.nodes[version].str, "2")) {
		err = fl_json_file_error(&f, version ? version : FL_JSON_ROOT,
		    false, "unsupported baseline version (this flowlint "
		    "reads version 2; rewrite the baseline with "
		    "--write-baseline)");
		goto done;
	}
	fl_json_foreach(&f.doc, findings, it) {
		err = load_entry(b, &f, it);
		if (err != 0)
			break;
	}
	normalise(b);
done:
	fl_json_file_release(&f);
	return err;
}

static int
cmp_str(const char *x, const char *y)
{
	return strcmp(x != NULL ? x : "", y != NULL ? y : "");
}

static int
cmp_output(const void *a, const void *b)
{
	const struct fl_baseline_entry *x = a, *y = b;
	int c = cmp_str(x->path, y->path);

	if (c == 0)
		c = cmp_str(x->code, y->code);
	return c != 0 ? c : strcmp(x->fingerprint, y->fingerprint);
}

static void
add_field(struct fl_buf *out, const char *key, const char *value)
{
	fl_buf_addf(out, ", \"%s\": ", key);
	if (value == NULL)
		fl_buf_adds(out, "null");
	else
		fl_buf_add_json_string(out, fl_str_cstr(value));
}

int
fl_baseline_write(struct fl_baseline *b, const char *path)
{
	struct fl_buf out = FL_BUF_INIT;
	size_t i;
	int err;

	normalise(b);
	if (b->n > 1)
		qsort(b->v, b->n, sizeof(*b->v), cmp_output);
	b->sorted = false;
	fl_buf_adds(&out, "{\n  \"version\": 2,\n  \"findings\": [");
	for (i = 0; i < b->n; i++) {
		const struct fl_baseline_entry *e = &b->v[i];

		fl_buf_addf(&out, "%s{\"fingerprint\": \"%s\"", i ? ",\n    " :
		    "\n    ", e->fingerprint);
		add_field(&out, "code", e->code);
		add_field(&out, "path", e->path);
		add_field(&out, "flow", e->flow);
		add_field(&out, "action", e->action);
		add_field(&out, "pointer", e->pointer);
		add_field(&out, "message", e->message);
		fl_buf_addch(&out, '}');
	}
	fl_buf_adds(&out, b->n ? "\n  ]\n}\n" : "]\n}\n");
	err = fl_fs_write_atomic(path, out.ptr, out.len);
	fl_buf_release(&out);
	return err;
}

void
fl_baseline_release(struct fl_baseline *b)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		free_entry(&b->v[i]);
	free(b->v);
	memset(b, 0, sizeof(*b));
}
