#!/bin/sh
# The folders of src/ form layers: no folder may include, directly or
# through others, a header of a folder that includes it (a cycle), and a
# few edges are forbidden outright because they would invert a layer
# even where no cycle closes yet.  Usage: include_graph.sh SRC_DIR
set -eu
src=${1:?usage: include_graph.sh SRC_DIR}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One "from to" line per folder-to-folder include.
for f in "$src"/*/*.c "$src"/*/*.h; do
	from=$(basename "$(dirname "$f")")
	sed -n 's|^#include "\([a-z_]*\)/.*|\1|p' "$f" | while read -r to; do
		[ "$to" = "$from" ] || echo "$from $to"
	done
done | sort -u >"$tmp/edges"

fail=0
# Not below: the folder on the left must not include the one on the
# right, or, where the right names a header, that header.
while read -r from to why; do
	case $to in
	*/*)	hits=$(grep -l "^#include \"$to\"" "$src/$from"/* || true) ;;
	*)	hits=
		if grep -qx "$from $to" "$tmp/edges"; then
			hits=$(grep -l "^#include \"$to/" "$src/$from"/*)
		fi ;;
	esac
	if [ -n "$hits" ]; then
		echo "FAIL: $from/ includes $to: $why" >&2
		echo "$hits" | sed 's/^/  /' >&2
		fail=1
	fi
done <<'RULES'
rules lint a rule sees its read-only inputs, never the pipeline
repo lint the repository layer is below the linter
report lint reporters render what they are given
report fix reporters render what they are given
diag rules findings are below the rules that make them
fix rules the fix requests are below the rules that use them
fix lint the fix requests are below the pipeline
config run the configuration is read by the run, never the reverse
config inventory/build.h configuration parses into specifications; the inventory module builds
config inventory/sources.h configuration parses into specifications; the inventory module reads
config inventory/cache.h configuration parses into specifications; the inventory module caches
RULES

# tsort names the folders of a cycle on standard error.
if ! tsort "$tmp/edges" >/dev/null 2>"$tmp/loop"; then
	echo "FAIL: the include graph of src/ folders has a cycle:" >&2
	cat "$tmp/loop" >&2
	fail=1
fi
exit $fail
