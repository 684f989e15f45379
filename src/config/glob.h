/*
 * Path globs for the configuration (include, exclude, per-file-ignores,
 * suppressions), matched against paths relative to the project root:
 *
 *   *      any characters except '/'
 *   **     as a whole segment: any number of folders (also none)
 *   ?      one character except '/'
 *   [a-z]  one character of a class; [!a-z] or [^a-z] negates it
 *   \x     the character x itself
 *
 * A glob without '/' matches a file or folder name at any depth
 * (`*.json`, `legacy`); one with '/' matches from the root (a leading
 * '/' is allowed).  A glob that matches a folder matches everything
 * below it, so `imports/resources/flows` and `templates/` work.
 */
#ifndef FL_CONFIG_GLOB_H
#define FL_CONFIG_GLOB_H

#include <stdbool.h>

/* NULL when `glob` is well formed, else why not (a static string). */
const char *fl_glob_check(const char *glob);

/* Whether the relative `path` matches a well-formed `glob`. */
bool fl_glob_match(const char *glob, const char *path);

#endif
