/*
 * The baseline: findings recorded once (--write-baseline FILE) so that a
 * repository with legacy flows adopts flowlint in one commit and later
 * runs (--baseline FILE) report only new findings.
 *
 * A finding is identified by its fingerprint (diag/fingerprint.h), the
 * same one GitLab Code Quality and SARIF's partialFingerprints carry:
 * rule code, repository-relative path, flow, action, pointer below the
 * action and occurrence — never a line or column, so edits elsewhere in
 * the file and line shifts keep it, and a second identical finding has
 * a fingerprint of its own (so it is new).  The file:
 *
 *   {"version": 2,
 *    "findings": [
 *      {"fingerprint": "3f0c...", "code": "FL303",
 *       "path": "imports/resources/flows/x.json", "flow": "x",
 *       "action": "a1", "pointer": "/Parameters/QueueId",
 *       "message": "..."}]}
 *
 * Only "fingerprint" is matched; the other fields are for people.
 */
#ifndef FL_CONFIG_BASELINE_H
#define FL_CONFIG_BASELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag/fingerprint.h"
#include "util/str.h"

struct fl_diag;

struct fl_baseline_entry {
	char fingerprint[FL_FINGERPRINT_HEX + 1];
	char *code, *path;	/* owned, or NULL */
	char *flow, *action;	/* owned, or NULL */
	char *pointer;		/* owned (below the action), or NULL */
	char *message;		/* owned, or NULL */
	bool used;		/* matched in this run */
};

struct fl_baseline {
	struct fl_baseline_entry *v;	/* owned */
	size_t n, alloc;
	bool sorted;		/* by fingerprint, duplicates merged */
};

/* Reads a baseline file.  Returns 0, or FL_EIO / FL_ECONFIG with
 * "<file>:<line>:<col>: <reason>"; release `b` in every case. */
int fl_baseline_load(struct fl_baseline *b, const char *path);

/*
 * Records finding `d` of the file at repository-relative `path` whose
 * flow is `flow`, under its fingerprint `fp`.
 */
void fl_baseline_add(struct fl_baseline *b, const struct fl_fingerprint *fp,
    const char *path, struct fl_str flow, const struct fl_diag *d);

/* Whether the fingerprint is in the baseline and not matched yet;
 * marks it matched. */
bool fl_baseline_take(struct fl_baseline *b, const struct fl_fingerprint *fp);

/* Findings recorded in the baseline that this run did not see. */
unsigned fl_baseline_unmatched(const struct fl_baseline *b);

/* Writes the baseline atomically, sorted by path, code and fingerprint. */
int fl_baseline_write(struct fl_baseline *b, const char *path);

void fl_baseline_release(struct fl_baseline *b);

#endif
