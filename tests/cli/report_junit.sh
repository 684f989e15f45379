#!/bin/sh
# The JUnit report is well-formed XML of the shape GitLab reads
# (tests/schema/junit.xsd), its counts add up, test case names are
# unique even for identical findings, and a file fixed between two runs
# turns its failing case into a passing one of the same name (GitLab's
# "fixed").  Needs xmllint (Debian: libxml2-utils; .ci/run installs it).
. "$(dirname "$0")/lib.sh"
src=${FLOWLINT_SOURCE_DIR:?}
command -v xmllint >/dev/null 2>&1 || { echo "SKIP: xmllint is not installed"; exit 77; }

mkdir repo && cp -R "$src/flows/imports" "$src/flows/.flowlint.json" "$src/flows/aws" repo/ && git init -q repo || exit 1
cd repo || exit 1
# Three actions with one Identifier: two identical FL307 findings.
printf '{"Version": "2019-10-30", "StartAction": "x", "Actions": [%s, %s, %s]}\n' \
	'{"Identifier": "x", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}' \
	'{"Identifier": "x", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}' \
	'{"Identifier": "x", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}' \
	>imports/resources/flows/dup.json
printf '{"Name": "a<b>&c", "Content": ' >'imports/resources/flows/a<b>&c.json'

"$FLOWLINT" check -f junit -o ../base.xml . >/dev/null
[ $? = 1 ] && ok || fail "check: want exit 1"
xmllint --noout ../base.xml && ok || fail "not well-formed"
out=$(xmllint --noout --schema "$src/tests/schema/junit.xsd" ../base.xml 2>&1) && ok || fail "shape: $out"

xpath() { xmllint --xpath "$1" ../base.xml 2>/dev/null; }
[ "$(xpath 'count(//testsuite)')" = 7 ] && ok || fail "want one suite per checked file (7), got $(xpath 'count(//testsuite)')"
[ "$(xpath 'sum(//testsuite/@tests)')" = "$(xpath 'count(//testcase)')" ] && ok || fail "tests= does not count the cases"
[ "$(xpath 'sum(//testsuite/@failures)')" = "$(xpath 'count(//failure)')" ] && ok || fail "failures= does not count the failures"
# 9 FL101 + 2 FL307 + 1 FL001, plus the three files' own cases.
[ "$(xpath 'count(//failure)')" = 15 ] && ok || fail "want 15 failures, got $(xpath 'count(//failure)')"
[ "$(xpath 'count(//testcase[not(failure)])')" = 4 ] && ok || fail "want the 4 clean files as passing cases"
dups=$(xpath '//testcase/@name' | sort | uniq -d)
[ -z "$dups" ] && ok || fail "repeated test case names: $dups"
xpath "//testcase[@name='[FL307 duplicate-identifier] imports/resources/flows/dup.json action x /Identifier: Identifier \"x\" is already used by action 0 (/Actions/0) (2)']" | grep -q testcase &&
	ok || fail "the second identical FL307 finding is not numbered"
xpath "//testsuite[@name='imports/resources/flows/a<b>&c.json']/testcase/failure[@type='FL001 invalid-json']" | grep -q failure &&
	ok || fail "a path with XML metacharacters is not escaped"

# Fix the console export (drop it) and the duplicate: their files' own
# cases pass under the same names.
printf '{"Version": "2019-10-30", "StartAction": "x", "Actions": [%s]}\n' \
	'{"Identifier": "x", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}' \
	>imports/resources/flows/dup.json
"$FLOWLINT" check -f junit -o ../head.xml . >/dev/null
name='imports/resources/flows/dup.json'
xmllint --xpath "//testcase[@name='$name']/failure" ../base.xml >/dev/null 2>&1 && ok || fail "base: the file's case does not fail"
xmllint --xpath "//testcase[@name='$name']" ../head.xml | grep -q 'testcase' && ok || fail "head: the file's case is missing"
xmllint --xpath "//testcase[@name='$name']/failure" ../head.xml >/dev/null 2>&1 && fail "head: the fixed file's case still fails" || ok

finish
