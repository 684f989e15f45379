/*
 * flowlint install-hook --diff-driver: make git diff, git log -p and
 * git show render flow files through `flowlint textconv`.  Two settings,
 * each written only when missing, so that running it again changes
 * nothing: the attribute "*.json diff=flowlint" in the work tree's
 * .gitattributes (committed, so the whole team gets it), and the driver
 * in .git/config (local: git never takes commands from a repository's
 * own files).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "repo/repo.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

#define ATTRIBUTE "*.json diff=flowlint"

/* The shell runs the command: $FLOWLINT as the hook honours it. */
static const char *const settings[][2] = {
	{ "diff.flowlint.textconv", "\"${FLOWLINT:-flowlint}\" textconv" },
	/* Hunk headers name the block a change is in. */
	{ "diff.flowlint.xfuncname", "^action .*$" },
};

/* Whether `text` has a line that is exactly `line`. */
static bool
has_line(struct fl_str text, const char *line)
{
	size_t n = strlen(line), i = 0;

	while (i < text.len) {
		const char *nl = memchr(text.ptr + i, '\n', text.len - i);
		size_t end = nl ? (size_t)(nl - text.ptr) : text.len;
		size_t len = end - i;

		if (len > 0 && text.ptr[end - 1] == '\r')
			len--;
		if (len == n && memcmp(text.ptr + i, line, n) == 0)
			return true;
		i = end + 1;
	}
	return false;
}

/* Adds ATTRIBUTE to <workdir>/.gitattributes unless it is there. */
static int
add_attribute(const char *workdir, bool *changed)
{
	struct fl_buf path = FL_BUF_INIT, text = FL_BUF_INIT;
	int err;

	*changed = false;
	fl_buf_addf(&path, "%s.gitattributes", workdir);
	err = access(path.ptr, F_OK) != 0 && errno == ENOENT ? 0 :
	    fl_fs_read(&text, path.ptr, FL_FS_MAX_FILE);
	if (err == 0 && !has_line(fl_buf_str(&text), ATTRIBUTE)) {
		if (text.len > 0 && text.ptr[text.len - 1] != '\n')
			fl_buf_addch(&text, '\n');
		fl_buf_adds(&text, ATTRIBUTE "\n");
		err = fl_fs_write_atomic(path.ptr, text.ptr, text.len);
		*changed = err == 0;
	}
	fl_buf_release(&path);
	fl_buf_release(&text);
	return err;
}

int
fl_cmd_install_diff_driver(struct fl_repo *r)
{
	bool changed, any = false;
	size_t i;

	if (add_attribute(fl_repo_workdir(r), &changed) != 0) {
		fl_cmd_error(NULL);
		return FL_EXIT_ERROR;
	}
	if (changed)
		printf("added '%s' to %s.gitattributes (commit it to share "
		    "the driver)\n", ATTRIBUTE, fl_repo_workdir(r));
	any |= changed;
	for (i = 0; i < sizeof(settings) / sizeof(settings[0]); i++) {
		if (fl_repo_config_set(r, settings[i][0], settings[i][1],
		    &changed) != 0) {
			fl_cmd_error(NULL);
			return FL_EXIT_ERROR;
		}
		if (changed)
			printf("set git config %s '%s'\n", settings[i][0],
			    settings[i][1]);
		any |= changed;
	}
	if (!any)
		puts("the flowlint diff driver is already installed");
	return FL_EXIT_OK;
}
