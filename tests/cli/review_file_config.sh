#!/bin/sh
# graph and diff judge a file by its place, as check does: in a tree
# with the reference layout a flow whose Content is an object is FL008
# in the flows folder the deploy step reads, and nothing elsewhere
# (a tool's test flow); environments configured by path apply too.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

wrapped() { # wrapped FILE NAME: a wrapper whose Content is an object
	printf '{"Name":"%s","Type":"CONTACT_FLOW","Content":{"Version":"2019-10-30","StartAction":"b","Actions":[{"Identifier":"b","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}}\n' "$2" > "$1"
}
mkdir -p p/imports/resources/flows p/scripts/tests p/imports/resources/queues && cd p
wrapped imports/resources/flows/main.json main
wrapped scripts/tests/sample.json sample
cp scripts/tests/sample.json old.json

expect_run check-deployed 1 '^imports/resources/flows/main\.json:1:.*\[FL008 content-not-a-string\]' -- check imports/resources/flows/main.json
expect_run check-test-flow 0 'No problems found in 1 file' -- check scripts/tests/sample.json
expect_run graph-deployed 0 'findings: FL008' -- graph imports/resources/flows/main.json
"$FLOWLINT" graph scripts/tests/sample.json > sample.mmd
grep -q FL008 sample.mmd && { fail "graph-test-flow: FL008 marked outside the deploy folders"; cat sample.mmd; } || ok
"$FLOWLINT" diff old.json scripts/tests/sample.json > sample.txt
grep -q 'FL008' sample.txt && { fail "diff-test-flow: FL008 outside the deploy folders"; cat sample.txt; } || ok

# In git: both sides of diff --git are judged at their repository path,
# also from a subfolder.
git init -q . && git add -A && git -c user.name=t -c user.email=t@example.com commit -qm base || exit 1
printf '{"Name":"main","Type":"CONTACT_FLOW","Content":"{\\"Version\\":\\"2019-10-30\\",\\"StartAction\\":\\"b\\",\\"Actions\\":[{\\"Identifier\\":\\"b\\",\\"Type\\":\\"DisconnectParticipant\\",\\"Parameters\\":{},\\"Transitions\\":{}}]}"}\n' > imports/resources/flows/main.json
git -c user.name=t -c user.email=t@example.com commit -qam string || exit 1
expect_run git-resolved 1 '^finding resolved: FL008 content-not-a-string' -- diff --git HEAD~1..HEAD
cd scripts
expect_run git-subfolder 1 '^finding resolved: FL008 content-not-a-string' -- diff --git HEAD~1..HEAD
finish
