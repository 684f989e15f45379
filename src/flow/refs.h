/*
 * Finding references in the strings of a flow document, in one pass.
 */
#ifndef FL_FLOW_REFS_H
#define FL_FLOW_REFS_H

struct fl_arena;
struct fl_flow;
struct fl_patterns;
struct fl_re_match;

/*
 * Fills f->refs with every ARN, reference-convention placeholder and
 * $.FlowAttributes reference in the string values under f->root, in
 * document order.  Keys are not scanned.
 */
void fl_flow_scan_refs(struct fl_flow *f, struct fl_arena *a,
    const struct fl_patterns *p, struct fl_re_match *m);

#endif
