/*
 * flowlint server: a Language Server Protocol server (3.17) on a pair
 * of file descriptors.  Diagnostics as `check` reports them, quick fixes
 * from the fix engine, formatting with the canonical printer, a rule's
 * page on hover.
 */
#ifndef FL_SERVER_SERVER_H
#define FL_SERVER_SERVER_H

struct fl_server_options {
	int in, out;		/* the client's messages; ours */
	unsigned debounce_ms;	/* quiet time after an edit before linting */
	const char *config;	/* --config FILE, or NULL: .flowlint.json */
};

/*
 * Serves one client until it sends `exit` or its input ends.  Returns
 * the process's exit code: 0 after shutdown and exit, 1 otherwise (as
 * the protocol says).
 */
int fl_server_run(const struct fl_server_options *o);

#endif
