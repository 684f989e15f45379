/*
 * flowlint completions SHELL: a completion script for bash, zsh or fish,
 * written from the command table and each command's option table, so
 * that it offers exactly the commands, options and option values that
 * flowlint parses.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "util/buf.h"

static const struct fl_option options[] = {
	FL_OPT_HELP,
	FL_OPT_END,
};

static int cmd_completions(int argc, char **argv);
static void shell_names(struct fl_buf *out);

const struct fl_cmd fl_cmd_completions = {
	.name = "completions",
	.summary = "print the shell completion script for bash, zsh or fish",
	.synopsis = "bash|zsh|fish",
	.description =
"Print the completion script for SHELL: commands, their options, and the\n"
"values of options that take one of a fixed set; file names elsewhere.\n"
"The Debian package installs all three.  By hand, for example:\n"
"\n"
"  flowlint completions bash > ~/.local/share/bash-completion/completions/flowlint\n"
"  flowlint completions zsh > ~/.zfunc/_flowlint   (with ~/.zfunc in fpath)\n"
"  flowlint completions fish > ~/.config/fish/completions/flowlint.fish\n",
	.options = options,
	.max_operands = 1,
	.operand_words = shell_names,
	.run = cmd_completions,
};

/* Sets `out` to the values an option takes, separated by spaces; false
 * when it takes any value (a file name, a number). */
static bool
option_values(struct fl_buf *out, const struct fl_option *opt)
{
	size_t i;

	fl_buf_reset(out);
	if (opt->choices != NULL) {
		for (i = 0; opt->choices[i] != NULL; i++)
			fl_buf_addf(out, "%s%s", i > 0 ? " " : "",
			    opt->choices[i]);
		return true;
	}
	if (opt->values != NULL) {
		/* "a, b, c" */
		const char *p = opt->values();

		while (*p != '\0') {
			size_t len = strcspn(p, ", ");

			fl_buf_add(out, p, len);
			p += len;
			p += strspn(p, ", ");
			if (*p != '\0')
				fl_buf_addch(out, ' ');
		}
		return true;
	}
	return false;
}

/* Appends `text` with each character of `special` escaped by `escape`. */
static void
add_escaped(struct fl_buf *out, const char *text, const char *special,
    const char *escape)
{
	for (; *text != '\0'; text++) {
		if (strchr(special, *text) != NULL)
			fl_buf_adds(out, escape);
		fl_buf_addch(out, *text);
	}
}

/*
 * What a command's operands complete to, as `words` (when the command
 * names them) and whether file names do.
 */
static bool
operand_words(struct fl_buf *words, const struct fl_cmd *c)
{
	fl_buf_reset(words);
	if (c->operand_words != NULL)
		c->operand_words(words);
	return c->operand_words == NULL && c->max_operands != 0;
}

static void
bash(struct fl_buf *out)
{
	const struct fl_cmd *const *c;
	const struct fl_option *o;
	struct fl_buf values = FL_BUF_INIT;

	fl_buf_adds(out, "# bash completion for flowlint (flowlint completions bash)\n"
	    "_flowlint() {\n"
	    "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} opts= words= files=1\n"
	    "\tif [ \"$COMP_CWORD\" -eq 1 ]; then\n"
	    "\t\tCOMPREPLY=($(compgen -W '");
	for (c = fl_commands; *c != NULL; c++)
		fl_buf_addf(out, "%s ", (*c)->name);
	fl_buf_adds(out, "--help --version' -- \"$cur\"))\n"
	    "\t\treturn\n"
	    "\tfi\n"
	    "\tcase ${COMP_WORDS[1]} in\n");
	for (c = fl_commands; *c != NULL; c++) {
		fl_buf_addf(out, "\t%s)\n\t\tcase $prev in\n", (*c)->name);
		for (o = (*c)->options; o->type != FL_OPTION_END; o++) {
			if (o->value_name == NULL)
				continue;
			fl_buf_adds(out, "\t\t");
			if (o->short_name != 0)
				fl_buf_addf(out, "-%c|", o->short_name);
			fl_buf_addf(out, "--%s) COMPREPLY=($(compgen ",
			    o->long_name);
			if (option_values(&values, o))
				fl_buf_addf(out, "-W '%s'", values.ptr);
			else
				fl_buf_adds(out, "-f");
			fl_buf_adds(out, " -- \"$cur\")); return ;;\n");
		}
		fl_buf_adds(out, "\t\tesac\n\t\topts='");
		for (o = (*c)->options; o->type != FL_OPTION_END; o++)
			fl_buf_addf(out, "%s--%s", o == (*c)->options ? "" : " ",
			    o->long_name);
		fl_buf_adds(out, "'");
		if (!operand_words(&values, *c))
			fl_buf_addf(out, " words='%s' files=", values.ptr);
		fl_buf_adds(out, " ;;\n");
	}
	fl_buf_adds(out, "\tesac\n"
	    "\tif [[ $cur == -* ]]; then\n"
	    "\t\tCOMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
	    "\telif [ -n \"$files\" ]; then\n"
	    "\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n"
	    "\telse\n"
	    "\t\tCOMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
	    "\tfi\n"
	    "}\n"
	    "complete -o filenames -F _flowlint flowlint\n");
	fl_buf_release(&values);
}

/*
 * Appends `text` for zsh, inside single quotes: each character of
 * `special` escaped with a backslash (for _arguments or _describe), and
 * a quote closed, escaped and reopened for the shell.
 */
static void
add_zsh_quoted(struct fl_buf *out, const char *text, const char *special)
{
	for (; *text != '\0'; text++) {
		if (*text == '\'') {
			fl_buf_adds(out, "'\\''");
			continue;
		}
		if (strchr(special, *text) != NULL)
			fl_buf_addch(out, '\\');
		fl_buf_addch(out, *text);
	}
}

/* One _arguments spec of option `o` spelled `name` ("--format=", "-f+"). */
static void
zsh_spec(struct fl_buf *out, const struct fl_option *o, const char *name)
{
	fl_buf_addf(out, " '%s[", name);
	add_zsh_quoted(out, o->help, "[]:\\");
	fl_buf_adds(out, "]");
	if (o->value_name != NULL) {
		struct fl_buf values = FL_BUF_INIT;

		if (option_values(&values, o))
			fl_buf_addf(out, ":%s:(%s)", o->value_name, values.ptr);
		else
			fl_buf_addf(out, ":%s:_files", o->value_name);
		fl_buf_release(&values);
	}
	fl_buf_addch(out, '\'');
}

static void
zsh(struct fl_buf *out)
{
	const struct fl_cmd *const *c;
	const struct fl_option *o;
	struct fl_buf words = FL_BUF_INIT;

	fl_buf_adds(out, "#compdef flowlint\n"
	    "# zsh completion for flowlint (flowlint completions zsh)\n"
	    "_flowlint() {\n"
	    "\tlocal -a commands\n"
	    "\tcommands=(\n");
	for (c = fl_commands; *c != NULL; c++) {
		fl_buf_addf(out, "\t\t'%s:", (*c)->name);
		add_zsh_quoted(out, (*c)->summary, ":\\");
		fl_buf_adds(out, "'\n");
	}
	fl_buf_adds(out, "\t)\n"
	    "\tif (( CURRENT == 2 )); then\n"
	    "\t\t_describe command commands\n"
	    "\t\treturn\n"
	    "\tfi\n"
	    "\tshift words\n"
	    "\t(( CURRENT-- ))\n"
	    "\tcase $words[1] in\n");
	for (c = fl_commands; *c != NULL; c++) {
		fl_buf_addf(out, "\t%s) _arguments", (*c)->name);
		for (o = (*c)->options; o->type != FL_OPTION_END; o++) {
			char name[64];

			snprintf(name, sizeof(name), "--%s%s", o->long_name,
			    o->value_name != NULL ? "=" : "");
			zsh_spec(out, o, name);
			if (o->short_name != 0) {
				snprintf(name, sizeof(name), "-%c%s",
				    o->short_name,
				    o->value_name != NULL ? "+" : "");
				zsh_spec(out, o, name);
			}
		}
		if (operand_words(&words, *c))
			fl_buf_adds(out, " '*:file:_files'");
		else if (words.len > 0)
			fl_buf_addf(out, " '1:%s:(%s)'", (*c)->synopsis,
			    words.ptr);
		fl_buf_adds(out, " ;;\n");
	}
	fl_buf_adds(out, "\tesac\n}\n_flowlint \"$@\"\n");
	fl_buf_release(&words);
}

static void
fish(struct fl_buf *out)
{
	const struct fl_cmd *const *c;
	const struct fl_option *o;
	struct fl_buf values = FL_BUF_INIT;

	fl_buf_adds(out, "# fish completion for flowlint (flowlint completions fish)\n");
	for (c = fl_commands; *c != NULL; c++) {
		fl_buf_addf(out, "complete -c flowlint -f -n __fish_use_subcommand "
		    "-a %s -d '", (*c)->name);
		add_escaped(out, (*c)->summary, "'\\", "\\");
		fl_buf_adds(out, "'\n");
	}
	for (c = fl_commands; *c != NULL; c++) {
		for (o = (*c)->options; o->type != FL_OPTION_END; o++) {
			fl_buf_addf(out, "complete -c flowlint -n "
			    "'__fish_seen_subcommand_from %s' -l %s",
			    (*c)->name, o->long_name);
			if (o->short_name != 0)
				fl_buf_addf(out, " -s %c", o->short_name);
			/* An option that takes any value gets file names. */
			if (o->value_name != NULL)
				fl_buf_adds(out, " -r");
			if (o->value_name != NULL && option_values(&values, o))
				fl_buf_addf(out, " -f -a '%s'", values.ptr);
			fl_buf_adds(out, " -d '");
			add_escaped(out, o->help, "'\\", "\\");
			fl_buf_adds(out, "'\n");
		}
		/* -f: no file names where the operands are words or none. */
		if (!operand_words(&values, *c))
			fl_buf_addf(out, "complete -c flowlint -f -n "
			    "'__fish_seen_subcommand_from %s'%s%s%s\n",
			    (*c)->name, values.len > 0 ? " -a '" : "",
			    values.ptr, values.len > 0 ? "'" : "");
	}
	fl_buf_release(&values);
}

static const struct {
	const char *name;
	void (*write)(struct fl_buf *out);
} shells[] = { { "bash", bash }, { "zsh", zsh }, { "fish", fish } };

static void
shell_names(struct fl_buf *out)
{
	size_t i;

	for (i = 0; i < sizeof(shells) / sizeof(shells[0]); i++)
		fl_buf_addf(out, "%s%s", i > 0 ? " " : "", shells[i].name);
}

static int
cmd_completions(int argc, char **argv)
{
	struct fl_operands ops;
	struct fl_buf out = FL_BUF_INIT;
	size_t i;
	int rc = fl_cmd_parse(&fl_cmd_completions, NULL, argc, argv, &ops);

	if (rc >= 0)
		return rc;
	if (ops.n == 0)
		return fl_cmd_usage_error("completions",
		    "which shell? bash, zsh or fish");
	for (i = 0; i < sizeof(shells) / sizeof(shells[0]); i++)
		if (strcmp(ops.v[0], shells[i].name) == 0)
			break;
	if (i == sizeof(shells) / sizeof(shells[0]))
		return fl_cmd_usage_error("completions",
		    "unknown shell '%s' (bash, zsh or fish)", ops.v[0]);
	shells[i].write(&out);
	fwrite(out.ptr, 1, out.len, stdout);
	fl_buf_release(&out);
	return fflush(stdout) == 0 ? FL_EXIT_OK : FL_EXIT_ERROR;
}
