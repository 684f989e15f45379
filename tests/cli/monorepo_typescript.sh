#!/bin/sh
# Flows beside a TypeScript project (tsconfig.json and .vscode settings
# with comments, package.json, a Terraform plan): `check .`, `format
# --check .`, `format .`, `fix .` and a real `git commit` through the
# native hook pass, examine only the flow and change no other file.  A
# file that does not parse is still FL001 where it is meant as a flow: in
# the flows folder, carrying a flow's marks, or named.  (The pre-commit
# framework and GitLab job on the same repository: pre_commit_framework.sh
# and ci_template.sh.)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/helpers/git.sh"
. "$here/helpers/typescript_repo.sh"

new_repo ts
typescript_repo .
git add -A && git commit -qm base || exit 1
nonflow_sums . > "$work/sums.before"

expect_run check 0 'No problems found in 1 file' -- check .
expect_run check-quiet-about-jsonc 0 '^No problems found in 1 file\.$' -- check .
expect_run check-verbose 0 'note: (\./)?lambda/tsconfig\.json: not valid JSON and not a contact flow, skipped' -- check -v .
expect_run format-check 0 '^0 files would be reformatted, 1 already formatted$' -- format --check .
expect_run format 0 '^0 files reformatted, 1 unchanged$' -- format .
expect_run fix 0 'Fixed 0 findings in 0 of 1 file' -- fix .
expect_run staged 0 '' -- check --staged
nonflow_sums . > "$work/sums.after"
expect_same nothing-else-changed "$work/sums.before" "$work/sums.after"

# exclude is honoured by check, fix and format alike.
mv .flowlint.json "$work/own.flowlint.json"	# new_repo's, put back below
printf '{"exclude": ["legacy"]}\n' > .flowlint.json
mkdir legacy && printf '{"StartAction": "a", "Actions": [' > legacy/broken.json
expect_run exclude-check 0 'No problems found in 1 file' -- check .
expect_run exclude-format 0 '^0 files would be reformatted, 1 already formatted$' -- format --check .
expect_run exclude-fix 0 'Fixed 0 findings in 0 of 1 file' -- fix .
rm -r legacy && mv "$work/own.flowlint.json" .flowlint.json

# Broken files meant as flows are still reported.
printf '{"Name": "x", // a comment\n}\n' > imports/resources/flows/broken.json
expect_run in-flows-folder 1 'imports/resources/flows/broken\.json:1:15: error \[FL001 invalid-json\]' -- check .
expect_run in-flows-folder-format 2 'imports/resources/flows/broken\.json:1:15: invalid JSON' -- format --check .
rm imports/resources/flows/broken.json
printf '{"Version": "2019-10-30", "StartAction": "a", "Actions": [,]}\n' > lambda/flow-draft.json
expect_run flow-marks 1 'lambda/flow-draft\.json:1:[0-9]+: error \[FL001 invalid-json\]' -- check .
rm lambda/flow-draft.json
expect_run named 1 'lambda/tsconfig\.json:3:5: error \[FL001 invalid-json\]' -- check lambda/tsconfig.json
expect_run named-flows-only 0 '' -- check --flows-only lambda/tsconfig.json lambda/package.json
out=$("$FLOWLINT" check --flows-only lambda/package.json 2>&1)
[ -z "$(printf '%s' "$out" | grep note)" ] && ok || fail "--flows-only: a note about package.json: $out"
expect_run named-not-flow 0 'note: lambda/package\.json: not a contact flow, skipped' -- check lambda/package.json
expect_run format-flows-only 0 '^0 files reformatted, 0 unchanged$' -- format --flows-only lambda/package.json lambda/tsconfig.json .vscode/settings.json
nonflow_sums . > "$work/sums.after"
expect_same flows-only-changed-nothing "$work/sums.before" "$work/sums.after"

# A real commit through the native hook, touching every kind of file.
"$FLOWLINT" install-hook >/dev/null || fail "install-hook"
export FLOWLINT
printf '    // "outDir": "dist",\n' >> lambda/tsconfig.json
printf '# changed\n' >> infra/main.tf
sed 's/"strict": true/"strict": false/' lambda/tsconfig.json > t && mv t lambda/tsconfig.json
printf '{"name": "lookup", "version": "1.0.1"}\n' > lambda/package.json
git add -A
git commit -qm "touch the TypeScript project" >out.txt 2>&1 && ok || { fail "native hook refused the commit"; cat out.txt; }
good_flow imports/resources/flows/raw.json && git add -A
git commit -qm "a flow" >out.txt 2>&1 && ok || { fail "native hook refused a clean flow"; cat out.txt; }
bad_flow imports/resources/flows/raw.json && git add -A
git commit -qm "a bad flow" >out.txt 2>&1 && fail "native hook let a hardcoded ARN through" || ok
grep -q 'imports/resources/flows/raw\.json:1:136: error \[FL101' out.txt && ok || { fail "hook output"; cat out.txt; }

finish
