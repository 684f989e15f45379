#!/bin/sh
# SARIF fixes: every fixable finding of the rules flowlint fixes carries
# a fix, and applying its replacements to the original file gives exactly
# what `flowlint fix` writes (UTF-16 columns, a BOM, CRLF line endings
# and non-ASCII text included).  Nothing is written by `check`.  Needs
# node to apply the fixes as a viewer would; skipped without it.
. "$(dirname "$0")/lib.sh"
src=${FLOWLINT_SOURCE_DIR:?}
command -v node >/dev/null 2>&1 || { echo "SKIP: node is not installed"; exit 77; }

mkdir -p repo/imports/resources/flows && git init -q repo || exit 1
for dir in FL101-hardcoded-arn FL201-missing-object-map \
    FL204-unused-object-map-entry FL305-orphan-metadata \
    FL309-dynamic-metadata-mismatch; do
	for f in "$src/tests/fixtures/$dir"/*.json; do
		case $f in *.expected.json) continue ;; esac
		cp "$f" "repo/imports/resources/flows/${dir%%-*}-$(basename "$f")"
	done
done
# Non-ASCII before the fix on its line, so UTF-16 columns differ from bytes.
sed 's/\\"Metadata\\":{/\\"Metadata\\":{\\"note\\":\\"caf\xc3\xa9 \xf0\x9f\x98\x80\\",/' \
	"$src/tests/fixtures/FL204-unused-object-map-entry/bad-fixable-unused.json" \
	>repo/imports/resources/flows/utf16.json
cp -R repo fixed

(cd repo && "$FLOWLINT" check -f sarif -o ../out.sarif.json .) >/dev/null
[ $? = 1 ] && ok || fail "check: want exit 1"
(cd repo && git status --porcelain --untracked-files=all) >before.txt
(cd fixed && git status --porcelain --untracked-files=all) >after.txt
cmp -s before.txt after.txt && ok || fail "check -f sarif changed files"
(cd fixed && "$FLOWLINT" fix -q . >/dev/null)

mkdir applied
count=$(node "$src/tests/cli/helpers/sarif_apply.js" out.sarif.json repo applied) ||
	{ fail "applying the SARIF fixes"; finish; exit; }
[ "$count" -ge 5 ] && ok || fail "only $count fixes in the SARIF report"
for code in FL101 FL201 FL204 FL305 FL309; do
	ls applied | grep -q "^$code-" && ok || fail "no $code result carries a fix"
done
for f in applied/*; do
	name=${f#applied/FL*-*-}
	expect_same "fix of $(basename "$f")" "$f" "fixed/imports/resources/flows/$name"
done
grep -q '"startColumn": [0-9]*, "endLine": 4, "endColumn": [0-9]*}, "insertedContent"' out.sarif.json && ok || fail "no single-line fix"
ls applied | grep -q "^FL204-.*-utf16\.json$" && ok || fail "utf16.json: no fix"
# Every file `flowlint fix` changed has a fix in the report.
for f in fixed/imports/resources/flows/*.json; do
	name=$(basename "$f")
	cmp -s "$f" "repo/imports/resources/flows/$name" && continue
	ls applied | grep -q -- "-$name\$" && ok || fail "$name: fixed, but no SARIF fix"
done
# Findings that fix leaves alone carry none.
node -e '
const run = JSON.parse(require("fs").readFileSync(process.argv[1])).runs[0];
const bad = run.results.filter((r) => r.fixes && !r.properties.fixable);
process.exit(bad.length);' out.sarif.json && ok || fail "a finding not fixable carries a fix"
finish
