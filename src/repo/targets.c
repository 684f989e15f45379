/*
 * Building the list of files a run checks from command-line operands.
 */
#include "repo/targets.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/xalloc.h"

static struct fl_target *
add(struct fl_targets *t, const char *path)
{
	struct fl_target *e;

	FL_GROW(t->v, t->n + 1, t->alloc);
	e = &t->v[t->n++];
	memset(e, 0, sizeof(*e));
	e->path = fl_xstrdup(path);
	return e;
}

void
fl_targets_add_file(struct fl_targets *t, const char *path,
    const char *fs_path, bool explicit_path)
{
	struct fl_target *e = add(t, path);

	e->fs_path = fl_xstrdup(fs_path);
	e->explicit_path = explicit_path;
}

void
fl_targets_add_data(struct fl_targets *t, const char *path, char *data,
    size_t len)
{
	struct fl_target *e = add(t, path);

	e->data = data;
	e->len = len;
}

int
fl_targets_add_stdin(struct fl_targets *t, const char *path)
{
	struct fl_buf in = FL_BUF_INIT;
	struct fl_target *e;
	int err = fl_fs_read_stdin(&in, FL_FS_MAX_FILE);

	if (err != 0) {
		fl_buf_release(&in);
		return err;
	}
	e = add(t, path);
	e->fs_path = fl_xstrdup(path);
	e->data = fl_buf_detach(&in, &e->len);
	e->explicit_path = true;
	return 0;
}

void
fl_target_release(struct fl_target *e)
{
	free(e->path);
	free(e->fs_path);
	free(e->data);
	memset(e, 0, sizeof(*e));
}

void
fl_targets_release(struct fl_targets *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		fl_target_release(&t->v[i]);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

int
fl_targets_from_paths(struct fl_targets *t, char **paths, size_t n)
{
	int err = 0;
	size_t i, k;

	for (i = 0; i < n; i++) {
		struct fl_pathlist found = { 0 };
		int dir = fl_fs_is_dir(paths[i]);

		if (dir < 0) {
			err = dir;
			continue;
		}
		if (!dir) {
			fl_targets_add_file(t, paths[i], paths[i], true);
			continue;
		}
		if (fl_fs_walk_json(&found, paths[i]) < 0)
			err = FL_EIO;
		fl_pathlist_sort(&found);
		for (k = 0; k < found.n; k++)
			fl_targets_add_file(t, found.v[k], found.v[k], false);
		fl_pathlist_release(&found);
	}
	return err;
}
