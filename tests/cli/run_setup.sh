#!/bin/sh
# check, fix and format share one run set-up (src/run/session.h): fix
# honours the configuration as check reports it (selection, severities,
# per-file-ignores, suppressions), format lists the files check lists
# (.gitignore and "exclude" honoured), and all three take the shared run
# options.  These are the three drifts of issue 12.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/helpers/git.sh"
src=${FLOWLINT_SOURCE_DIR:?}
fixture=$src/tests/fixtures/FL204-unused-object-map-entry/bad-fixable-unused.json

# --- fix honours the configuration: two unused object-map entries (FL204)
mkdir cfg && cd cfg || exit 1
cp "$fixture" bad-fixable-unused.json
cp bad-fixable-unused.json flow.orig
expect_run baseline-fixes 1 'Would fix 2 findings in 1 of 1 file' -- fix --diff --fail-on warning .

echo '{"ignore": ["FL204"]}' > .flowlint.json
expect_run check-ignores 0 'No problems found in 1 file' -- check .
expect_run ignored-not-fixed 0 'Would fix 0 findings in 0 of 1 file' -- fix --diff --fail-on warning .
out=$("$FLOWLINT" fix --diff . 2>/dev/null)
if [ -z "$out" ]; then ok; else fail "fix --diff printed a diff for an ignored rule"; echo "$out" | head -5; fi
expect_run ignored-fix-writes-nothing 0 'Fixed 0 findings in 0 of 1 file' -- fix .
expect_same ignored-untouched bad-fixable-unused.json flow.orig

echo '{"select": ["FL101"]}' > .flowlint.json
expect_run unselected-not-fixed 0 'Would fix 0 findings' -- fix --diff .
echo '{"per-file-ignores": {"bad-*.json": ["FL204"]}}' > .flowlint.json
expect_run per-file-ignore-not-fixed 0 'Would fix 0 findings' -- fix --diff .
cat > .flowlint.json <<'JSON'
{"suppressions": [{"rule": "FL204", "path": "bad-fixable-unused.json",
  "action": "FLOW_OBJECT_MAPS#", "reason": "kept for the next release"}]}
JSON
expect_run suppressed-not-fixed 0 'Would fix 0 findings' -- fix --diff --fail-on warning .
expect_run suppressed-note 0 'Fixed 0 findings in 0 of 1 file' -- fix .
expect_same suppressed-untouched bad-fixable-unused.json flow.orig

# Suppressions apply per finding, as in check: of the FL101 findings of
# one file, the one suppressed inline (the lookup action's Lambda ARN)
# stays as it is, and the others are fixed.
cp "$src/tests/fixtures/FL101-hardcoded-arn/bad-fixable-convert.json" arns.json
cat > .flowlint.json <<'JSON'
{"suppressions": [{"rule": "FL101", "path": "arns.json", "action": "lookup",
  "reason": "the lookup Lambda is shared by every account"}]}
JSON
expect_run per-finding-diff 1 'Would fix 3 findings in 1 of 1 file' -- fix --diff arns.json
expect_run per-finding-fix 1 'Fixed 3 findings in 1 of 1 file' -- fix --jobs 2 arns.json
if grep -q 'arn:aws:lambda:us-east-1:123456789012:function:acme-lookup' arns.json &&
    grep -q 'FlowAttributes\.AcmeSales/live' arns.json; then ok; else
	fail "fix rewrote the suppressed finding or left the others"; fi
expect_run per-finding-check 1 'Found 1 error' -- check arns.json
rm arns.json

# Severities: the findings count at the configured severity (--diff
# leaves them all in place): warnings pass, errors fail.
rm .flowlint.json
expect_run severity-default 0 'Would fix 2 findings' -- fix --diff .
echo '{"severity": {"FL204": "error"}}' > .flowlint.json
expect_run severity-configured 1 'Would fix 2 findings' -- fix --diff .
expect_same severity-untouched bad-fixable-unused.json flow.orig

# --config names the configuration for fix as for check.
rm .flowlint.json
echo '{"ignore": ["FL204"]}' > other.json
expect_run fix-config 0 'Would fix 0 findings' -- fix --diff --config other.json .
expect_run fix-jobs 1 'Would fix 2 findings in 1 of 1 file' -- fix --diff --fail-on warning --jobs 2 .
cd "$work" || exit 1

# --- format lists what check lists: git-ignored and excluded files stay
new_repo wt
mkdir flows build legacy
printf '{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}' > flows/main.json
cp flows/main.json build/generated.json
cp flows/main.json legacy/old.json
cp build/generated.json generated.orig
cp legacy/old.json old.orig
echo 'build/' > .gitignore
echo '{"exclude": ["legacy"]}' > .flowlint.json
expect_run check-lists 0 'No problems found in 1 file' -- check .
expect_run format-check-lists 1 '^1 file would be reformatted, 0 already formatted$' -- format --check .
expect_run format-check-names 1 '^would reformat \./flows/main\.json$' -- format --check .
expect_run format-writes 0 '^1 file reformatted, 0 unchanged$' -- format .
expect_same gitignored-untouched build/generated.json generated.orig
expect_same excluded-untouched legacy/old.json old.orig
expect_run format-again 0 '^0 files reformatted, 1 unchanged$' -- format --jobs 2 .

# format --config: the exclude comes from the named file.
cp generated.orig flows/second.json
echo '{"exclude": ["legacy", "flows/second.json"]}' > other.json
expect_run format-config 0 '^0 files reformatted, 1 unchanged$' -- format --config other.json .
expect_same format-config-untouched flows/second.json generated.orig
expect_run format-bad-config 2 'no\.json' -- format --config no.json .

# format --jobs: the same output, in the same order, for every N.
mkdir many
i=0
while [ $i -lt 40 ]; do
	cp generated.orig "many/f$i.json"
	i=$((i + 1))
done
printf '{"Version":"2019-10-30","StartAction":"a","Actions":[' > many/broken.json
"$FLOWLINT" format --diff --jobs 1 many > one.out 2> one.err
"$FLOWLINT" format --diff --jobs 4 many > four.out 2> four.err
expect_same jobs-diff one.out four.out
expect_same jobs-errors one.err four.err
"$FLOWLINT" format --check -j1 many > one.out 2>&1
"$FLOWLINT" format --check -j3 many > three.out 2>&1
expect_same jobs-check one.out three.out
expect_run jobs-write 2 '^40 files reformatted, 0 unchanged, 1 could not be formatted$' -- format -j4 many
expect_run jobs-written 2 '^0 files reformatted, 40 unchanged, 1 could not be formatted$' -- format -j4 many
finish
