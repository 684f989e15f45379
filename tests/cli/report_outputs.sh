#!/bin/sh
# Several reports in one run: --format/--output pairs, the text report
# still on standard output, usage errors, and report files that are
# written whole (and only) when the run ends.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helpers/git.sh"

src=${FLOWLINT_SOURCE_DIR:?}
mkdir repo && cp -R "$src/flows/imports" "$src/flows/.flowlint.json" "$src/flows/aws" repo/ && git init -q repo || exit 1
cd repo || exit 1
export NO_COLOR=1

# expect_file NAME FILE PATTERN: FILE exists and matches grep -E PATTERN.
expect_file() {
	if [ ! -f "$2" ]; then fail "$1: $2 was not written"; return; fi
	if grep -Eq -- "$3" "$2"; then ok; else fail "$1: $2 does not match /$3/"; head -c 300 "$2"; fi
}

expect_run three-reports 1 '^imports/resources/flows/nw_billing_console_export\.json:4:318: error \[FL101 hardcoded-arn\]' -- \
	check -f codequality -o ../cq.json -f sarif -o ../out.sarif -f junit -o ../junit.xml imports
expect_file three-reports-cq ../cq.json '"check_name": "FL101 hardcoded-arn"'
expect_file three-reports-sarif ../out.sarif '"columnKind": "utf16CodeUnits"'
expect_file three-reports-junit ../junit.xml '<testsuites name="flowlint">'
expect_file three-reports-relative ../cq.json '"path": "imports/resources/flows/nw_billing_console_export\.json"'
[ "$(grep -c '"fingerprint"' ../cq.json)" = 9 ] && ok || fail "three-reports: want 9 Code Quality entries"
out=$("$FLOWLINT" check -f codequality -o ../cq.json imports 2>&1)
case $out in
*"Found 9 errors and 0 warnings in 1 of 5 files."*) ok ;;
*) fail "text summary missing when every --format has an --output" ;;
esac

expect_run output-before-format 1 'Found 9 errors' -- check -o ../cq2.json -f codequality imports
cmp -s ../cq.json ../cq2.json && ok || fail "output-before-format: report differs"

out=$("$FLOWLINT" check -f json imports 2>/dev/null)
case $out in
'{"version": 1,'*) ok ;;
*) fail "json to stdout: text report mixed in" ;;
esac

expect_run text-to-file 1 'Found 9 errors' -- check -o ../text.txt imports
expect_file text-to-file-content ../text.txt '^imports/resources/flows/nw_billing_console_export\.json:4:318: error'

expect_run two-to-stdout 2 'only one report can go to standard output' -- check -f json -f sarif imports
expect_run output-without-format 2 "--output '../b.json' has no --format after it" -- check -f json -o ../a.json -o ../b.json imports
expect_run same-file-twice 2 "two reports would go to '../r'" -- check -f json -o ../r -f sarif -o ../r imports
expect_run unknown-format 2 "unknown format 'xml' \(choose from text, json, codequality, sarif, junit\)" -- check -f xml imports
[ ! -e ../a.json ] && [ ! -e ../r ] && ok || fail "a usage error wrote a report"

expect_run missing-folder 2 "cannot write the report to 'nope/cq\.json': No such file or directory" -- check -f codequality -o nope/cq.json imports
mkdir ../adir
expect_run output-is-folder 2 "cannot write the report to '\.\./adir': it is a folder" -- check -f codequality -o ../adir imports

# An unreadable target is exit 2, and the report of what was checked is
# still complete.
printf 'old' > ../cq3.json
expect_run report-with-io-error 2 'nope\.json: .*No such file' -- check -f codequality -o ../cq3.json imports nope.json
tail -c 2 ../cq3.json | grep -q ']' && ok || fail "report-with-io-error: report not complete"
ls -a .. | grep -q 'flowlint-' && fail "a temporary report file was left behind" || ok

# No findings: every format is still a complete, valid document.
expect_run clean 0 'No problems found in 4 files' -- \
	check -f codequality -o ../c.json -f sarif -o ../c.sarif -f junit -o ../c.xml imports/resources/flows/nw_main_inbound.json \
	imports/resources/flows/nw_customer_queue.json imports/resources/flows/nw_agent_whisper.json imports/resources/flows/nw_auth_module.json
expect_file clean-cq ../c.json '^\[\]$'
expect_file clean-sarif ../c.sarif '"results": \[\]'
expect_file clean-junit ../c.xml 'tests="1" failures="0"'

expect_run help 0 'repeat it to write several reports' -- check --help

finish
