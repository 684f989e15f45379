#!/bin/sh
# flowlint graph --format mermaid, judged by mermaid's own parser (the
# npm package, pinned in tests/mermaid/): every flow of both corpora, a
# fixture with every character the escaping must handle, and the charts of
# a 250-action flow and of a flow of thousands of blocks, which stay under
# Mermaid's limits (50,000 characters, 500 edges); resources by name.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/helpers/chain_flow.sh"
. "$here/../npm-tools.sh"
npm_tools "$here/../mermaid" mermaid
command -v node >/dev/null 2>&1 || { echo "SKIP: node is not installed"; exit 77; }

mkdir charts
n=0
# chart NAME FILE [ARGS...]: draws FILE into charts/NAME.mmd.
chart() {
	name=$1 file=$2
	shift 2
	"$FLOWLINT" graph "$@" "$file" > "charts/$name.mmd" 2> err.txt ||
		{ fail "graph $file: exit $?"; cat err.txt; }
	n=$((n + 1))
}

# Labels with quotes, #, brackets, pipes, semicolons, HTML, backticks,
# non-ASCII, a newline and a tab.
printf '%s\n' '{"Version":"2019-10-30","StartAction":"a","Actions":[' \
	'{"Identifier":"a","Type":"MessageParticipant","Parameters":{"Text":"Say \"#1\" [x] {y} (z) a|b; <b>bold</b> & `code` é ü 日本 \n new\tline end"},"Transitions":{"NextAction":"b","Conditions":[{"NextAction":"b","Condition":{"Operator":"Equals","Operands":["\"]|#; -->"]}}],"Errors":[{"NextAction":"gone","ErrorType":"NoMatchingError"}]}},' \
	'{"Identifier":"b","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}' > escapes.json
chart escapes escapes.json
grep -q 'é ü 日本' charts/escapes.mmd && ok || fail "non-ASCII kept in the label"

# A cycle, and the big cases: within the limits, and saying what was left out.
printf '%s\n' '{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"MessageParticipant","Parameters":{"Text":"x"},"Transitions":{"NextAction":"b"}},{"Identifier":"b","Type":"MessageParticipant","Parameters":{"Text":"y"},"Transitions":{"NextAction":"a"}}]}' > cycle.json
chart cycle cycle.json
chain_flow chain250.json 250
chart chain250 chain250.json
chain_flow chain3000.json 3000
chart chain3000 chain3000.json
for f in charts/chain250.mmd charts/chain3000.mmd; do
	size=$(wc -c < "$f") edges=$(grep -c -- '-->' "$f")
	[ "$size" -le 50000 ] && [ "$edges" -le 500 ] && ok || fail "$f: $size characters, $edges edges"
done
grep -q 'hidden\["[0-9]* blocks not shown (over the size limit)"\]' charts/chain3000.mmd && ok || fail "the collapsed blocks are counted"
# With a base, only the changed block and its neighbours are drawn.
chain_flow chain250b.json 250 'Changed prompt'
chart based chain250b.json --base chain250.json
grep -q 'Changed prompt"\]:::changed$' charts/based.mmd && grep -q '246 blocks not shown (unchanged)' charts/based.mmd &&
	ok || { fail "graph --base"; cat charts/based.mmd; }

# Nodes name the queue, Lambda function and module a block refers to
# (through $.FlowAttributes and the object map) as the inventory of the
# example repository knows them.
chart names "${FLOWLINT_SOURCE_DIR:?}/flows/imports/resources/flows/nw_main_inbound.json"
cat > names.want <<'OUT'
  n8["InvokeLambdaFunction<br/>lambda nw-account-lookup"]
  n10["InvokeFlowModule<br/>module nw_auth_module"]
  n12["CheckHoursOfOperation<br/>hours nw_business_hours"]
  n14["UpdateContactTargetQueue<br/>queue outages"]
  n16["UpdateContactTargetQueue<br/>queue billing"]
OUT
grep -E '^  n(8|10|12|14|16)\[' charts/names.mmd > names.got
expect_same graph-names names.want names.got

for dir in "${FLOWLINT_SOURCE_DIR:?}/../shared/corpus/real-flows" \
    "$FLOWLINT_SOURCE_DIR/../shared/corpus/reference-monorepo"; do
	[ -d "$dir" ] || { echo "skipped the corpus: no $dir"; continue; }
	for f in $(find "$dir" -name '*.json' | sort); do
		# Only flows: graph refuses the rest, which is right.
		"$FLOWLINT" graph "$f" > "charts/corpus$n.mmd" 2>/dev/null || { rm -f "charts/corpus$n.mmd"; continue; }
		n=$((n + 1))
	done
done

# The parser does refuse what escaping prevents: a bare pipe in a label.
printf 'flowchart TD\n  n0["a"]\n  n0 -->|a|b| n1\n' > bad.mmd
node "$here/helpers/mermaid_parse.mjs" "$NPM_TOOLS/node_modules" bad.mmd >/dev/null 2>&1 &&
	fail "mermaid accepted a broken chart: the check cannot fail" || ok
if out=$(node "$here/helpers/mermaid_parse.mjs" "$NPM_TOOLS/node_modules" charts/*.mmd 2>&1); then
	ok
else
	fail "mermaid refused some charts:"; printf '%s\n' "$out" | head -20
fi
echo "$(ls charts | wc -l) charts parsed"
finish
