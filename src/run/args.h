/*
 * The options every command that reads flow files shares, as parsed
 * from the command line (src/cmd/options.h declares them).
 */
#ifndef FL_RUN_ARGS_H
#define FL_RUN_ARGS_H

#include <stdbool.h>

enum fl_color {
	FL_COLOR_AUTO,		/* when standard output is a terminal */
	FL_COLOR_ALWAYS,
	FL_COLOR_NEVER,
};

struct fl_run_args {
	const char *config;	/* --config FILE, or NULL: .flowlint.json */
	unsigned jobs;		/* --jobs N; 0: one per core */
	int color;		/* --color: enum fl_color */
	bool quiet;		/* --quiet */
	bool verbose;		/* --verbose */
	bool flows_only;	/* --flows-only */
};

#endif
