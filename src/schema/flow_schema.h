/*
 * The JSON Schema (draft 2020-12) of the flow language, generated from
 * the action catalog (flow/catalog.h), for editors that complete and
 * validate JSON against a schema.
 */
#ifndef FL_SCHEMA_FLOW_SCHEMA_H
#define FL_SCHEMA_FLOW_SCHEMA_H

struct fl_buf;
struct fl_catalog;

/*
 * Appends the schema.  Its root accepts a flow-language document (the
 * Content of an export: Version, StartAction, Metadata, Actions) or an
 * exported file wrapping one in its string Content ($defs/flow and
 * $defs/export).  Per action Type the catalog gives: the parameters,
 * which are required, which take no JSONPath or one whole JSONPath,
 * whether others are refused, exclusive groups, the error types and
 * those that must have a branch, whether transitions are allowed, and
 * the condition operators and operands.  What the catalog does not know
 * is left open, as the deploy would accept it.
 */
void fl_schema_flow(struct fl_buf *out, const struct fl_catalog *c);

#endif
