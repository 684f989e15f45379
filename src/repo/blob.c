/*
 * Reading blobs out of the object database with the same size limit as
 * files on disk, and turning the file a diff names into a target.
 */
#include "repo/git.h"

#include <stdio.h>
#include <string.h>

#include "repo/targets.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/xalloc.h"

/*
 * Looks blob `id` up, refusing it with FL_ETOOBIG when its header says
 * it is over `limit` bytes, before anything is inflated.
 */
static int
load(git_blob **out, struct fl_repo *r, const git_oid *id, const char *path,
    size_t limit)
{
	git_odb *odb = NULL;
	git_object_t type;
	size_t len = 0;
	int err;

	*out = NULL;
	err = fl_git_call(git_repository_odb(&odb, r->git));
	if (err == 0)
		err = fl_git_call(git_odb_read_header(&len, &type, odb, id));
	git_odb_free(odb);
	if (err < 0)
		return err;
	if (len > limit)
		return fl_error_set(FL_ETOOBIG, "%s: file is larger than the "
		    "%zu MiB limit", path, limit / (1024 * 1024));
	return fl_git_call(git_blob_lookup(out, r->git, id));
}

int
fl_repo_blob_read(struct fl_buf *out, struct fl_repo *r, const git_oid *id,
    const char *path, size_t limit)
{
	git_blob *blob;
	int err;

	fl_buf_reset(out);
	err = load(&blob, r, id, path, limit);
	if (err < 0)
		return err;
	fl_buf_add(out, git_blob_rawcontent(blob),
	    (size_t)git_blob_rawsize(blob));
	git_blob_free(blob);
	return 0;
}

int
fl_repo_add_blob(struct fl_targets *t, struct fl_pathlist *notes,
    struct fl_repo *r, const git_diff_file *f, size_t limit)
{
	git_blob *blob;
	char reason[64];
	int err;

	if (!fl_repo_is_json_path(f->path))
		return 0;
	if (f->mode == GIT_FILEMODE_LINK) {
		fl_repo_note(notes, f->path, "a symbolic link in git, not "
		    "checked");
		return 0;
	}
	/* Submodules (gitlinks) and trees are not files. */
	if (f->mode != GIT_FILEMODE_BLOB &&
	    f->mode != GIT_FILEMODE_BLOB_EXECUTABLE)
		return 0;
	err = load(&blob, r, &f->id, f->path, limit);
	if (err == FL_ETOOBIG) {
		fl_error_clear();
		snprintf(reason, sizeof(reason), "larger than the %zu MiB "
		    "limit, not checked", limit / (1024 * 1024));
		fl_repo_note(notes, f->path, reason);
		return 0;
	}
	if (err < 0)
		return err;
	/* git's own test (a NUL early on); git shows no diff for these. */
	if (git_blob_is_binary(blob)) {
		fl_repo_note(notes, f->path, "a binary file, not checked");
	} else {
		size_t len = (size_t)git_blob_rawsize(blob);

		fl_targets_add_data(t, f->path, fl_xstrndup(
		    git_blob_rawcontent(blob), len), len);
	}
	git_blob_free(blob);
	return 0;
}
