/*
 * The rule pages (rules/FLNNN-name.md, embedded at build time).
 */
#ifndef FL_RULES_DOCS_H
#define FL_RULES_DOCS_H

#include "util/str.h"

struct fl_rule;

struct fl_rule_doc {
	struct fl_str summary;	/* front matter "summary:" line */
	struct fl_str body;	/* the page after the front matter */
	struct fl_str page;	/* the whole file */
};

/* Fills `out` from the embedded page; returns 0, or -1 if none exists. */
int fl_rule_doc(struct fl_rule_doc *out, const struct fl_rule *r);

/* The value of front-matter key `key` in the page, or {NULL, 0}. */
struct fl_str fl_rule_doc_field(const struct fl_rule_doc *d, const char *key);

#endif
