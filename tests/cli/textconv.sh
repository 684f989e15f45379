#!/bin/sh
# flowlint textconv and install-hook --diff-driver through real git: the
# driver is installed idempotently, `git diff` shows a one-parameter change
# in a 50-action flow as one line under a hunk header naming the block, a
# designer-only move as one layout line, and JSON that is no flow passes
# through unchanged.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/helpers/git.sh"
. "$here/helpers/chain_flow.sh"
export FLOWLINT

expect_run help 0 'usage: flowlint textconv FILE' -- textconv --help
expect_run no-file 2 'expected one FILE' -- textconv
expect_run missing 2 'flowlint: error: .*nope\.json' -- textconv nope.json

# Anything that is not a flow comes out byte for byte.
printf '{"a": [1, 2]}' > other.json
"$FLOWLINT" textconv other.json > out.txt && expect_same not-a-flow other.json out.txt
printf '{"a": ' > broken.json
"$FLOWLINT" textconv broken.json > out.txt && expect_same invalid-json broken.json out.txt

chain_flow chain.json 50
"$FLOWLINT" textconv chain.json > out.txt || fail "textconv of a flow"
grep -qx 'action b7: MessageParticipant' out.txt && grep -qx '  Parameters.Text = "Prompt 7"' out.txt &&
	grep -qx '  next -> b8' out.txt && grep -qx '  error NoMatchingError -> b50' out.txt &&
	grep -qx 'layout b3 x=300 y=30' out.txt && ok || { fail "textconv rendering"; head -20 out.txt; }

mkdir plain && cd plain
expect_run driver-outside 2 'not in a git repository' -- install-hook --diff-driver
new_repo r
expect_run driver-install 0 "set git config diff.flowlint.textconv" -- install-hook --diff-driver
grep -qx '\*\.json diff=flowlint' .gitattributes && ok || fail ".gitattributes has the attribute"
expect_run driver-again 0 'already installed' -- install-hook --diff-driver
[ "$(grep -c 'diff=flowlint' .gitattributes)" = 1 ] && ok || fail "the attribute was added twice"
expect_run driver-with-force 2 'takes no other option' -- install-hook --diff-driver --force

mkdir flows
chain_flow flows/chain.json 50
git add . && git commit -qm base

# One parameter of block b7.
chain_flow flows/chain.json 50 'Prompt seven'
git diff > diff.txt
# The block a change is in: the last "action" line before it, in the hunk
# or (further away) in the hunk header git takes from xfuncname.
block_of_change() {
	awk '/^@@ .* @@ action / { sub(/^@@ .* @@ /, ""); b = $0 }
	     /^ action / { b = substr($0, 2) }
	     /^[-+] / { print b; exit }' "$1"
}
[ "$(block_of_change diff.txt)" = 'action b7: MessageParticipant' ] && ok || { fail "the change names its block"; cat diff.txt; }
[ "$(grep -c '^[-+] ' diff.txt)" = 2 ] && grep -qxF -- '-  Parameters.Text = "Prompt 7"' diff.txt &&
	grep -qxF '+  Parameters.Text = "Prompt seven"' diff.txt && ok || { fail "one line changed"; cat diff.txt; }
git commit -qam text
# A change far from its block's first line: the hunk header names it.
sed 's/\\"Identifier\\":\\"b9\\",\\"Type\\":\\"MessageParticipant\\",\\"Parameters\\":{/&\\"A\\":\\"1\\",\\"B\\":\\"2\\",\\"C\\":\\"3\\",\\"D\\":\\"4\\",/' flows/chain.json > x.json
git diff --no-index x.json flows/chain.json >/dev/null && fail "the sed edited nothing"
cp flows/chain.json keep.json && mv x.json flows/chain.json && git commit -qam params
sed 's/\\"D\\":\\"4\\"/\\"D\\":\\"5\\"/' flows/chain.json > x.json && mv x.json flows/chain.json
git diff > diff.txt
grep -q '^@@ .* @@ action b9: MessageParticipant$' diff.txt && [ "$(block_of_change diff.txt)" = 'action b9: MessageParticipant' ] &&
	ok || { fail "hunk header names the block"; cat diff.txt; }
cp keep.json flows/chain.json && git commit -qam back

# A designer-only move of block b3.
chain_flow flows/chain.json 50 'Prompt seven' 345.5
git diff > diff.txt
[ "$(grep -c '^[-+][^-+]' diff.txt)" = 2 ] && grep -qx -- '-layout b3 x=300 y=30' diff.txt &&
	grep -qx '+layout b3 x=345.5 y=30' diff.txt && ok || { fail "a move is one layout line"; cat diff.txt; }
git commit -qam move
# git log -p and git show use the driver too.
git show HEAD~3 | grep -q '^+  Parameters.Text = "Prompt seven"' && ok || fail "git show uses textconv"
git log -p --format=%s | grep -q '^+layout b3 x=345.5 y=30' && ok || fail "git log -p uses textconv"

finish
