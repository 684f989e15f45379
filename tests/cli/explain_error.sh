#!/bin/sh
# flowlint explain-error: Connect's InvalidContactFlowException problems,
# pasted (a deploy log: the AWS CLI's summary line, a heading, bulleted
# messages, "Actions[0]" and "0" index styles) or as the JSON of the
# AWS CLI's --cli-error-format json (a "problems" array of {"message"}),
# land at the exact line:col inside Content, with the Identifier and the
# rule that reports the same; a path that names nothing is a note and
# exit 1; bad input exits 2 with a clear error.  Golden outputs in
# tests/data/explain-error/.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
data=$here/../data/explain-error
cp "$data"/sales.json "$data"/pasted.txt "$data"/awscli-error.json .

# golden NAME ARGS...: stdout+stderr and "[exit N]" equal NAME.expected.
golden() {
	name=$1
	shift
	{ "$FLOWLINT" "$@" 2>&1; echo "[exit $?]"; } > "$name.out"
	if cmp -s "$data/$name.expected" "$name.out"; then ok; else
		fail "$name: output differs"; diff "$data/$name.expected" "$name.out"; fi
}

golden pasted explain-error sales.json pasted.txt
{ "$FLOWLINT" explain-error sales.json < awscli-error.json 2>&1; echo "[exit $?]"; } > awscli.out
cmp -s "$data/awscli-error.expected" awscli.out && ok || { fail "awscli JSON on stdin"; diff "$data/awscli-error.expected" awscli.out; }

# The project's configuration decides which rule "would catch" it.
printf '{"ignore": ["FL506"]}\n' > .flowlint.json
expect_run config-ignore 0 'Parameters.Voice \[Identifier greeting\] \(no flowlint finding here\)' -- explain-error sales.json awscli-error.json
rm .flowlint.json

expect_run help 0 'usage: flowlint explain-error' -- explain-error --help
expect_run no-file 2 'expected the flow FILE' -- explain-error
expect_run missing-flow 2 'flowlint: error: nope\.json: cannot open' -- explain-error nope.json pasted.txt
expect_run missing-errors 2 'flowlint: error: nope\.txt: cannot open' -- explain-error sales.json nope.txt
printf '{"Queues": []}\n' > queues.json
expect_run not-a-flow 2 'queues\.json: not an Amazon Connect flow' -- explain-error queues.json pasted.txt
printf '\n\n' > empty.txt
expect_run no-problem 2 'empty\.txt: no problem found' -- explain-error sales.json empty.txt
printf '{"Code": "InvalidContactFlowException", "Message": "Invalid Action type. Path: 2"}\n' > message-only.json
expect_run message-only 0 '^sales\.json:4:759: Invalid Action type\. Path: 2 \[Identifier to-queue\] \(would be caught by FL501 unknown-action-type\)$' -- explain-error sales.json message-only.json
# A message not known here is tied to a finding only at the value its
# whole path names, never to the action as a whole.
printf 'Something else. Path: 1\nSomething else. Path: 0.Parameters.Voice\n' > other.txt
"$FLOWLINT" explain-error sales.json other.txt > other.out 2>&1
grep -qx 'sales.json:4:337: Something else. Path: 1 \[Identifier route\] (no flowlint finding here)' other.out &&
	grep -qx 'sales.json:4:191: Something else. Path: 0.Parameters.Voice \[Identifier greeting\] (would be caught by FL506 invalid-parameter)' other.out &&
	ok || { fail "unknown messages"; cat other.out; }
# A problem without a path (fuzz_explain_error found the empty path
# undefined behaviour) is printed at the file's start, and exits 1.
printf 'Invalid Action type\n' > nopath.txt
expect_run no-path 1 '^sales\.json:1:1: Invalid Action type \(note: the problem names no path\)$' -- explain-error sales.json nopath.txt
finish
