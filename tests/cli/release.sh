#!/bin/sh
# scripts/release VERSION, in a repository holding this work tree's
# release files: bumps CMakeLists.txt, moves the changelog's Unreleased
# entries under the new version, points the README's and the template's
# pins at the new tag, commits and tags; and refuses what would make a
# bad release.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helpers/git.sh"
src=${FLOWLINT_SOURCE_DIR:?}

new_repo repo
mkdir -p scripts ci
cp "$src/scripts/release" scripts/ && cp "$src/CMakeLists.txt" "$src/CHANGELOG.md" \
	"$src/README.md" . && cp "$src/ci/flowlint.gitlab-ci.yml" ci/ || exit 1
git add -A && git commit -qm base || exit 1
first_note=$(awk '/^## \[Unreleased\]/ { on = 1; next } on && /^- / { print; exit }' CHANGELOG.md)
today=$(date -u +%Y-%m-%d)

# run NAME EXIT PATTERN ARGS...: scripts/release ARGS, its exit and output.
run() {
	name=$1 want=$2 pattern=$3
	shift 3
	out=$(scripts/release "$@" 2>&1)
	got=$?
	if [ "$got" = "$want" ] && printf '%s\n' "$out" | grep -Eq -- "$pattern"; then ok; else
		fail "$name: exit $got (want $want), output: $out"
	fi
}

run bad-version 2 'MAJOR.MINOR.PATCH' 1.2
echo "# edit" >>README.md
run dirty 2 'uncommitted changes' 9.8.7
git checkout -q README.md

run release 0 'tagged v9\.8\.7' 9.8.7
[ "$(git rev-parse v9.8.7^{commit})" = "$(git rev-parse HEAD)" ] && ok || fail "v9.8.7 is not HEAD"
[ "$(git log -1 --format=%s)" = "Release 9.8.7" ] && ok || fail "commit message: $(git log -1 --format=%s)"
git diff --quiet HEAD && ok || fail "the release left uncommitted changes"
grep -q '^project(flowlint VERSION 9.8.7 ' CMakeLists.txt && ok || fail "CMakeLists.txt not bumped"
# Unreleased is empty, then the release, dated today, with the old entries.
awk '/^## /' CHANGELOG.md | head -2 >headings
printf '## [Unreleased]\n## [9.8.7] - %s\n' "$today" >want
expect_same changelog-headings headings want
awk '/^## \[9.8.7\]/ { on = 1; next } on && /^## / { exit } on' CHANGELOG.md |
	grep -qxF -- "$first_note" && ok || fail "the Unreleased entries are not under 9.8.7"
pins=$(sed -n -E 's/^[# ]*(rev|ref|FLOWLINT_REF): +([^ ]+).*/\2/p' README.md ci/flowlint.gitlab-ci.yml | sort -u)
[ "$pins" = v9.8.7 ] && ok || fail "pins after the release: $pins"

run tag-exists 2 'tag v9\.8\.7 exists' 9.8.7
run nothing-new 2 'Unreleased section is empty' 9.8.8
finish
