/*
 * UTF-8 for reports: counting UTF-16 code units (SARIF's and LSP's
 * column unit) and making text safe for formats that must be valid
 * UTF-8 (JSON, XML) when the input was not.
 */
#ifndef FL_UTIL_UTF8_H
#define FL_UTIL_UTF8_H

#include <stddef.h>

#include "util/str.h"

struct fl_buf;

/*
 * Length (1 to 4) of the well-formed UTF-8 sequence that starts s[0..n),
 * or 0 when it is not one (a stray continuation byte, an overlong form,
 * a surrogate, a value past U+10FFFF, a truncated sequence).
 */
size_t fl_utf8_seq_len(const char *s, size_t n);

/*
 * UTF-16 code units of the text s[0..n): one per character, two for a
 * character outside the Basic Multilingual Plane, and one for each byte
 * that is not part of a well-formed sequence (as its U+FFFD would be).
 */
size_t fl_utf8_utf16_len(const char *s, size_t n);

/*
 * The common prefix and suffix of texts a[0..alen) and z[0..zlen), cut
 * back to character boundaries and never between "\r" and "\n": what
 * lies between them is the one replacement that turns `a` into `z`
 * (a fix or a format as a single edit).
 */
void fl_utf8_common_ends(const char *a, size_t alen, const char *z,
    size_t zlen, size_t *pre, size_t *suf);

/* Appends `s`, each byte of an ill-formed sequence replaced by U+FFFD. */
void fl_utf8_add_valid(struct fl_buf *out, struct fl_str s);

/* fl_buf_add_json_string() of `s` made valid as above. */
void fl_utf8_add_json_string(struct fl_buf *out, struct fl_str s);

#endif
