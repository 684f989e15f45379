#!/bin/sh
# check - lints standard input (an editor's unsaved buffer) as the file
# --stdin-filename names: its place in the layout, the inventory and the
# configuration around it, its per-file ignores and exclusion, and the
# decision whether it is a flow.  The proof is that both report the
# same, in text and JSON, for the same bytes: here a cross-file finding
# (FL303, a queue the inventory no longer has) in a real layout
# repository.  Without a name, standard input is <stdin> in the current
# folder.  fix - is refused; format - is tested in format.sh.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/helpers/git.sh"
. "$here/helpers/example_repo.sh"
: "${FLOWLINT_SOURCE_DIR:?}"

example_repo r || exit 1
drop_outages . && git commit -qm "drop outages" || exit 1
main=imports/resources/flows/nw_main_inbound.json

# same NAME WANT-EXIT DIR FILE ARGS...: in DIR, `check ARGS FILE` and
# `check ARGS - --stdin-filename FILE < FILE` exit WANT-EXIT, with the
# same standard output and standard error.
same() {
	name=$1 want=$2 dir=$3 file=$4
	shift 4
	(cd "$dir" && "$FLOWLINT" check "$@" "$file" >"$work/file.out" 2>"$work/file.err"
	 echo $? >"$work/file.rc"
	 "$FLOWLINT" check "$@" - --stdin-filename "$file" <"$file" \
	     >"$work/stdin.out" 2>"$work/stdin.err"
	 echo $? >"$work/stdin.rc")
	if [ "$(cat "$work/file.rc")" = "$want" ] &&
	    [ "$(cat "$work/stdin.rc")" = "$want" ]; then ok; else
		fail "$name: exit $(cat "$work/file.rc") and $(cat "$work/stdin.rc"), want $want"; fi
	expect_same "$name: stdout" "$work/file.out" "$work/stdin.out"
	expect_same "$name: stderr" "$work/file.err" "$work/stdin.err"
}

same text 1 . "$main"
grep -q "^$main:4:[0-9]*: error \\[FL303 dangling-flow-attribute\\] .*no queue is named \"outages\"" \
    "$work/stdin.out" && ok || { fail "text: no FL303 from stdin"; cat "$work/stdin.out"; }
same json 1 . "$main" --format json
grep -q '"code": *"FL303"' "$work/stdin.out" && ok || fail "json: no FL303 from stdin"
same subfolder 1 imports/resources "flows/nw_main_inbound.json"
same clean-flow 0 . imports/resources/flows/nw_auth_module.json
same not-a-flow 0 . imports/resources/queues/billing.json
grep -q 'billing.json: not a contact flow, skipped' "$work/stdin.err" && ok ||
    fail "not-a-flow: no note"

# Bytes that differ from the file on disk are what is linted.
sed 's/"Name": "nw_main_inbound"/"Name": "renamed"/' "$main" |
    "$FLOWLINT" check - --stdin-filename "$main" >out.txt 2>&1
grep -q "FL003" out.txt && ok || { fail "stdin bytes: no FL003"; cat out.txt; }
# A buffer not saved yet, in the flows folder: its layout decides.
printf '{"StartAction": ' > broken.json
expect_run unsaved-in-flows 1 '^imports/resources/flows/new\.json:1:[0-9]+: error \[FL001' -- \
    check --flows-only - --stdin-filename imports/resources/flows/new.json < broken.json
printf '{ // a comment\n}\n' > broken.json
expect_run flows-only-elsewhere 0 '^0 files checked: 1 not a contact flow\.$' -- \
    check --flows-only - --stdin-filename tsconfig.json < broken.json

# The configuration of the named file: per-file ignores and exclude.
sed '1a\
  "per-file-ignores": {"imports/resources/flows/nw_main_*.json": ["FL303"]},' \
    .flowlint.json > cfg.json
same per-file-ignores 0 . "$main" --config cfg.json
printf '{"exclude": ["imports/resources/flows/nw_main_*.json"]}\n' > cfg.json
same exclude 0 . "$main" --config cfg.json

# Without --stdin-filename: <stdin>, named.
expect_run dash-alone 1 '^<stdin>:1:3: error \[FL001 invalid-json\]' -- check - < broken.json
expect_run dash-note 0 'note: <stdin>: not a contact flow' -- check - < imports/resources/queues/billing.json
expect_run dash-and-path 2 "'-' and --stdin-filename read standard input and take no other PATH" -- \
    check - "$main" < "$main"
expect_run dash-staged 2 "cannot be combined with --staged" -- check --staged - < "$main"
expect_run fix-dash 2 "fix: .*standard input" -- fix - < "$main"
finish
