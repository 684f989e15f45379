#!/bin/sh
# flowlint graph --format dot, judged by Graphviz's dot: every flow of both
# corpora and a fixture with every character the escaping must handle (and
# a cycle); a flow of thousands of blocks gives bounded output.  Also the
# usage errors and the refusal of files that are not flows.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/helpers/chain_flow.sh"
command -v dot >/dev/null 2>&1 || { echo "SKIP: graphviz (dot) is not installed"; exit 77; }

expect_run help 0 'usage: flowlint graph' -- graph --help
expect_run no-file 2 'expected one FILE' -- graph
expect_run bad-format 2 "--format takes mermaid or dot, not 'png'" -- graph --format png x.json
printf '{"a": 1}' > other.json
printf '{"a": ' > broken.json
expect_run not-a-flow 2 '^flowlint: error: other\.json:1:1: not an Amazon Connect contact flow' -- graph other.json
expect_run invalid-json 2 '^flowlint: error: broken\.json:1:7: ' -- graph broken.json

# check_dot NAME FILE [ARGS...]: the DOT of FILE renders with dot.
check_dot() {
	name=$1 file=$2
	shift 2
	if ! "$FLOWLINT" graph --format dot "$@" "$file" > "$name.dot" 2> err.txt; then
		fail "graph $file: exit $?"; cat err.txt; return
	fi
	if timeout 120 dot -Tsvg "$name.dot" > "$name.svg" 2> err.txt && [ ! -s err.txt ]; then
		ok
	else
		fail "dot refused $file:"; head -5 err.txt
	fi
}

printf '%s\n' '{"Version":"2019-10-30","StartAction":"a","Actions":[' \
	'{"Identifier":"a","Type":"MessageParticipant","Parameters":{"Text":"Say \"#1\" [x] {y} <b> \\N \\l back\\\\slash é 日本 \n new"},"Transitions":{"NextAction":"b","Conditions":[{"NextAction":"a","Condition":{"Operator":"Equals","Operands":["\"}];"]}}],"Errors":[{"NextAction":"gone","ErrorType":"NoMatchingError"}]}},' \
	'{"Identifier":"b","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}' > escapes.json
check_dot escapes escapes.json
# The label text survives dot's own escapes (\N would be the node's name).
grep -q 'Say &quot;#1&quot; \[x\] {y} &lt;b&gt; \\N \\l back\\\\slash é 日本 ' escapes.svg && ok ||
	{ fail "the label comes out as written"; grep -o 'Say[^<]*' escapes.svg; }
grep -q 'missing: gone' escapes.dot && ok || fail "a dangling transition points at a 'missing' node"

# (Laying out even the bounded part takes dot minutes on a loaded machine,
# so these two are only checked for their size and content.)
chain_flow chain3000.json 3000
"$FLOWLINT" graph --format dot chain3000.json > chain3000.dot || fail "graph of 3000 blocks"
size=$(wc -c < chain3000.dot) edges=$(grep -c -- '->' chain3000.dot)
[ "$size" -le 100000 ] && [ "$edges" -le 500 ] && grep -q 'blocks not shown (over the size limit)' chain3000.dot && ok || fail "3000 blocks: $size bytes"
chain_flow chain3000b.json 3000 'Changed'
"$FLOWLINT" graph --format dot --base chain3000.json chain3000b.json > based.dot || fail "graph --base"
grep -q 'fillcolor="#fff3b0"' based.dot && grep -q '2996 blocks not shown (unchanged)' based.dot && ok || { fail "--base"; cat based.dot; }

# The README's picture is drawn from the committed DOT, which is what
# graph prints today (regenerate both with the commands in the README).
"$FLOWLINT" graph --format dot "$FLOWLINT_SOURCE_DIR/flows/imports/resources/flows/nw_main_inbound.json" > readme.dot &&
	expect_same readme-picture "$FLOWLINT_SOURCE_DIR/docs/nw_main_inbound.dot" readme.dot

for dir in "${FLOWLINT_SOURCE_DIR:?}/../shared/corpus/real-flows" \
    "$FLOWLINT_SOURCE_DIR/../shared/corpus/reference-monorepo"; do
	[ -d "$dir" ] || { echo "skipped the corpus: no $dir"; continue; }
	i=0
	for f in $(find "$dir" -name '*.json' | sort); do
		"$FLOWLINT" graph --format dot "$f" > /dev/null 2>&1 || continue
		i=$((i + 1))
		check_dot "corpus$i" "$f"
	done
done
finish
