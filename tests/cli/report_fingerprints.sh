#!/bin/sh
# Fingerprints (Code Quality, SARIF) stay the same when lines are
# inserted above the findings, when an action is added before them, when
# the repository folder moves, when flowlint runs from another folder,
# and in another clone; identical findings still get distinct ones, also
# when the baseline hides one of them.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helpers/git.sh"
src=${FLOWLINT_SOURCE_DIR:?}

# fps REPORT: the report's fingerprints, sorted.
fps() { grep -o '"fingerprint": "[0-9a-f]*"' "$1" | cut -d'"' -f4 | sort; }
# same NAME A B: the two fingerprint lists are equal.
same() { if cmp -s "$2" "$3"; then ok; else fail "$1: fingerprints differ"; diff "$2" "$3" | head -5; fi; }

mkdir repo && cp -R "$src/flows/imports" "$src/flows/.flowlint.json" "$src/flows/aws" repo/ || exit 1
flows=repo/imports/resources/flows
# A pretty-printed raw flow: two actions named "x", and an unreachable
# action with a hardcoded queue ARN, on lines 6 and 7.
cat >$flows/raw.json <<'JSON'
{
  "Version": "2019-10-30",
  "StartAction": "x",
  "Actions": [
    {"Identifier": "x", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}},
    {"Identifier": "x", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}},
    {"Identifier": "q", "Type": "UpdateContactTargetQueue", "Parameters": {"QueueId": "arn:aws:connect:eu-west-2:111122223333:instance/6f3d2a91-4b7e-4c58-9e21-d84a7b0c35e6/queue/2b8e7c14-93d5-4f6a-a1c7-5e0f9b3d8264"}, "Transitions": {"NextAction": "x", "Errors": [{"NextAction": "x", "ErrorType": "NoMatchingError"}]}}
  ]
}
JSON
git init -q repo && git -C repo add -A &&
	git -C repo -c user.name=t -c user.email=t@example.com commit -qm base || exit 1

(cd repo && "$FLOWLINT" check -f codequality -o ../base.json . >/dev/null)
fps base.json >base.fp
[ "$(wc -l <base.fp)" = 12 ] && ok || fail "want 12 findings, got $(wc -l <base.fp)"
[ -z "$(uniq -d base.fp)" ] && ok || fail "repeated fingerprints"

# 1. Lines inserted above every finding: blank lines and a new member
#    above the console export's Content (line 4 -> 8), a new first action
#    above the raw flow's (every action index moves by one).
export_json=$flows/nw_billing_console_export.json
{ printf '\n\n\n'; sed '1a\
  "Note": "moved down",' $export_json; } >tmp.json && mv tmp.json $export_json
sed -e 's/"StartAction": "x"/"StartAction": "first"/' \
	-e '/"Actions": \[/a\
    {"Identifier": "first", "Type": "MessageParticipant", "Parameters": {"Text": "Hello"}, "Transitions": {"NextAction": "x"}},' \
	$flows/raw.json >tmp.json && mv tmp.json $flows/raw.json
(cd repo && "$FLOWLINT" check -f codequality -o ../edited.json . >/dev/null)
fps edited.json >edited.fp
same lines-inserted base.fp edited.fp
grep -q '"path": "imports/resources/flows/nw_billing_console_export.json", "lines": {"begin": 8}' edited.json &&
	ok || fail "lines-inserted: the findings did not move (test is void)"
grep -q '"path": "imports/resources/flows/raw.json", "lines": {"begin": 8}' edited.json &&
	ok || fail "action-inserted: the findings did not move (test is void)"

# 2. The repository folder moves; flowlint runs from inside it, from
#    above it, and from a subfolder.
mv repo moved || exit 1
(cd moved && "$FLOWLINT" check -f codequality -o ../inside.json . >/dev/null)
fps inside.json >inside.fp
same moved-inside edited.fp inside.fp
"$FLOWLINT" check -f codequality -o above.json moved >/dev/null
fps above.json >above.fp
same moved-above edited.fp above.fp
(cd moved/imports/resources && "$FLOWLINT" check -f codequality -o ../../../sub.json flows >/dev/null)
fps sub.json >sub.fp
same from-subfolder edited.fp sub.fp
"$FLOWLINT" check -f sarif -o moved.sarif moved >/dev/null
grep -o '"flowlint/v1": "[0-9a-f]*"' moved.sarif | cut -d'"' -f4 | sort >sarif.fp
same sarif-partial-fingerprints edited.fp sarif.fp

# 3. Another clone of the base commit, in another place.
mkdir -p elsewhere/deeper && git clone -q moved elsewhere/deeper/clone || exit 1
(cd elsewhere/deeper/clone && "$FLOWLINT" check -f codequality -o ../../../clone.json . >/dev/null)
fps clone.json >clone.fp
same other-clone base.fp clone.fp

# 4. Two identical findings (two queue ARNs in one Text): with the first
# in the baseline, the second is reported with its own fingerprint, not
# the one the baseline holds.
mkdir twins && cd twins || exit 1
q=arn:aws:connect:us-east-1:123456789012:instance/4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f/queue
cat >flow.json <<JSON
{"Version": "2019-10-30", "StartAction": "a", "Actions": [
 {"Identifier": "a", "Type": "MessageParticipant", "Parameters": {"Text": "$q/2b8e7c14-93d5-4f6a-a1c7-5e0f9b3d8264 $q/2b8e7c14-93d5-4f6a-a1c7-5e0f9b3d8265"}, "Transitions": {"NextAction": "b", "Errors": [{"NextAction": "b", "ErrorType": "NoMatchingError"}]}},
 {"Identifier": "b", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}]}
JSON
"$FLOWLINT" check -f codequality -o both.json flow.json >/dev/null
grep -o '"fingerprint": "[0-9a-f]*"' both.json | cut -d'"' -f4 >both.fp
"$FLOWLINT" check --write-baseline base.json flow.json >/dev/null 2>&1
first=$(sed -n 1p both.fp) second=$(sed -n 2p both.fp)
printf '{"version": 2, "findings": [%s]}\n' \
    "$(grep "$first" base.json | sed 's/,$//')" >first.json
"$FLOWLINT" check --baseline first.json -f codequality -o rest.json flow.json >/dev/null 2>&1
fps rest.json >rest.fp
echo "$second" >want.fp
if [ "$(wc -l <both.fp)" -eq 2 ] && [ "$first" != "$second" ]; then ok; else
	fail "twins: want two distinct fingerprints"; cat both.fp; fi
same baseline-keeps-occurrence want.fp rest.fp
cd .. || exit 1

finish
