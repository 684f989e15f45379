/*
 * flowlint install-hook: install, update or remove the git pre-commit
 * hook (hooks/pre-commit, embedded in the binary) in the folder git
 * runs hooks from.  A hook flowlint did not write is never replaced
 * without --force, which keeps it as a backup, and never removed.
 */
#include <assert.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "repo/repo.h"
#include "util/buf.h"
#include "util/embedded.h"
#include "util/error.h"
#include "util/fs.h"

/* The line that marks a hook as flowlint's (it is in hooks/pre-commit). */
#define MARKER "flowlint-managed-hook"
#define BACKUP ".flowlint-backup"

enum hook_state {
	HOOK_ABSENT,
	HOOK_CURRENT,		/* ours, this version, executable */
	HOOK_OURS,		/* ours, another version or not executable */
	HOOK_FOREIGN,		/* anything else, symlinks included */
};

static int
inspect(enum hook_state *out, const char *path, const struct fl_embedded *hook)
{
	struct fl_buf b = FL_BUF_INIT;
	struct stat st;
	int err;

	if (lstat(path, &st) != 0) {
		*out = HOOK_ABSENT;
		return errno == ENOENT ? 0 : fl_error_set(FL_EIO, "%s: %s",
		    path, strerror(errno));
	}
	*out = HOOK_FOREIGN;
	if (!S_ISREG(st.st_mode))
		return 0;
	err = fl_fs_read(&b, path, 1024 * 1024);
	if (err == FL_ETOOBIG) {
		fl_error_clear();
		err = 0;
	} else if (err == 0 && fl_str_find(fl_buf_str(&b), MARKER) >= 0) {
		*out = b.len == hook->len && memcmp(b.ptr, hook->data,
		    b.len) == 0 && (st.st_mode & S_IXUSR) != 0 ?
		    HOOK_CURRENT : HOOK_OURS;
	}
	fl_buf_release(&b);
	return err;
}

/* mkdir -p, for a core.hooksPath folder that does not exist yet. */
static int
make_dirs(const char *dir)
{
	struct fl_buf b = FL_BUF_INIT;
	size_t i;
	int err = 0;

	fl_buf_adds(&b, dir);
	for (i = 1; i <= b.len && err == 0; i++) {
		if (i < b.len && b.ptr[i] != '/')
			continue;
		b.ptr[i] = '\0';
		if (mkdir(b.ptr, 0777) != 0 && errno != EEXIST)
			err = fl_error_set(FL_EIO, "cannot create folder '%s': "
			    "%s", b.ptr, strerror(errno));
		if (i < b.len)
			b.ptr[i] = '/';
	}
	fl_buf_release(&b);
	return err;
}

/* Renames `path` to the first free name PATH.flowlint-backup[.N]. */
static int
back_up(struct fl_buf *out, const char *path)
{
	struct stat st;
	unsigned n;

	for (n = 0; n < 100; n++) {
		fl_buf_reset(out);
		fl_buf_addf(out, "%s" BACKUP, path);
		if (n > 0)
			fl_buf_addf(out, ".%u", n);
		if (lstat(out->ptr, &st) != 0 && errno == ENOENT)
			break;
	}
	if (n == 100 || rename(path, out->ptr) != 0)
		return fl_error_set(FL_EIO, "cannot move '%s' aside: %s", path,
		    n == 100 ? "too many backups" : strerror(errno));
	return 0;
}

/* Whether the hook will find flowlint ($FLOWLINT, or on PATH). */
static bool
hook_finds_flowlint(void)
{
	const char *env = getenv("FLOWLINT"), *p = getenv("PATH");
	struct fl_buf b = FL_BUF_INIT;
	bool found = false;

	if (env != NULL && env[0] != '\0')
		return true;
	while (p != NULL && !found) {
		const char *end = strchr(p, ':');
		size_t n = end != NULL ? (size_t)(end - p) : strlen(p);

		fl_buf_reset(&b);
		fl_buf_add(&b, n > 0 ? p : ".", n > 0 ? n : 1);
		fl_buf_adds(&b, "/flowlint");
		found = access(b.ptr, X_OK) == 0;
		p = end != NULL ? end + 1 : NULL;
	}
	fl_buf_release(&b);
	return found;
}

static int
install(const char *dir, const char *path, enum hook_state state,
    const struct fl_embedded *hook, bool force)
{
	struct fl_buf backup = FL_BUF_INIT;

	if (state == HOOK_CURRENT) {
		printf("the flowlint pre-commit hook is already installed: "
		    "%s\n", path);
		return FL_EXIT_OK;
	}
	if (state == HOOK_FOREIGN && !force) {
		fl_cmd_error("%s exists and flowlint did not write it; "
		    "rerun with --force to replace it (it is kept as "
		    "pre-commit" BACKUP ")", path);
		return FL_EXIT_ERROR;
	}
	if ((state == HOOK_FOREIGN && back_up(&backup, path) != 0) ||
	    make_dirs(dir) != 0 ||
	    fl_fs_write_atomic(path, hook->data, hook->len) != 0) {
		fl_cmd_error(NULL);
		fl_buf_release(&backup);
		return FL_EXIT_ERROR;
	}
	if (chmod(path, 0755) != 0) {
		fl_cmd_error("cannot make '%s' executable: %s", path,
		    strerror(errno));
		fl_buf_release(&backup);
		return FL_EXIT_ERROR;
	}
	if (backup.len > 0)
		printf("moved the existing hook to %s\n", backup.ptr);
	printf("%s the flowlint pre-commit hook: %s\n",
	    state == HOOK_OURS ? "updated" : "installed", path);
	if (!hook_finds_flowlint())
		fprintf(stderr, "flowlint: note: flowlint is not on PATH, so "
		    "the hook cannot run it yet: put it on PATH, or set "
		    "FLOWLINT=/path/to/flowlint where you run git commit\n");
	fl_buf_release(&backup);
	return FL_EXIT_OK;
}

static int
uninstall(const char *path, enum hook_state state)
{
	struct fl_buf backup = FL_BUF_INIT;
	struct stat st;
	int rc = FL_EXIT_OK;

	switch (state) {
	case HOOK_ABSENT:
		printf("no pre-commit hook at %s; nothing to remove\n", path);
		return FL_EXIT_OK;
	case HOOK_FOREIGN:
		fl_cmd_error("%s was not written by flowlint; leaving it "
		    "alone", path);
		return FL_EXIT_ERROR;
	case HOOK_CURRENT:
	case HOOK_OURS:
		break;
	}
	if (unlink(path) != 0) {
		fl_cmd_error("cannot remove '%s': %s", path, strerror(errno));
		return FL_EXIT_ERROR;
	}
	printf("removed the flowlint pre-commit hook: %s\n", path);
	fl_buf_addf(&backup, "%s" BACKUP, path);
	if (lstat(backup.ptr, &st) == 0) {
		if (rename(backup.ptr, path) == 0) {
			printf("put the previous hook back from %s\n",
			    backup.ptr);
		} else {
			fl_cmd_error("cannot put '%s' back: %s", backup.ptr,
			    strerror(errno));
			rc = FL_EXIT_ERROR;
		}
	}
	fl_buf_release(&backup);
	return rc;
}

struct install_hook_opts {
	bool force;
	bool uninstall;
	bool diff_driver;
};

#define O struct install_hook_opts
static const struct fl_option options[] = {
	FL_OPT_FLAG(0, "force", O, force, "replace a pre-commit hook flowlint "
	    "did not write, keeping it as pre-commit.flowlint-backup"),
	FL_OPT_FLAG(0, "uninstall", O, uninstall, "remove flowlint's hook and "
	    "put a backup it made back; any other hook is left alone"),
	FL_OPT_FLAG(0, "diff-driver", O, diff_driver, "instead of the hook, "
	    "make git diff, log -p and show print *.json files through "
	    "'flowlint textconv': add '*.json diff=flowlint' to "
	    ".gitattributes and set diff.flowlint.textconv and .xfuncname in "
	    ".git/config, each only when missing"),
	FL_OPT_HELP,
	FL_OPT_END,
};
#undef O

static int cmd_install_hook(int argc, char **argv);

const struct fl_cmd fl_cmd_install_hook = {
	.name = "install-hook",
	.summary = "install the git pre-commit hook (flowlint check --staged)",
	.synopsis = "[--force | --uninstall]\n--diff-driver",
	.description =
"Install the git pre-commit hook that runs 'flowlint check --staged' in\n"
"the current repository: into core.hooksPath when that is set, else\n"
"into .git/hooks.  Running it again updates the hook.  A pre-commit hook\n"
"that flowlint did not write is left alone.  With --diff-driver it\n"
"sets up the git diff driver for flow files instead.\n",
	.options = options,
	.epilogue =
"The hook runs $FLOWLINT when that is set, else flowlint on PATH.\n"
"Exit status: 0 done (or nothing to do), 2 usage or I/O error, or a\n"
"hook flowlint did not write is in the way.\n",
	.max_operands = 0,
	.run = cmd_install_hook,
};

static int
cmd_install_hook(int argc, char **argv)
{
	const struct fl_embedded *hook = fl_embedded_find("hooks/pre-commit");
	struct install_hook_opts o = { 0 };
	struct fl_buf dir = FL_BUF_INIT, path = FL_BUF_INIT;
	struct fl_operands ops;
	struct fl_repo *r = NULL;
	enum hook_state state;
	int rc;

	rc = fl_cmd_parse(&fl_cmd_install_hook, &o, argc, argv, &ops);
	if (rc >= 0)
		return rc;
	assert(hook != NULL);
	if (o.force && o.uninstall)
		return fl_cmd_usage_error("install-hook", "--force and "
		    "--uninstall cannot be combined");
	if (o.diff_driver && (o.force || o.uninstall))
		return fl_cmd_usage_error("install-hook", "--diff-driver "
		    "takes no other option");

	if (fl_repo_open_worktree(&r, ".") != 0) {
		fl_cmd_error(NULL);
		rc = FL_EXIT_ERROR;
		goto done;
	}
	if (o.diff_driver) {
		rc = fl_cmd_install_diff_driver(r);
		goto done;
	}
	if (fl_repo_hooks_dir(&dir, r) != 0) {
		fl_cmd_error(NULL);
		rc = FL_EXIT_ERROR;
		goto done;
	}
	fl_buf_addf(&path, "%spre-commit", dir.ptr);
	if (inspect(&state, path.ptr, hook) != 0) {
		fl_cmd_error(NULL);
		rc = FL_EXIT_ERROR;
		goto done;
	}
	rc = o.uninstall ? uninstall(path.ptr, state) :
	    install(dir.ptr, path.ptr, state, hook, o.force);
done:
	fl_repo_free(r);
	fl_buf_release(&dir);
	fl_buf_release(&path);
	return rc;
}
