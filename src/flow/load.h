/*
 * Loading a parsed file into the flow model (flow.h).
 */
#ifndef FL_FLOW_LOAD_H
#define FL_FLOW_LOAD_H

#include <stddef.h>
#include <stdint.h>

#include "flow/flow.h"

struct fl_arena;
struct fl_patterns;
struct fl_re_match;

enum fl_load_problem_kind {
	FL_LOAD_INVALID_CONTENT,	/* FL002 */
	FL_LOAD_DUP_KEY,		/* FL004 */
	FL_LOAD_NUMBER_RANGE,		/* FL005 */
};

/* Something wrong found while loading; the model is built regardless. */
struct fl_load_problem {
	enum fl_load_problem_kind kind;
	uint32_t file_off;		/* where, in the file */
	const struct fl_json_doc *doc;	/* the node's doc, or NULL */
	uint32_t node;			/* for the JSON pointer */
	const char *msg;		/* arena */
};

struct fl_load_problems {
	struct fl_load_problem *v;	/* arena-owned */
	uint32_t n, alloc;
};

/*
 * The shape of an already parsed file, decided from its content alone
 * (the decision fl_flow_load makes).  For FL_SHAPE_WRAPPED, *content_out
 * (when not NULL) receives the wrapper's Content node, which may be a
 * string, an object or another value; otherwise FL_JSON_NONE.
 */
enum fl_flow_shape fl_flow_shape_of(const struct fl_json_doc *d,
    uint32_t *content_out);

/*
 * Whether bytes that may not even parse carry a contact flow's marks, as
 * keys: "StartAction", "ContactFlowType", "Actions" beside "Transitions",
 * or a legacy export's "modules" beside "start" (quoted plainly or, in a
 * wrapper's Content string, escaped).  Says that a broken file was meant
 * to be a flow, so that it is reported rather than skipped.
 */
bool fl_flow_marked(const char *text, size_t len);

/*
 * Builds the model from `outer`, an already parsed file whose text is
 * `text` (the document must stay alive as long as the flow).  It may be
 * parsed with fl_json_parse_raw(..., "Content"), which spares decoding a
 * string Content twice: the loader decodes what was left raw, in place.  `stem` is
 * the file name without folders and ".json", used when the file has no
 * Name.  Problems are appended to `probs`.  Sets out->shape; when it is
 * FL_SHAPE_NOT_FLOW or FL_SHAPE_LEGACY nothing else is filled.  When the
 * flow document is unusable (Content not JSON, Actions missing) shape is
 * kept, a problem is recorded and out->doc is NULL.
 */
void fl_flow_load(struct fl_flow *out, struct fl_load_problems *probs,
    struct fl_arena *a, const struct fl_json_doc *outer, struct fl_str stem,
    const struct fl_patterns *pats, struct fl_re_match *m);

#endif
