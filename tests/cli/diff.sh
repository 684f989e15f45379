#!/bin/sh
# flowlint diff: one transition rewired and one block added are reported
# as exactly those two changes in text, Markdown and JSON, on a fixture of
# our own and on the reference monorepo's acme_main (when ../shared is
# there); exit codes as diff(1); layout-only moves on one line; findings
# introduced; bad input refused with a message; --git between revisions
# and against the work tree of a real repository; resource references
# named from the project's inventory; --graph within GitLab's caps.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/helpers/chain_flow.sh"

mkdir old new
chain_flow old/chain.json 4
# b2's NextAction b3 is rewired through the new block.
sed -e 's/\\"Identifier\\":\\"b2\\",\(.*\)\\"NextAction\\":\\"b3\\",\\"Errors\\"/\\"Identifier\\":\\"b2\\",\1\\"NextAction\\":\\"inserted\\",\\"Errors\\"/' \
    -e 's/\\"Actions\\":\[/&{\\"Identifier\\":\\"inserted\\",\\"Type\\":\\"MessageParticipant\\",\\"Parameters\\":{\\"Text\\":\\"Please hold\\"},\\"Transitions\\":{\\"NextAction\\":\\"b3\\"}},/' \
    old/chain.json > new/chain.json
cmp -s old/chain.json new/chain.json && fail "the fixture edit changed nothing"

cat > want.txt <<'OUT'
--- old/chain.json
+++ new/chain.json
b2 (MessageParticipant): transition next: b3 -> inserted
block added: inserted (MessageParticipant): Please hold
OUT
"$FLOWLINT" diff old/chain.json new/chain.json > got.txt; rc=$?
[ $rc = 1 ] && ok || fail "text: exit $rc, want 1"
expect_same text want.txt got.txt

cat > want.md <<'OUT'
#### `old/chain.json` → `new/chain.json`

- `b2` (MessageParticipant): transition `next`: `b3` → `inserted`
- block added: `inserted` (MessageParticipant): `Please hold`
OUT
"$FLOWLINT" diff --format markdown old/chain.json new/chain.json > got.md
expect_same markdown want.md got.md

printf '%s\n' '{"old":"old/chain.json","new":"new/chain.json","same":false,"changes":[{"kind":"transition-changed","block":"b2","type":"MessageParticipant","transition":"next","old":"b3","new":"inserted"},{"kind":"block-added","block":"inserted","type":"MessageParticipant","new":"Please hold"}],"layout":{"moved":0,"entry_point_moved":false}}' > want.json
"$FLOWLINT" diff --format json old/chain.json new/chain.json > got.json
expect_same json want.json got.json

# Same flow: exit 0.  A designer move only: one layout line, exit 1.
expect_run same 0 '^no change$' -- diff old/chain.json old/chain.json
mkdir moved && chain_flow moved/chain.json 4 'Prompt 7' 333
expect_run layout-only 1 '^layout only: 1 block moved$' -- diff old/chain.json moved/chain.json
out=$("$FLOWLINT" diff old/chain.json moved/chain.json | wc -l)
[ "$out" = 3 ] && ok || fail "a move is one line after the header ($out lines)"
# A parameter changed; a removed block and the finding it brings.
mkdir text old8 removed
chain_flow text/chain.json 8 'Hello'
chain_flow old8/chain.json 8
expect_run parameter 1 '^b7 \(MessageParticipant\): Parameters\.Text: "Prompt 7" -> "Hello"$' -- diff old8/chain.json text/chain.json
sed 's/{\\"Identifier\\":\\"b3\\",[^}]*}[^}]*}]}},//' old8/chain.json > removed/chain.json
"$FLOWLINT" diff removed/chain.json old8/chain.json > out.txt
grep -qx 'block added: b3 (MessageParticipant): Prompt 3' out.txt &&
	grep -q '^finding resolved: FL301 dangling-transition at b2 /Transitions/NextAction: ' out.txt && ok || { fail "block removed and its finding"; cat out.txt; }

# Bad input: a clear message and exit 2, never a diff.
printf '{"a": ' > broken.json
printf '{"a": 1}' > other.json
expect_run invalid-json 2 '^flowlint: error: broken\.json:1:7: ' -- diff broken.json old/chain.json
expect_run not-a-flow 2 '^flowlint: error: other\.json:1:1: not an Amazon Connect contact flow' -- diff old/chain.json other.json
expect_run missing 2 'nope\.json' -- diff nope.json old/chain.json
expect_run one-file 2 'expected OLD and NEW' -- diff old/chain.json
expect_run bad-format 2 "--format takes text, markdown or json, not 'x'" -- diff --format x old/chain.json new/chain.json

# --git, in a real repository.
. "$here/helpers/git.sh"
new_repo r
mkdir flows
cp ../old/chain.json flows/chain.json
printf '{"not": "a flow"}\n' > flows/other.json
git add . && git commit -qm one
cp ../new/chain.json flows/chain.json
printf '{"still": "not a flow"}\n' > flows/other.json
expect_run git-worktree 1 '^b2 \(MessageParticipant\): transition next: b3 -> inserted$' -- diff --git HEAD
git commit -qam two
expect_run git-range 1 '^--- HEAD~1:flows/chain\.json$' -- diff --git HEAD~1..HEAD
expect_run git-same 0 '^$' -- diff --git HEAD
expect_run git-unknown 2 "unknown revision 'nope'" -- diff --git nope
cd "$work"

# --git names each side's resources from that revision's inventory, not
# the work tree's: the console export's queue is switched from billing
# to outages while both queues are renamed (committed, then renamed
# again in the work tree only).
new_repo renamed
cp -R "$FLOWLINT_SOURCE_DIR/flows/." .
git add . && git commit -qm one
q=imports/resources/flows/nw_billing_console_export.json
billing=9e15b6d2-7c48-4a3f-b0e9-1d62f84c7a35
outages=0b4c8e2a-6d1f-4a97-b3e5-8f20c1d7a964
rename() { # rename SUFFIX: both queues get SUFFIX in the AWS list
	sed -i -e "s/\"Name\": \"billing[^\"]*\"/\"Name\": \"billing$1\"/" \
	    -e "s/\"Name\": \"outages[^\"]*\"/\"Name\": \"outages$1\"/" aws/list-queues.json
}
sed -i "s|queue/$billing|queue/$outages|g" "$q"
rename -2
git commit -qam two
rename -3
queue_line='^b8e6577b-4226-49ef-ab17-d3298a98473c \(UpdateContactTargetQueue\): Parameters\.QueueId: "arn:[^"]*/queue/'$billing'" \(queue billing\) -> "arn:[^"]*/queue/'$outages'" \(queue outages'
expect_run names-at-revisions 1 "$queue_line-2\\)\$" -- diff --git HEAD~1..HEAD
# The findings stay the same findings though their messages now name
# the renamed queues.
"$FLOWLINT" diff --git HEAD~1..HEAD > out.txt
grep -q '^finding' out.txt && { fail "renamed: no finding changed"; cat out.txt; } || ok
expect_run names-work-tree 1 "$queue_line-3\\)\$" -- diff --git HEAD~1
# A revision without the inventory's sources: a note, no names on its
# side, and still the diff.
git checkout -q -- aws && git rm -q -r aws && git commit -qm "no inventory"
git checkout -q HEAD~1 -- aws && git checkout -q HEAD~2 -- "$q"
git commit -qm "the inventory again, and the billing queue"
expect_run names-none-note 1 "^flowlint: note: no inventory in HEAD~1 \\(.*'aws/list-queues\\.json' is not a file in HEAD~1\\)" -- diff --git HEAD~1..HEAD
expect_run names-one-side 1 '^b8e6577b-4226-49ef-ab17-d3298a98473c \(UpdateContactTargetQueue\): Parameters\.QueueId: "arn:[^"]*/queue/'$outages'" -> "arn:[^"]*/queue/'$billing'" \(queue billing-2\)$' -- diff --git HEAD~1..HEAD
cd "$work"

# --graph keeps to GitLab's caps on Mermaid in a merge request: each
# chart at most 2,000 characters (collapsed, saying how many changed
# blocks it leaves out), and none once the charts before it on the page
# hold more than 2,000 together.
. "$here/helpers/chain_flow.sh"
new_repo caps
mkdir flows
for f in a b c; do chain_flow "flows/$f.json" 250; done
git add . && git commit -qm one
for f in a b c; do sed 's/Prompt \([0-9]\)/Said \1/g' "flows/$f.json" > x && mv x "flows/$f.json"; done
"$FLOWLINT" diff --git HEAD --format markdown --graph > caps.md
[ $? = 1 ] && ok || fail "caps: exit status"
awk '/^```mermaid$/ { n = 0; on = 1; next } /^```$/ { if (on) print n; on = 0; next } on { n += length($0) + 1 }' caps.md > sizes
[ "$(wc -l < sizes)" = 2 ] && [ "$(sort -n sizes | tail -1)" -le 2000 ] && [ "$(head -1 sizes)" -ge 1500 ] && ok ||
	{ fail "caps: two charts of at most 2000 characters, the first near it"; cat sizes; }
grep -Eq '^  hidden\["2[0-9]{2} blocks not shown \(2[0-9]{2} changed, over the size limit\)"\]:::hidden$' caps.md && ok ||
	fail "caps: the collapsed node counts the changed blocks left out"
[ "$(grep -c '^No chart: GitLab draws no more Mermaid on this page' caps.md)" = 1 ] && ok || fail "caps: the third chart is left out, saying so"
cd "$work"

# Resource references by name, from the inventory of the project that
# holds NEW: the example repository's console export before and after
# fix, an ID-bearing ARN and the $.FlowAttributes reference that replaced
# it name the same queue; JSON carries the names beside the values.
cp -R "$FLOWLINT_SOURCE_DIR/flows" names
export_json=names/imports/resources/flows/nw_billing_console_export.json
cp "$export_json" console.json
"$FLOWLINT" fix "$export_json" > /dev/null
expect_run names-text 1 '^b8e6577b-4226-49ef-ab17-d3298a98473c \(UpdateContactTargetQueue\): Parameters\.QueueId: "arn:aws:connect:eu-west-2:111122223333:instance/6f3d2a91-4b7e-4c58-9e21-d84a7b0c35e6/queue/9e15b6d2-7c48-4a3f-b0e9-1d62f84c7a35" \(queue billing\) -> "\$\.FlowAttributes\.billing" \(queue billing\)$' -- diff console.json "$export_json"
expect_run names-lambda 1 'Parameters\.LambdaFunctionARN: .* \(lambda nw-account-lookup\) -> "\$\.FlowAttributes\.nw-account-lookup" \(lambda nw-account-lookup\)$' -- diff console.json "$export_json"
expect_run names-markdown 1 '^- `b8e6577b-4226-49ef-ab17-d3298a98473c` \(UpdateContactTargetQueue\): `Parameters\.QueueId`: `.*/queue/9e15b6d2-7c48-4a3f-b0e9-1d62f84c7a35"` \(queue billing\) → `"\$\.FlowAttributes\.billing"` \(queue billing\)$' -- diff --format markdown console.json "$export_json"
expect_run names-json 1 '"path":"Parameters\.QueueId","old":"arn:[^"]*","new":"\$\.FlowAttributes\.billing","old_name":"queue billing","new_name":"queue billing"' -- diff --format json console.json "$export_json"
# Each finding fix resolves is reported once, by its place: the queue
# ARN in the block's parameters and the one in its metadata are two.
"$FLOWLINT" diff console.json "$export_json" | grep '^finding' > found.txt
[ "$(wc -l < found.txt)" = 9 ] && [ -z "$(sort found.txt | uniq -d)" ] && ok ||
	{ fail "nine findings resolved, each once"; cat found.txt; }
grep -q '^finding resolved: FL101 hardcoded-arn at b8e6577b-4226-49ef-ab17-d3298a98473c /Metadata/ActionMetadata/b8e6577b-4226-49ef-ab17-d3298a98473c/queue/id: queue ARN' found.txt &&
	grep -q '^finding resolved: FL101 hardcoded-arn at b8e6577b-4226-49ef-ab17-d3298a98473c /Parameters/QueueId: queue ARN' found.txt && ok ||
	fail "the queue's two findings, each at its place"
expect_run finding-json 1 '"kind":"finding-resolved","block":"b8e6577b-4226-49ef-ab17-d3298a98473c","rule":"FL101 hardcoded-arn","old":"queue ARN[^"]*","pointer":"/Parameters/QueueId"' -- diff --format json console.json "$export_json"
# Outside a project there is no inventory, and no name.
cp "$export_json" fixed.json
expect_run names-none 1 'Parameters\.QueueId: "arn:[^"]*" -> "\$\.FlowAttributes\.billing"$' -- diff console.json fixed.json

ref=${FLOWLINT_SOURCE_DIR:?}/../shared/corpus/reference-monorepo/imports/resources/flows
if [ ! -d "$ref" ]; then
	echo "skipped the reference monorepo checks: no $ref"
	finish; exit $?
fi
mkdir -p ref/old ref/new
cp "$ref/acme_main_AUTO.json" ref/old/
# The "Finance" branch of the Lex block goes through a new block.
sed -e 's/{\\"NextAction\\":\\"b7ebee4a-8edb-48b8-bd8f-7ef02367cb34\\",\\"Condition\\"/{\\"NextAction\\":\\"inserted\\",\\"Condition\\"/' \
    -e 's/\\"Actions\\":\[/&{\\"Identifier\\":\\"inserted\\",\\"Type\\":\\"MessageParticipant\\",\\"Parameters\\":{\\"Text\\":\\"Please hold\\"},\\"Transitions\\":{\\"NextAction\\":\\"b7ebee4a-8edb-48b8-bd8f-7ef02367cb34\\"}},/' \
    ref/old/acme_main_AUTO.json > ref/new/acme_main_AUTO.json
cd ref
cat > want.txt <<'OUT'
--- old/acme_main_AUTO.json
+++ new/acme_main_AUTO.json
f713e89c-d360-49a9-93ee-1fbaa5e0ff72 (ConnectParticipantWithLexBot): transition if Equals "Finance": b7ebee4a-8edb-48b8-bd8f-7ef02367cb34 -> inserted
block added: inserted (MessageParticipant): Please hold
OUT
"$FLOWLINT" diff old/acme_main_AUTO.json new/acme_main_AUTO.json > got.txt
expect_same reference-text want.txt got.txt
cat > want.md <<'OUT'
#### `old/acme_main_AUTO.json` → `new/acme_main_AUTO.json`

- `f713e89c-d360-49a9-93ee-1fbaa5e0ff72` (ConnectParticipantWithLexBot): transition `if Equals "Finance"`: `b7ebee4a-8edb-48b8-bd8f-7ef02367cb34` → `inserted`
- block added: `inserted` (MessageParticipant): `Please hold`
OUT
"$FLOWLINT" diff --format markdown old/acme_main_AUTO.json new/acme_main_AUTO.json > got.md
expect_same reference-markdown want.md got.md
printf '%s\n' '{"old":"old/acme_main_AUTO.json","new":"new/acme_main_AUTO.json","same":false,"changes":[{"kind":"transition-changed","block":"f713e89c-d360-49a9-93ee-1fbaa5e0ff72","type":"ConnectParticipantWithLexBot","transition":"if Equals \"Finance\"","old":"b7ebee4a-8edb-48b8-bd8f-7ef02367cb34","new":"inserted"},{"kind":"block-added","block":"inserted","type":"MessageParticipant","new":"Please hold"}],"layout":{"moved":0,"entry_point_moved":false}}' > want.json
"$FLOWLINT" diff --format json old/acme_main_AUTO.json new/acme_main_AUTO.json > got.json
expect_same reference-json want.json got.json
finish
