/*
 * The baseline: findings recorded once (--write-baseline FILE) so that a
 * repository with legacy flows adopts flowlint in one commit and later
 * runs (--baseline FILE) report only new findings.
 *
 * A finding is identified by fl_baseline_key(): rule code, path, flow,
 * action and JSON Pointer — never a line or column, so edits elsewhere
 * in the file and line shifts keep it.  Equal keys are counted, so a
 * second identical finding is new.  The file:
 *
 *   {"version": 1,
 *    "findings": [
 *      {"code": "FL303", "path": "imports/resources/flows/x.json",
 *       "flow": "x", "action": "a1", "pointer": "/Parameters/QueueId",
 *       "count": 1, "fingerprint": "3f0c...", "message": "..."}]}
 *
 * "fingerprint" (the key's 64-bit FNV-1a in hex) and "message" are for
 * people and tools; matching recomputes the key from the other fields.
 */
#ifndef FL_CONFIG_BASELINE_H
#define FL_CONFIG_BASELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/str.h"

struct fl_buf;
struct fl_diag;

struct fl_baseline_entry {
	char *key;		/* owned: fl_baseline_key() */
	char *code, *path;	/* owned */
	char *flow, *action;	/* owned, or NULL */
	char *pointer;		/* owned, normalised; or NULL */
	char *message;		/* owned, or NULL */
	unsigned count;		/* findings with this key */
	unsigned used;		/* of them matched in this run */
};

struct fl_baseline {
	struct fl_baseline_entry *v;	/* owned */
	size_t n, alloc;
	bool sorted;		/* by key, duplicates merged */
};

/*
 * The one function that says what makes two findings "the same": appends
 * to `out` the code, the path (relative to the project root), the flow
 * name, the action Identifier and the pointer, separated by 0x1f.  A
 * pointer below /Actions/<n> is taken relative to that action when the
 * action is known, so inserting or removing other actions keeps the key.
 * Empty flow, action or pointer are empty fields.
 */
void fl_baseline_key(struct fl_buf *out, const char *code, const char *path,
    struct fl_str flow, struct fl_str action, const char *pointer);

/* 64-bit FNV-1a of a key, for the "fingerprint" field. */
uint64_t fl_baseline_fingerprint(struct fl_str key);

/* Reads a baseline file.  Returns 0, or FL_EIO / FL_ECONFIG with
 * "<file>:<line>:<col>: <reason>"; release `b` in every case. */
int fl_baseline_load(struct fl_baseline *b, const char *path);

/* Records a finding of the file `path` whose flow is `flow`. */
void fl_baseline_add(struct fl_baseline *b, const char *path,
    struct fl_str flow, const struct fl_diag *d);

/* Whether the finding is in the baseline (and not yet matched as often
 * as recorded); counts the match. */
bool fl_baseline_take(struct fl_baseline *b, const char *path,
    struct fl_str flow, const struct fl_diag *d);

/* Findings recorded in the baseline that this run did not see. */
unsigned fl_baseline_unmatched(const struct fl_baseline *b);

/* Writes the baseline atomically, sorted by path, code and key. */
int fl_baseline_write(struct fl_baseline *b, const char *path);

void fl_baseline_release(struct fl_baseline *b);

#endif
