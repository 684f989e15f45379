#!/bin/sh
# Golden tests for one fixture folder: tests/fixtures/<CODE>-<name>/.
#
# For every input NAME.json it runs, from inside the folder,
#   flowlint check --color never NAME.json          -> NAME.expected.txt
#   flowlint check --format json NAME.json          -> NAME.expected.json
# and compares stdout plus a final "[exit N]" line with the expected file.
# NAME.args, when present, holds extra arguments (one line).  A folder
# bad-NAME/ or good-NAME/ is checked whole, as a repository tree, for
# rules that depend on the layout (NAME.expected.* beside it).
# NAME.json.fixed, when present, is what `flowlint fix` makes of a copy
# of NAME.json; fixing that result again must change nothing.
#
# A missing expected file is written and the test fails, so a new case
# is reviewed before it counts; FLOWLINT_BLESS=1 rewrites them all.
#
# usage: run.sh FLOWLINT FIXTURE_DIR
set -u
flowlint=$1
dir=$2
status=0
# FLOWLINT_LAUNCHER (say, valgrind and its options) runs every flowlint.
if [ -n "${FLOWLINT_LAUNCHER:-}" ]; then
	wrapper=$(mktemp)
	trap 'rm -f "$wrapper"' EXIT
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$FLOWLINT_LAUNCHER" "$flowlint" \
		> "$wrapper"
	chmod +x "$wrapper"
	flowlint=$wrapper
fi
cd "$dir" || exit 1

run_case() {	# $1 input, $2 suffix, $3... flowlint arguments
	input=$1 suffix=$2
	shift 2
	expected=$input.expected.$suffix
	actual=$(mktemp)
	extra=""
	[ -f "$input.args" ] && extra=$(cat "$input.args")
	# shellcheck disable=SC2086
	"$flowlint" check "$@" $extra "$input" >"$actual" 2>&1
	echo "[exit $?]" >>"$actual"
	if [ "${FLOWLINT_BLESS:-0}" = 1 ] || [ ! -f "$expected" ]; then
		[ -f "$expected" ] || { echo "new expectation: $dir/$expected"; status=1; }
		cp "$actual" "$expected"
	elif ! diff -u "$expected" "$actual"; then
		echo "FAIL: $dir/$input ($suffix)"
		status=1
	fi
	rm -f "$actual"
}

run_fix() {	# $1 input, compared with $1.fixed
	input=$1 expected=$1.fixed
	tmp=$(mktemp -d)
	cp "$input" "$tmp/$input"
	"$flowlint" fix -q "$tmp/$input" >/dev/null 2>&1
	cp "$tmp/$input" "$tmp/once"
	"$flowlint" fix -q "$tmp/$input" >/dev/null 2>&1
	if ! cmp -s "$tmp/once" "$tmp/$input"; then
		echo "FAIL: $dir/$input: fixing the fixed file changed it"
		status=1
	fi
	if [ "${FLOWLINT_BLESS:-0}" = 1 ] || [ ! -s "$expected" ]; then
		[ -s "$expected" ] || { echo "new expectation: $dir/$expected"; status=1; }
		cp "$tmp/once" "$expected"
	elif ! diff -u "$expected" "$tmp/once"; then
		echo "FAIL: $dir/$input (fixed)"
		status=1
	fi
	rm -rf "$tmp"
}

found=0
for input in *.json bad-*/ good-*/; do
	case $input in *.expected.json) continue ;; esac
	[ -e "$input" ] || continue
	found=1
	input=${input%/}
	run_case "$input" txt --color never
	run_case "$input" json --format json
	[ -e "$input.fixed" ] && run_fix "$input"
done
[ "$found" = 1 ] || { echo "no inputs in $dir"; exit 1; }
exit $status
