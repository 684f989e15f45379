/*
 * The flows a change breaks without touching them: those that refer to a
 * resource the change deleted, renamed or re-Named.  The gates that check
 * only what changed (check --staged, --changed-since) check these too, so
 * that deleting a queue an unchanged flow uses is caught before the merge.
 */
#ifndef FL_INVENTORY_DEPENDENTS_H
#define FL_INVENTORY_DEPENDENTS_H

struct fl_inventory;
struct fl_pathlist;
struct fl_snapshot;
struct fl_targets;

/*
 * Adds to `t` every flow file below `flows_dir` (a folder as the user
 * gives it) in state `s` that `t` does not hold yet and that names a
 * resource `before` (the base of the change) has and `after` (the state
 * checked) lacks, by kind and name; and to `notes` one line for each,
 * saying which resource it refers to.  Names are searched for in the
 * bytes, between the delimiters placeholders, ARNs and attribute values
 * put around them, so the cost is reading the flows, not checking them,
 * and nothing is read when no name is gone.  Returns 0 or an FL_E* code.
 */
int fl_dependents_add(struct fl_targets *t, struct fl_pathlist *notes,
    const struct fl_inventory *before, const struct fl_inventory *after,
    const struct fl_snapshot *s, const char *flows_dir);

#endif
