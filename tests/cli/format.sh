#!/bin/sh
# flowlint format: in place, --check, --diff, standard input and its
# error contract, folder walks, refusals that write nothing.
. "$(dirname "$0")/lib.sh"

# stamp FILE: inode and modification time, to prove a file was not written.
stamp() { ls -li --time-style=full-iso "$1"; }

canonical='{
  "Name": "flow",
  "Type": "CONTACT_FLOW",
  "Content": "{\"Version\":\"2019-10-30\",\"StartAction\":\"a\",\"Actions\":[{\"Identifier\":\"a\",\"Type\":\"DisconnectParticipant\",\"Parameters\":{},\"Transitions\":{}}]}"
}'
printf '%s\n' "$canonical" > want.json

mkdir repo repo/sub repo/node_modules
printf '{"Name":"flow","Type":"CONTACT_FLOW","Content":"{ \\"Version\\": \\"2019-10-30\\", \\"StartAction\\": \\"a\\", \\"Actions\\": [ {\\"Identifier\\": \\"a\\", \\"Type\\": \\"DisconnectParticipant\\", \\"Parameters\\": {}, \\"Transitions\\": {}} ] }"}\n' > repo/messy.json
cp want.json repo/sub/clean.json
printf '{"Name": "sales", "Status": "ENABLED", "Tags": {"a": ["x", "y"]}}' > repo/queue.json
printf '{"Name":"skip","Type":"CONTACT_FLOW","Content":"{}"}' > repo/node_modules/dep.json
cp repo/queue.json queue.json.orig
cp repo/messy.json messy.json.orig
chmod 640 repo/messy.json
before_clean=$(stamp repo/sub/clean.json)

# --check and --diff write nothing.
expect_run check-reports 1 '^would reformat repo/messy\.json$' -- format --check repo
expect_run check-summary 1 '^1 file would be reformatted, 1 already formatted$' -- format --check repo
expect_same check-wrote-nothing repo/messy.json messy.json.orig
expect_run diff-prints 1 '^\+\+\+ b/repo/messy\.json$' -- format --diff repo
expect_same diff-wrote-nothing repo/messy.json messy.json.orig
"$FLOWLINT" format --diff repo > diff.out 2>&1
if grep -q 'reformat' diff.out; then fail "diff: status lines mixed into the diff"; else ok; fi
expect_run check-and-diff 1 '^-\{"Name":"flow"' -- format --check --diff repo
expect_run diff-nothing-to-show 0 '^$' -- format --diff repo/sub

# In place: only the file that changes is written, mode kept; the queue
# and node_modules are skipped in the walk.
expect_run rewrite 0 '^reformatted repo/messy\.json$' -- format repo
expect_same rewrite-result repo/messy.json want.json
if [ "$(stat -c %a repo/messy.json)" = 640 ]; then ok; else fail "mode not kept"; fi
if [ "$(stamp repo/sub/clean.json)" = "$before_clean" ]; then ok; else fail "unchanged file was written"; fi
expect_same walk-skips-non-flow repo/queue.json queue.json.orig
expect_run rewrite-again 0 '^0 files reformatted, 2 unchanged$' -- format repo
expect_run check-clean 0 'already formatted' -- format --check repo
expect_run quiet 0 '^$' -- format --quiet repo

# Legacy console exports are flows: a walk formats them too.
mkdir legacy
printf '{"modules":[],"version":"1","type":"contactFlow","start":"m1"}' > legacy/old.json
expect_run walk-formats-legacy 0 '^reformatted legacy/old\.json$' -- format legacy

# A file named explicitly is formatted whatever JSON it holds.
expect_run explicit-non-flow 0 '^reformatted repo/queue\.json$' -- format repo/queue.json
if grep -q '^    "a": \[$' repo/queue.json; then ok; else fail "queue not laid out"; fi

# Refused files: position and reason, exit 2, nothing written; the other
# files are still formatted.
printf '{\n  "Version": "2019-10-30",\n  "Actions": [],\n  "Actions": []\n}\n' > dup.json
cp dup.json dup.json.orig
printf '{"Name": "t", "Tags": {"a": "b",}}' > trailing.json
cp messy.json.orig other.json
expect_run dup-key 2 '^flowlint: error: dup\.json:4:3: duplicate key "Actions": JSON\.parse keeps only the last value' -- format dup.json other.json
expect_same dup-not-written dup.json dup.json.orig
expect_same others-still-formatted other.json want.json
expect_run invalid 2 '^flowlint: error: trailing\.json:1:33: invalid JSON: trailing comma' -- format trailing.json
expect_run invalid-summary 2 '0 files reformatted, 0 unchanged, 1 could not be formatted' -- format trailing.json
# In a walk, JSON that does not parse is left alone unless it carries a
# flow's marks: a tsconfig.json with comments is not a broken flow.
mkdir walk2 && cp trailing.json walk2/
expect_run invalid-no-flow-in-walk 0 '^0 files reformatted, 0 unchanged$' -- format walk2
printf '{"StartAction": "a", "Actions": [],}' > walk2/broken-flow.json
expect_run invalid-flow-in-walk 2 'walk2/broken-flow\.json:1:36: invalid JSON' -- format walk2
expect_run missing 2 "nope\.json: No such file or directory" -- format nope.json

# Standard input: the document on stdout, nothing else.
"$FLOWLINT" format - < messy.json.orig > out.json 2> err.txt
rc=$?
if [ "$rc" = 0 ] && [ ! -s err.txt ]; then ok; else fail "stdin: exit $rc, stderr $(cat err.txt)"; fi
expect_same stdin-output out.json want.json
# A file without a final newline (as the exporter writes) keeps it so.
printf '%s' "$canonical" > want-no-newline.json
"$FLOWLINT" format --stdin-filename flows/x.json < want-no-newline.json > out.json
expect_same stdin-no-final-newline out.json want-no-newline.json
"$FLOWLINT" format --stdin-filename flows/x.json - < want.json > out.json
expect_same stdin-filename-and-dash out.json want.json

# Invalid input: nothing on stdout, the error on stderr, exit 2.
"$FLOWLINT" format --stdin-filename flows/bad.json < dup.json.orig > out.json 2> err.txt
rc=$?
if [ "$rc" = 2 ] && [ ! -s out.json ]; then ok; else fail "stdin invalid: exit $rc, stdout $(wc -c < out.json) bytes"; fi
if grep -q '^flowlint: error: flows/bad\.json:4:3: duplicate key "Actions"' err.txt; then ok; else fail "stdin invalid: stderr $(cat err.txt)"; fi
printf '' | "$FLOWLINT" format - > out.json 2> err.txt
rc=$?
if [ "$rc" = 2 ] && [ ! -s out.json ] && grep -q '<stdin>:1:1: invalid JSON: empty document' err.txt; then ok; else fail "stdin empty: exit $rc"; fi

# --echo-on-error: the input back, byte for byte, and nothing on stderr.
printf '{"a": 1,\n' > partial.txt
"$FLOWLINT" format --echo-on-error - < partial.txt > out.json 2> err.txt
rc=$?
if [ "$rc" = 2 ] && [ ! -s err.txt ]; then ok; else fail "echo: exit $rc, stderr $(cat err.txt)"; fi
expect_same echo-input-back out.json partial.txt
"$FLOWLINT" format --echo-on-error --stdin-filename x.json < messy.json.orig > out.json 2> err.txt
rc=$?
if [ "$rc" = 0 ] && [ ! -s err.txt ]; then ok; else fail "echo on valid input: exit $rc"; fi
expect_same echo-formats-valid-input out.json want.json
# Over the size limit: still all of the input back.
head -c 70000000 /dev/zero | tr '\0' ' ' > huge.txt
"$FLOWLINT" format --echo-on-error - < huge.txt > out.json 2> err.txt
rc=$?
if [ "$rc" = 2 ] && [ ! -s err.txt ]; then ok; else fail "echo huge: exit $rc"; fi
expect_same echo-huge-input-back out.json huge.txt
"$FLOWLINT" format - < huge.txt > out.json 2> err.txt
rc=$?
if [ "$rc" = 2 ] && [ ! -s out.json ] && grep -q 'larger than the 64 MiB limit' err.txt; then ok; else fail "huge stdin: exit $rc"; fi
rm -f huge.txt out.json

# --check and --diff on standard input.
expect_run stdin-check-clean 0 '^$' -- format --check - < want.json
expect_run stdin-check-changed 1 '^$' -- format --check - < messy.json.orig
expect_run stdin-diff 1 '^\+\+\+ b/flows/m\.json$' -- format --diff --stdin-filename flows/m.json < messy.json.orig

# Usage.
expect_run help 0 '^usage: flowlint format' -- format --help
expect_run echo-needs-stdin 2 "echo-on-error needs '-'" -- format --echo-on-error repo
expect_run stdin-and-paths 2 "take no other PATH" -- format - repo
expect_run unknown-option 2 "unknown option '--bogus'" -- format --bogus
expect_run listed 0 '^  format ' -- --help

# A read-only file is refused with a message, exit 2, and kept as it is.
cp messy.json.orig ro.json && chmod 444 ro.json
expect_run read-only-file 2 'ro\.json: read-only; not written' -- format ro.json
expect_same read-only-kept ro.json messy.json.orig

finish
