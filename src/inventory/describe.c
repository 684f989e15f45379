/*
 * Describing resource files (describe.h).  Reading and parsing ten
 * thousand flows is most of what an inventory costs when the cache
 * cannot answer, and each file is independent: files on disk are spread
 * over threads, each with its own arena for the strings it keeps.  So
 * are files from git whose bytes the work tree holds unchanged (as git's
 * stat data says: after a clone, nearly all), which spares inflating
 * their blobs; the others are read on the calling thread, as libgit2
 * objects are not shared between threads.
 */
#include "inventory/describe.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "inventory/sources.h"
#include "json/file.h"
#include "repo/snapshot.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/xalloc.h"

/* Below this many files to read, threads cost more than they save. */
#define PARALLEL_MIN 64
#define MAX_THREADS 64

const char *
fl_describe_member(struct fl_arena *a, struct fl_json_file *f, uint32_t obj,
    const char *key)
{
	struct fl_str s = fl_json_string(&f->doc, fl_json_get(&f->doc, obj, key));

	return s.len > 0 ? fl_arena_strndup(a, s.ptr, s.len) : NULL;
}

/*
 * What a wrapper file in a folder of `kind` resources describes.  For
 * flows, the DescribeContactFlow response nests the wrapper under
 * "ContactFlow", and a wrapper without Type (or ContactFlowType) is a
 * module, as the loader decides (flow/load.c).
 */
static struct fl_cached_resource
describe(struct fl_arena *a, struct fl_json_file *f, enum fl_res_kind kind)
{
	struct fl_cached_resource r = { -1, NULL, NULL, NULL };
	uint32_t w = FL_JSON_ROOT, cf;

	if (!fl_json_is(&f->doc, FL_JSON_ROOT, FL_JSON_OBJECT))
		return r;
	if (kind == FL_RES_FLOW) {
		cf = fl_json_get(&f->doc, FL_JSON_ROOT, "ContactFlow");
		if (fl_json_is(&f->doc, cf, FL_JSON_OBJECT))
			w = cf;
		if (fl_json_get(&f->doc, w, "Content") == FL_JSON_NONE)
			return r;
		if (fl_json_get(&f->doc, w, "Type") == FL_JSON_NONE &&
		    fl_json_get(&f->doc, w, "ContactFlowType") == FL_JSON_NONE)
			kind = FL_RES_MODULE;
	}
	r.name = fl_describe_member(a, f, w, "Name");
	if (r.name == NULL)
		return r;
	r.kind = (int)kind;
	r.id = fl_describe_member(a, f, w, "Id");
	r.arn = fl_describe_member(a, f, w, "Arn");
	return r;
}

/* Parses `text` (taken) as file `path` shows and describes it. */
static void
describe_text(struct fl_described *out, struct fl_arena *a,
    enum fl_res_kind kind, const char *path, struct fl_buf *text)
{
	struct fl_json_file f;

	/* A flow's Content is most of its bytes, and not needed here. */
	out->err = fl_json_file_take(&f, path, text, "Content");
	if (out->err == 0)
		out->res = describe(a, &f, kind);
	fl_json_file_release(&f);
	fl_error_clear();
}

int
fl_describe_load(struct fl_json_file *f, const struct fl_snapshot *s,
    const struct fl_snapshot_file *file)
{
	struct fl_buf text = FL_BUF_INIT;
	int err;

	memset(f, 0, sizeof(*f));
	err = fl_snapshot_read_file(s, &text, file, FL_FS_MAX_FILE);
	if (err == 0)
		err = fl_json_file_take(f, file->path, &text, NULL);
	fl_buf_release(&text);
	fl_error_clear();
	return err;
}

/* The files to read from disk, shared by the threads that read them. */
struct work {
	struct fl_described *out;	/* indexed like files */
	enum fl_res_kind kind;
	const struct fl_snapshot_files *files;
	const size_t *todo;		/* indexes into files */
	char *const *disk;		/* the path to read, by todo index */
	size_t ntodo;
	atomic_size_t next;		/* the next of todo to claim */
};

struct worker {
	struct work *w;
	struct fl_arena *arena;
};

static void *
worker(void *arg)
{
	struct worker *me = arg;
	struct work *w = me->w;
	struct fl_buf text = FL_BUF_INIT;
	size_t k, i;

	while ((k = atomic_fetch_add(&w->next, 1)) < w->ntodo) {
		struct fl_described *out;

		i = w->todo[k];
		out = &w->out[i];
		out->err = fl_fs_read(&text, w->disk[k], FL_FS_MAX_FILE);
		if (out->err == 0)
			describe_text(out, me->arena, w->kind,
			    w->files->v[i].path, &text);
		fl_error_clear();
	}
	fl_buf_release(&text);
	return NULL;
}

/* Threads for `ntodo` files with at most `jobs` (0: one per core). */
static unsigned
threads_for(size_t ntodo, unsigned jobs)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t n = jobs > 0 ? jobs : cores < 1 ? 1 : (size_t)cores;

	if (ntodo < PARALLEL_MIN)
		return 1;
	if (n > MAX_THREADS)
		n = MAX_THREADS;
	return (unsigned)n;
}

/* Reads the files of w->todo on `nthreads` threads (this one included),
 * thread k keeping its strings in arenas[k]. */
static void
read_all(struct work *w, struct fl_arena *arenas, unsigned nthreads)
{
	pthread_t threads[MAX_THREADS];
	struct worker workers[MAX_THREADS];
	unsigned k, started = 0;

	for (k = 0; k < nthreads; k++) {
		workers[k].w = w;
		workers[k].arena = &arenas[k];
	}
	for (k = 1; k < nthreads; k++)
		if (pthread_create(&threads[started], NULL, worker,
		    &workers[k]) == 0)
			started++;
	/* However many threads started, this one reads what is left. */
	worker(&workers[0]);
	for (k = 0; k < started; k++)
		pthread_join(threads[k], NULL);
}

/*
 * Files from git whose bytes the work tree does not hold as they are:
 * read here, one at a time, as libgit2 objects are not shared between
 * threads.
 */
static void
read_blobs(struct fl_describe_batch *b, const struct fl_snapshot *s,
    enum fl_res_kind kind, const struct fl_snapshot_files *files,
    const size_t *todo, size_t ntodo)
{
	struct fl_buf text = FL_BUF_INIT;
	size_t k;

	for (k = 0; k < ntodo; k++) {
		const struct fl_snapshot_file *f = &files->v[todo[k]];
		struct fl_described *out = &b->v[todo[k]];

		out->err = fl_snapshot_read_file(s, &text, f, FL_FS_MAX_FILE);
		if (out->err == 0)
			describe_text(out, &b->arenas[0], kind, f->path, &text);
		fl_error_clear();
	}
	fl_buf_release(&text);
}

void
fl_describe_files(struct fl_describe_batch *b,
    const struct fl_inventory_reader *rd, enum fl_res_kind kind,
    const struct fl_snapshot_files *files)
{
	struct work w = { 0 };
	struct fl_buf path = FL_BUF_INIT;
	size_t n = files->n > 0 ? files->n : 1, ndisk = 0, nblob = 0, i;
	size_t *disk_todo = fl_xcalloc(n, sizeof(*disk_todo));
	size_t *blob_todo = fl_xcalloc(n, sizeof(*blob_todo));
	char **disk = fl_xcalloc(n, sizeof(*disk));
	unsigned k;

	memset(b, 0, sizeof(*b));
	b->v = fl_xcalloc(n, sizeof(*b->v));
	for (i = 0; i < files->n; i++) {
		const struct fl_snapshot_file *f = &files->v[i];
		const struct fl_cached_resource *hit = NULL;

		b->v[i].res = (struct fl_cached_resource){ -1, NULL, NULL,
		    NULL };
		if (rd->cache != NULL && f->id[0] != '\0')
			hit = fl_inventory_cache_get(rd->cache, f->id, kind);
		if (hit != NULL) {
			b->v[i].res = *hit;
			b->v[i].cached = true;
		} else if (f->id[0] == '\0') {
			disk[ndisk] = fl_xstrdup(f->path);
			disk_todo[ndisk++] = i;
		} else if (fl_snapshot_same_on_disk(rd->snapshot, f, &path)) {
			disk[ndisk] = fl_xstrdup(path.ptr);
			disk_todo[ndisk++] = i;
		} else {
			blob_todo[nblob++] = i;
		}
	}
	b->narenas = threads_for(ndisk, rd->jobs);
	b->arenas = fl_xcalloc(b->narenas, sizeof(*b->arenas));
	for (k = 0; k < b->narenas; k++)
		fl_arena_init(&b->arenas[k]);
	w.out = b->v;
	w.kind = kind;
	w.files = files;
	w.todo = disk_todo;
	w.disk = disk;
	w.ntodo = ndisk;
	atomic_init(&w.next, 0);
	read_all(&w, b->arenas, b->narenas);
	read_blobs(b, rd->snapshot, kind, files, blob_todo, nblob);
	for (i = 0; i < ndisk; i++)
		free(disk[i]);
	free(disk);
	free(disk_todo);
	free(blob_todo);
	fl_buf_release(&path);
}

void
fl_describe_batch_release(struct fl_describe_batch *b)
{
	unsigned k;

	for (k = 0; k < b->narenas; k++)
		fl_arena_release(&b->arenas[k]);
	free(b->arenas);
	free(b->v);
	memset(b, 0, sizeof(*b));
}
