/*
 * Unit tests for util/sha256.c: the FIPS 180-4 examples, and feeding the
 * same bytes in any chunking gives the same digest.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/sha256.h"

static void
hex(char out[2 * FL_SHA256_LEN + 1], const unsigned char *d)
{
	unsigned i;

	for (i = 0; i < FL_SHA256_LEN; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void
digest_of(char out[2 * FL_SHA256_LEN + 1], const void *data, size_t len)
{
	struct fl_sha256 c;
	unsigned char d[FL_SHA256_LEN];

	fl_sha256_init(&c);
	fl_sha256_update(&c, data, len);
	fl_sha256_final(&c, d);
	hex(out, d);
}

static void
test_sha256__fips_examples(void **state)
{
	static const char two_blocks[] =
	    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	char out[2 * FL_SHA256_LEN + 1];
	char *million = malloc(1000000);

	digest_of(out, "", 0);
	assert_string_equal(out, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
	digest_of(out, "abc", 3);
	assert_string_equal(out, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	digest_of(out, two_blocks, sizeof(two_blocks) - 1);
	assert_string_equal(out, "248d6a61d20638b8e5c026930c3e6039"
	    "a33ce45964ff2167f6ecedd419db06c1");
	memset(million, 'a', 1000000);
	digest_of(out, million, 1000000);
	assert_string_equal(out, "cdc76e5c9914fb9281a1c7e284d73e67"
	    "f1809a48a497200e046d39ccc7112cd0");
	free(million);
}

static void
test_sha256__chunking_does_not_matter(void **state)
{
	unsigned char data[300];
	char whole[2 * FL_SHA256_LEN + 1], parts[2 * FL_SHA256_LEN + 1];
	size_t len, step, i;

	for (i = 0; i < sizeof(data); i++)
		data[i] = (unsigned char)(i * 7 + 3);
	/* Every length around the padding boundaries (55, 56, 64, ...). */
	for (len = 0; len <= sizeof(data); len++) {
		digest_of(whole, data, len);
		for (step = 1; step <= 65; step += 16) {
			struct fl_sha256 c;
			unsigned char d[FL_SHA256_LEN];

			fl_sha256_init(&c);
			for (i = 0; i < len; i += step)
				fl_sha256_update(&c, data + i,
				    len - i < step ? len - i : step);
			fl_sha256_final(&c, d);
			hex(parts, d);
			assert_string_equal(whole, parts);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256__fips_examples),
		cmocka_unit_test(test_sha256__chunking_does_not_matter),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
