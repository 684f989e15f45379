#!/bin/sh
# flowlint fix: --diff writes nothing, untouched files keep their mtime,
# exit codes 0/1/2, --select/--ignore, symlinks and modes survive, and a
# read-only folder, a full disk or an interrupt never leave a partial or
# stray file.  (The fixes themselves: tests/unit/test_fix.c and the
# *.json.fixed goldens.)
. "$(dirname "$0")/lib.sh"

# A wrapped export whose Lambda ARN is hardcoded; $1 is the flow's name,
# $2 pads the greeting (to make the file large).
flow() {
	printf '{\n  "Name": "%s",\n  "Type": "CONTACT_FLOW",\n  "Content": "' "$1"
	printf '{\\"Version\\":\\"2019-10-30\\",\\"StartAction\\":\\"hi\\",'
	printf '\\"Metadata\\":{\\"entryPointPosition\\":{\\"x\\":0,\\"y\\":0},'
	printf '\\"ActionMetadata\\":{\\"hi\\":{\\"position\\":{\\"x\\":1,\\"y\\":1}},'
	printf '\\"gone\\":{\\"position\\":{\\"x\\":9,\\"y\\":9}}}},\\"Actions\\":['
	printf '{\\"Identifier\\":\\"hi\\",\\"Type\\":\\"MessageParticipant\\",'
	printf '\\"Parameters\\":{\\"Text\\":\\"Hello%s\\"},' "${2-}"
	printf '\\"Transitions\\":{\\"NextAction\\":\\"fn\\"}},'
	printf '{\\"Identifier\\":\\"fn\\",\\"Type\\":\\"InvokeLambdaFunction\\",'
	printf '\\"Parameters\\":{\\"LambdaFunctionARN\\":\\"arn:aws:lambda:'
	printf 'us-east-1:123456789012:function:acme-lookup\\"},'
	printf '\\"Transitions\\":{\\"NextAction\\":\\"bye\\",\\"Errors\\":[{'
	printf '\\"NextAction\\":\\"bye\\",\\"ErrorType\\":\\"NoMatchingError\\"}]}},'
	printf '{\\"Identifier\\":\\"bye\\",\\"Type\\":\\"DisconnectParticipant\\",'
	printf '\\"Parameters\\":{},\\"Transitions\\":{}}]}"\n}\n'
}

# The Lambda's account is the flow's own only because the configuration
# says so: the flow has no Connect ARN that would tell.
printf '{"environments": {"own": {"accounts": ["123456789012"], "paths": ["**"]}}}\n' \
    > .flowlint.json

mtime() { stat -c %Y "$1"; }
stray() { find "$1" -name '.*.flowlint-*' | grep -q .; }

expect_run help 0 'flowlint fix \[options\] \[PATH\.\.\.\].*' -- fix --help
expect_run bad-option 2 "unknown option '--bogus'" -- fix --bogus
expect_run unknown-rule 2 "unknown rule 'FL999'" -- fix --select FL999 .
expect_run missing-file 2 'nope\.json: .*No such file or directory' -- fix nope.json

# --diff prints the change and writes nothing.
flow f > f.json
cp f.json f.orig
touch -d '2001-02-03 04:05:06' f.json
before=$(mtime f.json)
expect_run diff-shows 1 '^\+  "Content": .*FlowAttributes\.acme-lookup' -- fix --diff f.json
expect_run diff-header 1 '^--- a/f\.json' -- fix --diff f.json
if cmp -s f.json f.orig && [ "$(mtime f.json)" = "$before" ]; then ok; else fail "--diff wrote the file"; fi

# fix writes atomically, keeps the mode, reports what it fixed, exit 0.
chmod 640 f.json
expect_run fixes 0 '^f\.json:4:[0-9]+: fixed \[FL101 hardcoded-arn\] Lambda function ARN' -- fix f.json
if cmp -s f.json f.orig; then fail "fix did not change f.json"; else ok; fi
[ "$(stat -c %a f.json)" = 640 ] && ok || fail "mode not kept: $(stat -c %a f.json)"
stray . && fail "temporary file left behind" || ok
expect_run check-after-fix 0 'No problems found in 1 file' -- check f.json

# Fixing again changes nothing and does not touch the file.
cp f.json f.once
touch -d '2001-02-03 04:05:06' f.json
before=$(mtime f.json)
expect_run fix-twice 0 'Fixed 0 findings in 0 of 1 file' -- fix f.json
if cmp -s f.json f.once && [ "$(mtime f.json)" = "$before" ]; then ok; else fail "second fix touched f.json"; fi

# --select / --ignore limit the fixes and the report, as in check; what
# remains of the chosen rules sets the exit code.
flow s > s.json
expect_run select 0 'Fixed 1 finding in 1 of 1 file' -- fix --select FL305 s.json
grep -q '123456789012' s.json && ! grep -q 'gone' s.json && ok || fail "--select FL305 fixed more or less"
flow s > s.json
expect_run ignore 0 'fixed \[FL305 orphan-metadata\]' -- fix --ignore hardcoded-arn s.json
grep -q '123456789012' s.json && ok || fail "--ignore FL101 fixed FL101"
flow s > s.json
expect_run select-fail-on 1 'Would fix 1 finding in 1 of 1 file' -- fix --diff --select FL305 --fail-on warning s.json

# A name flowlint does not know is not guessed; the file stays as it is.
sed 's|arn:aws:lambda:us-east-1:123456789012:function:acme-lookup|arn:aws:connect:us-east-1:123456789012:instance/4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f/queue/2b8e7c14-93d5-4f6a-a1c7-5e0f9b3d8264|' f.orig > q.json
expect_run unknown-name 1 'no automatic fix: flowlint does not know the name of queue 2b8e7c14-93d5-4f6a-a1c7-5e0f9b3d8264; add it to the inventory \(the output of `aws connect list-queues`\)' -- fix --select FL101 q.json
grep -q '123456789012' q.json && ok || fail "unknown name: the ARN was rewritten"

# Without that, the account is not known to be the flow's: the ARN stays.
flow a > a.json && cp a.json a.orig && printf '{}\n' > none.json
expect_run unknown-account 1 'no automatic fix: account 123456789012 is not known to be the flow.s own: .*list it for this file under "environments"' -- fix --select FL101 --config none.json a.json
expect_same unknown-account-kept a.json a.orig

# Invalid JSON stays as it is (exit 1 with its finding), not a crash.
printf '{"Version": "2019-10-30", "Actions": [' > broken.json
expect_run invalid-json 1 'broken\.json:1:[0-9]+: error \[FL001 invalid-json\]' -- fix broken.json

# A symlink stays a symlink; its target is fixed.
mkdir real && flow l > real/target.json && ln -s real/target.json link.json
expect_run symlink 0 'fixed \[FL101' -- fix link.json
[ -L link.json ] && ok || fail "the symlink was replaced by a file"
grep -q 'FlowAttributes.acme-lookup' real/target.json && ok || fail "symlink target not fixed"

# A folder nobody may write into (its file may be written): exit 2, the
# file untouched, no stray file.  Root writes anywhere, so the run drops
# to nobody for this case.
mkdir ro && flow r > ro/r.json && cp ro/r.json r.orig
chmod 755 . ro && chmod 666 ro/r.json && chmod 555 ro
as_user=""
if [ "$(id -u)" = 0 ]; then
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
	chmod 755 "$work"
fi
# shellcheck disable=SC2086
out=$($as_user "$FLOWLINT" fix ro/r.json 2>&1)
rc=$?
if [ "$rc" = 2 ] && printf '%s\n' "$out" | grep -q 'ro/r\.json: cannot create a temporary file beside it: Permission denied'; then
	ok
else
	fail "read-only folder: exit $rc: $out"
fi
cmp -s ro/r.json r.orig && ok || fail "read-only folder: file changed"
stray ro && fail "read-only folder: stray file" || ok
chmod 755 ro

# A read-only file in a writable folder is refused, as formatters do:
# exit 2, the file as it was (root included, who could write it).
flow w > w.json && cp w.json w.orig && chmod 444 w.json
expect_run read-only-file 2 'w\.json: read-only; not written' -- fix w.json
cmp -s w.json w.orig && ok || fail "read-only file: rewritten"
[ "$(stat -c %a w.json)" = 444 ] && ok || fail "read-only file: mode changed"

# A full disk (RLIMIT_FSIZE: the write fails with EFBIG): exit 2, the
# file untouched, no stray file.
pad=$(awk 'BEGIN { for (i = 0; i < 4000; i++) printf "x" }')
mkdir full && flow big "$pad" > full/big.json && cp full/big.json big.orig
out=$( (trap '' XFSZ; ulimit -f 4; "$FLOWLINT" fix full/big.json) 2>&1)
rc=$?
if [ "$rc" = 2 ] && printf '%s\n' "$out" | grep -q 'full/big\.json: cannot write: File too large'; then
	ok
else
	fail "full disk: exit $rc: $out"
fi
cmp -s full/big.json big.orig && ok || fail "full disk: file changed"
stray full && fail "full disk: stray file" || ok

# Interrupted (SIGTERM, SIGINT) while fixing many files: each file is
# either the old one or the fixed one, and no temporary file is left.
mkdir model && flow m "$pad" > model/m.json && cp model/m.json m.orig
"$FLOWLINT" fix -q model/m.json >/dev/null
body=$(cat m.orig)	# the file ends in one newline, which printf restores
for sig in TERM INT; do
	rm -rf many && mkdir many
	i=0
	while [ $i -lt 200 ]; do
		printf '%s\n' "$body" > "many/m$i.json"
		i=$((i + 1))
	done
	"$FLOWLINT" fix -q many >/dev/null 2>&1 &
	pid=$!
	sleep 0.2
	kill -"$sig" $pid 2>/dev/null
	wait $pid
	bad=$(cksum many/*.json | awk -v a="$(cksum < m.orig)" \
	    -v b="$(cksum < model/m.json)" \
	    '$1 " " $2 != a && $1 " " $2 != b { n++ } END { print n + 0 }')
	[ "$bad" = 0 ] && ok || fail "SIG$sig: $bad files are neither old nor new"
	stray many && fail "SIG$sig: temporary file left" || ok
done


# A fix that cannot be made leaves its finding, with the reason, and
# never stops the others: the queue is fixed, the prompt (whose name the
# deploy replacer cannot reach) stays as it is, exit 1.
mkdir partial
cat > partial/p.json <<'EOF'
{
  "Version": "2019-10-30",
  "StartAction": "hi",
  "Metadata": {"entryPointPosition": {"x": 0, "y": 0}, "ActionMetadata": {}},
  "Actions": [
    {"Identifier": "hi", "Type": "MessageParticipant",
     "Parameters": {"PromptId": "arn:aws:connect:us-east-1:123456789012:instance/4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f/prompt/7d1e2f3a-4b5c-4d6e-8f9a-0b1c2d3e4f5a"},
     "Transitions": {"NextAction": "q"}},
    {"Identifier": "q", "Type": "UpdateContactTargetQueue",
     "Parameters": {"QueueId": "arn:aws:connect:us-east-1:123456789012:instance/4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f/queue/2b8e7c14-93d5-4f6a-a1c7-5e0f9b3d8264"},
     "Transitions": {"NextAction": "bye"}},
    {"Identifier": "bye", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}
  ]
}
EOF
printf 'sales\t2b8e7c14-93d5-4f6a-a1c7-5e0f9b3d8264\n' > partial/queues.txt
printf 'Welcome.v2.wav\t7d1e2f3a-4b5c-4d6e-8f9a-0b1c2d3e4f5a\n' > partial/prompts.txt
printf '{"inventory": {"layout": false, "sources": [%s, %s]}}\n' \
    '{"kind": "queue", "file": "queues.txt"}' \
    '{"kind": "prompt", "file": "prompts.txt"}' > partial/.flowlint.json
expect_run partial-check 1 '"fixable": false' -- check --format json partial/p.json
expect_run partial-fix 1 'p\.json:7:[0-9]+: error \[FL101 hardcoded-arn\] prompt ARN .*no automatic fix: the deploy replacer would look up "Welcome\.v2"' -- fix partial/p.json
grep -q 'queue/${Q:sales:Q}' partial/p.json &&
    grep -q 'prompt/7d1e2f3a-4b5c-4d6e-8f9a-0b1c2d3e4f5a"' partial/p.json &&
    ok || fail "partial: the queue was not fixed or the prompt was rewritten"


# FL008: an object Content becomes the exporter's compact string, after
# the file's other fixes; the result checks clean and fixes to itself.
cp "$FLOWLINT_SOURCE_DIR/tests/fixtures/FL008-content-not-a-string/bad-content-object-and-more.json" obj.json
expect_run content-object 0 'Fixed 2 findings in 1 of 1 file' -- fix obj.json
grep -q '"Content": "{\\"Version\\":\\"2019-10-30\\",' obj.json && ok ||
    fail "Content is not the compact string"
expect_run content-object-clean 0 'No problems found in 1 file' -- check obj.json
cp obj.json obj.once
expect_run content-object-twice 0 'Fixed 0 findings in 0 of 1 file' -- fix obj.json
expect_same content-object-stable obj.json obj.once

finish
