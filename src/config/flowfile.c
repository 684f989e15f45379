/*
 * Telling flows from other JSON (flowfile.h).
 */
#include "config/flowfile.h"

#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "config/project.h"
#include "flow/load.h"
#include "repo/targets.h"

/* The reference layout's flows folder, below its root. */
#define FLOWS_DIR "imports/resources/flows"

/* Whether absolute `path` lies below folder `dir`. */
static bool
below(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return strncmp(path, dir, n) == 0 && path[n] == '/';
}

char *
fl_config_flows_dir(const struct fl_project *p, const struct fl_config *c)
{
	const char *layout = fl_inventory_spec_layout(&c->inventory,
	    p->layout_root);

	return layout != NULL ?
	    fl_path_join(layout, FLOWS_DIR) : NULL;
}

/* FLAT or NESTED for the part of a path below a flows folder. */
static enum fl_deploy
placed(const char *below_flows)
{
	return strchr(below_flows, '/') != NULL ? FL_DEPLOY_NESTED :
	    FL_DEPLOY_FLAT;
}

enum fl_deploy
fl_config_deploy(const struct fl_project *p, const struct fl_config *c,
    const char *path)
{
	static const char seg[] = "/" FLOWS_DIR "/";
	const char *layout = fl_inventory_spec_layout(&c->inventory,
	    p->layout_root);
	const char *at;
	char *flows;
	enum fl_deploy d;

	/* A layout below the folder the run started in, which the walk up
	 * from there did not find, still shows in the file's own path. */
	if (layout == NULL || !below(path, layout)) {
		at = strstr(path, seg);
		return at != NULL ? placed(at + strlen(seg)) :
		    FL_DEPLOY_UNKNOWN;
	}
	flows = fl_config_flows_dir(p, c);
	d = below(path, flows) ? placed(path + strlen(flows) + 1) :
	    FL_DEPLOY_UNREAD;
	free(flows);
	return d;
}

/* Whether absolute `path` lies in a folder that holds flows. */
static bool
in_flows_folder(const struct fl_project *p, const struct fl_config *c,
    const char *path)
{
	char *flows = fl_config_flows_dir(p, c);
	bool in = flows != NULL && below(path, flows);
	size_t i;

	free(flows);
	for (i = 0; i < c->inventory.nsources && !in; i++) {
		const struct fl_source_spec *s = &c->inventory.sources[i];

		in = s->type == FL_SOURCE_FOLDER && (s->kind == FL_RES_FLOW ||
		    s->kind == FL_RES_MODULE) && below(path, s->path);
	}
	return in;
}

enum fl_file_kind
fl_file_kind(const struct fl_project *p, const struct fl_config *c,
    struct fl_path_memo *m, const struct fl_target *t, bool flows_only,
    bool parsed, enum fl_flow_shape shape, const char *text, size_t len)
{
	char *rel, *path;
	bool meant;

	if (parsed)
		return shape == FL_SHAPE_NOT_FLOW ? FL_FILE_OTHER_JSON :
		    FL_FILE_FLOW;
	if ((t->explicit_path && !flows_only) || fl_flow_marked(text, len))
		return FL_FILE_FLOW;
	rel = t->fs_path != NULL ? fl_project_relpath(p, m, t->fs_path) :
	    fl_project_relpath_repo(p, m, t->path);
	path = fl_path_join(p->root, rel);
	meant = in_flows_folder(p, c, path);
	free(path);
	free(rel);
	return meant ? FL_FILE_FLOW : FL_FILE_NOT_JSON;
}
