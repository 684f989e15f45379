/*
 * Where a run stands: the repository around the checked path, the
 * folder that holds the reference layout (imports/resources), the
 * configuration file, and the root that paths in globs, suppressions
 * and the baseline are relative to.  All found by walking up from the
 * first checked path, never from the current directory alone, so that
 * `flowlint check some/repo` behaves as it does inside some/repo.
 */
#ifndef FL_CONFIG_PROJECT_H
#define FL_CONFIG_PROJECT_H

#define FL_CONFIG_FILE ".flowlint.json"

struct fl_project {
	char *start;		/* owned: absolute folder the search began in */
	char *repo_root;	/* owned: the nearest folder with .git, or NULL */
	char *layout_root;	/* owned: the nearest folder holding
				   imports/resources, not above repo_root;
				   or NULL */
	char *config;		/* owned: the configuration file (absolute),
				   or NULL when there is none */
	char *root;		/* owned: the configuration's folder, else
				   repo_root, else layout_root, else start */
};

/*
 * Fills `out` for the checked path `operand` (NULL: the current
 * directory).  `config` is --config FILE, or NULL to look for
 * .flowlint.json from the start folder up to the repository root (or
 * the file system's root outside a repository).  Returns 0, or FL_EIO
 * when --config names no readable file.
 */
int fl_project_discover(struct fl_project *out, const char *operand,
    const char *config);
void fl_project_release(struct fl_project *p);

/* The folder fl_project_relpath() resolved last: files come folder by
 * folder, and resolving a folder is a system call per segment.  Valid
 * while the current directory stays the same. */
struct fl_path_memo {
	char *dir;	/* owned: the folder as given, or NULL */
	char *real;	/* owned: what realpath() made of it */
};

#define FL_PATH_MEMO_INIT { NULL, NULL }

void fl_path_memo_release(struct fl_path_memo *m);

/*
 * `path` (absolute, or relative to the current directory) relative to
 * p->root when it lies below it, else absolute.  fl_xmalloc'd.  Paths
 * are made absolute by resolving their folder (through memo `m`), so
 * symlinked folders and "./" or "../" spellings give the same answer.
 */
char *fl_project_relpath(const struct fl_project *p, struct fl_path_memo *m,
    const char *path);

/* The same for a repository path (relative to p->repo_root, as git
 * blobs are shown); the current directory when there is no repository. */
char *fl_project_relpath_repo(const struct fl_project *p,
    struct fl_path_memo *m, const char *path);

/* `path` as a user should see it: relative to the current directory
 * when below it, else as is.  fl_xmalloc'd. */
char *fl_project_display(const char *path);

/* `rel` resolved against folder `dir` (returned as is when absolute).
 * fl_xmalloc'd. */
char *fl_path_join(const char *dir, const char *rel);

#endif
