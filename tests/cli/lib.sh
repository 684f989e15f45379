# Helpers for the CLI tests (sourced).  Each test script runs flowlint
# in a fresh temporary folder and counts failures; exit status is the
# number of failed checks (0 = pass), and the last line is the plain
# "N passed, N failed" summary.
set -u
FLOWLINT=${1:?usage: script FLOWLINT}
passed=0 failed=0
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work" || exit 1
# FLOWLINT_LAUNCHER (say, valgrind and its options) runs every flowlint.
if [ -n "${FLOWLINT_LAUNCHER:-}" ]; then
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$FLOWLINT_LAUNCHER" "$FLOWLINT" \
		> "$work/.flowlint"
	chmod +x "$work/.flowlint"
	FLOWLINT=$work/.flowlint
fi

# need COMMAND: skips the test (exit 77) when COMMAND is not installed.
need() {
	command -v "$1" > /dev/null 2>&1 && return 0
	echo "SKIP: $1 is not installed"
	exit 77
}

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# expect_run NAME EXIT PATTERN -- ARGS...: runs flowlint ARGS, checks the
# exit code and that stdout+stderr match the grep -E PATTERN.
expect_run() {
	name=$1 want=$2 pattern=$3
	shift 4
	out=$("$FLOWLINT" "$@" 2>&1)
	got=$?
	if [ "$got" != "$want" ]; then
		fail "$name: exit $got, want $want"; echo "$out" | head -5; return
	fi
	if ! printf '%s\n' "$out" | grep -Eq -- "$pattern"; then
		fail "$name: output does not match /$pattern/"; echo "$out" | head -5; return
	fi
	ok
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
}

# expect_same NAME FILE1 FILE2: the two files hold the same bytes.
expect_same() {
	if cmp -s "$2" "$3"; then ok; else fail "$1: $2 and $3 differ"; fi
}
