/*
 * The flow model: one file loaded into its shape (wrapped export, raw
 * flow-language document, module, legacy console export), the decoded
 * flow-language document with positions that map back to the file, the
 * actions indexed by Identifier, their transition graph, and every
 * reference found in its strings (ARNs, placeholders, flow attributes).
 *
 * Everything here lives in the arena of the file's check and is
 * read-only for rules.  See flow/load.c for the shapes it accepts.
 */
#ifndef FL_FLOW_FLOW_H
#define FL_FLOW_FLOW_H

#include <stdbool.h>
#include <stdint.h>

#include "json/json.h"
#include "util/str.h"
#include "util/strset.h"

#define FL_OBJECT_MAP_ID "FLOW_OBJECT_MAPS#"
#define FL_NO_ACTION (-1)

enum fl_flow_shape {
	FL_SHAPE_NOT_FLOW,	/* valid JSON, but not a contact flow */
	FL_SHAPE_RAW,		/* a flow-language document on its own */
	FL_SHAPE_WRAPPED,	/* {Name, Type|ContactFlowType, Content, ...} */
	FL_SHAPE_LEGACY,	/* legacy console export (version "1") */
};

struct fl_action {
	uint32_t node;		/* the action object in flow->doc */
	uint32_t index;		/* position in Actions */
	uint32_t id_node;	/* the Identifier string */
	struct fl_str id;	/* borrowed from flow->doc */
	struct fl_str type;	/* Type; borrowed from flow->doc */
	uint32_t params;	/* Parameters object, or FL_JSON_NONE */
	uint32_t transitions;	/* Transitions object, or FL_JSON_NONE */
	uint32_t meta;		/* Metadata.ActionMetadata[id], or NONE */
	int32_t *succ;		/* resolved successor actions (arena) */
	uint32_t nsucc;
	bool duplicate;		/* an earlier action has the same id */
};

enum fl_ref_kind {
	FL_REF_ARN,		/* arn:partition:service:region:account:resource */
	FL_REF_PLACEHOLDER,	/* ${X:name:Y} of the reference convention */
	FL_REF_FLOW_ATTR,	/* $.FlowAttributes.name */
};

/* One reference found inside a string value of the flow document. */
struct fl_ref {
	enum fl_ref_kind kind;
	uint32_t node;		/* the string node in flow->doc */
	int32_t action;		/* owning action, or FL_NO_ACTION */
	bool in_metadata;	/* found under Metadata */
	bool in_object_map;	/* inside the FLOW_OBJECT_MAPS# action */
	bool whole_value;	/* the reference is the entire string */
	struct fl_str text;	/* the whole token (borrowed) */
	union {
		struct {
			struct fl_str partition, service, region, account;
			struct fl_str resource;	/* after the account */
			struct fl_str instance;	/* Connect instance id, or empty */
			struct fl_str kind;	/* e.g. "queue", "contact-flow",
						   "function", "bot-alias" */
			struct fl_str id;	/* the resource's own id */
		} arn;
		struct {
			char kind, kind2;	/* kind2 is 0 when missing */
			struct fl_str name;
			bool closed;		/* has its closing brace */
			bool replacer_ok;	/* the deploy replacer resolves it */
		} ph;
		struct {
			struct fl_str name;	/* as Connect reads it */
			struct fl_str replacer_name; /* as the deploy replacer
							reads it (may differ) */
			bool bracketed;		/* $.FlowAttributes.['x'] */
		} attr;
	} u;
};

struct fl_flow {
	enum fl_flow_shape shape;
	bool is_module;			/* no Type in the wrapper, or Settings */
	bool api_response;		/* nested under "ContactFlow" */
	struct fl_str name;		/* wrapper Name, else the file's stem */
	uint32_t name_node;		/* Name in flow->outer, or NONE */
	struct fl_str type;		/* Type or ContactFlowType, or empty */

	struct fl_json_doc outer;	/* the file */
	struct fl_json_doc inner;	/* the decoded Content string, if any */
	const struct fl_json_doc *doc;	/* the flow document: &outer or &inner */
	struct fl_json_offmap map;	/* inner offsets -> file offsets */
	bool content_is_string;

	uint32_t root;			/* flow document object in doc */
	uint32_t actions_node;		/* Actions array */
	uint32_t metadata_node;		/* Metadata, or NONE */
	uint32_t action_meta_node;	/* Metadata.ActionMetadata, or NONE */
	uint32_t start_node;		/* StartAction string, or NONE */

	struct fl_action *actions;	/* valid actions, in document order */
	uint32_t nactions;
	int32_t start;			/* action index, or FL_NO_ACTION */
	int32_t object_map;		/* first FLOW_OBJECT_MAPS#, or NONE */

	uint32_t map_attrs;		/* FlowAttributes of the object map,
					   or FL_JSON_NONE */
	struct fl_strset vars;		/* attribute names that actions other
					   than the object map set */
	struct fl_strset map_keys;	/* the keys of map_attrs (empty when
					   there is none) */

	struct fl_ref *refs;		/* in document order */
	uint32_t nrefs;

	/* Identifier hash table (open addressing, power-of-two size). */
	int32_t *id_table;
	uint32_t id_mask;
};

/*
 * Member `key` of object `obj` of the flow document, or FL_JSON_NONE.
 * Unlike fl_json_get, a NONE `obj` (say, an action without Parameters)
 * yields NONE rather than a lookup on the root, so do not pass the root
 * of a raw document here (use the *_node members, or fl_json_get).
 */
static inline uint32_t
fl_flow_get(const struct fl_flow *f, uint32_t obj, const char *key)
{
	return obj == FL_JSON_NONE ? FL_JSON_NONE : fl_json_get(f->doc, obj, key);
}

/* The Transitions.Errors or .Conditions array (`which`) of action `a`,
 * or FL_JSON_NONE when it has none or it is not an array.  Inline, as
 * fl_json_get, so that the literal's length is known when compiling:
 * several rules ask for every action. */
static inline uint32_t
fl_flow_branches(const struct fl_flow *f, const struct fl_action *a,
    const char *which)
{
	uint32_t list = fl_flow_get(f, a->transitions, which);

	return fl_json_is(f->doc, list, FL_JSON_ARRAY) ? list : FL_JSON_NONE;
}

/* The action with Identifier `id` (the first if duplicated), or -1. */
int32_t fl_flow_find_action(const struct fl_flow *f, struct fl_str id);

/* Offset in the file of node i of flow->doc (or of its key when `key`). */
uint32_t fl_flow_file_off(const struct fl_flow *f, const struct fl_json_doc *d,
    uint32_t i, bool key);

/*
 * Marks in `out` (nactions bytes, arena-allocated) the actions reachable
 * from StartAction without entering action `avoid` (FL_NO_ACTION to
 * avoid nothing).  Returns NULL when there is no valid StartAction.
 */
uint8_t *fl_flow_reach(const struct fl_flow *f, struct fl_arena *a,
    int32_t avoid);

/* Whether `s` is a whole-value JSONPath reference such as "$.Attributes.x". */
bool fl_flow_is_dynamic(struct fl_str s);

#endif
