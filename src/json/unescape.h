/*
 * Decoding of JSON string escapes, shared by the parser (which decodes
 * escaped strings into the arena) and fl_json_decode_mapped (which also
 * records where every escape came from).  Internal to src/json.
 */
#ifndef FL_JSON_UNESCAPE_H
#define FL_JSON_UNESCAPE_H

#include <stddef.h>
#include <stdint.h>

#include "json/json.h"

/*
 * Decodes the `n` bytes of string content at `src` (between the quotes,
 * already validated by the parser) into `dst`, which must hold n + 1
 * bytes: decoding never grows a string.  NUL-terminates and returns the
 * decoded length.  With `dst` NULL nothing is written: only the length
 * and the map are computed.  When `map` is not NULL it receives the
 * offset map with raw offsets relative to `raw_base`; it must hold
 * 1 + (number of escapes) entries, and *map_count is set to the entries
 * used.
 */
size_t fl_json_unescape(char *dst, const char *src, size_t n,
    struct fl_json_offmap_entry *map, uint32_t *map_count, uint32_t raw_base);

#endif
