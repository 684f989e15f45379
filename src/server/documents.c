/*
 * The open documents, in a plain array: editors hold tens of files, not
 * thousands, and every lookup is by URI.
 */
#include "server/documents.h"

#include <stdlib.h>
#include <string.h>

#include "server/uri.h"
#include "util/xalloc.h"

struct fl_document *
fl_documents_find(struct fl_documents *d, struct fl_str uri)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (fl_str_eq_cstr(uri, d->v[i].uri))
			return &d->v[i];
	return NULL;
}

void
fl_documents_set_text(struct fl_document *doc, struct fl_str text,
    long long version)
{
	free(doc->text);
	doc->text = fl_xmalloc(text.len + 1);
	if (text.len > 0)
		memcpy(doc->text, text.ptr, text.len);
	doc->text[text.len] = '\0';
	doc->len = text.len;
	doc->version = version;
}

struct fl_document *
fl_documents_open(struct fl_documents *d, struct fl_str uri,
    struct fl_str text, long long version)
{
	struct fl_document *doc = fl_documents_find(d, uri);

	if (doc == NULL) {
		if (d->n == d->alloc) {
			d->alloc = d->alloc ? d->alloc * 2 : 8;
			d->v = fl_xrealloc(d->v, d->alloc * sizeof(*d->v));
		}
		doc = &d->v[d->n++];
		memset(doc, 0, sizeof(*doc));
		doc->uri = fl_xstrndup(uri.ptr, uri.len);
		doc->path = fl_uri_to_path(uri);
	}
	fl_documents_set_text(doc, text, version);
	doc->lint_at = -1;
	return doc;
}

static void
document_release(struct fl_document *doc)
{
	free(doc->uri);
	free(doc->path);
	free(doc->text);
}

void
fl_documents_close(struct fl_documents *d, struct fl_document *doc)
{
	size_t i = (size_t)(doc - d->v);

	document_release(doc);
	d->v[i] = d->v[--d->n];
}

void
fl_documents_release(struct fl_documents *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		document_release(&d->v[i]);
	free(d->v);
	memset(d, 0, sizeof(*d));
}

bool
fl_document_is_checked(const struct fl_document *doc)
{
	size_t n;

	if (doc->path == NULL)
		return false;
	n = strlen(doc->path);
	return n > 5 && strcmp(doc->path + n - 5, ".json") == 0;
}
