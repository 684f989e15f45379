/*
 * The documents the client has open: their text as the client holds
 * it (which may differ from the file on disk), and when each is due to
 * be linted.
 */
#ifndef FL_SERVER_DOCUMENTS_H
#define FL_SERVER_DOCUMENTS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/str.h"

struct fl_document {
	char *uri;		/* owned: as the client spelt it */
	char *path;		/* owned: the local file, or NULL */
	char *text;		/* owned, NUL-terminated */
	size_t len;
	long long version;
	long long lint_at;	/* monotonic ms when due; -1: not due */
};

struct fl_documents {
	struct fl_document *v;	/* owned */
	size_t n, alloc;
};

/* The open document with this URI, or NULL. */
struct fl_document *fl_documents_find(struct fl_documents *d,
    struct fl_str uri);
/* Opens (or reopens) `uri` with a copy of `text`. */
struct fl_document *fl_documents_open(struct fl_documents *d,
    struct fl_str uri, struct fl_str text, long long version);
/* Replaces the text of `doc` with a copy of `text`. */
void fl_documents_set_text(struct fl_document *doc, struct fl_str text,
    long long version);
void fl_documents_close(struct fl_documents *d, struct fl_document *doc);
void fl_documents_release(struct fl_documents *d);

/* Whether `doc` is a file flowlint checks: a local *.json file. */
bool fl_document_is_checked(const struct fl_document *doc);

#endif
