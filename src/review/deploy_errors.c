/*
 * Reading and locating Connect's validation problems; see
 * deploy_errors.h.
 */
#include "review/deploy_errors.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "flow/flow.h"
#include "json/json.h"
#include "util/xalloc.h"

static void
add(struct fl_deploy_problems *p, const char *s, size_t len)
{
	struct fl_deploy_problem *d;
	struct fl_str m;
	long at;

	while (len > 0 && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0)
		return;
	m = fl_arena_str(&p->arena, fl_str_make(s, len));
	FL_GROW(p->v, p->n + 1, p->alloc);
	d = &p->v[p->n++];
	d->message = m;
	d->path = fl_str_make(NULL, 0);
	if ((at = fl_str_find(m, "Path:")) < 0)
		return;
	s = m.ptr + at + strlen("Path:");
	while (*s == ' ')
		s++;
	for (len = 0; s + len < m.ptr + m.len && !isspace((unsigned char)
	    s[len]) && strchr(",;)\"", s[len]) == NULL; len++)
		;
	if (len > 0 && s[len - 1] == '.')	/* the sentence's full stop */
		len--;
	d->path = fl_str_make(s, len);
}

/*
 * One pasted line: bullets go; so does the AWS CLI's "An error occurred
 * (X) when calling the Y operation: ", and the summary after it unless
 * it is a problem with a path; a heading ("...rejected core:") is no
 * problem.
 */
static void
add_line(struct fl_deploy_problems *p, const char *s, size_t len)
{
	struct fl_str line = fl_str_make(s, len);
	long at = fl_str_find(line, "operation: ");

	if (fl_str_find(line, "An error occurred (") >= 0 && at >= 0) {
		if (fl_str_find(line, "Path:") < 0)
			return;
		s += at + strlen("operation: ");
		len -= (size_t)at + strlen("operation: ");
	}
	while (len > 0 && (isspace((unsigned char)*s) || *s == '-' ||
	    *s == '*')) {
		s++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len > 0 && s[len - 1] != ':')
		add(p, s, len);
}

static void
read_lines(struct fl_deploy_problems *p, const char *text, size_t len)
{
	const char *end = text + len, *nl;

	for (; text < end; text = nl + 1) {
		nl = memchr(text, '\n', (size_t)(end - text));
		if (nl == NULL)
			nl = end;
		add_line(p, text, (size_t)(nl - text));
	}
}

static uint32_t
member(const struct fl_json_doc *d, uint32_t obj, const char *a,
    const char *b)
{
	uint32_t v = fl_json_get(d, obj, a);

	return v != FL_JSON_NONE ? v : fl_json_get(d, obj, b);
}

/* Every "problems" array of the document; returns whether it had one. */
static bool
read_json(struct fl_deploy_problems *p, const struct fl_json_doc *d)
{
	bool found = false;
	uint32_t i, it;

	for (i = FL_JSON_ROOT; i < d->count; i++) {
		if (d->nodes[i].type != FL_JSON_ARRAY ||
		    (!fl_str_eq_cstr(d->nodes[i].key, "problems") &&
		    !fl_str_eq_cstr(d->nodes[i].key, "Problems")))
			continue;
		found = true;
		fl_json_foreach(d, i, it) {
			uint32_t m = fl_json_is(d, it, FL_JSON_STRING) ? it :
			    member(d, it, "message", "Message");

			if (fl_json_is(d, m, FL_JSON_STRING))
				add(p, d->nodes[m].str.ptr,
				    d->nodes[m].str.len);
		}
	}
	return found;
}

void
fl_deploy_problems_read(struct fl_deploy_problems *out, const char *text,
    size_t len)
{
	const char *brace = memchr(text, '{', len);
	struct fl_json_doc d;
	struct fl_json_error err;
	struct fl_arena a;

	memset(out, 0, sizeof(*out));
	fl_arena_init(&out->arena);
	fl_arena_init(&a);
	/* The JSON may follow a line of its own ("aws: [ERROR]: ..."). */
	if (brace != NULL && fl_json_parse(&d, &a, brace,
	    len - (size_t)(brace - text), &err) == 0) {
		uint32_t m = member(&d, FL_JSON_ROOT, "Message", "message");

		if (!read_json(out, &d) && fl_json_is(&d, m, FL_JSON_STRING))
			read_lines(out, d.nodes[m].str.ptr,
			    d.nodes[m].str.len);
	} else {
		read_lines(out, text, len);
	}
	fl_arena_release(&a);
}

void
fl_deploy_problems_release(struct fl_deploy_problems *p)
{
	free(p->v);
	fl_arena_release(&p->arena);
	memset(p, 0, sizeof(*p));
}

/* The next step of `path` from `*at`: a name, or an index as "[12]". */
static bool
next_step(struct fl_str path, size_t *at, struct fl_str *step)
{
	size_t i = *at, j;

	while (i < path.len && (path.ptr[i] == '.' || path.ptr[i] == '['))
		i++;
	if (i >= path.len)	/* (an empty path has no bytes at all) */
		return false;
	for (j = i; j < path.len && path.ptr[j] != '.' && path.ptr[j] != '['
	    && path.ptr[j] != ']'; j++)
		;
	*step = fl_str_make(path.ptr + i, j - i);
	*at = j < path.len && path.ptr[j] == ']' ? j + 1 : j;
	return j > i;
}

/* Child `step` of container `node`: a member by name, an element by
 * index; NONE when there is none. */
static uint32_t
child(const struct fl_json_doc *d, uint32_t node, struct fl_str step)
{
	uint32_t it;
	size_t k, n = 0;

	if (fl_json_is(d, node, FL_JSON_OBJECT))
		return fl_json_get_str(d, node, step);
	if (!fl_json_is(d, node, FL_JSON_ARRAY) || step.len > 9)
		return FL_JSON_NONE;
	for (k = 0; k < step.len; k++) {
		if (!isdigit((unsigned char)step.ptr[k]))
			return FL_JSON_NONE;
		n = n * 10 + (size_t)(step.ptr[k] - '0');
	}
	fl_json_foreach(d, node, it)
		if (n-- == 0)
			return it;
	return FL_JSON_NONE;
}

bool
fl_deploy_locate(const struct fl_flow *f, struct fl_str path,
    bool name_problem, struct fl_deploy_spot *out)
{
	const struct fl_json_doc *d = f->doc;
	struct fl_str step;
	size_t at = 0;
	uint32_t node, next;

	memset(out, 0, sizeof(*out));
	out->action = FL_JSON_NONE;
	if (!next_step(path, &at, &step))
		return false;
	if (fl_str_eq_cstr(step, "Actions") && !next_step(path, &at, &step))
		return false;
	node = child(d, f->actions_node, step);
	if (node != FL_JSON_NONE)
		out->action = node;
	else if ((node = child(d, f->root, step)) == FL_JSON_NONE)
		return false;
	out->whole = true;
	while (next_step(path, &at, &step)) {
		if ((next = child(d, node, step)) == FL_JSON_NONE) {
			out->whole = false;
			break;
		}
		node = next;
	}
	out->reached = out->node = node;
	if (node == out->action) {
		uint32_t id = fl_json_get(d, node, "Identifier");

		if (fl_json_is(d, id, FL_JSON_STRING))
			out->node = id;
	} else {
		out->key = name_problem && d->nodes[node].key.ptr != NULL;
	}
	return true;
}
