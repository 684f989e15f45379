#!/bin/sh
# Issue 4's end-to-end case on the example repository: given the dev
# instance's saved AWS CLI lists (flows/aws, named in flows/.flowlint.json),
# `fix` turns the console export into a flow that `check` passes, shaped
# as the reference convention's own flows, and a second fix changes nothing.
. "$(dirname "$0")/lib.sh"
src=${FLOWLINT_SOURCE_DIR:?}
export_flow=imports/resources/flows/nw_billing_console_export.json

cp -R "$src/flows" repo || exit 1
expect_run before 1 "nw_billing_console_export\.json:4:4933: error \[FL101" -- check repo
expect_run fix 0 'Fixed 9 findings in 1 of 5 files' -- fix repo
expect_run after 0 'No problems found in 5 files' -- check repo
cp "repo/$export_flow" once.json
expect_run again 0 'Fixed 0 findings' -- fix repo
cmp -s once.json "repo/$export_flow" && ok || fail "a second fix changed the file"
for want in '\\"StartAction\\":\\"FLOW_OBJECT_MAPS#\\"' \
    '\\"QueueId\\":\\"$.FlowAttributes.billing\\"' \
    '\\"LambdaFunctionARN\\":\\"$.FlowAttributes.nw-account-lookup\\"' \
    'queue/${Q:billing:Q}' 'prompt/${P:nw_billing_welcome.wav:P}' \
    'arn:aws:lex:$.AwsRegion:${ACCT_ID}:bot-alias/NorthwindBilling/live'; do
	grep -qF "$(printf '%b' "$want")" "repo/$export_flow" && ok ||
		fail "fixed flow lacks $want"
done
# Untouched files stay byte for byte.
for f in nw_main_inbound nw_customer_queue nw_agent_whisper nw_auth_module; do
	cmp -s "$src/flows/imports/resources/flows/$f.json" \
	    "repo/imports/resources/flows/$f.json" && ok || fail "$f changed"
done
finish
