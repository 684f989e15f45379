/*
 * Work on many items at once, delivered in order: `work` runs on worker
 * threads, one item at a time each, and writes what it made into the
 * item's slot; `deliver` runs on the calling thread for item 0, 1, 2...
 * as soon as that item is done, and releases the slot.  For work that
 * needs no linting (format); fl_run() has its own bounded window.
 */
#ifndef FL_RUN_ORDERED_H
#define FL_RUN_ORDERED_H

#include <stddef.h>

struct fl_ordered {
	size_t n;		/* items */
	size_t slot_size;	/* bytes of each item's slot (zeroed) */
	unsigned jobs;		/* threads; 0: one per core */
	/* `worker` is the thread's number, below the jobs used, for
	 * per-thread scratch. */
	void (*work)(void *arg, unsigned worker, size_t i, void *slot);
	void (*deliver)(void *arg, size_t i, void *slot);
	void *arg;
};

/* Runs it; returns the number of threads used (at least 1). */
unsigned fl_ordered_run(const struct fl_ordered *o);

#endif
