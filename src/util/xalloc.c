/*
 * The single place where allocation failure is handled.
 */
#include "util/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void
fl_out_of_memory(void)
{
	fputs("flowlint: out of memory\n", stderr);
	exit(2);
}

void *
fl_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		fl_out_of_memory();
	return p;
}

void *
fl_xcalloc(size_t nmemb, size_t size)
{
	void *p;

	if (size != 0 && nmemb > SIZE_MAX / size)
		fl_out_of_memory();
	p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (p == NULL)
		fl_out_of_memory();
	return p;
}

void *
fl_xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (p == NULL)
		fl_out_of_memory();
	return p;
}

void *
fl_xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		fl_out_of_memory();
	return fl_xrealloc(ptr, nmemb * size);
}

char *
fl_xstrdup(const char *s)
{
	return fl_xstrndup(s, strlen(s));
}

char *
fl_xstrndup(const char *s, size_t len)
{
	char *p = fl_xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}
