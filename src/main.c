/*
 * flowlint: entry point.  Dispatches to the subcommand; nothing else.
 */
#include <stdio.h>

int
main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	puts("flowlint " FLOWLINT_VERSION);
	return 0;
}
