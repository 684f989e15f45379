#!/bin/sh
# The gates follow dependents: a staged deletion of a queue that an
# unchanged flow uses, and a module renamed by its Name, are stopped by
# the native hook (a real git commit) naming the unchanged flow, and
# check --changed-since finds the same; the note says why the unchanged
# file was checked; a change that takes nothing away checks nothing more.
# A flow re-Named is followed the same way.  (The merge-request job
# itself, under gitlab-ci-local: ci_template.sh.)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/helpers/git.sh"
. "$here/helpers/example_repo.sh"
: "${FLOWLINT_SOURCE_DIR:?}"

example_repo r || exit 1
"$FLOWLINT" install-hook >/dev/null || fail "install-hook"
export FLOWLINT
main=imports/resources/flows/nw_main_inbound.json

# A change that takes nothing away (a queue's description) checks the
# changed file alone: no flow is brought in.
sed 's/"Description": "Bills/"Description": "All bills/' imports/resources/queues/billing.json > q &&
	mv q imports/resources/queues/billing.json && git add imports/resources/queues/billing.json
expect_run unrelated-change 0 '^0 files checked: 1 not a contact flow\.$' -- check --staged
"$FLOWLINT" check --staged >out.txt 2>&1
grep -q "checked too" out.txt && fail "unrelated-change: a dependent was checked" || ok
git reset -q --hard
drop_outages .
expect_run staged-queue-deleted 1 "^$main:4:[0-9]+: error \\[FL303 dangling-flow-attribute\\] \\\$\\.FlowAttributes\\.outages: .*no queue is named \"outages\"" -- check --staged
expect_run staged-why 1 "note: $main: checked too, as it refers to queue \"outages\", which the change deletes or renames" -- check --staged
git commit -qm "drop outages" >out.txt 2>&1 && fail "the hook let the deletion through" || ok
grep -q "^$main:4:[0-9]*: error \\[FL303" out.txt && ok || { fail "hook output does not name $main"; cat out.txt; }
git reset -q --hard

# A module renamed by its Name (and in the saved list).
rename_module .
expect_run staged-module-renamed 1 "^$main:4:[0-9]+: error \\[FL303 dangling-flow-attribute\\] .*no flow module is named \"nw_auth_module\"" -- check --staged
git commit -qm "rename the module" >out.txt 2>&1 && fail "the hook let the rename through" || ok
grep -q "^$main:4:[0-9]*: error \\[FL303" out.txt && ok || { fail "hook output does not name $main"; cat out.txt; }
git reset -q --hard

# A flow renamed by its Name: the flows that transfer to it.
rename . imports/resources/flows/nw_customer_queue.json aws/list-contact-flows.json \
    nw_customer_queue nw_queue
expect_run staged-flow-renamed 1 "^$main:4:[0-9]+: error \\[FL303 dangling-flow-attribute\\] .*no flow is named \"nw_customer_queue\"" -- check --staged
git commit -qm "rename the flow" >out.txt 2>&1 && fail "the hook let the flow rename through" || ok
grep -q "^$main:4:[0-9]*: error \\[FL303" out.txt && ok || { fail "hook output does not name $main"; cat out.txt; }
git reset -q --hard

# --changed-since (what the merge-request job runs): the same, against
# the merge base.
git checkout -q -b drop && drop_outages . && git commit -qm drop --no-verify || exit 1
expect_run since-queue-deleted 1 "^$main:4:[0-9]+: error \\[FL303" -- check --changed-since main
expect_run since-why 1 "note: $main: checked too" -- check --changed-since main
git checkout -q main
git checkout -q -b rename && rename_module . && git commit -qm rename --no-verify || exit 1
expect_run since-module-renamed 1 "^$main:4:[0-9]+: error \\[FL303 dangling-flow-attribute\\] .*no flow module is named \"nw_auth_module\"" -- check --changed-since main
expect_run since-module-why 1 "note: $main: checked too, as it refers to flow module \"nw_auth_module\"" -- check --changed-since main
git checkout -q main
finish
