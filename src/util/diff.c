/*
 * Line diff by Myers' greedy O(ND) algorithm, keeping every V array so
 * the edit script can be traced back, then grouped into unified hunks.
 * Common prefix and suffix lines are trimmed first: the usual change is
 * small, so D stays small and so does the memory.
 */
#include "util/diff.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/xalloc.h"

#define CONTEXT 3

struct lines {
	struct fl_str *v;	/* borrowed from the text */
	size_t n, alloc;
};

static void
split(struct lines *l, struct fl_str t)
{
	const char *p = t.ptr, *end = t.ptr + t.len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl + 1 : end;

		FL_GROW(l->v, l->n + 1, l->alloc);
		l->v[l->n++] = fl_str_make(p, (size_t)(stop - p));
		p = stop;
	}
}

enum op { KEEP, DEL, ADD };

struct edit {
	enum op op;
	size_t ai, bi;		/* line indexes in a and b */
};

struct script {
	struct edit *v;
	size_t n, alloc;
};

static void
push(struct script *s, enum op op, size_t ai, size_t bi)
{
	FL_GROW(s->v, s->n + 1, s->alloc);
	s->v[s->n++] = (struct edit){ op, ai, bi };
}

/* The shortest edit script from a[lo_a..n) to b[lo_b..m), reversed. */
static void
myers(struct script *out, const struct lines *a, const struct lines *b,
    size_t lo, size_t n, size_t m)
{
	long N = (long)(n - lo), M = (long)(m - lo), max = N + M, d, k;
	long off = max + 1;
	long **trace = fl_xcalloc((size_t)max + 2, sizeof(*trace));
	long *v = fl_xcalloc(2 * (size_t)max + 3, sizeof(*v));
	long x, y, D = 0;

	for (d = 0; d <= max; d++) {
		for (k = -d; k <= d; k += 2) {
			if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
				x = v[off + k + 1];
			else
				x = v[off + k - 1] + 1;
			y = x - k;
			while (x < N && y < M &&
			    fl_str_eq(a->v[lo + x], b->v[lo + y])) {
				x++;
				y++;
			}
			v[off + k] = x;
			if (x >= N && y >= M)
				goto found;
		}
		trace[d] = fl_xmalloc((2 * (size_t)max + 3) * sizeof(long));
		memcpy(trace[d], v, (2 * (size_t)max + 3) * sizeof(long));
	}
found:
	D = d;
	x = N;
	y = M;
	for (d = D; d > 0; d--) {
		long *pv = trace[d - 1], pk, px, py;

		k = x - y;
		if (k == -d || (k != d && pv[off + k - 1] < pv[off + k + 1]))
			pk = k + 1;
		else
			pk = k - 1;
		px = pv[off + pk];
		py = px - pk;
		while (x > px && y > py) {
			x--;
			y--;
			push(out, KEEP, lo + (size_t)x, lo + (size_t)y);
		}
		if (x == px)
			push(out, ADD, lo + (size_t)x, lo + (size_t)--y);
		else
			push(out, DEL, lo + (size_t)--x, lo + (size_t)y);
	}
	while (x > 0 && y > 0) {
		x--;
		y--;
		push(out, KEEP, lo + (size_t)x, lo + (size_t)y);
	}
	for (d = 0; d <= max; d++)
		free(trace[d]);
	free(trace);
	free(v);
}

static void
emit_line(struct fl_buf *out, char sign, struct fl_str line)
{
	fl_buf_addch(out, sign);
	fl_buf_addstr(out, line);
	if (line.len == 0 || line.ptr[line.len - 1] != '\n')
		fl_buf_adds(out, "\n\\ No newline at end of file\n");
}

/* Prints hunks for the edit script e[0..n) (in forward order). */
static void
hunks(struct fl_buf *out, const struct edit *e, size_t n,
    const struct lines *a, const struct lines *b)
{
	size_t i = 0;

	while (i < n) {
		size_t start, end, j, as = 0, bs = 0, ac = 0, bc = 0;

		while (i < n && e[i].op == KEEP)
			i++;
		if (i == n)
			break;
		start = i > CONTEXT ? i - CONTEXT : 0;
		/* Extend while the next change is within 2 * CONTEXT. */
		end = i;
		for (j = i; j < n; j++) {
			if (e[j].op != KEEP)
				end = j;
			else if (j - end > 2 * CONTEXT)
				break;
		}
		end = end + CONTEXT + 1 < n ? end + CONTEXT + 1 : n;
		as = e[start].ai;
		bs = e[start].bi;
		for (j = start; j < end; j++) {
			ac += e[j].op != ADD;
			bc += e[j].op != DEL;
		}
		fl_buf_addf(out, "@@ -%zu,%zu +%zu,%zu @@\n", ac ? as + 1 : as,
		    ac, bc ? bs + 1 : bs, bc);
		for (j = start; j < end; j++) {
			if (e[j].op == KEEP)
				emit_line(out, ' ', a->v[e[j].ai]);
			else if (e[j].op == DEL)
				emit_line(out, '-', a->v[e[j].ai]);
			else
				emit_line(out, '+', b->v[e[j].bi]);
		}
		i = end;
	}
}

void
fl_diff_unified(struct fl_buf *out, const char *path, struct fl_str a,
    struct fl_str b)
{
	struct lines la = { 0 }, lb = { 0 };
	struct script s = { 0 };
	size_t pre = 0, na, nb, i;
	struct edit *fwd;

	if (fl_str_eq(a, b))
		return;
	split(&la, a);
	split(&lb, b);
	na = la.n;
	nb = lb.n;
	while (pre < na && pre < nb && fl_str_eq(la.v[pre], lb.v[pre]))
		pre++;
	while (na > pre && nb > pre && fl_str_eq(la.v[na - 1], lb.v[nb - 1])) {
		na--;
		nb--;
	}
	/* The suffix, reversed, then the middle, then the prefix. */
	for (i = la.n; i > na; i--)
		push(&s, KEEP, i - 1, lb.n - (la.n - i) - 1);
	myers(&s, &la, &lb, pre, na, nb);
	for (i = pre; i > 0; i--)
		push(&s, KEEP, i - 1, i - 1);
	fwd = fl_xcalloc(s.n + 1, sizeof(*fwd));
	for (i = 0; i < s.n; i++)
		fwd[i] = s.v[s.n - 1 - i];
	fl_buf_addf(out, "--- a/%s\n+++ b/%s\n", path, path);
	hunks(out, fwd, s.n, &la, &lb);
	free(fwd);
	free(s.v);
	free(la.v);
	free(lb.v);
}
