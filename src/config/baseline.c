/*
 * Reading, matching and writing baselines (baseline.h).  Entries are kept
 * sorted by key and matched by binary search.
 */
#include "config/baseline.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json/file.h"
#include "rules/rule.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/xalloc.h"

#define SEP '\x1f'

/* Length of a leading "/Actions/<digits>" that is a whole segment. */
static size_t
action_prefix(const char *pointer)
{
	const char *p;

	if (strncmp(pointer, "/Actions/", 9) != 0)
		return 0;
	for (p = pointer + 9; *p >= '0' && *p <= '9'; p++)
		;
	if (p == pointer + 9 || (*p != '/' && *p != '\0'))
		return 0;
	return (size_t)(p - pointer);
}

void
fl_baseline_key(struct fl_buf *out, const char *code, const char *path,
    struct fl_str flow, struct fl_str action, const char *pointer)
{
	if (pointer == NULL)
		pointer = "";
	if (action.len > 0)
		pointer += action_prefix(pointer);
	fl_buf_adds(out, code);
	fl_buf_addch(out, SEP);
	fl_buf_adds(out, path);
	fl_buf_addch(out, SEP);
	fl_buf_addstr(out, flow);
	fl_buf_addch(out, SEP);
	fl_buf_addstr(out, action);
	fl_buf_addch(out, SEP);
	fl_buf_adds(out, pointer);
}

uint64_t
fl_baseline_fingerprint(struct fl_str key)
{
	uint64_t h = 14695981039346656037u;
	size_t i;

	for (i = 0; i < key.len; i++) {
		h ^= (unsigned char)key.ptr[i];
		h *= 1099511628211u;
	}
	return h;
}

static char *
opt_dup(struct fl_str s)
{
	return s.ptr != NULL && s.len > 0 ? fl_xstrndup(s.ptr, s.len) : NULL;
}

/* Appends an entry for the given fields (pointer normalised). */
static struct fl_baseline_entry *
append(struct fl_baseline *b, const char *code, const char *path,
    struct fl_str flow, struct fl_str action, const char *pointer,
    const char *message, unsigned count)
{
	struct fl_baseline_entry *e;
	struct fl_buf key = FL_BUF_INIT;

	fl_baseline_key(&key, code, path, flow, action, pointer);
	FL_GROW(b->v, b->n + 1, b->alloc);
	e = &b->v[b->n++];
	memset(e, 0, sizeof(*e));
	e->key = fl_buf_detach(&key, NULL);
	e->code = fl_xstrdup(code);
	e->path = fl_xstrdup(path);
	e->flow = opt_dup(flow);
	e->action = opt_dup(action);
	if (pointer != NULL && action.len > 0)
		pointer += action_prefix(pointer);
	e->pointer = pointer != NULL && pointer[0] != '\0' ?
	    fl_xstrdup(pointer) : NULL;
	e->message = message != NULL ? fl_xstrdup(message) : NULL;
	e->count = count;
	b->sorted = false;
	return e;
}

static void
free_entry(struct fl_baseline_entry *e)
{
	free(e->key);
	free(e->code);
	free(e->path);
	free(e->flow);
	free(e->action);
	free(e->pointer);
	free(e->message);
}

static int
cmp_key(const void *a, const void *b)
{
	const struct fl_baseline_entry *x = a, *y = b;

	return strcmp(x->key, y->key);
}

/* Sorts by key and merges equal keys, adding up their counts. */
static void
normalise(struct fl_baseline *b)
{
	size_t i, out = 0;

	if (b->sorted)
		return;
	if (b->n > 1)
		qsort(b->v, b->n, sizeof(*b->v), cmp_key);
	for (i = 0; i < b->n; i++) {
		if (out > 0 && strcmp(b->v[out - 1].key, b->v[i].key) == 0) {
			b->v[out - 1].count += b->v[i].count;
			free_entry(&b->v[i]);
			continue;
		}
		b->v[out++] = b->v[i];
	}
	b->n = out;
	b->sorted = true;
}

void
fl_baseline_add(struct fl_baseline *b, const char *path, struct fl_str flow,
    const struct fl_diag *d)
{
	append(b, d->rule->code, path, flow, d->action, d->pointer, d->message,
	    1);
}

bool
fl_baseline_take(struct fl_baseline *b, const char *path, struct fl_str flow,
    const struct fl_diag *d)
{
	struct fl_baseline_entry probe, *e;
	struct fl_buf key = FL_BUF_INIT;

	normalise(b);
	fl_baseline_key(&key, d->rule->code, path, flow, d->action,
	    d->pointer);
	probe.key = key.ptr;
	e = b->n > 0 ? bsearch(&probe, b->v, b->n, sizeof(*b->v), cmp_key) :
	    NULL;
	fl_buf_release(&key);
	if (e == NULL || e->used >= e->count)
		return false;
	e->used++;
	return true;
}

unsigned
fl_baseline_unmatched(const struct fl_baseline *b)
{
	unsigned n = 0;
	size_t i;

	for (i = 0; i < b->n; i++)
		n += b->v[i].count - b->v[i].used;
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

static int
load_entry(struct fl_baseline *b, struct fl_json_file *f, uint32_t obj)
{
	static const char *const keys[] = { "code", "path", "flow", "action",
		"pointer", "count", "fingerprint", "message" };
	struct fl_str code, path, flow, action, pointer, message;
	char *c, *p, *ptr, *msg, *end;
	unsigned long count = 1;
	uint32_t it, v;
	size_t k;
	int err;

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
	err = member(&code, f, obj, "code", true);
	if (err == 0)
		err = member(&path, f, obj, "path", true);
	if (err == 0)
		err = member(&flow, f, obj, "flow", false);
	if (err == 0)
		err = member(&action, f, obj, "action", false);
	if (err == 0)
		err = member(&pointer, f, obj, "pointer", false);
	if (err == 0)
		err = member(&message, f, obj, "message", false);
	if (err != 0)
		return err;
	v = fl_json_get(&f->doc, obj, "count");
	if (v != FL_JSON_NONE) {
		struct fl_str num = f->doc.nodes[v].str;

		count = 0;
		if (fl_json_is(&f->doc, v, FL_JSON_NUMBER) && num.len < 10) {
			char buf[16];

			memcpy(buf, num.ptr, num.len);
			buf[num.len] = '\0';
			count = strtoul(buf, &end, 10);
			if (*end != '\0')
				count = 0;
		}
		if (count == 0)
			return fl_json_file_error(f, v, false, "\"count\" must "
			    "be a positive whole number");
	}
	c = fl_xstrndup(code.ptr, code.len);
	p = fl_xstrndup(path.ptr, path.len);
	ptr = pointer.ptr ? fl_xstrndup(pointer.ptr, pointer.len) : NULL;
	msg = message.ptr ? fl_xstrndup(message.ptr, message.len) : NULL;
	append(b, c, p, flow, action, ptr, msg, (unsigned)count);
	free(c);
	free(p);
	free(ptr);
	free(msg);
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
		    "flowlint baseline (expected {\"version\": 1, "
		    "\"findings\": [...]})");
		goto done;
	}
	if (!fl_json_is(&f.doc, version, FL_JSON_NUMBER) ||
	    !fl_str_eq_cstr(f.doc.nodes[version].str, "1")) {
		err = fl_json_file_error(&f, version ? version : FL_JSON_ROOT,
		    false, "unsupported baseline version (this flowlint "
		    "reads version 1)");
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
cmp_output(const void *a, const void *b)
{
	const struct fl_baseline_entry *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	if (c == 0)
		c = strcmp(x->code, y->code);
	return c != 0 ? c : strcmp(x->key, y->key);
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
	fl_buf_adds(&out, "{\n  \"version\": 1,\n  \"findings\": [");
	for (i = 0; i < b->n; i++) {
		const struct fl_baseline_entry *e = &b->v[i];

		fl_buf_adds(&out, i ? ",\n    {\"code\": " : "\n    {\"code\": ");
		fl_buf_add_json_string(&out, fl_str_cstr(e->code));
		add_field(&out, "path", e->path);
		add_field(&out, "flow", e->flow);
		add_field(&out, "action", e->action);
		add_field(&out, "pointer", e->pointer);
		fl_buf_addf(&out, ", \"count\": %u, \"fingerprint\": "
		    "\"%016" PRIx64 "\"", e->count,
		    fl_baseline_fingerprint(fl_str_cstr(e->key)));
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
