/*
 * Resource references shown by name: what an ARN, a reference-
 * convention placeholder or a $.FlowAttributes reference (through the
 * flow's FLOW_OBJECT_MAPS# entry) stands for, as the repository's
 * inventory knows it, so that a reviewer reads "queue sales" where the
 * flow holds an ID.
 */
#ifndef FL_REVIEW_NAMES_H
#define FL_REVIEW_NAMES_H

#include <stdint.h>

struct fl_arena;
struct fl_flow;
struct fl_inventory;

/*
 * "queue sales" for the string value `node` of f->doc when it is wholly
 * one reference to a resource `inv` knows, else NULL (also for a NULL
 * `inv`).  In arena `a`.
 */
const char *fl_review_ref_name(const struct fl_flow *f,
    const struct fl_inventory *inv, uint32_t node, struct fl_arena *a);

#endif
