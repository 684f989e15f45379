/*
 * Saved AWS CLI list output (`aws connect list-queues ... > queues.json`)
 * read as-is: the ID <-> name <-> ARN map for resources flowlint cannot
 * see in the repository.  flowlint never calls AWS itself.
 */
#include "inventory/sources.h"

#include <string.h>

#include "json/file.h"
#include "repo/snapshot.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

/* One list command's output: its list key and the members of an entry. */
struct shape {
	const char *list;
	enum fl_res_kind kind;
	const char *name, *id, *arn;
	const char *command;	/* that writes it */
};

static const struct shape shapes[] = {
	{ "QueueSummaryList", FL_RES_QUEUE, "Name", "Id", "Arn",
	  "aws connect list-queues" },
	{ "ContactFlowSummaryList", FL_RES_FLOW, "Name", "Id", "Arn",
	  "aws connect list-contact-flows" },
	{ "ContactFlowModulesSummaryList", FL_RES_MODULE, "Name", "Id", "Arn",
	  "aws connect list-contact-flow-modules" },
	{ "PromptSummaryList", FL_RES_PROMPT, "Name", "Id", "Arn",
	  "aws connect list-prompts" },
	{ "HoursOfOperationSummaryList", FL_RES_HOURS, "Name", "Id", "Arn",
	  "aws connect list-hours-of-operations" },
	{ "QuickConnectSummaryList", FL_RES_QUICK_CONNECT, "Name", "Id", "Arn",
	  "aws connect list-quick-connects" },
	{ "RoutingProfileSummaryList", FL_RES_ROUTING_PROFILE, "Name", "Id",
	  "Arn", "aws connect list-routing-profiles" },
	{ "AgentStatusSummaryList", FL_RES_AGENT_STATUS, "Name", "Id", "Arn",
	  "aws connect list-agent-statuses" },
	{ "ViewsSummaryList", FL_RES_VIEW, "Name", "Id", "Arn",
	  "aws connect list-views" },
	{ "Functions", FL_RES_LAMBDA, "FunctionName", NULL, "FunctionArn",
	  "aws lambda list-functions" },
	{ "botSummaries", FL_RES_LEX_BOT, "botName", "botId", NULL,
	  "aws lexv2-models list-bots" },
	/* list-bot-aliases: names the bot by ID only, beside the list. */
	{ "botAliasSummaries", FL_RES_LEX_BOT, "botAliasName", "botAliasId",
	  NULL, "aws lexv2-models list-bot-aliases" },
	{ "assistantSummaries", FL_RES_ASSISTANT, "name", "assistantId",
	  "assistantArn", "aws qconnect list-assistants" },
};

#define NSHAPES (sizeof(shapes) / sizeof(shapes[0]))

void
fl_inventory_awscli_keys(struct fl_buf *out)
{
	size_t k;

	for (k = 0; k < NSHAPES; k++)
		fl_buf_addf(out, "%s%s", k ? ", " : "", shapes[k].list);
}

const char *
fl_inventory_awscli_command(enum fl_res_kind kind)
{
	size_t k;

	for (k = 0; k < NSHAPES; k++)
		if (shapes[k].kind == kind)
			return shapes[k].command;
	return NULL;
}

/* The string member `key` of `obj` in the file's arena, or NULL. */
static const char *
member(struct fl_json_file *f, uint32_t obj, const char *key)
{
	struct fl_str s;

	if (key == NULL)
		return NULL;
	s = fl_json_string(&f->doc, fl_json_get(&f->doc, obj, key));
	return s.ptr != NULL ? fl_arena_strndup(&f->arena, s.ptr, s.len) : NULL;
}

static int
read_list(struct fl_inventory *inv, struct fl_json_file *f,
    const struct shape *s, uint32_t list)
{
	const char *bot_id = NULL;
	uint32_t it, i = 0;

	if (!fl_json_is(&f->doc, list, FL_JSON_ARRAY))
		return fl_json_file_error(f, list, false, "\"%s\" is not an array",
		    s->list);
	if (strcmp(s->list, "botAliasSummaries") == 0) {
		bot_id = member(f, FL_JSON_ROOT, "botId");
		if (bot_id == NULL)
			return fl_json_file_error(f, FL_JSON_ROOT, false,
			    "list-bot-aliases output without its \"botId\"");
	}
	fl_inventory_note_source(inv, s->kind, f->src.path);
	fl_json_foreach(&f->doc, list, it) {
		const char *name = member(f, it, s->name);
		const char *id = member(f, it, s->id);
		const char *type = member(f, it, "QueueType");

		if (name == NULL || name[0] == '\0') {
			/* ListQueues gives agent queues without a name. */
			if (type != NULL && strcmp(type, "AGENT") == 0)
				continue;
			return fl_json_file_error(f, it, false, "%s[%u] has no "
			    "string \"%s\"", s->list, i, s->name);
		}
		if (bot_id != NULL && id != NULL)
			fl_inventory_add_bot_alias(inv, bot_id, id, name,
			    member(f, it, s->arn), f->src.path);
		else if (bot_id == NULL)
			fl_inventory_add(inv, s->kind, name, id,
			    member(f, it, s->arn), f->src.path);
		i++;
	}
	return 0;
}

int
fl_inventory_read_awscli(struct fl_inventory *inv,
    const struct fl_inventory_reader *rd, int kind, const char *path)
{
	struct fl_buf text = FL_BUF_INIT, shown = FL_BUF_INIT;
	struct fl_json_file f = { 0 };
	int err, lists = 0;
	size_t k;

	err = fl_snapshot_read(rd->snapshot, &text, &shown, path,
	    FL_FS_MAX_FILE);
	if (err == 0)
		err = fl_json_file_take(&f, shown.ptr, &text, NULL);
	fl_buf_release(&text);
	fl_buf_release(&shown);
	if (err != 0)
		goto done;
	if (!fl_json_is(&f.doc, FL_JSON_ROOT, FL_JSON_OBJECT)) {
		err = fl_json_file_error(&f, FL_JSON_ROOT, false, "not the saved "
		    "output of an AWS CLI list command (expected an object)");
		goto done;
	}
	for (k = 0; k < NSHAPES && err == 0; k++) {
		uint32_t list = fl_json_get(&f.doc, FL_JSON_ROOT, shapes[k].list);

		if (list == FL_JSON_NONE)
			continue;
		lists++;
		if (kind >= 0 && (int)shapes[k].kind != kind)
			err = fl_json_file_error(&f, list, true, "\"%s\" lists "
			    "%s resources, but the source is declared as kind "
			    "\"%s\"", shapes[k].list,
			    fl_res_kind_name(shapes[k].kind),
			    fl_res_kind_name((enum fl_res_kind)kind));
		else
			err = read_list(inv, &f, &shapes[k], list);
	}
	if (err == 0 && lists == 0) {
		struct fl_buf keys = FL_BUF_INIT;

		fl_inventory_awscli_keys(&keys);
		err = fl_json_file_error(&f, FL_JSON_ROOT, false, "not the saved "
		    "output of an AWS CLI list command: it has none of %s",
		    keys.ptr);
		fl_buf_release(&keys);
	}
done:
	fl_json_file_release(&f);
	return err;
}
