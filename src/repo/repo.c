/*
 * Opening a repository, libgit2's lifetime and errors, and turning
 * command-line paths into repository paths.
 */
#include "repo/git.h"

#include <git2/sys/repository.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/xalloc.h"

int
fl_git_call(int rc)
{
	const git_error *e;

	if (rc >= 0)
		return rc;
	e = git_error_last();
	return fl_error_set(FL_EGIT, "git: %s", e != NULL && e->message != NULL ?
	    e->message : "unknown libgit2 error");
}

/* Uses GIT_INDEX_FILE's index, as git does for the hooks it runs. */
static int
use_env_index(struct fl_repo *r)
{
	const char *path = getenv("GIT_INDEX_FILE");
	int err;

	if (path == NULL || path[0] == '\0' || r->workdir == NULL)
		return 0;
	err = fl_git_call(git_index_open(&r->index, path));
	if (err < 0)
		return err;
	return fl_git_call(git_repository_set_index(r->git, r->index));
}

int
fl_repo_open(struct fl_repo **out, const char *path)
{
	git_repository *git = NULL;
	struct fl_repo *r;
	const char *wd;
	int rc, err;

	*out = NULL;
	rc = git_libgit2_init();
	if (rc < 0)
		return fl_git_call(rc);
	rc = git_repository_open_ext(&git, path, 0,
	    getenv("GIT_CEILING_DIRECTORIES"));
	if (rc == GIT_ENOTFOUND) {
		git_libgit2_shutdown();
		return fl_error_set(FL_ENOTFOUND, "'%s' is not in a git "
		    "repository", path);
	}
	if (rc < 0) {
		err = fl_git_call(rc);
		git_libgit2_shutdown();
		return err;
	}
	r = fl_xcalloc(1, sizeof(*r));
	r->git = git;
	wd = git_repository_workdir(git);
	if (!git_repository_is_bare(git) && wd != NULL) {
		size_t n = strlen(wd);

		r->workdir = fl_xmalloc(n + 2);
		memcpy(r->workdir, wd, n + 1);
		if (n == 0 || wd[n - 1] != '/')
			strcpy(r->workdir + n, "/");
	}
	err = use_env_index(r);
	if (err < 0) {
		fl_repo_free(r);
		return err;
	}
	*out = r;
	return 0;
}

int
fl_repo_open_worktree(struct fl_repo **out, const char *path)
{
	int err = fl_repo_open(out, path);

	if (err == 0 && (*out)->workdir == NULL) {
		err = fl_error_set(FL_EINVAL, "'%s' is a bare repository: it "
		    "has no work tree or index to check",
		    git_repository_path((*out)->git));
		fl_repo_free(*out);
		*out = NULL;
	}
	return err;
}

void
fl_repo_free(struct fl_repo *r)
{
	if (r == NULL)
		return;
	git_index_free(r->index);
	git_repository_free(r->git);
	free(r->workdir);
	free(r);
	git_libgit2_shutdown();
}

const char *
fl_repo_workdir(const struct fl_repo *r)
{
	return r->workdir;
}

void
fl_repo_cache_path(struct fl_buf *out, const struct fl_repo *r,
    const char *name)
{
	const char *dir = git_repository_commondir(r->git);

	fl_buf_reset(out);
	fl_buf_adds(out, dir);
	if (out->len > 0 && out->ptr[out->len - 1] != '/')
		fl_buf_addch(out, '/');
	fl_buf_adds(out, "flowlint/");
	fl_buf_adds(out, name);
}

int
fl_repo_git_index(git_index **out, struct fl_repo *r)
{
	int err;

	if (r->index == NULL) {
		err = fl_git_call(git_repository_index(&r->index, r->git));
		if (err < 0)
			return err;
	}
	*out = r->index;
	return 0;
}

int
fl_repo_git_tree(git_tree **out, struct fl_repo *r, const char *rev)
{
	git_object *obj = NULL, *tree = NULL;
	int rc, err;

	*out = NULL;
	if (strcmp(rev, "HEAD") == 0 && git_repository_head_unborn(r->git) == 1)
		return 0;
	rc = git_revparse_single(&obj, r->git, rev);
	if (rc == GIT_ENOTFOUND || rc == GIT_EAMBIGUOUS || rc == GIT_EINVALIDSPEC)
		return fl_error_set(FL_ENOTFOUND, "unknown revision '%s'", rev);
	err = fl_git_call(rc);
	if (err == 0)
		err = fl_git_call(git_object_peel(&tree, obj, GIT_OBJECT_TREE));
	git_object_free(obj);
	*out = (git_tree *)tree;
	return err;
}

int
fl_repo_config_set(struct fl_repo *r, const char *key, const char *value,
    bool *changed)
{
	git_config *all = NULL, *local = NULL;
	git_buf cur = { 0 };
	int rc, err;

	*changed = false;
	err = fl_git_call(git_repository_config(&all, r->git));
	if (err == 0)
		err = fl_git_call(git_config_open_level(&local, all,
		    GIT_CONFIG_LEVEL_LOCAL));
	if (err == 0) {
		rc = git_config_get_string_buf(&cur, local, key);
		if (rc == 0 && strcmp(cur.ptr, value) == 0)
			goto done;
		if (rc < 0 && rc != GIT_ENOTFOUND)
			err = fl_git_call(rc);
	}
	if (err == 0)
		err = fl_git_call(git_config_set_string(local, key, value));
	*changed = err == 0;
done:
	git_buf_dispose(&cur);
	git_config_free(local);
	git_config_free(all);
	return err;
}

int
fl_repo_hooks_dir(struct fl_buf *out, struct fl_repo *r)
{
	git_config *cfg = NULL;
	git_buf gb = { 0 };
	int rc, err;

	err = fl_git_call(git_repository_config_snapshot(&cfg, r->git));
	if (err < 0)
		return err;
	fl_buf_reset(out);
	rc = git_config_get_path(&gb, cfg, "core.hooksPath");
	if (rc == 0 && gb.ptr[0] != '\0') {
		/* git runs hooks from the top of the work tree. */
		if (gb.ptr[0] != '/')
			fl_buf_adds(out, r->workdir != NULL ? r->workdir :
			    git_repository_path(r->git));
		fl_buf_adds(out, gb.ptr);
	} else if (rc == 0 || rc == GIT_ENOTFOUND) {
		git_buf_dispose(&gb);
		err = fl_git_call(git_repository_item_path(&gb, r->git,
		    GIT_REPOSITORY_ITEM_HOOKS));
		if (err == 0)
			fl_buf_adds(out, gb.ptr);
	} else {
		err = fl_git_call(rc);
	}
	if (err == 0 && (out->len == 0 || out->ptr[out->len - 1] != '/'))
		fl_buf_addch(out, '/');
	git_buf_dispose(&gb);
	git_config_free(cfg);
	return err;
}

/*
 * The absolute physical path of `path`: realpath() of its longest part
 * that exists, followed by the rest (a deleted file or folder), whose
 * "." and ".." are resolved by name.
 */
static int
resolve(struct fl_buf *out, const char *path)
{
	char resolved[PATH_MAX];
	/* Room for "." when `path` is shorter (""). */
	char *head = fl_xmalloc(strlen(path) + 2), *slash;
	const char *rest;
	size_t keep = strlen(path), n;
	int saved;

	strcpy(head, path);
	while (realpath(head, resolved) == NULL) {
		saved = errno;
		if ((saved != ENOENT && saved != ENOTDIR) ||
		    strcmp(head, ".") == 0) {
			free(head);
			return fl_error_set(FL_EIO, "%s: %s", path,
			    strerror(saved));
		}
		slash = strrchr(head, '/');
		if (slash == NULL) {
			strcpy(head, ".");
			keep = 0;
		} else {
			slash[slash == head ? 1 : 0] = '\0';
			keep = (size_t)(slash - head);
		}
	}
	free(head);
	fl_buf_adds(out, resolved);
	for (rest = path + keep; *rest != '\0'; rest += n) {
		while (*rest == '/')
			rest++;
		n = strcspn(rest, "/");
		if (n == 0 || (n == 1 && rest[0] == '.'))
			continue;
		if (n == 2 && rest[0] == '.' && rest[1] == '.') {
			/* Drop the last component, but never the root. */
			char *last = strrchr(out->ptr, '/');

			out->len = last == out->ptr ? 1 :
			    (size_t)(last - out->ptr);
			out->ptr[out->len] = '\0';
			continue;
		}
		if (out->ptr[out->len - 1] != '/')
			fl_buf_addch(out, '/');
		fl_buf_add(out, rest, n);
	}
	return 0;
}

int
fl_repo_relpath(struct fl_buf *out, const struct fl_repo *r, const char *path)
{
	struct fl_buf abs = FL_BUF_INIT;
	size_t wlen;
	int err;

	fl_buf_reset(out);
	if (r->workdir == NULL)
		return fl_error_set(FL_EINVAL, "a bare repository has no work "
		    "tree");
	err = resolve(&abs, path);
	if (err < 0)
		goto done;
	fl_buf_addch(&abs, '/');
	wlen = strlen(r->workdir);
	if (abs.len < wlen || memcmp(abs.ptr, r->workdir, wlen) != 0) {
		err = fl_error_set(FL_EINVAL, "'%s' is outside the repository "
		    "at '%s'", path, r->workdir);
		goto done;
	}
	if (abs.len > wlen)
		fl_buf_add(out, abs.ptr + wlen, abs.len - wlen - 1);
done:
	fl_buf_release(&abs);
	return err;
}

bool
fl_repo_is_json_path(const char *path)
{
	const char *slash = strrchr(path, '/');

	return fl_fs_has_json_suffix(slash != NULL ? slash + 1 : path);
}

int
fl_repo_pathspec(git_strarray *spec, const struct fl_repo *r, char **paths,
    size_t n)
{
	struct fl_buf rel = FL_BUF_INIT;
	size_t i;
	int err = 0;

	spec->strings = NULL;
	spec->count = 0;
	for (i = 0; i < n; i++) {
		err = fl_repo_relpath(&rel, r, paths[i]);
		if (err < 0)
			break;
		if (rel.len == 0) {
			/* The whole work tree: no limit at all. */
			fl_repo_pathspec_release(spec);
			break;
		}
		spec->strings = fl_xreallocarray(spec->strings,
		    spec->count + 1, sizeof(char *));
		spec->strings[spec->count++] = fl_xstrdup(rel.ptr);
	}
	fl_buf_release(&rel);
	if (err < 0)
		fl_repo_pathspec_release(spec);
	return err;
}

void
fl_repo_pathspec_release(git_strarray *spec)
{
	size_t i;

	for (i = 0; i < spec->count; i++)
		free(spec->strings[i]);
	free(spec->strings);
	spec->strings = NULL;
	spec->count = 0;
}

void
fl_repo_note(struct fl_pathlist *notes, const char *path, const char *reason)
{
	struct fl_buf b = FL_BUF_INIT;

	fl_buf_addf(&b, "%s: %s", path, reason);
	fl_pathlist_add(notes, b.ptr);
	fl_buf_release(&b);
}

void
fl_repo_sort_tail(struct fl_pathlist *l, size_t from)
{
	struct fl_pathlist tail;

	if (from >= l->n)
		return;
	tail.v = l->v + from;
	tail.n = l->n - from;
	tail.alloc = 0;
	fl_pathlist_sort(&tail);
}
