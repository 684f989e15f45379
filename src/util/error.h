/*
 * Operational failures (I/O, git, bad configuration) as return codes.
 *
 * A function that fails sets the message once, where the failure is
 * detected, and returns the negative code:
 *
 *	return fl_error_set(FL_EIO, "cannot read '%s': %s", path, strerror(errno));
 *
 * Callers pass the code up without rewording it.  Findings about flows
 * are never errors; they are diagnostics (diag/diag.h).  The message is
 * thread-local because files are checked on several threads.
 */
#ifndef FL_UTIL_ERROR_H
#define FL_UTIL_ERROR_H

enum fl_error_code {
	FL_OK = 0,
	FL_EGENERIC = -1,
	FL_ENOTFOUND = -2,
	FL_EINVAL = -3,		/* bad usage or argument */
	FL_EIO = -4,
	FL_EGIT = -5,
	FL_ECONFIG = -6,
	FL_ETOOBIG = -7,
};

int fl_error_set(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
const char *fl_error_msg(void);	/* "" when none was set */
void fl_error_clear(void);

#endif
