/*
 * JUnit XML for GitLab's test report widget.
 *
 *   <testsuites name="flowlint">
 *    <testsuite name="PATH" tests="3" failures="3">
 *     <testcase name="PATH" classname="PATH" file="PATH">
 *      <failure .../></testcase>                        the file itself
 *     <testcase name="[FL101 hardcoded-arn] PATH action ID /Parameters/QueueId:
 *                     MESSAGE" classname="PATH" file="PATH">
 *      <failure message="MESSAGE" type="FL101 hardcoded-arn">
 *       PATH:4:913: error [FL101 hardcoded-arn] MESSAGE ...</failure>
 *     </testcase> ...
 *
 * One suite per checked file, so that its counts are known when it is
 * written (the report is streamed).  The file's own case passes when the
 * file has no findings and fails when it has some: GitLab matches cases
 * of the base and head pipelines by name and lists a failing case that
 * now passes as fixed, so a file cleaned up in a merge request shows as
 * resolved.  Each finding is one more failing case whose name holds the
 * rule, file, action, pointer (as in fingerprint.h) and message, plus
 * " (N)" for the N-th identical one, because GitLab keeps only the first
 * of several cases with the same name.  Paths are repository-relative.
 */
#include "report/report.h"

#include <stdlib.h>

#include "diag/diag.h"
#include "rules/rule.h"
#include "diag/fingerprint.h"
#include "util/buf.h"
#include "util/source.h"
#include "util/utf8.h"
#include "util/xalloc.h"

struct junit_state {
	struct fl_buf b;	/* the suite being written */
	struct fl_buf tmp;	/* one name or text, before escaping */
};

/*
 * Appends `s` escaped for XML text or (with `attr`) a quoted attribute.
 * Characters XML 1.0 cannot hold at all (most C0 controls) and bytes
 * that are not UTF-8 become U+FFFD.
 */
static void
add_xml(struct fl_buf *b, struct fl_str s, bool attr)
{
	struct fl_buf valid = FL_BUF_INIT;
	size_t i;

	fl_utf8_add_valid(&valid, s);
	for (i = 0; i < valid.len; i++) {
		unsigned char c = (unsigned char)valid.ptr[i];

		switch (c) {
		case '&': fl_buf_adds(b, "&amp;"); break;
		case '<': fl_buf_adds(b, "&lt;"); break;
		case '>': fl_buf_adds(b, "&gt;"); break;
		case '"': fl_buf_adds(b, attr ? "&quot;" : "\""); break;
		case '\n': fl_buf_adds(b, attr ? "&#10;" : "\n"); break;
		case '\t': fl_buf_adds(b, attr ? "&#9;" : "\t"); break;
		case '\r': fl_buf_adds(b, "&#13;"); break;
		default:
			if (c < 0x20)
				fl_buf_adds(b, "\xef\xbf\xbd");
			else
				fl_buf_addch(b, (char)c);
		}
	}
	fl_buf_release(&valid);
}

static void
junit_begin(struct fl_report *r)
{
	struct junit_state *st = fl_xcalloc(1, sizeof(*st));

	fl_buf_init(&st->b);
	fl_buf_init(&st->tmp);
	r->state = st;
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<testsuites name=\"flowlint\">\n", r->out);
}

/* Opens a <testcase> of file `path` named by st->tmp. */
static void
open_case(struct junit_state *st, struct fl_str path)
{
	struct fl_buf *b = &st->b;

	fl_buf_adds(b, "  <testcase name=\"");
	add_xml(b, fl_buf_str(&st->tmp), true);
	fl_buf_adds(b, "\" classname=\"");
	add_xml(b, path, true);
	fl_buf_adds(b, "\" file=\"");
	add_xml(b, path, true);
	fl_buf_adds(b, "\" time=\"0\">");
}

/* The finding's case: its name goes to st->tmp, then the case to st->b. */
static void
add_finding(struct junit_state *st, const struct fl_report_file *res, uint32_t i)
{
	const struct fl_diag *d = &res->diags->v[i];
	const struct fl_fingerprint *fp = d->fingerprint;
	struct fl_str path = fl_str_cstr(res->relpath);
	struct fl_str ptr = fl_fingerprint_pointer(d);
	struct fl_buf *b = &st->b, *t = &st->tmp;

	fl_buf_reset(t);
	fl_buf_addf(t, "[%s %s] %s", d->rule->code, d->rule->name,
	    res->relpath);
	if (d->action.len > 0)
		fl_buf_addf(t, " action %.*s", FL_STR_ARGS(d->action));
	if (ptr.len > 0)
		fl_buf_addf(t, " %.*s", FL_STR_ARGS(ptr));
	fl_buf_addf(t, ": %s", d->message);
	if (fp->occurrence > 0)
		fl_buf_addf(t, " (%u)", (unsigned)fp->occurrence + 1);
	open_case(st, path);
	fl_buf_adds(b, "\n   <failure message=\"");
	add_xml(b, fl_str_cstr(d->message), true);
	fl_buf_addf(b, "\" type=\"%s %s\">", d->rule->code, d->rule->name);
	fl_buf_reset(t);
	fl_buf_addf(t, "%s:%u:%u: %s [%s %s] %s\nflow: %.*s\n", res->relpath,
	    d->line, d->col, fl_severity_name(d->severity), d->rule->code,
	    d->rule->name, d->message, FL_STR_ARGS(res->flow));
	if (d->action.len > 0)
		fl_buf_addf(t, "action: %.*s\n", FL_STR_ARGS(d->action));
	if (d->pointer != NULL)
		fl_buf_addf(t, "pointer: %s\n", d->pointer);
	fl_buf_addf(t, "fingerprint: %s", fp->hex);
	add_xml(b, fl_buf_str(t), false);
	fl_buf_adds(b, "</failure>\n  </testcase>\n");
}

static void
junit_file(struct fl_report *r, const struct fl_report_file *res)
{
	struct junit_state *st = r->state;
	struct fl_buf *b = &st->b;
	struct fl_str path;
	unsigned e, w, n;
	uint32_t i;

	path = fl_str_cstr(res->relpath);
	fl_buf_reset(b);
	fl_buf_adds(b, " <testsuite name=\"");
	add_xml(b, path, true);
	fl_buf_addf(b, "\" tests=\"%u\" failures=\"%u\" errors=\"0\" "
	    "skipped=\"0\" time=\"0\">\n", res->diags->n + 1,
	    res->diags->n + (res->diags->n > 0));
	fl_buf_reset(&st->tmp);
	fl_buf_addstr(&st->tmp, path);
	open_case(st, path);
	if (res->diags->n > 0) {
		fl_diag_count(res->diags, &e, &w, &n);
		fl_buf_reset(&st->tmp);
		fl_buf_addf(&st->tmp, "%u %s: %u %s, %u %s, %u info",
		    res->diags->n, res->diags->n == 1 ? "finding" : "findings",
		    e, e == 1 ? "error" : "errors", w,
		    w == 1 ? "warning" : "warnings", n);
		fl_buf_adds(b, "\n   <failure message=\"");
		add_xml(b, fl_buf_str(&st->tmp), true);
		fl_buf_adds(b, "\" type=\"flowlint\">");
		add_xml(b, fl_buf_str(&st->tmp), false);
		fl_buf_adds(b, "</failure>\n  ");
	}
	fl_buf_adds(b, "</testcase>\n");
	for (i = 0; i < res->diags->n; i++) {
		add_finding(st, res, i);
		r->emitted++;
	}
	fl_buf_adds(b, " </testsuite>\n");
	fwrite(b->ptr, 1, b->len, r->out);
}

static void
junit_end(struct fl_report *r, const struct fl_report_totals *t)
{
	struct junit_state *st = r->state;

	fputs("</testsuites>\n", r->out);
	fl_buf_release(&st->b);
	fl_buf_release(&st->tmp);
	free(st);
	r->state = NULL;
}

const struct fl_report_format fl_report_junit = {
	.name = "junit",
	.fingerprints = true,
	.begin = junit_begin,
	.file = junit_file,
	.end = junit_end,
};
