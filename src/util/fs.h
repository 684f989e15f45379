/*
 * Reading files with a size limit, and walking folders for flow files.
 */
#ifndef FL_UTIL_FS_H
#define FL_UTIL_FS_H

#include <stdbool.h>
#include <signal.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

struct fl_buf;

/* Files larger than this are refused with FL_ETOOBIG (64 MiB). */
#define FL_FS_MAX_FILE (64u * 1024 * 1024)

/*
 * Reads the regular file at `path` into `out` (replacing its contents).
 * Returns 0, or FL_EIO / FL_ETOOBIG with the message set: a directory,
 * a FIFO or device, an unreadable file, a symlink loop, a file over
 * `limit` bytes.
 */
int fl_fs_read(struct fl_buf *out, const char *path, size_t limit);

/*
 * What a file was when it was read: a write that replaces it checks that
 * it still is (see fl_fs_replace_unchanged).
 */
struct fl_fs_stamp {
	bool valid;		/* false: not read from disk */
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
};

/* fl_fs_read, and where `stamp` is not NULL, what the file was. */
int fl_fs_read_stamped(struct fl_buf *out, const char *path, size_t limit,
    struct fl_fs_stamp *stamp);

/* Reads all of standard input, with the same limit. */
int fl_fs_read_stdin(struct fl_buf *out, size_t limit);

/* A list of paths; owns the strings. */
struct fl_pathlist {
	char **v;
	size_t n, alloc;
};

void fl_pathlist_add(struct fl_pathlist *l, const char *path);
void fl_pathlist_sort(struct fl_pathlist *l);
void fl_pathlist_release(struct fl_pathlist *l);

/*
 * Appends every "*.json" regular file below `dir`, recursively, skipping
 * ".git" and "node_modules" and never following symlinked folders (so a
 * symlink loop cannot hang the walk).  Returns 0, or FL_EIO when `dir`
 * itself cannot be opened; unreadable subfolders are skipped.
 */
int fl_fs_walk_json(struct fl_pathlist *out, const char *dir);

/*
 * Replaces the contents of the file at `path` with `len` bytes, so that
 * readers see either the old file or the new one, never a part: the
 * bytes go to a temporary file in the same folder, which is flushed and
 * renamed over the target.  A symlink is followed and its target is
 * replaced (the link stays a link); the target's mode is kept.  Signals
 * that would kill the process are held off between creating the
 * temporary file and the rename, so an interrupt leaves no partial or
 * stray file.  Returns 0, or FL_EIO with the message set; on failure the
 * original file is untouched.
 */
int fl_fs_write_atomic(const char *path, const char *data, size_t len);

/*
 * Replaces a file that was read earlier as `was` (`waslen` bytes, when it
 * had `stamp`) with `len` bytes, as fl_fs_write_atomic does, but only if
 * it is still what was read: the same file (device and inode), size,
 * modification time and bytes, compared after the new bytes are on disk
 * and just before the rename.  So an edit saved while flowlint worked is
 * never overwritten, a file deleted meanwhile is not re-created, and a
 * read-only file is refused, as formatters refuse one.  Returns 0, or
 * FL_EIO with the message set and the file untouched.
 */
int fl_fs_replace_unchanged(const char *path, const struct fl_fs_stamp *stamp,
    const char *was, size_t waslen, const char *data, size_t len);

#ifdef FL_TEST_HOOKS
/*
 * Test builds only: when set, called by fl_fs_replace_unchanged with the
 * path just before it checks the file, so a test can edit or delete the
 * file at the worst moment, deterministically.
 */
extern void (*fl_fs_test_before_replace)(const char *path);
#endif

/*
 * The signals that end a process, which fl_fs_write_atomic holds off.
 * Threads other than the one that writes should block them for good, so
 * that they are always delivered to the writer (see lint/run.c).
 */
void fl_fs_fatal_signals(sigset_t *out);

/* Whether a file name is one a walk picks up: "*.json" (not ".json"). */
bool fl_fs_has_json_suffix(const char *name);

/* 1 if `path` is a directory (following symlinks), 0 if not;
 * FL_ENOTFOUND when nothing is there, FL_EIO when it cannot be told. */
int fl_fs_is_dir(const char *path);

#endif
