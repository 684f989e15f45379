/*
 * Preparing a run from the project, its configuration, the
 * inventory and the baseline (setup.h), and describing the result for
 * --show-config and --verbose.
 */
#include "run/setup.h"

#include <stdlib.h>
#include <string.h>

#include "inventory/build.h"
#include "repo/snapshot.h"
#include "util/buf.h"
#include "util/xalloc.h"

/* Builds *out from `snapshot`'s state, with the cache when `cache`. */
static int
read_inventory(struct fl_setup *s, struct fl_inventory **out,
    const struct fl_snapshot *snapshot, bool cache, unsigned jobs)
{
	struct fl_inventory_build b = { 0 };
	int err;

	b.snapshot = snapshot;
	b.cache = cache;
	b.jobs = jobs;
	b.display = fl_project_display;
	err = fl_inventory_build(out, &s->config.inventory,
	    s->project.layout_root, &b);
	s->inventory_files = b.files;
	s->inventory_cached = b.cached;
	return err;
}

/* Builds s->inventory as fl_setup_load() says. */
static int
load_inventory(struct fl_setup *s, const struct fl_setup_options *o)
{
	s->snapshot = o->snapshot != NULL ? o->snapshot : &fl_snapshot_disk;
	s->jobs = o->jobs;
	return read_inventory(s, &s->inventory, s->snapshot, o->cache,
	    o->jobs);
}

int
fl_setup_inventory_at(struct fl_setup *s, const struct fl_snapshot *snapshot,
    struct fl_inventory **out)
{
	size_t files = s->inventory_files, cached = s->inventory_cached;
	/* Not through the cache: one run keeps the entries of one state. */
	int err = read_inventory(s, out, snapshot, false, s->jobs);

	/* The counts --verbose shows are those of the checked state. */
	s->inventory_files = files;
	s->inventory_cached = cached;
	return err;
}

int
fl_setup_load(struct fl_setup *s, const struct fl_setup_options *o)
{
	int err;

	memset(s, 0, sizeof(*s));
	fl_config_init(&s->config);
	err = fl_project_discover(&s->project, o->operand, o->config);
	if (err == 0 && s->project.config != NULL)
		err = fl_config_load(&s->config, s->project.config);
	if (err == 0 && !o->no_inventory)
		err = load_inventory(s, o);
	if (err == 0 && o->baseline != NULL) {
		s->baseline_path = fl_xstrdup(o->baseline);
		s->recording = o->record;
		if (!o->record)
			err = fl_baseline_load(&s->baseline, o->baseline);
	}
	s->filter.config = &s->config;
	s->filter.project = &s->project;
	if (s->baseline_path != NULL && !s->recording)
		s->filter.baseline = &s->baseline;
	if (s->recording)
		s->filter.record = &s->record;
	return err;
}

void
fl_setup_release(struct fl_setup *s)
{
	fl_project_release(&s->project);
	fl_config_release(&s->config);
	fl_inventory_free(s->inventory);
	fl_baseline_release(&s->baseline);
	fl_baseline_release(&s->record);
	fl_path_memo_release(&s->filter.memo);
	free(s->baseline_path);
	memset(s, 0, sizeof(*s));
}

int
fl_setup_write_baseline(struct fl_setup *s)
{
	int err = fl_baseline_write(&s->record, s->baseline_path);

	s->written = err == 0;
	return err;
}

/* Appends `path` (absolute or NULL) as a JSON string shown relative to
 * the current directory, or null. */
static void
add_path(struct fl_buf *out, const char *path)
{
	char *shown;

	if (path == NULL) {
		fl_buf_adds(out, "null");
		return;
	}
	shown = fl_project_display(path);
	fl_buf_add_json_string(out, fl_str_cstr(shown));
	free(shown);
}

static void
add_strings(struct fl_buf *out, char *const *v, size_t n)
{
	size_t i;

	fl_buf_addch(out, '[');
	for (i = 0; i < n; i++) {
		if (i)
			fl_buf_adds(out, ", ");
		fl_buf_add_json_string(out, fl_str_cstr(v[i]));
	}
	fl_buf_addch(out, ']');
}

static void
add_rules(struct fl_buf *out, const bool *rules)
{
	unsigned i, n = 0;

	fl_buf_addch(out, '[');
	for (i = 0; i < fl_rule_count; i++)
		if (rules[i])
			fl_buf_addf(out, "%s\"%s\"", n++ ? ", " : "",
			    fl_rules[i]->code);
	fl_buf_addch(out, ']');
}

static void
describe_inventory(struct fl_buf *out, const struct fl_setup *s)
{
	const enum fl_res_kind *rk;
	size_t i, n;
	int k;

	fl_buf_adds(out, "  \"inventory\": {\n    \"layout\": ");
	add_path(out, fl_inventory_spec_layout(&s->config.inventory,
	    s->project.layout_root));
	fl_buf_adds(out, ",\n    \"replacer-kinds\": [");
	rk = fl_inventory_replacer_kinds(s->inventory, &n);
	for (i = 0; i < n; i++)
		fl_buf_addf(out, "%s\"%s\"", i ? ", " : "",
		    fl_res_kind_name(rk[i]));
	fl_buf_adds(out, "],\n    \"kinds\": {");
	for (k = 0; k < FL_RES_KIND_COUNT; k++) {
		const char *const *src;
		size_t nsrc;

		fl_buf_addf(out, "%s\n      \"%s\": ", k ? "," : "",
		    fl_res_kind_name((enum fl_res_kind)k));
		if (!fl_inventory_has_kind(s->inventory, (enum fl_res_kind)k)) {
			fl_buf_adds(out, "null");
			continue;
		}
		src = fl_inventory_sources(s->inventory, (enum fl_res_kind)k,
		    &nsrc);
		fl_buf_addf(out, "{\"resources\": %zu, \"sources\": ",
		    fl_inventory_count(s->inventory, (enum fl_res_kind)k));
		add_strings(out, (char *const *)src, nsrc);
		fl_buf_addch(out, '}');
	}
	fl_buf_adds(out, "\n    }\n  },\n");
}

/* "environments" as configured, with instances as IDs. */
static void
describe_environments(struct fl_buf *out, const struct fl_config *c)
{
	size_t i;

	fl_buf_adds(out, "  \"environments\": {");
	for (i = 0; i < c->nenvironments; i++) {
		const struct fl_environment *e = &c->environments[i];

		fl_buf_adds(out, i ? ",\n    " : "\n    ");
		fl_buf_add_json_string(out, fl_str_cstr(e->name));
		fl_buf_adds(out, ": {\"accounts\": ");
		add_strings(out, e->accounts, e->naccounts);
		fl_buf_adds(out, ", \"instances\": ");
		add_strings(out, e->instances, e->ninstances);
		fl_buf_adds(out, ", \"regions\": ");
		add_strings(out, e->regions, e->nregions);
		fl_buf_adds(out, ", \"paths\": ");
		add_strings(out, e->paths, e->npaths);
		fl_buf_addch(out, '}');
	}
	fl_buf_adds(out, c->nenvironments ? "\n  },\n" : "},\n");
	/* Without "stages", the patterns' lambda_stage says them. */
	fl_buf_adds(out, "  \"stages\": ");
	if (c->stages != NULL)
		add_strings(out, c->stages, c->nstages);
	else
		fl_buf_adds(out, "\"patterns\"");
	fl_buf_adds(out, ",\n  \"exporter-named\": ");
	add_strings(out, c->exporter_named, c->nexporter_named);
	fl_buf_adds(out, ",\n");
}

static void
describe_suppressions(struct fl_buf *out, const struct fl_config *c)
{
	size_t i;

	fl_buf_adds(out, "  \"suppressions\": [");
	for (i = 0; i < c->nsupp; i++) {
		const struct fl_suppression *sp = &c->supp[i];
		char *shown = fl_project_display(sp->file);

		fl_buf_addf(out, "%s\n    {\"rule\": \"%s\", \"path\": ",
		    i ? "," : "", sp->rule->code);
		fl_buf_add_json_string(out, fl_str_cstr(sp->path));
		fl_buf_adds(out, ", \"flow\": ");
		if (sp->flow != NULL)
			fl_buf_add_json_string(out, fl_str_cstr(sp->flow));
		else
			fl_buf_adds(out, "null");
		fl_buf_adds(out, ", \"action\": ");
		if (sp->action != NULL)
			fl_buf_add_json_string(out, fl_str_cstr(sp->action));
		else
			fl_buf_adds(out, "null");
		fl_buf_adds(out, ", \"reason\": ");
		fl_buf_add_json_string(out, fl_str_cstr(sp->reason));
		fl_buf_addf(out, ", \"at\": \"%s:%u:%u\"}", shown, sp->line,
		    sp->col);
		free(shown);
	}
	fl_buf_adds(out, c->nsupp ? "\n  ],\n" : "],\n");
}

void
fl_setup_describe(struct fl_buf *out, const struct fl_setup *s,
    const bool *enabled, const enum fl_severity *severity)
{
	const struct fl_config *c = &s->config;
	size_t i;

	fl_buf_adds(out, "{\n  \"config\": ");
	add_path(out, s->project.config);
	fl_buf_adds(out, ",\n  \"root\": ");
	add_path(out, s->project.root);
	fl_buf_adds(out, ",\n  \"repository\": ");
	add_path(out, s->project.repo_root);
	fl_buf_adds(out, ",\n  \"rules\": {");
	for (i = 0; i < fl_rule_count; i++)
		fl_buf_addf(out, "%s\"%s\": \"%s\"", i ? ", " : "",
		    fl_rules[i]->code, enabled[i] ?
		    fl_severity_name(severity[i]) : "off");
	fl_buf_adds(out, "},\n  \"include\": ");
	add_strings(out, c->include, c->ninclude);
	fl_buf_adds(out, ",\n  \"exclude\": ");
	add_strings(out, c->exclude, c->nexclude);
	fl_buf_adds(out, ",\n  \"per-file-ignores\": {");
	for (i = 0; i < c->nignores; i++) {
		fl_buf_adds(out, i ? ", " : "");
		fl_buf_add_json_string(out, fl_str_cstr(c->ignores[i].glob));
		fl_buf_adds(out, ": ");
		add_rules(out, c->ignores[i].rules);
	}
	fl_buf_adds(out, "},\n");
	describe_environments(out, c);
	describe_inventory(out, s);
	fl_buf_adds(out, "  \"patterns\": ");
	if (c->patterns != NULL)
		add_path(out, c->patterns);
	else
		fl_buf_adds(out, "\"built-in\"");
	fl_buf_adds(out, ",\n");
	describe_suppressions(out, c);
	fl_buf_adds(out, "  \"baseline\": ");
	if (s->baseline_path != NULL)
		fl_buf_add_json_string(out, fl_str_cstr(s->baseline_path));
	else
		fl_buf_adds(out, "null");
	fl_buf_adds(out, "\n}\n");
}

void
fl_setup_notes(struct fl_buf *out, const struct fl_setup *s)
{
	const char *layout = fl_inventory_spec_layout(&s->config.inventory,
	    s->project.layout_root);
	enum fl_res_kind k;
	char *shown;

	if (s->project.config != NULL) {
		shown = fl_project_display(s->project.config);
		fl_buf_addf(out, "configuration: %s\n", shown);
		free(shown);
	} else {
		fl_buf_adds(out, "configuration: none found (no "
		    FL_CONFIG_FILE " up to the repository root), using "
		    "the defaults\n");
	}
	if (!s->config.inventory.layout) {
		fl_buf_adds(out, "inventory: the reference layout is turned off "
		    "(inventory.layout)\n");
	} else if (layout != NULL) {
		shown = fl_project_display(layout);
		if (strcmp(shown, ".") == 0)
			fl_buf_adds(out, "inventory: reference layout in "
			    "imports/resources\n");
		else
			fl_buf_addf(out, "inventory: reference layout in "
			    "%s/imports/resources\n", shown);
		free(shown);
	} else {
		fl_buf_adds(out, "inventory: no imports/resources folder found "
		    "up to the repository root\n");
	}
	if (s->snapshot != NULL && s->snapshot->state != FL_SNAPSHOT_DISK) {
		fl_buf_adds(out, "inventory: read ");
		fl_snapshot_describe(out, s->snapshot);
		fl_buf_addf(out, ": %zu resource files, %zu of them from the "
		    "cache\n", s->inventory_files, s->inventory_cached);
	}
	for (k = 0; k < FL_RES_KIND_COUNT; k++) {
		if (!fl_res_kind_checked(k) ||
		    fl_inventory_has_kind(s->inventory, k))
			continue;
		fl_buf_addf(out, "inventory: no source of kind \"%s\": %s "
		    "references are not checked (add a source under "
		    "inventory.sources in " FL_CONFIG_FILE ")\n",
		    fl_res_kind_name(k), fl_res_kind_label(k));
	}
}

void
fl_setup_summary(struct fl_buf *out, const struct fl_setup *s)
{
	const struct fl_filter *f = &s->filter;

	if (f->ignored > 0)
		fl_buf_addf(out, "%u %s dropped by per-file-ignores\n",
		    f->ignored, f->ignored == 1 ? "finding" : "findings");
	if (f->suppressed > 0)
		fl_buf_addf(out, "%u %s suppressed\n", f->suppressed,
		    f->suppressed == 1 ? "finding" : "findings");
	if (s->written)
		fl_buf_addf(out, "recorded %u %s in %s\n", f->baselined,
		    f->baselined == 1 ? "finding" : "findings", s->baseline_path);
	if (f->baseline != NULL) {
		unsigned gone = fl_baseline_unmatched(f->baseline);

		if (f->baselined > 0)
			fl_buf_addf(out, "%u %s in the baseline not shown\n",
			    f->baselined, f->baselined == 1 ? "finding" :
			    "findings");
		if (gone > 0)
			fl_buf_addf(out, "%u baseline %s no longer found; "
			    "rewrite it with --write-baseline to drop %s\n",
			    gone, gone == 1 ? "entry is" : "entries are",
			    gone == 1 ? "it" : "them");
	}
}
