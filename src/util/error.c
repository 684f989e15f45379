/*
 * Thread-local storage for the last operational error message.
 */
#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>

static _Thread_local char message[1024];

int
fl_error_set(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	return code;
}

const char *
fl_error_msg(void)
{
	return message;
}

void
fl_error_clear(void)
{
	message[0] = '\0';
}
