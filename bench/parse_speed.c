/*
 * The JSON parser's throughput, apart from everything else: reads every
 * file of a NUL-separated list into memory, then times fl_json_parse on
 * each (the outer document), and on the decoded Content string of each
 * wrapped flow (both layers, as the linter parses them).  Built and run
 * by bench/run:
 *
 *	parse_speed LIST REPETITIONS
 *
 * Prints "outer MB/s" and "both-layers MB/s", each the best of the
 * repetitions, measured over the bytes of the files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "json/json.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/fs.h"

struct file {
	char *text;
	size_t len;
};

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Parses every file, and their Content too when `both`; returns seconds. */
static double
parse_all(const struct file *f, size_t n, int both)
{
	double t0 = now();
	size_t i;

	for (i = 0; i < n; i++) {
		struct fl_json_error err;
		struct fl_json_doc doc, inner;
		struct fl_arena a;
		uint32_t c;

		fl_arena_init(&a);
		if (fl_json_parse(&doc, &a, f[i].text, f[i].len, &err) == 0 &&
		    both && fl_json_is(&doc, c = fl_json_get(&doc,
		    FL_JSON_ROOT, "Content"), FL_JSON_STRING)) {
			struct fl_json_offmap map;
			struct fl_str s;

			fl_json_decode_mapped(&s, &map, &a, &doc, c);
			(void)fl_json_parse(&inner, &a, s.ptr, s.len, &err);
		}
		fl_arena_release(&a);
	}
	return now() - t0;
}

int
main(int argc, char **argv)
{
	struct fl_buf list = FL_BUF_INIT, b = FL_BUF_INIT;
	struct file *files = NULL;
	size_t n = 0, alloc = 0, bytes = 0, i;
	double best[2] = { 1e9, 1e9 };
	int reps, r, k;
	char *p;

	if (argc != 3 || fl_fs_read(&list, argv[1], 1u << 30) != 0) {
		fputs("usage: parse_speed LIST REPETITIONS\n", stderr);
		return 2;
	}
	reps = atoi(argv[2]);
	for (p = list.ptr; p < list.ptr + list.len; p += strlen(p) + 1) {
		if (*p == '\0' || fl_fs_read(&b, p, FL_FS_MAX_FILE) != 0)
			continue;
		if (n == alloc) {
			alloc = alloc ? 2 * alloc : 1024;
			files = realloc(files, alloc * sizeof(*files));
		}
		files[n].text = fl_buf_detach(&b, &files[n].len);
		bytes += files[n].len;
		n++;
	}
	for (r = 0; r < reps; r++)
		for (k = 0; k < 2; k++) {
			double t = parse_all(files, n, k);

			if (t < best[k])
				best[k] = t;
		}
	printf("%zu files, %.1f MB: outer %.0f MB/s, both layers %.0f MB/s\n",
	    n, (double)bytes / 1e6, (double)bytes / 1e6 / best[0],
	    (double)bytes / 1e6 / best[1]);
	for (i = 0; i < n; i++)
		free(files[i].text);
	free(files);
	fl_buf_release(&list);
	return 0;
}
