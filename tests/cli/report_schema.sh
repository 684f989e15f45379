#!/bin/sh
# The reports validate against their schemas: SARIF against the official
# SARIF 2.1.0 JSON schema (as shipped in @microsoft/sarif-multitool-linux),
# Code Quality against tests/schema/codequality.schema.json (the fields
# GitLab documents), with ajv (versions pinned in tests/schema/).  Skipped
# when npm or its registry is unavailable.
. "$(dirname "$0")/lib.sh"
src=${FLOWLINT_SOURCE_DIR:?}
. "$src/tests/npm-tools.sh"

npm_tools "$src/tests/schema" schema
ajv=$NPM_TOOLS/node_modules/.bin/ajv
sarif_schema=$NPM_TOOLS/node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json
[ -f "$sarif_schema" ] || { echo "FAIL: the SARIF schema is not in the package"; exit 1; }

# validate NAME SCHEMA FILE: ajv reads the data format from the extension,
# so every file is named .json.
validate() {
	if out=$("$ajv" validate --spec=draft2020 --all-errors --errors=text \
	    -c ajv-formats -s "$2" -d "$3" 2>&1); then
		ok
	else
		fail "$1: $out"
	fi
}

# A repository with findings of several rules, a clean file, a file that
# is not JSON, non-ASCII text, and a path that needs percent-encoding.
mkdir repo && cp -R "$src/flows/imports" "$src/flows/.flowlint.json" "$src/flows/aws" repo/ && git init -q repo || exit 1
cd repo || exit 1
mkdir -p "imports/resources/flows/with space"
printf '{\n  "Version": "2019-10-30",\n  "StartAction": "a",\n  "Metadata": {"note": "caf\303\251 \360\237\230\200"},\n  "Actions": [\n    {"Identifier": "a", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}},\n    {"Identifier": "a", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {"NextAction": "gone"}}\n  ]\n}\n' \
	>"imports/resources/flows/with space/r&d #1.json"
printf '{"Name": "broken", "Content": ' >imports/resources/flows/broken.json

"$FLOWLINT" check -f sarif -o ../out.sarif.json -f codequality -o ../cq.json . >/dev/null
[ $? = 1 ] && ok || fail "check: want exit 1"
validate sarif "$sarif_schema" ../out.sarif.json
validate codequality "$src/tests/schema/codequality.schema.json" ../cq.json
grep -q '"uri": "imports/resources/flows/with%20space/r&d%20%231.json"' ../out.sarif.json && ok ||
	fail "sarif: the artifact URI is not percent-encoded"
for code in FL001 FL101 FL301 FL307; do
	grep -q "\"ruleId\": \"$code\"" ../out.sarif.json && ok || fail "sarif: no $code result"
done
# A fixable finding's fix is part of what the schema validated.
grep -q '"fixes": \[{"description": {"text": "Parameterize the ARN' ../out.sarif.json && ok ||
	fail "sarif: the fixable FL101 finding carries no fix"
dups=$(grep -o '"fingerprint": "[0-9a-f]*"' ../cq.json | sort | uniq -d)
[ -z "$dups" ] && ok || fail "codequality: repeated fingerprints: $dups"

# No findings at all: still valid.
"$FLOWLINT" check -f sarif -o ../clean.sarif.json -f codequality -o ../clean.json imports/resources/flows/nw_main_inbound.json >/dev/null
validate sarif-clean "$sarif_schema" ../clean.sarif.json
validate codequality-clean "$src/tests/schema/codequality.schema.json" ../clean.json

# The validators do reject what GitLab and the spec reject.
printf '[{"description": "d", "check_name": "c", "fingerprint": "f", "severity": "error", "location": {"path": "a", "lines": {"begin": 1}}}]' >../bad.json
if "$ajv" validate --spec=draft2020 -c ajv-formats -s "$src/tests/schema/codequality.schema.json" -d ../bad.json >/dev/null 2>&1; then
	fail "codequality schema accepts severity 'error'"
else
	ok
fi
sed 's/"columnKind": "utf16CodeUnits"/"columnKind": "bytes"/' ../out.sarif.json >../bad.sarif.json
if "$ajv" validate --spec=draft2020 -c ajv-formats -s "$sarif_schema" -d ../bad.sarif.json >/dev/null 2>&1; then
	fail "sarif schema accepts columnKind 'bytes'"
else
	ok
fi

finish
