#!/bin/sh
# The reference monorepo (../shared/corpus/reference-monorepo) with no
# configuration: no errors in it or its imports/ tree, format changes no byte of it, $.FlowAttributes.acme-lexbot
# resolved by the bots folder, ${P:CustomerQueue.wav:P} unchecked until a
# prompt source exists; then each cross-file defect at its exact
# position in a mutated copy.  Skips (77) when ../shared is absent.
. "$(dirname "$0")/lib.sh"
ref=${FLOWLINT_SOURCE_DIR:?}/../shared/corpus/reference-monorepo
[ -d "$ref" ] || { echo "skipped: no $ref"; exit 77; }

cp -R "$ref" ref && chmod -R u+w ref && cd ref || exit 1
flows=imports/resources/flows
main=$flows/acme_main_AUTO.json

expect_run no-errors 0 'Found 0 errors and 1 warning in 1 of 9 files' -- check imports
# The whole folder too (SOURCE.md): the replacer's test flows, whose
# Content is an object, lie outside the flows folder the deploy reads.
expect_run whole-folder-no-errors 0 'Found 0 errors and 1 warning in 1 of 15 files' -- check .
out=$("$FLOWLINT" check --format json imports 2>&1)
case $out in *FL303*|*FL304*|*FL102*|*FL310*) fail "cross-file finding on the reference: $out" ;; *) ok ;; esac
# The tree as exported is already formatted: format changes no byte.
expect_run format-check-as-exported 0 '^0 files would be reformatted, 9 already formatted$' -- format --check imports
expect_run format-as-exported 0 '^0 files reformatted, 9 unchanged$' -- format imports
diff -r "$ref/imports" imports >/dev/null && ok || fail "format changed an exported file"
expect_run lexbot-by-bots-folder 0 '"lex-bot": \{"resources": 3, "sources": \["imports/resources/bots"\]\}' -- check --show-config imports

# Prompts: not checked without a source, an error with one that lacks it.
mkdir inventory
printf 'Beep.wav\nWelcome.wav\n' > inventory/prompts.txt
printf '{"inventory": {"sources": [{"kind": "prompt", "file": "inventory/prompts.txt"}]}}' > .flowlint.json
expect_run prompt-source-lacks-it 1 '^imports/resources/flows/acme_customer_queue_AUTO\.json:4:898: error \[FL304 dangling-placeholder\] \$\{P:CustomerQueue\.wav:P\}: no prompt is named "CustomerQueue" in the inventory \(inventory/prompts\.txt\)' -- check imports
printf 'CustomerQueue.wav\n' >> inventory/prompts.txt
expect_run prompt-source-has-it 0 'Found 0 errors' -- check imports
rm .flowlint.json

# Column of the first occurrence of $1 on line 4 of file $2 (bytes).
col() { S=$1 LC_ALL=C awk 'NR == 4 { print index($0, ENVIRON["S"]) }' "$2"; }

# A dangling flow attribute.
sed 's/QueueId\\":\\"\$.FlowAttributes.sales\\"/QueueId\\":\\"$.FlowAttributes.salez\\"/' $main > m && mv m $main
c=$(col '\"$.FlowAttributes.salez' $main)
expect_run dangling-attribute 1 "^$main:4:$c: error \\[FL303 dangling-flow-attribute\\] \\\$\\.FlowAttributes\\.salez: nothing in this flow sets it and no queue is named \"salez\"" -- check imports
# A placeholder naming a missing flow.
sed 's/ContactFlowId\\":\\"\$.FlowAttributes.acme_queue_transfer_AUTO\\"/ContactFlowId\\":\\"arn:aws:connect:${REGION}:${ACCT_ID}:instance\/${INSTANCE_ID}\/contact-flow\/${F:acme_gone_AUTO:F}\\"/' $main > m && mv m $main
c=$(col '\"arn:aws:connect:${REGION}:${ACCT_ID}:instance/${INSTANCE_ID}/contact-flow/${F:acme_gone_AUTO' $main)
expect_run missing-flow-placeholder 1 "^$main:4:$c: error \\[FL304 dangling-placeholder\\] \\\$\\{F:acme_gone_AUTO:F\\}: no flow is named \"acme_gone_AUTO\"" -- check imports
# A bare queue ID.
sed 's/QueueId\\":\\"\$.FlowAttributes.finance\\"/QueueId\\":\\"0b3e4a6c-1f2d-4e5a-9b8c-7d6e5f4a3b2c\\"/' $main > m && mv m $main
c=$(col '\"0b3e4a6c-1f2d' $main)
expect_run bare-queue-id 1 "^$main:4:$c: error \\[FL102 hardcoded-resource-id\\] bare queue ID 0b3e4a6c-1f2d-4e5a-9b8c-7d6e5f4a3b2c in QueueId" -- check imports
# A name collision: a flow named like the queue "sales".
sed 's/QueueId\\":\\"\$.FlowAttributes.salez\\"/QueueId\\":\\"$.FlowAttributes.sales\\"/' $main > m && mv m $main
sed 's/"Name": "acme_hold_AUTO"/"Name": "sales"/' $flows/acme_hold_AUTO.json > $flows/sales.json
c=$(col '\"$.FlowAttributes.sales\"' $main)
expect_run name-collision 1 "^$main:4:$c: error \\[FL310 name-collision\\] \"sales\" names both a queue and a flow" -- check imports
finish
