/*
 * A JSON data file read whole (configuration, baselines, saved AWS CLI
 * output, resource files of the repository layout), with errors that
 * name the file, line and column.
 */
#ifndef FL_JSON_FILE_H
#define FL_JSON_FILE_H

#include <stdint.h>

#include "json/json.h"
#include "util/arena.h"
#include "util/source.h"

struct fl_buf;

struct fl_json_file {
	struct fl_source src;		/* owned: the path and the bytes */
	struct fl_arena arena;		/* owns doc's nodes */
	struct fl_json_doc doc;		/* valid after a successful load */
};

/*
 * Reads and parses the file at `path`.  Returns 0, FL_EIO / FL_ETOOBIG
 * when it cannot be read, or FL_ECONFIG "<path>:<line>:<col>: <reason>"
 * when it is not JSON.  Release `f` in every case.
 */
int fl_json_file_load(struct fl_json_file *f, const char *path);

/* Parses the bytes of `bytes`, shown as `path`, taking them (`bytes` is
 * left empty); string values of members named `raw_key` (NULL: none)
 * are left undecoded, as fl_json_parse_raw() says. */
int fl_json_file_take(struct fl_json_file *f, const char *path,
    struct fl_buf *bytes, const char *raw_key);

/* Frees what a load holds; a zeroed struct may be released too. */
void fl_json_file_release(struct fl_json_file *f);

/*
 * Sets the error "<path>:<line>:<col>: <message>" at node `node` (its
 * key when it is an object member and `key` is true) and returns
 * FL_ECONFIG.
 */
int fl_json_file_error(struct fl_json_file *f, uint32_t node, bool key,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* 1-based line and column of node `node` (its key with `key`). */
void fl_json_file_linecol(struct fl_json_file *f, uint32_t node, bool key,
    uint32_t *line, uint32_t *col);

#endif
