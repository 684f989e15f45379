/*
 * Which JSON files a run handles as contact flows.  check, fix and
 * format ask this one question, so that they skip the same files: valid
 * JSON that is no flow (package.json, a queue), and JSON that does not
 * parse (a tsconfig.json with comments) unless something says it was
 * meant to be a flow, in which case it is reported as FL001 or refused.
 */
#ifndef FL_CONFIG_FLOWFILE_H
#define FL_CONFIG_FLOWFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "flow/flow.h"
#include "rules/file_config.h"

struct fl_config;
struct fl_path_memo;
struct fl_project;
struct fl_target;

enum fl_file_kind {
	FL_FILE_FLOW,		/* a flow, or broken and meant as one */
	FL_FILE_OTHER_JSON,	/* valid JSON, but not a contact flow */
	FL_FILE_NOT_JSON,	/* does not parse, and nothing says flow */
};

/*
 * What target `t`, whose `len` bytes are `text`, is.  `parsed` says
 * whether the text is valid JSON, and `shape` what it holds then.  A
 * file that does not parse is meant as a flow when it was named on the
 * command line (unless `flows_only`: a hook names every staged file),
 * when it lies in the flows
 * folder of the layout the configuration reads (imports/resources/flows)
 * or in a folder of flows or modules the configuration names as an
 * inventory source, or when its bytes carry a flow's marks
 * (fl_flow_marked).  `m` is a path memo of the caller's thread.
 */
/* The flows folder of the layout the configuration reads
 * (imports/resources/flows, absolute), or NULL; fl_xmalloc'd. */
char *fl_config_flows_dir(const struct fl_project *p,
    const struct fl_config *c);

/* Where absolute `path` stands to the deploy step of that layout, or,
 * outside it, of the one its own path shows (.../imports/resources/
 * flows/...). */
enum fl_deploy fl_config_deploy(const struct fl_project *p,
    const struct fl_config *c, const char *path);

enum fl_file_kind fl_file_kind(const struct fl_project *p,
    const struct fl_config *c, struct fl_path_memo *m,
    const struct fl_target *t, bool flows_only, bool parsed,
    enum fl_flow_shape shape, const char *text, size_t len);

#endif
