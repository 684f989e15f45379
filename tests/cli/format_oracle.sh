#!/bin/sh
# flowlint format against JSON.stringify itself (node): for every file in
# ../shared/corpus and every case in tests/format that JSON.parse reads,
# the output is byte for byte what the exporter's JSON.stringify writes.
# The only cases allowed to differ keep number text JSON.stringify would
# rewrite (1.0, 1e2), or are refused for what JSON.parse silently
# resolves (duplicate keys, a lone surrogate).  Skips without node.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
src=${FLOWLINT_SOURCE_DIR:?FLOWLINT_SOURCE_DIR is not set}

if ! command -v node > /dev/null 2>&1; then
	echo "SKIP: node is not installed"
	exit 77
fi

differ_ok=" raw-tabs-crlf.in.json wrapped-four-spaces.in.json \
dup-key.in.json dup-key-in-content.in.json invalid-lone-surrogate.in.json "

compared=0
mkdir want
set -- "$src"/tests/format/*.in.json $(find "$src/../shared/corpus" -name '*.json' 2> /dev/null | sort)
node "$here/format_oracle.js" want "$@" || { fail "node failed"; finish; exit; }
n=0
for f in "$@"; do
	want=want/$n.json
	n=$((n + 1))
	[ -f "$want" ] || continue	# not JSON to JSON.parse
	"$FLOWLINT" format - < "$f" > got.json 2> /dev/null
	compared=$((compared + 1))
	if cmp -s got.json "$want"; then
		ok
	else
		case $differ_ok in
		*" $(basename "$f") "*) ok ;;
		*) fail "$f: differs from JSON.stringify"; diff "$want" got.json | head -5 ;;
		esac
	fi
done
echo "compared $compared files with JSON.stringify"
finish
