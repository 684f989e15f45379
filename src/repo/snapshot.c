/*
 * Listing and reading files in one state of the project (snapshot.h):
 * on disk, in the index, or in a commit.  Listing reads no blob: a
 * folder of ten thousand flows in the index is a scan of index entries.
 */
#include "repo/snapshot.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "repo/git.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/xalloc.h"

const struct fl_snapshot fl_snapshot_disk = { FL_SNAPSHOT_DISK, NULL, NULL };

void
fl_snapshot_files_release(struct fl_snapshot_files *l)
{
	fl_arena_release(&l->paths);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static void
add_file(struct fl_snapshot_files *l, const char *path, const git_oid *id)
{
	struct fl_snapshot_file *f;

	FL_GROW(l->v, l->n + 1, l->alloc);
	f = &l->v[l->n++];
	f->path = fl_arena_strdup(&l->paths, path);
	f->id[0] = '\0';
	if (id != NULL)
		git_oid_tostr(f->id, sizeof(f->id), id);
}

static int
by_path(const void *a, const void *b)
{
	return strcmp(((const struct fl_snapshot_file *)a)->path,
	    ((const struct fl_snapshot_file *)b)->path);
}

/*
 * The repository path of `path` into `rel`: 1 when the snapshot reads it
 * from git, 0 when from disk (the disk state, or a path outside the
 * work tree), or an error.
 */
static int
in_git(const struct fl_snapshot *s, struct fl_buf *rel, const char *path)
{
	int err;

	if (s->state == FL_SNAPSHOT_DISK)
		return 0;
	err = fl_repo_relpath(rel, s->repo, path);
	if (err == FL_EINVAL) {
		fl_error_clear();
		return 0;
	}
	return err < 0 ? err : 1;
}

static int
list_disk(struct fl_snapshot_files *out, const char *dir)
{
	struct fl_pathlist paths = { 0 };
	size_t i;
	int err;

	err = fl_fs_is_dir(dir);
	if (err == 0)
		return fl_error_set(FL_ENOTFOUND, "'%s' is not a folder", dir);
	if (err == 1)
		err = fl_fs_walk_json(&paths, dir);
	if (err == 0) {
		fl_pathlist_sort(&paths);
		for (i = 0; i < paths.n; i++)
			add_file(out, paths.v[i], NULL);
	}
	fl_pathlist_release(&paths);
	return err;
}

/*
 * Whether index entry `e` is a file git would commit: a regular file at
 * stage 0 that is more than an intent to add (`git add -N`).
 */
static bool
committable(const git_index_entry *e)
{
	return e != NULL && git_index_entry_stage(e) == 0 &&
	    (e->flags_extended & GIT_INDEX_ENTRY_INTENT_TO_ADD) == 0 &&
	    (e->mode == GIT_FILEMODE_BLOB ||
	    e->mode == GIT_FILEMODE_BLOB_EXECUTABLE);
}

static int
list_index(struct fl_snapshot_files *out, struct fl_repo *r, const char *dir)
{
	struct fl_buf prefix = FL_BUF_INIT;
	git_index *index;
	size_t i, n, first = out->n;
	int err;

	err = fl_repo_git_index(&index, r);
	if (err < 0)
		return err;
	if (dir[0] != '\0') {
		fl_buf_adds(&prefix, dir);
		fl_buf_addch(&prefix, '/');
	}
	/* Entries are sorted by path, so those below `dir` are a run. */
	n = git_index_entrycount(index);
	if (git_index_find_prefix(&i, index, prefix.ptr) < 0)
		i = n;
	for (; i < n; i++) {
		const git_index_entry *e = git_index_get_byindex(index, i);

		if (strncmp(e->path, prefix.ptr, prefix.len) != 0)
			break;
		if (committable(e) && fl_repo_is_json_path(e->path))
			add_file(out, e->path, &e->id);
	}
	fl_buf_release(&prefix);
	if (out->n == first)
		return fl_error_set(FL_ENOTFOUND, "no folder '%s' in the index",
		    dir);
	return 0;
}

struct walk {
	struct fl_snapshot_files *out;
	struct fl_buf path;	/* the walked folder's path and '/', then
				   the entry's while it is added */
	size_t base;		/* length of the folder part of path */
};

/* git_tree_walk's callback: collects the "*.json" regular files. */
static int
collect(const char *root, const git_tree_entry *e, void *arg)
{
	struct walk *w = arg;
	git_filemode_t mode = git_tree_entry_filemode(e);

	if ((mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) ||
	    !fl_fs_has_json_suffix(git_tree_entry_name(e)))
		return 0;
	w->path.len = w->base;
	fl_buf_adds(&w->path, root);
	fl_buf_adds(&w->path, git_tree_entry_name(e));
	add_file(w->out, w->path.ptr, git_tree_entry_id(e));
	return 0;
}

static int
list_commit(struct fl_snapshot_files *out, struct fl_repo *r,
    const char *rev, const char *dir)
{
	struct walk w = { out, FL_BUF_INIT, 0 };
	git_tree *tree = NULL, *sub = NULL;
	git_tree_entry *e = NULL;
	size_t first = out->n;
	int err;

	err = fl_repo_git_tree(&tree, r, rev);
	if (err < 0 || tree == NULL)
		goto done;
	if (dir[0] == '\0') {
		sub = tree;
		tree = NULL;
	} else if (git_tree_entry_bypath(&e, tree, dir) == 0 &&
	    git_tree_entry_type(e) == GIT_OBJECT_TREE) {
		err = fl_git_call(git_tree_lookup(&sub, r->git,
		    git_tree_entry_id(e)));
		fl_buf_adds(&w.path, dir);
		fl_buf_addch(&w.path, '/');
	}
	w.base = w.path.len;
	if (err == 0 && sub != NULL)
		err = fl_git_call(git_tree_walk(sub, GIT_TREEWALK_PRE, collect,
		    &w));
	/* Trees sort "a/" after "a.json"; listings are in byte order. */
	if (out->n > first)
		qsort(out->v + first, out->n - first, sizeof(*out->v),
		    by_path);
done:
	fl_buf_release(&w.path);
	git_tree_entry_free(e);
	git_tree_free(sub);
	git_tree_free(tree);
	if (err == 0 && sub == NULL)
		err = fl_error_set(FL_ENOTFOUND, "no folder '%s' in %s", dir,
		    rev);
	return err;
}

int
fl_snapshot_list_json(const struct fl_snapshot *s,
    struct fl_snapshot_files *out, const char *dir)
{
	struct fl_buf rel = FL_BUF_INIT;
	int err = in_git(s, &rel, dir);

	if (err == 0)
		err = list_disk(out, dir);
	else if (err == 1 && s->state == FL_SNAPSHOT_INDEX)
		err = list_index(out, s->repo, rel.ptr);
	else if (err == 1)
		err = list_commit(out, s->repo, s->rev, rel.ptr);
	fl_buf_release(&rel);
	return err;
}

int
fl_snapshot_read_file(const struct fl_snapshot *s, struct fl_buf *out,
    const struct fl_snapshot_file *f, size_t limit)
{
	git_oid id;

	if (f->id[0] == '\0')
		return fl_fs_read(out, f->path, limit);
	if (git_oid_fromstr(&id, f->id) < 0)
		return fl_error_set(FL_EINVAL, "%s: bad object ID '%s'",
		    f->path, f->id);
	return fl_repo_blob_read(out, s->repo, &id, f->path, limit);
}

/* The index file's modification time, read once. */
static const struct timespec *
index_stamp(struct fl_repo *r, git_index *index)
{
	struct stat st;
	const char *path;

	if (r->index_stamp_known == 0) {
		path = git_index_path(index);
		r->index_stamp_known = path != NULL && stat(path, &st) == 0 ?
		    1 : -1;
		if (r->index_stamp_known == 1)
			r->index_stamp = st.st_mtim;
	}
	return r->index_stamp_known == 1 ? &r->index_stamp : NULL;
}

/* Whether stat data `st` is what index entry `e` recorded, and old
 * enough that the index was written after it could last change. */
static bool
stat_clean(const git_index_entry *e, const struct stat *st,
    const struct timespec *stamp)
{
	/* git without USE_NSEC records whole seconds only. */
	bool nsec = e->mtime.nanoseconds != 0;

	if (!S_ISREG(st->st_mode) || (uint32_t)st->st_size != e->file_size ||
	    (e->ino != 0 && (uint32_t)st->st_ino != e->ino) ||
	    st->st_mtim.tv_sec != (time_t)e->mtime.seconds ||
	    (nsec && (uint32_t)st->st_mtim.tv_nsec != e->mtime.nanoseconds))
		return false;
	/* Racy: modified in the tick the index was written in, or later. */
	return stamp->tv_sec > (time_t)e->mtime.seconds ||
	    (nsec && stamp->tv_sec == (time_t)e->mtime.seconds &&
	    (uint32_t)stamp->tv_nsec > e->mtime.nanoseconds);
}

bool
fl_snapshot_same_on_disk(const struct fl_snapshot *s,
    const struct fl_snapshot_file *f, struct fl_buf *disk)
{
	const struct timespec *stamp;
	const git_index_entry *e;
	git_index *index;
	struct stat st;
	git_oid id;

	if (s->state == FL_SNAPSHOT_DISK || f->id[0] == '\0' ||
	    s->repo->workdir == NULL || git_oid_fromstr(&id, f->id) < 0 ||
	    fl_repo_git_index(&index, s->repo) < 0) {
		fl_error_clear();
		return false;
	}
	e = git_index_get_bypath(index, f->path, 0);
	stamp = index_stamp(s->repo, index);
	if (e == NULL || stamp == NULL || !git_oid_equal(&e->id, &id))
		return false;
	fl_buf_reset(disk);
	fl_buf_adds(disk, s->repo->workdir);
	fl_buf_adds(disk, f->path);
	return lstat(disk->ptr, &st) == 0 && stat_clean(e, &st, stamp);
}

/* The blob at repository path `path` in the snapshot, or FL_ENOTFOUND. */
static int
find_blob(git_oid *out, const struct fl_snapshot *s, const char *path)
{
	git_index *index;
	git_tree *tree = NULL;
	git_tree_entry *e = NULL;
	const git_index_entry *ie;
	git_filemode_t mode;
	int err;

	if (s->state == FL_SNAPSHOT_INDEX) {
		err = fl_repo_git_index(&index, s->repo);
		if (err < 0)
			return err;
		ie = git_index_get_bypath(index, path, 0);
		if (!committable(ie))
			return fl_error_set(FL_ENOTFOUND, "'%s' is not a file "
			    "in the index", path);
		git_oid_cpy(out, &ie->id);
		return 0;
	}
	err = fl_repo_git_tree(&tree, s->repo, s->rev);
	if (err < 0)
		return err;
	if (tree == NULL || git_tree_entry_bypath(&e, tree, path) < 0 ||
	    ((mode = git_tree_entry_filemode(e)) != GIT_FILEMODE_BLOB &&
	    mode != GIT_FILEMODE_BLOB_EXECUTABLE))
		err = fl_error_set(FL_ENOTFOUND, "'%s' is not a file in %s",
		    path, s->rev);
	else
		git_oid_cpy(out, git_tree_entry_id(e));
	git_tree_entry_free(e);
	git_tree_free(tree);
	return err;
}

int
fl_snapshot_read(const struct fl_snapshot *s, struct fl_buf *out,
    struct fl_buf *shown, const char *path, size_t limit)
{
	git_oid id;
	int err;

	fl_buf_reset(shown);
	err = in_git(s, shown, path);
	if (err == 0) {
		fl_buf_adds(shown, path);
		return fl_fs_read(out, path, limit);
	}
	if (err < 0)
		return err;
	err = find_blob(&id, s, shown->ptr);
	if (err == 0)
		err = fl_repo_blob_read(out, s->repo, &id, shown->ptr, limit);
	return err;
}

void
fl_snapshot_shown(const struct fl_snapshot *s, struct fl_buf *out,
    const char *path)
{
	fl_buf_reset(out);
	if (in_git(s, out, path) <= 0) {
		fl_error_clear();
		fl_buf_reset(out);
		fl_buf_adds(out, path);
	}
}

void
fl_snapshot_describe(struct fl_buf *out, const struct fl_snapshot *s)
{
	switch (s->state) {
	case FL_SNAPSHOT_DISK:
		fl_buf_adds(out, "on disk");
		break;
	case FL_SNAPSHOT_INDEX:
		fl_buf_adds(out, "as staged in the index");
		break;
	case FL_SNAPSHOT_COMMIT:
		fl_buf_addf(out, "as committed in %s", s->rev);
		break;
	}
}
