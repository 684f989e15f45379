/*
 * The run loop: read each target, run its stages (lint, or lint and
 * fix), hand the result over.
 *
 * With more than one job, worker threads and the calling thread read
 * targets and run their stages, and the calling thread hands results to
 * the callback strictly in target order.  Targets are claimed in order,
 * but only within a window from the one to hand over next: at most
 * WINDOW_PER_JOB * jobs targets, and no new one once the files in flight
 * hold WINDOW_BYTES.  However the threads are scheduled, memory stays
 * bounded by the files in flight (and the window's worth of the
 * largest), not by the size of the run.  The window is wide so that a thread the
 * system preempts while it holds the next target to hand over (for a
 * time slice, a few milliseconds) does not stall the others.
 */
#include "lint/run.h"

#include <pthread.h>
#include <signal.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lint/fix.h"
#include "lint/lint.h"
#include "repo/targets.h"
#include "rules/rule.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/re.h"
#include "util/xalloc.h"

/* Targets in flight per job, and bytes of files in flight in all. */
#define WINDOW_PER_JOB 64
#define WINDOW_BYTES (4u * 1024 * 1024)

/* Reads target t into a result; returns 0 or an FL_E* code. */
static int
load(struct fl_result *res, const struct fl_target *t, struct fl_buf *bytes)
{
	struct fl_fs_stamp stamp = { 0 };
	char *text;
	size_t len;

	if (t->data != NULL) {
		text = fl_xstrndup(t->data, t->len);
		len = t->len;
	} else {
		int err = fl_fs_read_stamped(bytes, t->fs_path, FL_FS_MAX_FILE,
		    &stamp);

		if (err != 0)
			return err;
		text = fl_buf_detach(bytes, &len);
	}
	fl_result_init(res, fl_xstrdup(t->path), text, len);
	res->src.stamp = stamp;	/* so that fix writes only what it read */
	return 0;
}

/*
 * Every file allocates and frees a few large blocks (its bytes, the
 * parse nodes, arena blocks).  With glibc's defaults each free gives the
 * memory back to the kernel and the next file faults it in again, page
 * by page, which cost a third of a whole-repository run.  Keeping freed
 * memory for reuse makes the process hold its peak, and the peak is
 * bounded by the files in flight.
 */
/* Runs the stages over a loaded file; see run.h. */
static void
run_stages(struct fl_result *res, size_t target, const struct fl_stages *st,
    struct fl_re_match *m)
{
	struct fl_lint_options all;
	struct fl_fix_options fo;

	if (st->fix == NULL) {
		fl_lint(res, st->lint, m);
		return;
	}
	/* A fix is verified against every rule (lint/fix.h). */
	all = *st->lint;
	all.enabled = NULL;
	fl_lint(res, &all, m);
	fo = *st->fix;
	if (st->fix_by_target != NULL)
		fo.enabled = st->fix_by_target + target * fl_rule_count;
	res->fix = fl_xmalloc(sizeof(*res->fix));
	if (fl_fix_file(res->fix, res, &fo, m) != 0) {
		free(res->fix);
		res->fix = NULL;
		res->fix_refusal = fl_xstrdup(fl_error_msg());
		fl_error_clear();
	}
	fl_result_keep(res, st->lint->enabled);
}

static void
keep_freed_memory(void)
{
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
	mallopt(M_TRIM_THRESHOLD, 128 * 1024 * 1024);
#endif
}

unsigned
fl_run_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > FL_RUN_MAX_JOBS ? FL_RUN_MAX_JOBS : (unsigned)n;
}

static unsigned
run_serial(const struct fl_targets *targets, const struct fl_stages *stages,
    fl_run_fn *fn, void *arg)
{
	struct fl_re_match *m = fl_re_match_new();
	struct fl_buf bytes = FL_BUF_INIT;
	unsigned failed = 0;
	size_t i;

	for (i = 0; i < targets->n; i++) {
		const struct fl_target *t = &targets->v[i];
		struct fl_result res;

		if (load(&res, t, &bytes) != 0) {
			failed++;
			fn(arg, t, NULL);
			continue;
		}
		run_stages(&res, i, stages, m);
		fn(arg, t, &res);
		fl_result_release(&res);
	}
	fl_buf_release(&bytes);
	fl_re_match_free(m);
	return failed;
}

/* One target in flight. */
struct slot {
	struct fl_result res;	/* valid when done and err == 0 */
	int err;		/* load()'s code */
	char *errmsg;		/* owned: fl_error_msg() of the thread that
				   read it (the message is thread-local) */
	bool done;
};

/*
 * Shared state, guarded by `lock`.  Target i lives in slots[i % window]
 * from when it is claimed until it is handed over.  Threads sleep only
 * when they must and are woken only when someone sleeps: a context
 * switch per file would cost more than linting a small one.
 */
struct pool {
	const struct fl_targets *targets;
	const struct fl_stages *stages;
	struct slot *slots;	/* owned, `window` entries */
	size_t window;
	pthread_mutex_t lock;
	pthread_cond_t claimable;	/* the window moved on */
	pthread_cond_t finished;	/* the caller's next slot is done */
	size_t next_claim;	/* first target no thread has taken */
	size_t next_deliver;	/* the target to hand over next */
	size_t bytes;		/* of the files read and not handed over */
	unsigned sleeping_workers;	/* on `claimable` */
	bool caller_sleeps;		/* on `finished` */
};

/*
 * Whether the next target may be claimed: it exists, and the window has
 * room (the next to hand over is always claimable, however big the
 * files in flight).  Called with the lock held.
 */
static bool
can_claim(const struct pool *p)
{
	size_t in_flight = p->next_claim - p->next_deliver;

	return p->next_claim < p->targets->n && in_flight < p->window &&
	    (in_flight == 0 || p->bytes < WINDOW_BYTES);
}

/* Whether enough room came free to wake sleeping workers for a batch. */
static bool
worth_waking(const struct pool *p)
{
	return can_claim(p) &&
	    (p->next_claim - p->next_deliver <= p->window / 2 ||
	    p->bytes <= WINDOW_BYTES / 2);
}

/* Marks the slot of target i done; called with the lock held. */
static void
finish(struct pool *p, size_t i)
{
	struct slot *s = &p->slots[i % p->window];

	s->done = true;
	if (s->err == 0)
		p->bytes += s->res.src.len;
}

/* Reads and lints target i into its slot; called without the lock. */
static void
process(struct pool *p, size_t i, struct fl_re_match *m, struct fl_buf *bytes)
{
	struct slot *s = &p->slots[i % p->window];

	s->err = load(&s->res, &p->targets->v[i], bytes);
	if (s->err != 0)
		s->errmsg = fl_xstrdup(fl_error_msg());
	else
		run_stages(&s->res, i, p->stages, m);
}

static void *
worker(void *arg)
{
	struct pool *p = arg;
	struct fl_re_match *m = fl_re_match_new();
	struct fl_buf bytes = FL_BUF_INIT;

	pthread_mutex_lock(&p->lock);
	while (p->next_claim < p->targets->n) {
		size_t i;

		if (!can_claim(p)) {
			p->sleeping_workers++;
			pthread_cond_wait(&p->claimable, &p->lock);
			p->sleeping_workers--;
			continue;
		}
		i = p->next_claim++;
		pthread_mutex_unlock(&p->lock);
		process(p, i, m, &bytes);
		pthread_mutex_lock(&p->lock);
		finish(p, i);
		if (p->caller_sleeps && i == p->next_deliver)
			pthread_cond_signal(&p->finished);
	}
	pthread_mutex_unlock(&p->lock);
	fl_buf_release(&bytes);
	fl_re_match_free(m);
	return NULL;
}

/*
 * Hands over the slot of target i, called without the lock; returns 1
 * when it could not be read, and the bytes it held in *bytes.
 */
static unsigned
deliver(struct pool *p, size_t i, fl_run_fn *fn, void *arg, size_t *bytes)
{
	struct slot *s = &p->slots[i % p->window];

	*bytes = 0;
	if (s->err != 0) {
		fl_error_set(s->err, "%s", s->errmsg);
		free(s->errmsg);
		s->errmsg = NULL;
		fn(arg, &p->targets->v[i], NULL);
		return 1;
	}
	*bytes = s->res.src.len;
	fn(arg, &p->targets->v[i], &s->res);
	fl_result_release(&s->res);
	return 0;
}

/*
 * The calling thread: it hands results over in order, and whenever the
 * next one is not ready yet it lints a target itself rather than wait.
 */
static unsigned
caller_loop(struct pool *p, fl_run_fn *fn, void *arg)
{
	struct fl_re_match *m = fl_re_match_new();
	struct fl_buf bytes = FL_BUF_INIT;
	unsigned failed = 0;

	pthread_mutex_lock(&p->lock);
	while (p->next_deliver < p->targets->n) {
		size_t i = p->next_deliver;

		if (p->slots[i % p->window].done) {
			size_t held;

			pthread_mutex_unlock(&p->lock);
			failed += deliver(p, i, fn, arg, &held);
			pthread_mutex_lock(&p->lock);
			p->slots[i % p->window].done = false;
			p->next_deliver = i + 1;
			p->bytes -= held;
			/*
			 * Wake workers only once much of the window is free,
			 * so that they take a batch rather than one file per
			 * wake-up.
			 */
			if (p->sleeping_workers > 0 && worth_waking(p))
				pthread_cond_broadcast(&p->claimable);
		} else if (can_claim(p)) {
			i = p->next_claim++;
			pthread_mutex_unlock(&p->lock);
			process(p, i, m, &bytes);
			pthread_mutex_lock(&p->lock);
			finish(p, i);
		} else {
			p->caller_sleeps = true;
			pthread_cond_wait(&p->finished, &p->lock);
			p->caller_sleeps = false;
		}
	}
	/* Workers still waiting for room see that nothing is left. */
	pthread_cond_broadcast(&p->claimable);
	pthread_mutex_unlock(&p->lock);
	fl_buf_release(&bytes);
	fl_re_match_free(m);
	return failed;
}

unsigned
fl_run(const struct fl_targets *targets, const struct fl_lint_options *opts,
    unsigned jobs, fl_run_fn *fn, void *arg)
{
	struct fl_stages lint_only = { opts, NULL, NULL };

	return fl_run_stages(targets, &lint_only, jobs, fn, arg);
}

unsigned
fl_run_stages(const struct fl_targets *targets, const struct fl_stages *stages,
    unsigned jobs, fl_run_fn *fn, void *arg)
{
	pthread_t threads[FL_RUN_MAX_JOBS];
	sigset_t fatal, mask;
	struct pool p;
	unsigned k, started = 0, failed;

	keep_freed_memory();
	if (jobs == 0)
		jobs = fl_run_default_jobs();
	if (jobs > FL_RUN_MAX_JOBS)
		jobs = FL_RUN_MAX_JOBS;
	if (jobs > targets->n)
		jobs = (unsigned)targets->n;
	if (jobs <= 1)
		return run_serial(targets, stages, fn, arg);

	memset(&p, 0, sizeof(p));
	p.targets = targets;
	p.stages = stages;
	p.window = (size_t)jobs * WINDOW_PER_JOB;
	p.slots = fl_xcalloc(p.window, sizeof(*p.slots));
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.claimable, NULL);
	pthread_cond_init(&p.finished, NULL);
	/*
	 * The calling thread is one of the jobs, and the one that hands
	 * results over, so the one that may write files (fix, format).
	 * Workers inherit a mask that blocks the fatal signals: an
	 * interrupt then always reaches the writer, which holds it off
	 * while it replaces a file.
	 */
	fl_fs_fatal_signals(&fatal);
	pthread_sigmask(SIG_BLOCK, &fatal, &mask);
	for (k = 1; k < jobs; k++)
		if (pthread_create(&threads[started], NULL, worker, &p) == 0)
			started++;
	pthread_sigmask(SIG_SETMASK, &mask, NULL);
	/* With no worker (a tight thread limit) the caller does it all. */
	failed = caller_loop(&p, fn, arg);
	for (k = 0; k < started; k++)
		pthread_join(threads[k], NULL);
	pthread_cond_destroy(&p.finished);
	pthread_cond_destroy(&p.claimable);
	pthread_mutex_destroy(&p.lock);
	free(p.slots);
	return failed;
}
