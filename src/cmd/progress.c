/*
 * The progress line; see progress.h.
 */
#include "cmd/progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Nothing is drawn before this, so quick runs never flash a line. */
#define DELAY_MS 1000
#define REDRAW_MS 100

static long
ms_between(const struct timespec *a, const struct timespec *b)
{
	return (long)(b->tv_sec - a->tv_sec) * 1000 +
	    (b->tv_nsec - a->tv_nsec) / 1000000;
}

void
fl_progress_init(struct fl_progress *p, const char *what, size_t total,
    bool enabled)
{
	const char *term = getenv("TERM");

	memset(p, 0, sizeof(*p));
	p->what = what;
	p->total = total;
	/* "\r\033[K" needs a terminal that knows erase-in-line. */
	p->enabled = enabled && isatty(STDERR_FILENO) &&
	    !(term != NULL && strcmp(term, "dumb") == 0);
	p->stdout_tty = isatty(STDOUT_FILENO);
	clock_gettime(CLOCK_MONOTONIC, &p->start);
	p->drawn = p->start;
}

void
fl_progress_step(struct fl_progress *p)
{
	struct timespec now;

	p->done++;
	if (!p->enabled)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	/* Hidden for output or not, it is drawn ten times a second at most. */
	if (ms_between(&p->start, &now) < DELAY_MS ||
	    ms_between(&p->drawn, &now) < REDRAW_MS)
		return;
	if (p->done >= p->total) {
		fl_progress_hide(p);
		return;
	}
	fprintf(stderr, "\r\033[K%s %zu/%zu files (%zu%%)", p->what, p->done,
	    p->total, p->done * 100 / p->total);
	fflush(stderr);
	p->shown = true;
	p->drawn = now;
}

void
fl_progress_hide_for(struct fl_progress *p, FILE *out)
{
	if (out == stderr || (out == stdout && p->stdout_tty))
		fl_progress_hide(p);
}

void
fl_progress_hide(struct fl_progress *p)
{
	if (!p->shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	p->shown = false;
}
