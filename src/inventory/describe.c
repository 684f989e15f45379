/*
 * Describing resource files (describe.h).  Reading and parsing ten
 * thousand flows is most of what a whole-repository inventory costs, and
 * each file is independent: files on disk are spread over threads, each
 * with its own arena for the strings it keeps.  Files from git are read
 * on the calling thread, as libgit2 objects are not shared between
 * threads.
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

int
fl_describe_load(struct fl_json_file *f, const struct fl_snapshot *s,
    const struct fl_snapshot_file *file)
{
	/* A flow's Content is most of its bytes, and not needed here. */
	struct fl_buf text = FL_BUF_INIT;
	int err;

	memset(f, 0, sizeof(*f));
	err = fl_snapshot_read_file(s, &text, file, FL_FS_MAX_FILE);
	if (err == 0)
		err = fl_json_file_take(f, file->path, &text, "Content");
	fl_buf_release(&text);
	fl_error_clear();
	return err;
}

/* Reads, parses and describes one file, keeping the strings in `a`. */
static void
describe_file(struct fl_described *out, struct fl_arena *a,
    const struct fl_snapshot *s, enum fl_res_kind kind,
    const struct fl_snapshot_file *file)
{
	struct fl_json_file f;

	out->res = (struct fl_cached_resource){ -1, NULL, NULL, NULL };
	out->err = fl_describe_load(&f, s, file);
	if (out->err == 0)
		out->res = describe(a, &f, kind);
	fl_json_file_release(&f);
}

/* The files left to read, shared by the threads that read them. */
struct work {
	struct fl_describe_batch *b;
	const struct fl_snapshot *snapshot;
	enum fl_res_kind kind;
	const struct fl_snapshot_files *files;
	const size_t *todo;		/* indexes into files */
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
	size_t k, i;

	while ((k = atomic_fetch_add(&w->next, 1)) < w->ntodo) {
		i = w->todo[k];
		describe_file(&w->b->v[i], me->arena, w->snapshot, w->kind,
		    &w->files->v[i]);
	}
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

/* Reads the files of w->todo on `nthreads` threads (this one included). */
static void
read_all(struct work *w, unsigned nthreads)
{
	pthread_t threads[MAX_THREADS];
	struct worker workers[MAX_THREADS];
	unsigned k, started = 0;

	for (k = 0; k < nthreads; k++) {
		workers[k].w = w;
		workers[k].arena = &w->b->arenas[k];
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

void
fl_describe_files(struct fl_describe_batch *b,
    const struct fl_inventory_reader *rd, enum fl_res_kind kind,
    const struct fl_snapshot_files *files)
{
	struct work w = { 0 };
	size_t *todo, ntodo = 0, i;
	unsigned k;

	memset(b, 0, sizeof(*b));
	b->v = fl_xcalloc(files->n > 0 ? files->n : 1, sizeof(*b->v));
	todo = fl_xcalloc(files->n > 0 ? files->n : 1, sizeof(*todo));
	b->narenas = 1;
	for (i = 0; i < files->n; i++) {
		const struct fl_snapshot_file *f = &files->v[i];
		const struct fl_cached_resource *hit = NULL;

		if (rd->cache != NULL && f->id[0] != '\0')
			hit = fl_inventory_cache_get(rd->cache, f->id, kind);
		if (hit != NULL) {
			b->v[i].res = *hit;
			b->v[i].cached = true;
		} else {
			todo[ntodo++] = i;
		}
	}
	/* Blobs are read here; only files on disk go to threads. */
	for (i = 0; i < ntodo; i++)
		if (files->v[todo[i]].id[0] != '\0')
			break;
	if (i == ntodo)
		b->narenas = threads_for(ntodo, rd->jobs);
	b->arenas = fl_xcalloc(b->narenas, sizeof(*b->arenas));
	for (k = 0; k < b->narenas; k++)
		fl_arena_init(&b->arenas[k]);
	w.b = b;
	w.snapshot = rd->snapshot;
	w.kind = kind;
	w.files = files;
	w.todo = todo;
	w.ntodo = ntodo;
	atomic_init(&w.next, 0);
	read_all(&w, b->narenas);
	free(todo);
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
