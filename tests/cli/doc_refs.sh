#!/bin/sh
# Every revision the README and the GitLab template tell users to pin
# (pre-commit's `rev:`, GitLab's include `ref:`, `FLOWLINT_REF:`) exists
# in this repository, as a branch, a tag or a commit.
. "$(dirname "$0")/lib.sh"
src=${FLOWLINT_SOURCE_DIR:?}
command -v git >/dev/null 2>&1 || { echo "SKIP: git is not installed"; exit 77; }
git -C "$src" rev-parse --git-dir >/dev/null 2>&1 ||
	{ echo "SKIP: $src is not a git checkout"; exit 77; }

# resolves REV: a commit by that name, or the clone's origin branch.
resolves() {
	git -C "$src" rev-parse -q --verify "$1^{commit}" >/dev/null ||
		git -C "$src" rev-parse -q --verify "refs/remotes/origin/$1^{commit}" >/dev/null
}

revs=$(sed -n -E 's/^[# ]*(rev|ref|FLOWLINT_REF): +([^ ]+).*/\2/p' \
	"$src/README.md" "$src/ci/flowlint.gitlab-ci.yml")
[ "$(echo "$revs" | wc -w)" -ge 4 ] && ok ||
	fail "want the README's rev:, ref: and FLOWLINT_REF: and the template's ref:, found: $revs"
for rev in $revs; do
	if resolves "$rev"; then ok; else fail "'$rev' is not a branch, tag or commit of $src"; fi
done
finish
