/*
 * The problems of Connect's InvalidContactFlowException, read from what
 * a deploy printed, and located in the flow they are about.
 *
 * Connect validates a flow when it is published and lists each problem
 * as a message whose path names an action by its index in Actions:
 * "Invalid Action property name. Path: 12.Parameters.Text", "Invalid
 * branch. Path: 59.Evaluate" (SDKs and some tools write the index as
 * "Actions[12]").  The text is read as the JSON the AWS CLI prints with
 * --cli-error-format json or an SDK's error body (any "problems" array
 * of {"message": ...}), else as pasted lines, one problem a line.
 */
#ifndef FL_REVIEW_DEPLOY_ERRORS_H
#define FL_REVIEW_DEPLOY_ERRORS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/str.h"

struct fl_flow;

struct fl_deploy_problem {
	struct fl_str message;		/* as Connect wrote it */
	struct fl_str path;		/* after "Path:", or empty */
};

/* The problems, in the order given; every string is in `arena`. */
struct fl_deploy_problems {
	struct fl_deploy_problem *v;
	size_t n, alloc;
	struct fl_arena arena;
};

/* Reads the problems of the `len` bytes of `text` into `out` (which the
 * caller releases in any case); none found is not an error here. */
void fl_deploy_problems_read(struct fl_deploy_problems *out,
    const char *text, size_t len);
void fl_deploy_problems_release(struct fl_deploy_problems *p);

/* Where a problem's path leads in a flow document. */
struct fl_deploy_spot {
	uint32_t reached;		/* the deepest node the path names */
	uint32_t node;			/* where to point: `reached`, or the
					   Identifier of the action it is */
	bool key;			/* at the member's key, not its value */
	uint32_t action;		/* the Actions element it is in */
	bool whole;			/* every step of the path was found */
};

/*
 * Follows `path` in `f` as far as it goes: the action it names (or a
 * member of the document, "StartAction"), then each step below it.  A
 * path that stops at an action leads to its Identifier; at a member
 * whose name is the problem (`name_problem`), to its key.  Returns false
 * when not even the first step names something in `f`.
 */
bool fl_deploy_locate(const struct fl_flow *f, struct fl_str path,
    bool name_problem, struct fl_deploy_spot *out);

#endif
