/*
 * Reading the embedded rule pages and their front matter:
 *
 *   ---
 *   code: FL101
 *   name: hardcoded-arn
 *   severity: error
 *   fixable: yes
 *   summary: One line
 *   ---
 */
#include "rules/docs.h"

#include <stdio.h>
#include <string.h>

#include "rules/rule.h"
#include "util/embedded.h"

static struct fl_str
front_matter(struct fl_str page)
{
	long end;

	if (!fl_str_has_prefix(page, "---\n"))
		return (struct fl_str){ NULL, 0 };
	end = fl_str_find(fl_str_make(page.ptr + 4, page.len - 4), "\n---\n");
	if (end < 0)
		return (struct fl_str){ NULL, 0 };
	return fl_str_make(page.ptr + 4, (size_t)end + 1);
}

struct fl_str
fl_rule_doc_field(const struct fl_rule_doc *d, const char *key)
{
	struct fl_str fm = front_matter(d->page);
	const char *p = fm.ptr, *end = fm.ptr + fm.len;
	size_t klen = strlen(key);

	while (p != NULL && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (len > klen + 1 && memcmp(p, key, klen) == 0 && p[klen] == ':') {
			const char *v = p + klen + 1;

			while (v < p + len && *v == ' ')
				v++;
			return fl_str_make(v, (size_t)(p + len - v));
		}
		p = nl ? nl + 1 : NULL;
	}
	return (struct fl_str){ NULL, 0 };
}

int
fl_rule_doc(struct fl_rule_doc *out, const struct fl_rule *r)
{
	const struct fl_embedded *e;
	char path[128];
	struct fl_str fm;

	snprintf(path, sizeof(path), "rules/%s-%s.md", r->code, r->name);
	e = fl_embedded_find(path);
	if (e == NULL)
		return -1;
	out->page = fl_str_make(e->data, e->len);
	fm = front_matter(out->page);
	if (fm.ptr == NULL) {
		out->body = out->page;
	} else {
		const char *b = fm.ptr + fm.len + 4;	/* past "---\n" */

		while (b < e->data + e->len && *b == '\n')
			b++;
		out->body = fl_str_make(b, (size_t)(e->data + e->len - b));
	}
	out->summary = fl_rule_doc_field(out, "summary");
	return 0;
}
