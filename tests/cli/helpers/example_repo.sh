# Sourced (after git.sh) by the tests that need the example monorepo
# (flows/) in git.
#
# example_repo DIR: a new repository DIR, made the current folder, with
# the example committed as "base", but for its console export (which has
# findings of its own).
example_repo() {
	new_repo "$1" &&
	cp -R "$FLOWLINT_SOURCE_DIR/flows/imports" \
	    "$FLOWLINT_SOURCE_DIR/flows/.flowlint.json" \
	    "$FLOWLINT_SOURCE_DIR/flows/aws" . &&
	rm imports/resources/flows/nw_billing_console_export.json &&
	git add -A && git commit -qm base
}

# drop_outages DIR deletes the example monorepo's (flows/) queue
# "outages" in the git work tree DIR -- its file and its entry in the
# saved AWS list -- and stages both.
# nw_main_inbound.json, left unchanged, uses the queue.
drop_outages() {
	git -C "$1" rm -q imports/resources/queues/outages.json &&
	printf '{"QueueSummaryList": [{"Id": "%s", "Arn": "%s", "Name": "billing", "QueueType": "STANDARD"}]}\n' \
	    9e15b6d2-7c48-4a3f-b0e9-1d62f84c7a35 \
	    arn:aws:connect:eu-west-2:111122223333:instance/6f3d2a91-4b7e-4c58-9e21-d84a7b0c35e6/queue/9e15b6d2-7c48-4a3f-b0e9-1d62f84c7a35 \
	    > "$1/aws/list-queues.json" && git -C "$1" add aws/list-queues.json
}

# rename DIR FILE LIST OLD NEW: re-Names the flow or module of FILE (a
# path in the git work tree DIR) from OLD to NEW, in FILE and in the saved
# AWS LIST, and stages both.  nw_main_inbound.json, left unchanged, uses
# nw_customer_queue and nw_auth_module.
rename() {
	sed "s/\"Name\": \"$4\"/\"Name\": \"$5\"/" "$1/$2" > "$1/renamed.tmp" &&
	mv "$1/renamed.tmp" "$1/$2" &&
	sed "s/\"$4\"/\"$5\"/" "$1/$3" > "$1/renamed.tmp" &&
	mv "$1/renamed.tmp" "$1/$3" && git -C "$1" add "$2" "$3"
}
rename_module() {
	rename "$1" imports/resources/flows/nw_auth_module.json \
	    aws/list-contact-flow-modules.json nw_auth_module nw_auth
}
