/*
 * In-order delivery of work done on several threads (ordered.h).
 */
#include "run/ordered.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

#include "lint/run.h"
#include "util/xalloc.h"

struct pool {
	const struct fl_ordered *o;
	char *slots;		/* n * slot_size */
	bool *done;
	size_t next;		/* the next item to take */
	unsigned workers;	/* numbers handed out */
	pthread_mutex_t lock;
	pthread_cond_t cond;	/* an item is done */
};

static void *
worker(void *arg)
{
	struct pool *p = arg;
	const struct fl_ordered *o = p->o;
	unsigned me;
	size_t i;

	pthread_mutex_lock(&p->lock);
	me = p->workers++;
	for (;;) {
		i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= o->n)
			return NULL;
		o->work(o->arg, me, i, p->slots + i * o->slot_size);
		pthread_mutex_lock(&p->lock);
		p->done[i] = true;
		pthread_cond_broadcast(&p->cond);
	}
}

unsigned
fl_ordered_run(const struct fl_ordered *o)
{
	unsigned jobs = o->jobs > 0 ? o->jobs : fl_run_default_jobs();
	pthread_t threads[FL_RUN_MAX_JOBS];
	struct pool p = { o, NULL, NULL, 0, 0, PTHREAD_MUTEX_INITIALIZER,
	    PTHREAD_COND_INITIALIZER };
	unsigned started = 0, k;
	size_t i;

	if (jobs > o->n)
		jobs = o->n > 0 ? (unsigned)o->n : 1;
	p.slots = fl_xcalloc(o->n + 1, o->slot_size);
	if (jobs > 1) {
		p.done = fl_xcalloc(o->n + 1, sizeof(bool));
		for (k = 0; k < jobs; k++)
			if (pthread_create(&threads[started], NULL, worker,
			    &p) == 0)
				started++;
	}
	for (i = 0; i < o->n; i++) {
		void *slot = p.slots + i * o->slot_size;

		if (started == 0) {
			/* One thread, or none could be started. */
			o->work(o->arg, 0, i, slot);
		} else {
			pthread_mutex_lock(&p.lock);
			while (!p.done[i])
				pthread_cond_wait(&p.cond, &p.lock);
			pthread_mutex_unlock(&p.lock);
		}
		o->deliver(o->arg, i, slot);
	}
	for (k = 0; k < started; k++)
		pthread_join(threads[k], NULL);
	free(p.done);
	free(p.slots);
	return started > 0 ? started : 1;
}
