/*
 * The inventory cache (cache.h) as a text file, one entry a line:
 *
 *   flowlint inventory cache 1 <flowlint version>
 *   <blob ID> TAB <folder kind> TAB <kind or -> TAB <name> TAB <id> TAB <arn>
 *
 * sorted by blob ID and folder kind, with '\', TAB, LF and CR in the
 * strings escaped as \\, \t, \n and \r, and an absent ID or ARN empty.
 */
#include "inventory/cache.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/xalloc.h"

#define HEADER "flowlint inventory cache 1 " FLOWLINT_VERSION "\n"
#define BLOB_HEX 40

struct entry {
	const char *blob;	/* BLOB_HEX hex digits, in the file's bytes
				   or the arena */
	int folder;		/* enum fl_res_kind of the folder */
	struct fl_cached_resource res;	/* strings likewise */
	bool used;
};

struct fl_inventory_cache {
	char *path;			/* owned */
	struct fl_buf text;		/* the file, parsed in place */
	struct fl_arena arena;		/* what this run recorded */
	struct entry *v;		/* owned */
	size_t n, alloc;
	size_t nread;			/* v[0, nread) came from the file,
					   sorted; the rest was recorded */
	size_t hits;
};

static int
compare(const struct entry *a, const struct entry *b)
{
	int c = memcmp(a->blob, b->blob, BLOB_HEX);

	return c != 0 ? c : (a->folder > b->folder) - (a->folder < b->folder);
}

static int
by_key(const void *a, const void *b)
{
	return compare(a, b);
}

static struct entry *
append(struct fl_inventory_cache *c)
{
	FL_GROW(c->v, c->n + 1, c->alloc);
	memset(&c->v[c->n], 0, sizeof(c->v[0]));
	return &c->v[c->n++];
}

/*
 * Unescapes field [p, end) in place and NUL-terminates it (over the
 * separator after it).  NULL for an empty field; `bad` set on a stray
 * backslash.
 */
static const char *
unescape(char *p, char *end, bool *bad)
{
	char *start = p, *o = p;

	if (p == end)
		return NULL;
	for (; p < end; p++) {
		if (*p != '\\') {
			*o++ = *p;
			continue;
		}
		switch (p + 1 < end ? *++p : 0) {
		case '\\': *o++ = '\\'; break;
		case 't': *o++ = '\t'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		default: *bad = true; break;
		}
	}
	*o = '\0';
	return start;
}

/* Parses line [p, end) (its '\n' at end) into a new entry, in place;
 * false when it is damaged. */
static bool
parse_line(struct fl_inventory_cache *c, char *p, char *end)
{
	char *f[6], *stop[6];
	size_t nf = 0;
	int folder, kind;
	struct entry *e;
	bool none, bad = false;

	while (nf < 6) {
		char *tab = memchr(p, '\t', (size_t)(end - p));

		f[nf] = p;
		stop[nf++] = tab != NULL ? tab : end;
		if (tab == NULL)
			break;
		p = tab + 1;
	}
	if (nf != 6 || stop[0] - f[0] != BLOB_HEX ||
	    strspn(f[0], "0123456789abcdef") < BLOB_HEX)
		return false;
	none = stop[2] - f[2] == 1 && f[2][0] == '-';
	folder = fl_res_kind_from_name(fl_str_make(f[1],
	    (size_t)(stop[1] - f[1])));
	kind = none ? -1 : fl_res_kind_from_name(fl_str_make(f[2],
	    (size_t)(stop[2] - f[2])));
	if (folder < 0 || (!none && kind < 0))
		return false;
	e = append(c);
	e->blob = f[0];
	e->folder = folder;
	e->res.kind = kind;
	e->res.name = unescape(f[3], stop[3], &bad);
	e->res.id = unescape(f[4], stop[4], &bad);
	e->res.arn = unescape(f[5], stop[5], &bad);
	if (bad || (kind >= 0) != (e->res.name != NULL)) {
		c->n--;
		return false;
	}
	return true;
}

static bool
sorted(const struct fl_inventory_cache *c)
{
	size_t i;

	for (i = 1; i < c->n; i++)
		if (compare(&c->v[i - 1], &c->v[i]) >= 0)
			return false;
	return true;
}

static void
load(struct fl_inventory_cache *c)
{
	char *p, *end, *nl;
	size_t lines = 0;

	if (fl_fs_read(&c->text, c->path, FL_FS_MAX_FILE) != 0 ||
	    c->text.len < strlen(HEADER) ||
	    memcmp(c->text.ptr, HEADER, strlen(HEADER)) != 0) {
		fl_buf_release(&c->text);
		fl_error_clear();
		return;
	}
	p = c->text.ptr + strlen(HEADER);
	end = c->text.ptr + c->text.len;
	for (nl = p; (nl = memchr(nl, '\n', (size_t)(end - nl))) != NULL; nl++)
		lines++;
	FL_GROW(c->v, lines, c->alloc);
	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL || !parse_line(c, p, nl)) {
			/* Damaged: start over with nothing. */
			c->n = 0;
			break;
		}
	}
	if (c->n > 0 && !sorted(c))
		qsort(c->v, c->n, sizeof(*c->v), by_key);
	c->nread = c->n;
}

struct fl_inventory_cache *
fl_inventory_cache_open(const char *path)
{
	struct fl_inventory_cache *c = fl_xcalloc(1, sizeof(*c));

	c->path = fl_xstrdup(path);
	fl_buf_init(&c->text);
	fl_arena_init(&c->arena);
	load(c);
	return c;
}

const struct fl_cached_resource *
fl_inventory_cache_get(struct fl_inventory_cache *c, const char *blob,
    enum fl_res_kind folder)
{
	struct entry probe, *e;

	if (c->nread == 0 || strlen(blob) != BLOB_HEX)
		return NULL;
	probe.blob = blob;
	probe.folder = (int)folder;
	e = bsearch(&probe, c->v, c->nread, sizeof(*c->v), by_key);
	if (e == NULL)
		return NULL;
	e->used = true;
	c->hits++;
	return &e->res;
}

static const char *
copy(struct fl_arena *a, const char *s)
{
	return s != NULL ? fl_arena_strdup(a, s) : NULL;
}

void
fl_inventory_cache_put(struct fl_inventory_cache *c, const char *blob,
    enum fl_res_kind folder, const struct fl_cached_resource *r)
{
	struct entry *e;

	if (strlen(blob) != BLOB_HEX)
		return;
	e = append(c);
	e->blob = copy(&c->arena, blob);
	e->folder = (int)folder;
	e->res.kind = r->kind;
	e->res.name = copy(&c->arena, r->name);
	e->res.id = copy(&c->arena, r->id);
	e->res.arn = copy(&c->arena, r->arn);
	e->used = true;
}

size_t
fl_inventory_cache_hits(const struct fl_inventory_cache *c)
{
	return c->hits;
}

size_t
fl_inventory_cache_misses(const struct fl_inventory_cache *c)
{
	return c->n - c->nread;
}

static void
add_escaped(struct fl_buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		switch (*s) {
		case '\\': fl_buf_adds(b, "\\\\"); break;
		case '\t': fl_buf_adds(b, "\\t"); break;
		case '\n': fl_buf_adds(b, "\\n"); break;
		case '\r': fl_buf_adds(b, "\\r"); break;
		default: fl_buf_addch(b, *s); break;
		}
	}
}

static void
add_entry(struct fl_buf *b, const struct entry *e)
{
	fl_buf_add(b, e->blob, BLOB_HEX);
	fl_buf_addf(b, "\t%s\t%s\t", fl_res_kind_name(
	    (enum fl_res_kind)e->folder), e->res.kind < 0 ?
	    "-" : fl_res_kind_name((enum fl_res_kind)e->res.kind));
	add_escaped(b, e->res.name);
	fl_buf_addch(b, '\t');
	add_escaped(b, e->res.id);
	fl_buf_addch(b, '\t');
	add_escaped(b, e->res.arn);
	fl_buf_addch(b, '\n');
}

/* Creates the folder `path` is in (one level: the git folder exists). */
static void
make_parent(const char *path)
{
	char *dir = fl_xstrdup(path);
	char *slash = strrchr(dir, '/');

	/* When this fails, so does the write, which is reported nowhere. */
	if (slash != NULL) {
		*slash = '\0';
		(void)mkdir(dir, 0777);
	}
	free(dir);
}

static void
save(struct fl_inventory_cache *c)
{
	struct fl_buf text = FL_BUF_INIT;
	const struct entry *last = NULL;
	size_t i;

	qsort(c->v, c->n, sizeof(*c->v), by_key);
	fl_buf_adds(&text, HEADER);
	for (i = 0; i < c->n; i++) {
		/* The same blob twice in a run is recorded twice. */
		if (!c->v[i].used || (last != NULL && compare(last, &c->v[i]) == 0))
			continue;
		add_entry(&text, &c->v[i]);
		last = &c->v[i];
	}
	make_parent(c->path);
	(void)fl_fs_write_atomic(c->path, text.ptr, text.len);
	fl_buf_release(&text);
	fl_error_clear();
}

void
fl_inventory_cache_close(struct fl_inventory_cache *c)
{
	if (c == NULL)
		return;
	if (c->n > c->nread)
		save(c);
	fl_arena_release(&c->arena);
	fl_buf_release(&c->text);
	free(c->v);
	free(c->path);
	free(c);
}
