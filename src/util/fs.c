/*
 * File reading and folder walking.
 */
#include "util/fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/error.h"
#include "util/xalloc.h"

static int
too_big(const char *what, size_t limit)
{
	return fl_error_set(FL_ETOOBIG,
	    "%s: file is larger than the %zu MiB limit", what,
	    limit / (1024 * 1024));
}

static int
read_fd(struct fl_buf *out, int fd, const char *what, size_t limit)
{
	for (;;) {
		ssize_t n;

		/* Grow only when full: a file read at its stat size fits. */
		if (out->len + 1 >= out->cap)
			fl_buf_grow(out, 65536);
		n = read(fd, out->ptr + out->len, out->cap - out->len - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return fl_error_set(FL_EIO, "%s: cannot read: %s", what,
			    strerror(errno));
		}
		if (n == 0)
			break;
		out->len += (size_t)n;
		out->ptr[out->len] = '\0';
		if (out->len > limit)
			return too_big(what, limit);
	}
	return 0;
}

int
fl_fs_read_stamped(struct fl_buf *out, const char *path, size_t limit,
    struct fl_fs_stamp *stamp)
{
	struct stat st;
	int fd, err;

	fl_buf_reset(out);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return fl_error_set(FL_EIO, "%s: cannot open: %s", path,
		    strerror(errno));
	if (fstat(fd, &st) != 0) {
		err = fl_error_set(FL_EIO, "%s: cannot stat: %s", path,
		    strerror(errno));
	} else if (S_ISDIR(st.st_mode)) {
		err = fl_error_set(FL_EIO, "%s: is a directory", path);
	} else if (!S_ISREG(st.st_mode)) {
		err = fl_error_set(FL_EIO, "%s: not a regular file", path);
	} else if ((size_t)st.st_size > limit) {
		err = too_big(path, limit);
	} else {
		/* A byte more, so the read that sees the end needs no room. */
		fl_buf_grow(out, (size_t)st.st_size + 1);
		err = read_fd(out, fd, path, limit);
	}
	close(fd);
	if (stamp != NULL && err == 0) {
		/* The stat before the read: a write during the read then
		 * shows as a newer mtime when the file is replaced. */
		stamp->valid = true;
		stamp->dev = st.st_dev;
		stamp->ino = st.st_ino;
		stamp->size = st.st_size;
		stamp->mtime = st.st_mtim;
	}
	return err;
}

int
fl_fs_read(struct fl_buf *out, const char *path, size_t limit)
{
	return fl_fs_read_stamped(out, path, limit, NULL);
}

int
fl_fs_read_stdin(struct fl_buf *out, size_t limit)
{
	fl_buf_reset(out);
	return read_fd(out, STDIN_FILENO, "<stdin>", limit);
}

void
fl_pathlist_add(struct fl_pathlist *l, const char *path)
{
	FL_GROW(l->v, l->n + 1, l->alloc);
	l->v[l->n++] = fl_xstrdup(path);
}

static int
cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
fl_pathlist_sort(struct fl_pathlist *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), cmp_path);
}

void
fl_pathlist_release(struct fl_pathlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

bool
fl_fs_has_json_suffix(const char *name)
{
	size_t n = strlen(name);

	return n > 5 && strcmp(name + n - 5, ".json") == 0;
}

static int
skipped_dir(const char *name)
{
	return strcmp(name, ".git") == 0 || strcmp(name, "node_modules") == 0;
}

int
fl_fs_walk_json(struct fl_pathlist *out, const char *dir)
{
	struct fl_buf path = FL_BUF_INIT;
	struct dirent *e;
	DIR *d;

	d = opendir(dir);
	if (d == NULL)
		return fl_error_set(FL_EIO, "%s: cannot open folder: %s", dir,
		    strerror(errno));
	while ((e = readdir(d)) != NULL) {
		struct stat st;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		/* Most entries say what they are: lstat only the others. */
		if (e->d_type == DT_REG && !fl_fs_has_json_suffix(e->d_name))
			continue;
		fl_buf_reset(&path);
		fl_buf_adds(&path, dir);
		if (path.len > 0 && path.ptr[path.len - 1] != '/')
			fl_buf_addch(&path, '/');
		fl_buf_adds(&path, e->d_name);
		if (e->d_type == DT_REG)
			st.st_mode = S_IFREG;
		else if (e->d_type == DT_DIR)
			st.st_mode = S_IFDIR;
		else if (lstat(path.ptr, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (!skipped_dir(e->d_name))
				(void)fl_fs_walk_json(out, path.ptr);
		} else if (fl_fs_has_json_suffix(e->d_name) &&
		    (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode))) {
			/* A symlink to a file is read; to a folder, skipped. */
			if (S_ISLNK(st.st_mode) &&
			    (stat(path.ptr, &st) != 0 || !S_ISREG(st.st_mode)))
				continue;
			fl_pathlist_add(out, path.ptr);
		}
	}
	closedir(d);
	fl_buf_release(&path);
	return 0;
}

int
fl_fs_is_dir(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return fl_error_set(errno == ENOENT || errno == ENOTDIR ?
		    FL_ENOTFOUND : FL_EIO, "%s: %s", path, strerror(errno));
	return S_ISDIR(st.st_mode) ? 1 : 0;
}

static int
write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

void
fl_fs_fatal_signals(sigset_t *out)
{
	sigemptyset(out);
	sigaddset(out, SIGINT);
	sigaddset(out, SIGTERM);
	sigaddset(out, SIGHUP);
	sigaddset(out, SIGQUIT);
	sigaddset(out, SIGPIPE);
}

/* Blocks the signals that end a process, so that cleanup always runs. */
static void
block_signals(sigset_t *old)
{
	sigset_t set;

	fl_fs_fatal_signals(&set);
	pthread_sigmask(SIG_BLOCK, &set, old);
}

/* What fl_fs_replace_unchanged expects the file to be. */
struct expected {
	const struct fl_fs_stamp *stamp;
	const char *was;
	size_t waslen;
};

#ifdef FL_TEST_HOOKS
void (*fl_fs_test_before_replace)(const char *path);
#endif

/* Why a file is left as it is: an FL_EIO error naming it. */
static int
not_written(const char *path, const char *why)
{
	return fl_error_set(FL_EIO, "%s: %s; not written", path, why);
}

static bool
writable(const char *path, const struct stat *st)
{
	/* The mode bits too: root may write anything, but should not. */
	return (st->st_mode & 0222) != 0 && access(path, W_OK) == 0;
}

static bool
same_stamp(const struct stat *st, const struct fl_fs_stamp *s)
{
	return s->valid && st->st_dev == s->dev && st->st_ino == s->ino &&
	    st->st_size == s->size && st->st_mtim.tv_sec == s->mtime.tv_sec &&
	    st->st_mtim.tv_nsec == s->mtime.tv_nsec;
}

/* 0 if `target` is still what `e` says was read, or FL_EIO and why. */
static int
check_unchanged(const char *path, const char *target,
    const struct expected *e)
{
	struct fl_buf now = FL_BUF_INIT;
	struct stat st;
	bool same;

#ifdef FL_TEST_HOOKS
	if (fl_fs_test_before_replace != NULL)
		fl_fs_test_before_replace(path);
#endif
	if (stat(target, &st) != 0)
		return not_written(path, errno == ENOENT ?
		    "deleted since it was read" : strerror(errno));
	if (!writable(target, &st))
		return not_written(path, "read-only");
	same = same_stamp(&st, e->stamp) &&
	    fl_fs_read(&now, target, FL_FS_MAX_FILE) == 0 &&
	    now.len == e->waslen && memcmp(now.ptr, e->was, now.len) == 0;
	fl_buf_release(&now);
	if (!same)
		return not_written(path, "changed on disk since it was read");
	return 0;
}

/*
 * Writes `data` to a temporary file beside `path` (or its symlink's
 * target) and renames it over the target; with `e`, only if the target
 * is still what `e` says.
 */
static int
replace(const char *path, const char *data, size_t len,
    const struct expected *e)
{
	struct fl_buf target = FL_BUF_INIT, tmp = FL_BUF_INIT;
	char resolved[PATH_MAX];
	struct stat st;
	sigset_t old;
	const char *slash;
	int fd = -1, err = 0, saved;

	/* Replace what a symlink points to, not the link itself. */
	if (realpath(path, resolved) != NULL)
		fl_buf_adds(&target, resolved);
	else
		fl_buf_adds(&target, path);
	/* A guarded write refuses early what check_unchanged would. */
	if (stat(target.ptr, &st) != 0) {
		if (e != NULL) {
			err = not_written(path, "deleted since it was read");
			goto out;
		}
		st.st_mode = 0644;
	} else if (e != NULL && !writable(target.ptr, &st)) {
		err = not_written(path, "read-only");
		goto out;
	}
	slash = strrchr(target.ptr, '/');
	if (slash != NULL)
		fl_buf_add(&tmp, target.ptr, (size_t)(slash - target.ptr) + 1);
	fl_buf_addf(&tmp, ".%s.flowlint-XXXXXX",
	    slash != NULL ? slash + 1 : target.ptr);

	block_signals(&old);
	fd = mkstemp(tmp.ptr);
	if (fd < 0) {
		err = fl_error_set(FL_EIO, "%s: cannot create a temporary file "
		    "beside it: %s", path, strerror(errno));
		goto done;
	}
	if (write_all(fd, data, len) != 0 || fchmod(fd, st.st_mode & 07777) != 0 ||
	    fsync(fd) != 0) {
		saved = errno;
		err = fl_error_set(FL_EIO, "%s: cannot write: %s", path,
		    strerror(saved));
		goto done;
	}
	if (close(fd) != 0) {
		fd = -1;
		saved = errno;
		err = fl_error_set(FL_EIO, "%s: cannot write: %s", path,
		    strerror(saved));
		goto done;
	}
	fd = -1;
	/* Checked last, after the slow fsync, to leave the smallest window
	 * in which an edit could still be lost. */
	if (e != NULL && (err = check_unchanged(path, target.ptr, e)) != 0)
		goto done;
	if (rename(tmp.ptr, target.ptr) != 0) {
		saved = errno;
		err = fl_error_set(FL_EIO, "%s: cannot replace: %s", path,
		    strerror(saved));
	}
done:
	if (fd >= 0)
		close(fd);
	if (err != 0)
		unlink(tmp.ptr);	/* after a failed mkstemp, a no-op */
	pthread_sigmask(SIG_SETMASK, &old, NULL);
out:
	fl_buf_release(&target);
	fl_buf_release(&tmp);
	return err;
}

int
fl_fs_write_atomic(const char *path, const char *data, size_t len)
{
	return replace(path, data, len, NULL);
}

int
fl_fs_replace_unchanged(const char *path, const struct fl_fs_stamp *stamp,
    const char *was, size_t waslen, const char *data, size_t len)
{
	const struct expected e = { stamp, was, waslen };

	return replace(path, data, len, &e);
}
