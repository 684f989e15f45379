/*
 * Finding fingerprints: one identity per finding that survives unrelated
 * edits, so that GitLab (Code Quality), SARIF viewers (partialFingerprints)
 * and the baseline can tell a new finding from an old one.
 *
 * Definition, version 1 (changing any of this changes every fingerprint,
 * so a change needs a new version and a new SARIF key):
 *
 *   fingerprint = lowercase hex of SHA-256 over the bytes
 *       "flowlint/v1\n" F(code) F(path) F(flow) F(action) F(pointer)
 *       F(occurrence)
 *   where F(x) = the decimal byte length of x, ':', then the bytes of x;
 *
 *   code        the rule code ("FL101"), never its configurable severity;
 *   path        the file's path relative to its repository root
 *               (util/relpath.h), so moving the clone changes nothing;
 *   flow        the flow's name (wrapper Name, else the file name stem);
 *   action      the Identifier of the action the finding is in, or "";
 *   pointer     the finding's JSON Pointer, with the leading
 *               "/Actions/<index>" dropped when `action` is known (the
 *               Identifier says which action; the index moves whenever
 *               an action is added above), or "";
 *   occurrence  in decimal, how many findings before this one in the
 *               same file (in report order) have the same five values, so
 *               two findings at one place get distinct fingerprints.
 *
 * The message is not part of it: its wording may change with the
 * inventory (whether a fix is possible) or between versions, and the
 * same defect must keep its identity.
 *
 * There is no line or column in it: inserting lines, or reformatting a
 * file, keeps every fingerprint.
 */
#ifndef FL_DIAG_FINGERPRINT_H
#define FL_DIAG_FINGERPRINT_H

#include <stdint.h>

#include "util/str.h"

struct fl_arena;
struct fl_diag;
struct fl_diag_list;

#define FL_FINGERPRINT_HEX 64	/* characters in a fingerprint */

struct fl_fingerprint {
	char hex[FL_FINGERPRINT_HEX + 1];	/* NUL-terminated */
	uint32_t occurrence;	/* identical findings before this one */
};

/*
 * Fills out[0 .. l->n) with the fingerprints of the findings `l` of flow
 * `flow`; `relpath` is the file's path relative to its repository root.
 */
void fl_fingerprint_diags(struct fl_fingerprint *out,
    const struct fl_diag_list *l, struct fl_str flow, const char *relpath);

/*
 * The finding's pointer as the fingerprint uses it (see above): a slice
 * of d->pointer, or empty.
 */
struct fl_str fl_fingerprint_pointer(const struct fl_diag *d);

/*
 * Sets the fingerprint of every finding of `l` (allocated in `a`), for
 * the findings of flow `flow` in the file at `relpath` (relative to its
 * repository root).
 */
void fl_fingerprint_set(struct fl_diag_list *l, struct fl_arena *a,
    struct fl_str flow, const char *relpath);

#endif
