/*
 * The run set-up every command shares (session.h).
 */
#include "run/session.h"

#include <stdlib.h>
#include <string.h>

#include "config/filter.h"
#include "config/flowfile.h"
#include "inventory/dependents.h"
#include "repo/repo.h"
#include "run/args.h"
#include "util/buf.h"
#include "util/error.h"

/*
 * For a staged or changed-files run: opens the repository that holds the
 * current directory, and sets the snapshot the files and the inventory
 * are read from.
 */
static int
open_repo(struct fl_session *s, const struct fl_session_options *o)
{
	int err = fl_repo_open_worktree(&s->repo, ".");

	if (err == FL_ENOTFOUND)
		return fl_error_set(err, "%s needs a git repository, and the "
		    "current folder is not in one",
		    o->source == FL_SESSION_STAGED ? "--staged" :
		    "--changed-since");
	if (err != 0)
		return err;
	s->snapshot.repo = s->repo;
	s->snapshot.state = o->source == FL_SESSION_STAGED ?
	    FL_SNAPSHOT_INDEX : o->uncommitted ? FL_SNAPSHOT_DISK :
	    FL_SNAPSHOT_COMMIT;
	s->snapshot.rev = "HEAD";
	return 0;
}

static int
load_lint_inputs(struct fl_session *s)
{
	int err = fl_config_load_patterns(&s->patterns, &s->setup.config);

	if (err == 0)
		err = fl_params_load_default(&s->params);
	if (err == 0)
		err = fl_config_load_catalog(&s->catalog, &s->setup.config);
	s->lint.patterns = &s->patterns;
	s->lint.params = &s->params;
	s->lint.catalog = &s->catalog;
	s->lint.enabled = s->enabled;
	s->lint.severity = s->severity;
	s->lint.inventory = s->setup.inventory;
	s->lint.environments = s->setup.config.environments;
	s->lint.nenvironments = s->setup.config.nenvironments;
	s->lint.files = &s->files;
	return err;
}

int
fl_session_open(struct fl_session *s, const struct fl_session_options *o)
{
	struct fl_setup_options so = { 0 };
	unsigned i;
	int err;

	memset(s, 0, sizeof(*s));
	s->snapshot = fl_snapshot_disk;
	if (o->source != FL_SESSION_WORKTREE && (err = open_repo(s, o)) != 0)
		return err;
	so.operand = o->stdin_name != NULL ? o->stdin_name :
	    o->npaths > 0 ? o->paths[0] : NULL;
	so.config = o->args->config;
	so.baseline = o->baseline;
	so.record = o->record;
	so.snapshot = &s->snapshot;
	so.no_inventory = !o->lint;
	so.cache = !o->no_cache;
	so.jobs = o->args->jobs;
	if ((err = fl_setup_load(&s->setup, &so)) != 0)
		return err;
	for (i = 0; i < fl_rule_count; i++)
		s->enabled[i] = o->enabled == NULL || o->enabled[i];
	fl_config_rules(&s->setup.config, o->selected ? NULL : s->enabled,
	    s->severity);
	return o->lint ? load_lint_inputs(s) : 0;
}

/*
 * For a staged or changed-files run: adds the unchanged flows that refer
 * to a resource the change took away, read from the checked state; the
 * base is HEAD for --staged, else the merge base.
 */
static int
add_dependents(struct fl_session *s, const struct fl_session_options *o)
{
	struct fl_snapshot base = { FL_SNAPSHOT_COMMIT, s->repo, "HEAD" };
	struct fl_inventory *before = NULL;
	struct fl_buf rev = FL_BUF_INIT;
	char *flows = fl_config_flows_dir(&s->setup.project, &s->setup.config);
	int err = 0;

	if (flows == NULL || s->setup.inventory == NULL) {
		free(flows);
		return 0;
	}
	if (o->source == FL_SESSION_CHANGED) {
		err = fl_repo_merge_base(&rev, s->repo, o->since);
		base.rev = rev.ptr;
	}
	if (err == 0)
		err = fl_setup_inventory_at(&s->setup, &base, &before);
	if (err == 0)
		err = fl_dependents_add(&s->targets, &s->notes, before,
		    s->setup.inventory, &s->snapshot, flows);
	fl_inventory_free(before);
	fl_buf_release(&rev);
	free(flows);
	return err;
}

/* Adds to `table` what the configuration says of the file of `t`, if
 * anything. */
static void
add_file_config(struct fl_session *s, const struct fl_target *t,
    struct fl_file_configs *table)
{
	struct fl_file_config c;

	if (fl_filter_file_config(&s->setup.filter, t, &c))
		fl_file_configs_add(table, t->path, &c);
}

int
fl_session_list(struct fl_session *s, const struct fl_session_options *o)
{
	char *dot[] = { "." };
	size_t i;
	int err;

	switch (o->source) {
	case FL_SESSION_STAGED:
		err = fl_repo_staged_targets(&s->targets, &s->notes, s->repo,
		    o->paths, o->npaths, FL_FS_MAX_FILE);
		break;
	case FL_SESSION_CHANGED:
		err = fl_repo_changed_targets(&s->targets, &s->notes, s->repo,
		    o->since, o->uncommitted, o->paths, o->npaths,
		    FL_FS_MAX_FILE);
		break;
	default:
		if (o->stdin_name != NULL) {
			err = fl_targets_add_stdin(&s->targets, o->stdin_name);
			s->unlisted = err != 0;
		} else {
			err = fl_repo_targets_from_paths(&s->targets,
			    o->npaths > 0 ? o->paths : dot,
			    o->npaths > 0 ? o->npaths : 1, &s->unlisted);
		}
		break;
	}
	if (err == 0 && o->source != FL_SESSION_WORKTREE)
		err = add_dependents(s, o);
	s->excluded = fl_filter_targets(&s->setup.filter, &s->targets);
	for (i = 0; i < s->targets.n; i++)
		add_file_config(s, &s->targets.v[i], &s->files);
	fl_file_configs_finish(&s->files);
	return err;
}

void
fl_session_file_config(struct fl_session *s, const struct fl_target *t,
    struct fl_lint_options *o, struct fl_file_configs *one)
{
	memset(one, 0, sizeof(*one));
	add_file_config(s, t, one);
	o->files = one;
}

void
fl_session_fix_scope(struct fl_session *s, const struct fl_target *t,
    struct fl_fix_scope *out)
{
	fl_filter_fix_scope(&s->setup.filter, t, s->enabled, out);
}

void
fl_session_release(struct fl_session *s)
{
	fl_targets_release(&s->targets);
	fl_file_configs_release(&s->files);
	fl_pathlist_release(&s->notes);
	fl_params_release(&s->params);
	fl_catalog_release(&s->catalog);
	fl_patterns_release(&s->patterns);
	fl_setup_release(&s->setup);
	fl_repo_free(s->repo);
	memset(s, 0, sizeof(*s));
}
