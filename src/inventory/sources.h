/*
 * Filling the inventory (inventory.h) from its sources:
 *
 *   layout   the reference monorepo's folders under <root>/imports/resources
 *   folder   one folder of exported resource files, each with a "Name"
 *   names    a plain list of names (one a line, optional ID and ARN
 *            after tabs), or names given inline in the configuration
 *   awscli   the saved JSON output of an AWS CLI list command
 *
 * Every reader marks the kinds it is a source for, even when it finds
 * nothing, so that an empty but configured source still means "checked".
 * Files are read through a snapshot (repo/snapshot.h): on disk, or the
 * staged or committed state the checked files come from.
 */
#ifndef FL_INVENTORY_SOURCES_H
#define FL_INVENTORY_SOURCES_H

#include <stddef.h>

#include "inventory/inventory.h"

struct fl_buf;
struct fl_inventory_cache;
struct fl_snapshot;

/* Where and how sources are read, and what reading them cost. */
struct fl_inventory_reader {
	const struct fl_snapshot *snapshot;	/* borrowed */
	struct fl_inventory_cache *cache;	/* borrowed; NULL: none */
	unsigned jobs;		/* threads to read with; 0: one per core */
	size_t files;		/* resource files taken from folders */
};

/*
 * Reads the reference layout below `root` (the folder that holds
 * imports/resources): flows and modules by wrapper Name from flows/
 * (recursively; a module is a wrapped file without Type), queues/,
 * hoop/, quick-connects/, routing-profiles/, views/ and agent-statuses/
 * by Name, and Lex V2 bots from bots/<bot>/…/Bot.json with their aliases
 * from aliases.json.  A folder that exists is a source even when empty;
 * files that are not JSON or have no Name are skipped (checking them is
 * the rules' business).  Returns the number of folders found.
 */
int fl_inventory_read_layout(struct fl_inventory *inv,
    struct fl_inventory_reader *rd, const char *root);

/*
 * Reads every *.json below `dir` as a resource of `kind` named by its
 * "Name" (for FL_RES_FLOW, flows and modules as in the layout).  Returns
 * 0, FL_ENOTFOUND when there is no folder `dir`, or FL_EIO when it cannot
 * be opened.
 */
int fl_inventory_read_folder(struct fl_inventory *inv,
    struct fl_inventory_reader *rd, enum fl_res_kind kind, const char *dir);

/*
 * Reads a name list: one resource a line as "name", "name<TAB>id" or
 * "name<TAB>id<TAB>arn"; blank lines and lines starting with '#' are
 * skipped, spaces and a CR around the fields are trimmed.  `label` names
 * the source.  Never fails.
 */
void fl_inventory_read_names(struct fl_inventory *inv, enum fl_res_kind kind,
    const char *text, size_t len, const char *label);

/*
 * Reads the saved output of one of
 *
 *   aws connect list-queues             QueueSummaryList
 *   aws connect list-contact-flows      ContactFlowSummaryList
 *   aws connect list-contact-flow-modules  ContactFlowModulesSummaryList
 *   aws connect list-prompts            PromptSummaryList
 *   aws connect list-hours-of-operations  HoursOfOperationSummaryList
 *   aws connect list-quick-connects     QuickConnectSummaryList
 *   aws connect list-routing-profiles   RoutingProfileSummaryList
 *   aws connect list-agent-statuses     AgentStatusSummaryList
 *   aws connect list-views              ViewsSummaryList
 *   aws lambda list-functions           Functions
 *   aws lexv2-models list-bots          botSummaries
 *   aws lexv2-models list-bot-aliases   botAliasSummaries (+ botId)
 *   aws qconnect list-assistants        assistantSummaries
 *
 * recognised by its list key.  `kind` is the kind the configuration
 * expects, or -1 for any.  Returns 0, or FL_EIO / FL_ENOTFOUND /
 * FL_ECONFIG with "<path>:<line>:<col>: <reason>": unreadable, not JSON,
 * no known list key, a list of another kind than expected, an entry
 * without its name.
 */
int fl_inventory_read_awscli(struct fl_inventory *inv,
    const struct fl_inventory_reader *rd, int kind, const char *path);

/* The AWS CLI command whose saved output lists `kind`, or NULL. */
const char *fl_inventory_awscli_command(enum fl_res_kind kind);

/* Appends the list keys above, comma-separated, for messages. */
void fl_inventory_awscli_keys(struct fl_buf *out);

#endif
