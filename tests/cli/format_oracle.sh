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
for f in "$src"/tests/format/*.in.json $(find "$src/../shared/corpus" -name '*.json' 2> /dev/null | sort); do
	node "$here/format_oracle.js" "$f" > want.json
	[ $? = 3 ] && continue
	"$FLOWLINT" format - < "$f" > got.json 2> /dev/null
	compared=$((compared + 1))
	if cmp -s got.json want.json; then
		ok
	else
		case $differ_ok in
		*" $(basename "$f") "*) ok ;;
		*) fail "$f: differs from JSON.stringify"; diff want.json got.json | head -5 ;;
		esac
	fi
done
echo "compared $compared files with JSON.stringify"
finish
