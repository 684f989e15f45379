#!/bin/sh
# The text summary is honest: files that could not be read are counted
# and come first, "No problems found" never stands beside an error, and
# a run that checked nothing says why (all ignored by git, all excluded,
# no *.json at all, not flows, nothing staged or changed).
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/helpers/git.sh"

new_repo r
good_flow flow.json
bad_flow bad.json
mkdir build docs empty
good_flow build/out.json
good_flow build/more.json
echo '# notes' > docs/README.md
echo 'build/' > .gitignore
echo '{"name": "pkg"}' > package.json
git add -A && git commit -qm base || exit 1

# expect_summary NAME EXIT LINE -- ARGS...: `flowlint ARGS` exits EXIT,
# the last line of its standard output is LINE exactly, and no line says
# "No problems found" when the exit status is 2.
expect_summary() {
	name=$1 want=$2 line=$3
	shift 4
	"$FLOWLINT" "$@" >out.txt 2>err.txt
	got=$?
	if [ "$got" = "$want" ]; then ok; else fail "$name: exit $got, want $want"; cat err.txt; fi
	if [ "$(tail -n 1 out.txt)" = "$line" ]; then ok; else
		fail "$name: summary '$(tail -n 1 out.txt)', want '$line'"; fi
	if [ "$got" = 2 ] && grep -q 'No problems found' out.txt; then
		fail "$name: 'No problems found' beside an error"; fi
}

expect_summary all-ignored 0 '0 files checked: all 2 *.json files are ignored by git (.gitignore).' -- check build
expect_summary no-json 0 '0 files checked: no *.json file found.' -- check docs
expect_summary empty 0 '0 files checked: no *.json file found.' -- check empty
expect_summary not-a-flow 0 '0 files checked: 1 not a contact flow.' -- check package.json
printf '{"exclude": ["bad.json", "flow.json"]}\n' > cfg.json
expect_summary all-excluded 0 '0 files checked: 2 excluded by the configuration (include, exclude), 2 not contact flows.' -- check --config cfg.json .
expect_summary nothing-staged 0 '0 files checked: no *.json file to check is staged.' -- check --staged
expect_summary nothing-changed 0 '0 files checked: no *.json file to check changed since HEAD.' -- check --changed-since HEAD
expect_summary clean 0 'No problems found in 1 file.' -- check flow.json

# I/O errors: a file over the size limit, an operand that does not exist.
truncate -s 65M big.json
expect_summary unreadable-alone 2 '1 file could not be read; no other file checked.' -- check big.json
grep -q 'big\.json: file is larger than the 64 MiB limit' err.txt && ok || fail "unreadable-alone: no error"
expect_summary unreadable-beside-clean 2 '1 file could not be read; 1 other file checked, without findings.' -- check big.json flow.json
expect_summary unreadable-beside-findings 2 'Found 1 error and 0 warnings in 1 of 2 files; 1 could not be read.' -- check big.json flow.json bad.json
expect_summary missing-operands 2 '2 files could not be read; 1 other file checked, without findings.' -- check gone.json flow.json lost.json
grep -q 'gone\.json: No such file or directory; lost\.json: No such file or directory' err.txt && ok ||
    { fail "missing-operands: not both named"; cat err.txt; }
expect_summary stdin-unreadable 2 '1 file could not be read; no other file checked.' -- check - < big.json
expect_summary quiet 2 '' -- check --quiet big.json

# fix ends with the same line.
expect_summary fix-all-ignored 0 '0 files checked: all 2 *.json files are ignored by git (.gitignore).' -- fix build
expect_summary fix-unreadable 2 '1 file could not be read; 1 other file checked, without findings.' -- fix big.json flow.json
finish
