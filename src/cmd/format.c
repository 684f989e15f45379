/*
 * flowlint format: rewrite flow files in the canonical layout (see
 * format/printer.c), report what would change, or format standard
 * input for an editor's format-on-save.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "config/flowfile.h"
#include "format/format.h"
#include "lint/run.h"
#include "repo/targets.h"
#include "run/ordered.h"
#include "run/session.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/diff.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/source.h"
#include "util/xalloc.h"

struct format_opts {
	struct fl_run_args run;
	bool check;
	bool diff;
	bool use_stdin;
	bool echo_on_error;
	const char *stdin_name;		/* borrowed from argv, or NULL */
};

/* Counts over a run, for the summary and the exit status. */
struct format_totals {
	unsigned changed;
	unsigned unchanged;
	unsigned failed;		/* unreadable or refused */
};

#define O struct format_opts
static const struct fl_option options[] = {
	FL_OPT_FLAG(0, "check", O, check, "write nothing; exit 1 if any file "
	    "would change"),
	FL_OPT_FLAG(0, "diff", O, diff, "write nothing; print a unified diff "
	    "of the changes"),
	FL_OPT_STRING(0, "stdin-filename", "PATH", O, stdin_name, "format "
	    "standard input to standard output (as -), naming the input PATH "
	    "in messages"),
	FL_OPT_FLAG(0, "echo-on-error", O, echo_on_error, "with - or "
	    "--stdin-filename: when the input cannot be formatted, write it "
	    "back unchanged and print nothing on standard error (for Vim's "
	    "'formatprg' and :%! filters, which keep both streams); the exit "
	    "status is still 2"),
	FL_OPT_RUN_QUIET(O, run),
	FL_OPT_RUN_CONFIG(O, run),
	FL_OPT_RUN_JOBS(O, run),
	FL_OPT_RUN_FLOWS_ONLY(O, run),
	FL_OPT_HELP,
	FL_OPT_END,
};
#undef O

static int cmd_format(int argc, char **argv);

const struct fl_cmd fl_cmd_format = {
	.name = "format",
	.summary = "rewrite flow files in the canonical layout",
	.synopsis = "[options] [PATH...]\n[options] [--stdin-filename PATH] -",
	.description =
"Rewrite flow files in the canonical layout: the outer document as the\n"
"reference exporter writes it (JSON.stringify with two-space indentation),\n"
"a string Content as compact JSON, key order and the text of numbers\n"
"kept, a final newline when the file had one.  Only files that change are rewritten, each\n"
"atomically, and not when changed or deleted since read, or read-only\n"
"(exit 2).  Folders (default: .) are walked for *.json files as check\n"
"walks them (inside a git work tree, only what git tracks or would\n"
"track; never what the configuration excludes), skipping JSON that is\n"
"not a contact flow; a file named on the command line is formatted\n"
"whatever JSON it holds.  A file that is\n"
"not valid JSON or has a duplicate key is refused and left as it is.\n"
"The operand - formats standard input to standard output.\n",
	.options = options,
	.epilogue =
"Exit status: 0 formatted (or nothing to change), 1 with --check or\n"
"--diff: a file would change, 2 usage or I/O error, or a file that cannot be formatted.\n",
	.max_operands = -1,
	.run = cmd_format,
};

/*
 * Parses the options into `o`.  Returns -1 to go on, or the exit code to
 * return at once (after --help, or a usage error).
 */
static int
parse_opts(struct format_opts *o, int argc, char **argv,
    struct fl_operands *ops)
{
	int rc = fl_cmd_parse(&fl_cmd_format, o, argc, argv, ops);

	if (rc >= 0)
		return rc;
	rc = fl_cmd_stdin_operand("format", ops, o->stdin_name, &o->use_stdin);
	if (rc >= 0)
		return rc;
	if (o->echo_on_error && !o->use_stdin)
		return fl_cmd_usage_error("format", "--echo-on-error needs '-' "
		    "or --stdin-filename");
	return -1;
}

/* Appends the error line saying why `src` could not be formatted, at
 * the problem's position. */
static void
refusal(struct fl_buf *err, struct fl_source *src,
    const struct fl_format_info *info)
{
	uint32_t line, col;

	fl_source_linecol(src, info->err_off, &line, &col);
	fl_buf_addf(err, "flowlint: error: %s:%u:%u: %s\n", src->path, line,
	    col, info->err_msg);
}

static int
write_stdout(const char *data, size_t len)
{
	if (len > 0 && fwrite(data, 1, len, stdout) != len)
		return -1;
	return fflush(stdout) == 0 ? 0 : -1;
}

/*
 * --echo-on-error: gives the editor its input back, all of it, so that
 * the filter leaves the buffer as it was: the `len` bytes already read,
 * then the rest of standard input (left there by an over-long input).
 * Returns the exit status, which is always FL_EXIT_ERROR.
 */
static int
echo_input(const char *data, size_t len)
{
	char chunk[65536];
	ssize_t n;

	if (write_stdout(data, len) != 0)
		return FL_EXIT_ERROR;
	for (;;) {
		n = read(STDIN_FILENO, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (write_stdout(chunk, (size_t)n) != 0)
			break;
	}
	return FL_EXIT_ERROR;
}

/*
 * Formats standard input to standard output.  On any failure nothing is
 * written to standard output (an editor must never replace its buffer
 * with an error message), unless --echo-on-error asks for the input
 * back, in which case nothing is written to standard error.
 */
static int
format_stdin(const struct format_opts *o)
{
	const char *name = o->stdin_name != NULL ? o->stdin_name : "<stdin>";
	struct fl_buf in = FL_BUF_INIT, out = FL_BUF_INIT, diff = FL_BUF_INIT;
	struct fl_format_info info;
	struct fl_source src;
	struct fl_arena arena;
	struct fl_str before;
	char *text;
	size_t len;
	int rc = FL_EXIT_OK;

	if (fl_fs_read_stdin(&in, FL_FS_MAX_FILE) != 0) {
		if (o->echo_on_error) {
			rc = echo_input(in.ptr, in.len);
		} else {
			fl_cmd_error(NULL);
			rc = FL_EXIT_ERROR;
		}
		fl_buf_release(&in);
		return rc;
	}
	text = fl_buf_detach(&in, &len);
	fl_source_init(&src, fl_xstrdup(name), text, len);
	fl_arena_init(&arena);
	before = fl_str_make(src.text, src.len);
	if (fl_format(&out, &info, &arena, src.text, src.len) != 0) {
		if (o->echo_on_error) {
			rc = echo_input(src.text, src.len);
		} else {
			struct fl_buf err = FL_BUF_INIT;

			refusal(&err, &src, &info);
			fputs(err.ptr, stderr);
			fl_buf_release(&err);
			rc = FL_EXIT_ERROR;
		}
		goto done;
	}
	if (o->diff) {
		fl_diff_unified(&diff, name, before, fl_buf_str(&out));
		if (write_stdout(diff.ptr, diff.len) != 0)
			rc = FL_EXIT_ERROR;
	} else if (!o->check && write_stdout(out.ptr, out.len) != 0) {
		rc = FL_EXIT_ERROR;
	}
	if (rc == FL_EXIT_ERROR)
		fl_cmd_error("cannot write to standard output: %s",
		    strerror(errno));
	else if ((o->check || o->diff) && !fl_str_eq(before, fl_buf_str(&out)))
		rc = FL_EXIT_FINDINGS;
done:
	fl_buf_release(&diff);
	fl_buf_release(&out);
	fl_arena_release(&arena);
	fl_source_release(&src);
	return rc;
}

/* What formatting one file came to, printed in order by the calling
 * thread. */
struct format_slot {
	enum { FILE_SKIPPED, FILE_UNCHANGED, FILE_CHANGED, FILE_FAILED } outcome;
	struct fl_buf out;		/* for standard output */
	struct fl_buf err;		/* for standard error */
};

/* What the workers share, read-only but for their own path memos. */
struct format_run {
	const struct format_opts *o;
	struct fl_session *s;
	struct format_totals tot;	/* the calling thread's */
	struct fl_path_memo memo[FL_RUN_MAX_JOBS];	/* one a worker */
};

static void
fail(struct format_slot *slot)
{
	fl_buf_addf(&slot->err, "flowlint: error: %s\n", fl_error_msg());
	slot->outcome = FILE_FAILED;
}

/* Formats target `i` (on a worker): rewrites it, or says what would
 * change. */
static void
format_file(void *arg, unsigned worker, size_t i, void *slot_mem)
{
	struct format_run *run = arg;
	const struct format_opts *o = run->o;
	const struct fl_filter *f = &run->s->setup.filter;
	const struct fl_target *t = &run->s->targets.v[i];
	struct format_slot *slot = slot_mem;
	struct fl_buf in = FL_BUF_INIT, out = FL_BUF_INIT;
	struct fl_format_info info;
	enum fl_file_kind kind;
	struct fl_fs_stamp stamp;
	struct fl_source src;
	struct fl_arena arena;
	char *text;
	size_t len;
	int rc;

	if (fl_fs_read_stamped(&in, t->fs_path, FL_FS_MAX_FILE, &stamp) != 0) {
		fail(slot);
		fl_buf_release(&in);
		return;
	}
	text = fl_buf_detach(&in, &len);
	fl_source_init(&src, fl_xstrdup(t->path), text, len);
	src.stamp = stamp;
	fl_arena_init(&arena);
	rc = fl_format(&out, &info, &arena, src.text, src.len);
	/*
	 * Contact flows only, as check decides; JSON that is not one (a
	 * queue, package.json, a tsconfig.json with comments) is left alone
	 * unless it was named, even when it could not be formatted.
	 */
	kind = fl_file_kind(f->project, f->config, &run->memo[worker], t,
	    o->run.flows_only, info.json, info.shape, src.text, src.len);
	if (kind == FL_FILE_NOT_JSON || (kind == FL_FILE_OTHER_JSON &&
	    (!t->explicit_path || o->run.flows_only))) {
		slot->outcome = FILE_SKIPPED;
	} else if (rc != 0) {
		refusal(&slot->err, &src, &info);
		slot->outcome = FILE_FAILED;
	} else if (fl_str_eq(fl_str_make(src.text, src.len),
	    fl_buf_str(&out))) {
		slot->outcome = FILE_UNCHANGED;
	} else if (o->diff) {
		fl_diff_unified(&slot->out, t->path, fl_str_make(src.text,
		    src.len), fl_buf_str(&out));
		slot->outcome = FILE_CHANGED;
	} else if (!o->check && fl_fs_replace_unchanged(t->fs_path,
	    &src.stamp, src.text, src.len, out.ptr, out.len) != 0) {
		fail(slot);
	} else {
		slot->outcome = FILE_CHANGED;
		if (!o->run.quiet)
			fl_buf_addf(&slot->out, "%s %s\n", o->check ?
			    "would reformat" : "reformatted", t->path);
	}
	fl_buf_release(&out);
	fl_arena_release(&arena);
	fl_source_release(&src);
}

/* Prints what formatting target `i` came to, and counts it. */
static void
deliver_file(void *arg, size_t i, void *slot_mem)
{
	struct format_run *run = arg;
	struct format_slot *slot = slot_mem;

	if (slot->out.len > 0)
		fwrite(slot->out.ptr, 1, slot->out.len, stdout);
	if (slot->err.len > 0)
		fwrite(slot->err.ptr, 1, slot->err.len, stderr);
	run->tot.changed += slot->outcome == FILE_CHANGED;
	run->tot.unchanged += slot->outcome == FILE_UNCHANGED;
	run->tot.failed += slot->outcome == FILE_FAILED;
	fl_buf_release(&slot->out);
	fl_buf_release(&slot->err);
}

static const char *
files(unsigned n)
{
	return n == 1 ? "file" : "files";
}

static void
print_summary(const struct format_opts *o, const struct format_totals *t)
{
	if (o->run.quiet || o->diff)
		return;
	if (o->check)
		printf("%u %s would be reformatted, %u already formatted",
		    t->changed, files(t->changed), t->unchanged);
	else
		printf("%u %s reformatted, %u unchanged", t->changed,
		    files(t->changed), t->unchanged);
	if (t->failed > 0)
		printf(", %u could not be formatted", t->failed);
	putchar('\n');
}

static int
cmd_format(int argc, char **argv)
{
	struct format_opts o = { 0 };
	struct fl_session_options so = { 0 };
	struct fl_session s;
	struct fl_operands ops;
	struct format_run run = { 0 };
	struct fl_ordered work = { 0 };
	unsigned k;
	int rc, err;

	rc = parse_opts(&o, argc, argv, &ops);
	if (rc >= 0)
		return rc;
	if (o.use_stdin)
		return format_stdin(&o);
	/* The files check would check: the same configuration, the same
	 * work-tree listing, the same decision of what is a flow. */
	so.args = &o.run;
	so.paths = ops.v;
	so.npaths = ops.n;
	if (fl_session_open(&s, &so) != 0) {
		fl_cmd_error(NULL);
		fl_session_release(&s);
		return FL_EXIT_ERROR;
	}
	err = fl_session_list(&s, &so);
	if (err != 0)
		fl_cmd_error(NULL);
	run.o = &o;
	run.s = &s;
	work.n = s.targets.n;
	work.slot_size = sizeof(struct format_slot);
	work.jobs = o.run.jobs;
	work.work = format_file;
	work.deliver = deliver_file;
	work.arg = &run;
	fl_ordered_run(&work);
	for (k = 0; k < FL_RUN_MAX_JOBS; k++)
		fl_path_memo_release(&run.memo[k]);
	print_summary(&o, &run.tot);
	fl_session_release(&s);
	if (fflush(stdout) != 0) {
		fl_cmd_error("cannot write to standard output: %s",
		    strerror(errno));
		return FL_EXIT_ERROR;
	}
	if (err != 0 || run.tot.failed > 0)
		return FL_EXIT_ERROR;
	/* --diff too: a shown change is one that is still to be made. */
	return (o.check || o.diff) && run.tot.changed > 0 ? FL_EXIT_FINDINGS :
	    FL_EXIT_OK;
}
