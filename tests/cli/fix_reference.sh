#!/bin/sh
# Seeded defects in a copy of the reference monorepo's flows
# (../shared/corpus/reference-monorepo): FL101 (literal account, region and
# instance everywhere), FL201 (the module's object map deleted), FL204,
# FL305 and FL309.  After `flowlint fix`, check reports none of them, and
# the files that only had their ARNs spoiled are the originals again.
# Skipped (77) when the corpus is not beside the project (FLOWLINT_SHARED
# names another place for ../shared).
. "$(dirname "$0")/lib.sh"

shared=${FLOWLINT_SHARED:-${FLOWLINT_SOURCE_DIR:-.}/../shared}
ref=$shared/corpus/reference-monorepo/imports
[ -d "$ref/resources/flows" ] || { echo "skipped: no $ref"; exit 77; }
cp -r "$ref" imports
flows=imports/resources/flows
inst=4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f

for f in $flows/*.json; do
	sed -e 's/\${ACCT_ID}/123456789012/g' -e 's/\${REGION}/us-east-1/g' \
	    -e "s/\\\${INSTANCE_ID}/$inst/g" "$f" > "$f.tmp" && mv "$f.tmp" "$f"
done
# FL201: the module loses its FLOW_OBJECT_MAPS# action (its metadata stays).
m=$flows/acme_contact_flow_module_AUTO.json
sed -e 's/\\"StartAction\\":\\"FLOW_OBJECT_MAPS#\\"/\\"StartAction\\":\\"d0ddafbc-4c4c-4c1e-ba84-729cf3c1799a\\"/' \
    -e 's/{\\"Parameters\\":{\\"FlowAttributes\\":[^]]*]}},//' "$m" > "$m.tmp" && mv "$m.tmp" "$m"
# FL204 and FL309 in the queue transfer flow, FL305 in the hold flow.
q=$flows/acme_queue_transfer_AUTO.json
sed -e 's/\\"FlowAttributes\\":{/\\"FlowAttributes\\":{\\"unused_q\\":{\\"Value\\":\\"x\\"},/' \
    -e 's/{\\"AgentWhisper\\":{\\"useDynamic\\":true}}/{\\"AgentWhisper\\":{\\"useDynamic\\":false}}/' \
    "$q" > "$q.tmp" && mv "$q.tmp" "$q"
h=$flows/acme_hold_AUTO.json
sed -e 's/\\"ActionMetadata\\":{/\\"ActionMetadata\\":{\\"deleted-block\\":{\\"position\\":{\\"x\\":1,\\"y\\":2}},/' \
    "$h" > "$h.tmp" && mv "$h.tmp" "$h"

for code in FL101 FL201 FL204 FL305 FL309; do
	expect_run "seeded-$code" 1 "\\[$code " -- check $flows
done
expect_run fix 0 'Fixed [0-9]+ findings in 5 of 9 files' -- fix $flows
expect_run check-after-fix 0 'No problems found in 9 files' -- check $flows

for f in acme_agent_whisper_AUTO acme_customer_queue_AUTO \
    acme_customer_whisper_AUTO acme_outbound_flow1_AUTO \
    acme_outbound_flow2_AUTO; do
	cmp -s "$flows/$f.json" "$ref/resources/flows/$f.json" && ok ||
	    fail "$f.json is not the original after the fix"
done
grep -q 'FlowAttributes\\":{\\"acme_customer_queue_AUTO\\":{\\"Value\\":\\"arn:aws:connect:${REGION}:${ACCT_ID}:instance/${INSTANCE_ID}/contact-flow/${F:acme_customer_queue_AUTO:F}\\"}}' "$m" &&
    ok || fail "the module's new object map lacks its entry"
expect_run fix-again 0 'Fixed 0 findings in 0 of 9 files' -- fix $flows

finish
