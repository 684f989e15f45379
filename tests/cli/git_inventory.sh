#!/bin/sh
# The inventory under --staged and --changed-since is read from the same
# state as the checked files: the index, or HEAD's tree -- never the
# work tree -- and a warm run takes it from the cache in .git/flowlint
# instead of reading the resource files again.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/helpers/git.sh"

# wrapped_flow FILE NAME QUEUE [DESCRIPTION]: an exported flow that sets
# the working queue by the placeholder ${Q:QUEUE:Q} (FL304 when no queue
# has the name).
wrapped_flow() {
	q='arn:aws:connect:${REGION}:${ACCT_ID}:instance/${INSTANCE_ID}/queue/${Q:'$3':Q}'
	printf '{\n  "Name": "%s",\n  "Type": "CONTACT_FLOW",\n  "Description": "%s",\n  "Content": "{\\"Version\\":\\"2019-10-30\\",\\"StartAction\\":\\"set\\",\\"Actions\\":[{\\"Identifier\\":\\"set\\",\\"Type\\":\\"UpdateContactTargetQueue\\",\\"Parameters\\":{\\"QueueId\\":\\"%s\\"},\\"Transitions\\":{\\"NextAction\\":\\"end\\",\\"Errors\\":[{\\"NextAction\\":\\"end\\",\\"ErrorType\\":\\"NoMatchingError\\"}]}},{\\"Identifier\\":\\"end\\",\\"Type\\":\\"DisconnectParticipant\\",\\"Parameters\\":{},\\"Transitions\\":{}}]}"\n}\n' \
		"$2" "${4:-}" "$q" > "$1"
}
queue() { # queue NAME: the queue's file in the layout
	printf '{"Name": "%s"}\n' "$1" > "imports/resources/queues/$1.json"
}
touch_flow() { # touch_flow: a change to main.json, staged
	wrapped_flow imports/resources/flows/main.json main support "v$1"
	git add imports/resources/flows/main.json
}
MISSING='FL304 dangling-placeholder\].*no queue is named "support" in the inventory \(imports/resources/queues\)'

new_repo layout
mkdir -p imports/resources/flows imports/resources/queues
wrapped_flow imports/resources/flows/main.json main support
queue support
queue sales
git add . && git commit -qm init
expect_run committed-resolves 0 'No problems found in 1 file' -- check imports

# The queue's deletion is staged; the file is still on disk.
git rm -q --cached imports/resources/queues/support.json
touch_flow 1
expect_run staged-deletion-seen 1 "$MISSING" -- check --staged
expect_run worktree-still-has-it 0 'No problems found' -- check imports/resources/flows/main.json

# On disk only, untracked: not part of the commit, so still missing.
expect_run untracked-not-seen 1 "$MISSING" -- check --staged
git add imports/resources/queues/support.json
expect_run staged-again 0 'No problems found in 1 file' -- check --staged

# Staged, then deleted from the work tree: the commit has it.
rm imports/resources/queues/support.json
touch_flow 2
expect_run staged-not-on-disk 0 'No problems found in 1 file' -- check --staged
expect_run worktree-misses-it 1 "$MISSING" -- check imports/resources/flows/main.json
git checkout -q -- imports/resources/queues/support.json

# Renamed in the index only: the staged Name counts.
printf '{"Name": "support-tier2"}\n' > imports/resources/queues/support.json
git add imports/resources/queues/support.json
queue support
expect_run staged-rename-seen 1 "$MISSING" -- check --staged
git checkout -q HEAD -- imports/resources/queues/support.json
touch_flow 3
git commit -qm flow3 --no-verify

# --changed-since: HEAD's tree, unless the work tree is asked for.
git checkout -q -b feature
touch_flow 4 && git commit -qm flow4 --no-verify
rm imports/resources/queues/support.json
expect_run since-reads-head 0 'No problems found in 1 file' -- check --changed-since main
expect_run since-uncommitted-reads-disk 1 "$MISSING" -- check --changed-since main --include-uncommitted
git checkout -q -- imports/resources/queues/support.json

# The cache: filled by a cold run, used by the next, bypassed on request,
# and rebuilt when damaged or written by another version.
touch_flow 5
rm -rf .git/flowlint
expect_run cache-cold 0 'inventory: read as staged in the index: 3 resource files, 0 of them from the cache' -- check --staged -v
[ -f .git/flowlint/inventory-cache ] && ok || fail "cache written"
expect_run cache-warm 0 'inventory: read as staged in the index: 3 resource files, 3 of them from the cache' -- check --staged -v
expect_run cache-bypassed 0 '3 resource files, 0 of them from the cache' -- check --staged -v --no-cache
git status --porcelain --ignored | grep -v "\.flowlint\.json$" | grep -q flowlint && fail "cache shows in git status" || ok
printf 'flowlint inventory cache 1 0.0.0-other\nnonsense\n' > .git/flowlint/inventory-cache
expect_run cache-foreign 0 '3 resource files, 0 of them from the cache' -- check --staged -v
expect_run cache-rewritten 0 '3 resource files, 3 of them from the cache' -- check --staged -v
head -c 200 .git/flowlint/inventory-cache > cut && mv cut .git/flowlint/inventory-cache
expect_run cache-damaged 0 '3 resource files, 0 of them from the cache' -- check --staged -v
# A changed file is a new blob: the cache cannot answer for it.
git rm -q --cached imports/resources/queues/support.json
printf '{"Name": "support", "Description": "again"}\n' > imports/resources/queues/support-again.json
git add imports/resources/queues/support-again.json
expect_run cache-new-blob-same-name 0 '3 resource files, 2 of them from the cache' -- check --staged -v
printf '{"Name": "elsewhere"}\n' > imports/resources/queues/support-again.json
git add imports/resources/queues/support-again.json
expect_run cache-changed-content 1 "$MISSING" -- check --staged
# A read-only git folder: no cache, the same answer.
chmod a-w .git/flowlint
expect_run cache-unwritable 1 "$MISSING" -- check --staged
chmod u+w .git/flowlint

finish
