/*
 * Commands and their options, declared as data.  Each command is one
 * const struct fl_cmd (src/cmd/<name>.c) listed in fl_commands[]
 * (commands.c); its options are one static table that fl_cmd_parse()
 * parses with, reporting every mistake the same way in every command
 * ("needs a value", "unknown option ... did you mean"), and from which
 * --help is printed.  Man page and shell completions read the same
 * tables, so an option declared here is documented everywhere.
 *
 * How a command declares its options:
 *
 *	struct frob_opts {
 *		struct fl_run_args run;	(the shared run options)
 *		bool dry;
 *		const char *out;
 *	};
 *	static const struct fl_option frob_options[] = {
 *		FL_OPT_FLAG(0, "dry-run", struct frob_opts, dry,
 *		    "change nothing"),
 *		FL_OPT_STRING('o', "output", "FILE", struct frob_opts, out,
 *		    "write to FILE"),
 *		FL_OPT_RUN_CONFIG(struct frob_opts, run),
 *		FL_OPT_RUN_QUIET(struct frob_opts, run),
 *		FL_OPT_HELP,
 *		FL_OPT_END,
 *	};
 *
 * and its run function starts with
 *
 *	struct frob_opts o = { 0 };
 *	struct fl_operands ops;
 *	int rc = fl_cmd_parse(&fl_cmd_frob, &o, argc, argv, &ops);
 *	if (rc >= 0)
 *		return rc;
 *
 * An option stores into the field named in its entry: a flag sets a
 * bool, a string keeps the last value, a choice stores the index of the
 * value among its choices, and a callback does anything else (repeatable
 * options, values to parse), rejecting a value with fl_error_set().
 */
#ifndef FL_CMD_OPTIONS_H
#define FL_CMD_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "run/args.h"

struct fl_buf;

enum fl_option_type {
	FL_OPTION_END,		/* ends a table */
	FL_OPTION_FLAG,		/* bool = true */
	FL_OPTION_STRING,	/* const char * = the value (from argv) */
	FL_OPTION_CHOICE,	/* int = index of the value in `choices` */
	FL_OPTION_CALL,		/* call(opt, field, value) */
	FL_OPTION_HELP,		/* prints the command's help, exits 0 */
};

struct fl_option {
	enum fl_option_type type;
	char short_name;	/* 0: none */
	const char *long_name;	/* without the dashes */
	const char *value_name;	/* "FILE"; NULL: the option takes none */
	size_t offset;		/* of the field in the options struct */
	const char *const *choices;	/* FL_OPTION_CHOICE: the values,
					   NULL-terminated */
	/* FL_OPTION_CALL: `field` is the option's field, `value` NULL for
	 * an option that takes none.  Returns 0, or an FL_E* code with a
	 * message set that names the option. */
	int (*call)(const struct fl_option *opt, void *field,
	    const char *value);
	const char *(*values)(void);	/* the values it takes, "a, b, c",
					   for help and completion; or NULL */
	const char *help;	/* one sentence, not wrapped */
};

#define FL_OPT_FLAG(s, l, T, f, h) \
	{ FL_OPTION_FLAG, s, l, NULL, offsetof(T, f), NULL, NULL, NULL, h }
#define FL_OPT_STRING(s, l, v, T, f, h) \
	{ FL_OPTION_STRING, s, l, v, offsetof(T, f), NULL, NULL, NULL, h }
#define FL_OPT_CHOICE(s, l, v, T, f, c, h) \
	{ FL_OPTION_CHOICE, s, l, v, offsetof(T, f), c, NULL, NULL, h }
#define FL_OPT_CALL(s, l, v, T, f, fn, h) \
	{ FL_OPTION_CALL, s, l, v, offsetof(T, f), NULL, fn, NULL, h }
#define FL_OPT_CALL_VALUES(s, l, v, T, f, fn, vals, h) \
	{ FL_OPTION_CALL, s, l, v, offsetof(T, f), NULL, fn, vals, h }
#define FL_OPT_HELP \
	{ FL_OPTION_HELP, 'h', "help", NULL, 0, NULL, NULL, NULL, \
	  "show this help" }
#define FL_OPT_END { FL_OPTION_END, 0, NULL, NULL, 0, NULL, NULL, NULL, NULL }

/*
 * The run options every command that reads flow files shares (struct
 * fl_run_args, field `f` of T): the same names, values, errors and help
 * everywhere.
 */
extern const char *const fl_color_choices[];	/* enum fl_color order */
int fl_opt_jobs(const struct fl_option *opt, void *field, const char *value);

#define FL_OPT_RUN_CONFIG(T, f) \
	FL_OPT_RUN_CONFIG_FROM(T, f, "the first PATH")
/* The same for a command that looks from elsewhere (`from`: "the
   current folder"). */
#define FL_OPT_RUN_CONFIG_FROM(T, f, from) \
	FL_OPT_STRING(0, "config", "FILE", T, f.config, "use FILE instead " \
	    "of looking for .flowlint.json from " from " up to the " \
	    "repository root")
#define FL_OPT_RUN_JOBS(T, f) \
	FL_OPT_CALL('j', "jobs", "N", T, f.jobs, fl_opt_jobs, "work on N " \
	    "files at a time (default: the number of cores); the output is " \
	    "the same for every N")
#define FL_OPT_RUN_COLOR(T, f) \
	FL_OPT_CHOICE(0, "color", "WHEN", T, f.color, fl_color_choices, \
	    "colour the text report; auto, the default, colours it on a " \
	    "terminal unless NO_COLOR is set")
#define FL_OPT_RUN_QUIET(T, f) \
	FL_OPT_FLAG('q', "quiet", T, f.quiet, "print only findings and " \
	    "errors: no summary, no notes")
#define FL_OPT_RUN_VERBOSE(T, f) \
	FL_OPT_FLAG('v', "verbose", T, f.verbose, "also say which " \
	    "configuration and inventory sources are used, and which " \
	    "resource kinds have none")

#define FL_OPT_RUN_FLOWS_ONLY(T, f) \
	FL_OPT_FLAG(0, "flows-only", T, f.flows_only, "of the named files, " \
	    "handle the contact flows and pass over the rest silently (for " \
	    "hooks that name every changed file)")

/* A command: what `flowlint --help`, its own --help and the man page say
 * about it, and how it runs. */
struct fl_cmd {
	const char *name;
	const char *summary;	/* one line for `flowlint --help` */
	const char *synopsis;	/* after "flowlint NAME "; one usage a line */
	const char *description;	/* paragraphs, wrapped at 72 */
	void (*more)(struct fl_buf *out); /* a section after the description
				   made from the registry (fix: its
				   fixes), or NULL */
	const struct fl_option *options;	/* ends with FL_OPT_END */
	const char *epilogue;	/* the exit status, wrapped at 72 */
	int max_operands;	/* -1: any number */
	/* Appends the words an operand is one of, separated by spaces, for
	   the shell completions; NULL: file names (none with no operands). */
	void (*operand_words)(struct fl_buf *out);
	int (*run)(int argc, char **argv);
};

/* Every command, in the order `flowlint --help` lists them; NULL-ended. */
extern const struct fl_cmd *const fl_commands[];

/* The operands left after the options, in order (they point into argv). */
struct fl_operands {
	char **v;
	size_t n;
};

/*
 * Parses argv[1..argc) (options and operands may be mixed; "--" ends the
 * options; "-" is an operand) into `opts`, a struct cmd->options was
 * declared over, and sets `ops` to the operands.  Returns -1 to go on,
 * or the exit code to return at once: 0 after --help, FL_EXIT_ERROR
 * after a usage error, printed.
 */
int fl_cmd_parse(const struct fl_cmd *cmd, void *opts, int argc, char **argv,
    struct fl_operands *ops);

/* The command a mistyped `name` was meant to be, or NULL. */
const char *fl_cmd_closest(const char *name);

/* Appends the command's --help text. */
void fl_cmd_help(struct fl_buf *out, const struct fl_cmd *cmd);

/* Appends the help of one option with its values ("... (WHEN: a or b)"). */
void fl_option_describe(struct fl_buf *out, const struct fl_option *opt);

#endif
