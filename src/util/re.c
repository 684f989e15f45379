/*
 * PCRE2 wrapper; see re.h.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "util/re.h"

#include <pcre2.h>
#include <stdint.h>
#include <stdlib.h>

#include "util/error.h"
#include "util/xalloc.h"

struct fl_re {
	pcre2_code *code;
};

struct fl_re_match {
	pcre2_match_data *data;
};

int
fl_re_compile(struct fl_re **out, const char *what, const char *pattern)
{
	PCRE2_SIZE erroff;
	int errcode;
	pcre2_code *code;
	struct fl_re *re;

	code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &errcode, &erroff, NULL);
	if (code == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(errcode, msg, sizeof(msg));
		return fl_error_set(FL_EINVAL,
		    "pattern '%s': %s at offset %zu", what, (char *)msg,
		    (size_t)erroff);
	}
	/* JIT is an optimisation; interpretation is the fallback. */
	(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	re = fl_xmalloc(sizeof(*re));
	re->code = code;
	*out = re;
	return 0;
}

void
fl_re_free(struct fl_re *re)
{
	if (re == NULL)
		return;
	pcre2_code_free(re->code);
	free(re);
}

struct fl_re_match *
fl_re_match_new(void)
{
	struct fl_re_match *m = fl_xmalloc(sizeof(*m));

	/* 32 pairs is more than any of our patterns has groups. */
	m->data = pcre2_match_data_create(32, NULL);
	if (m->data == NULL)
		fl_out_of_memory();
	return m;
}

void
fl_re_match_free(struct fl_re_match *m)
{
	if (m == NULL)
		return;
	pcre2_match_data_free(m->data);
	free(m);
}

bool
fl_re_search(const struct fl_re *re, struct fl_re_match *m,
    struct fl_str subject, size_t start, struct fl_str *groups,
    size_t ngroups)
{
	PCRE2_SIZE *ov;
	uint32_t pairs;
	size_t i;
	int rc;

	rc = pcre2_match(re->code, (PCRE2_SPTR)subject.ptr, subject.len,
	    start, 0, m->data, NULL);
	if (rc <= 0)
		return false;
	ov = pcre2_get_ovector_pointer(m->data);
	/* Pairs past the highest group that matched (rc - 1) are not set. */
	pairs = (uint32_t)rc;
	for (i = 0; i < ngroups; i++) {
		if (i >= pairs || ov[2 * i] == PCRE2_UNSET) {
			groups[i] = (struct fl_str){ NULL, 0 };
			continue;
		}
		groups[i] = fl_str_make(subject.ptr + ov[2 * i],
		    ov[2 * i + 1] - ov[2 * i]);
	}
	return true;
}

int
fl_re_group(const struct fl_re *re, const char *name)
{
	int n = pcre2_substring_number_from_name(re->code, (PCRE2_SPTR)name);

	return n < 0 ? -1 : n;
}
