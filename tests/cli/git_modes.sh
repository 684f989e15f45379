#!/bin/sh
# check inside git repositories, with the real git command building them:
# the work-tree listing (.gitignore, info/exclude, global excludes),
# --staged (the index, not the work tree), --changed-since, and the
# errors outside a repository and in a bare one.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/helpers/git.sh"

# --- the work tree: what git tracks or would track
new_repo wt
mkdir -p flows build
good_flow flows/main.json
bad_flow build/generated.json
bad_flow flows/scratch.local.json
bad_flow flows/mine.json
bad_flow flows/forced.json
echo 'build/' > .gitignore
echo '*.local.json' > .git/info/exclude
echo 'mine.json' > "$HOME/.config/git/ignore"
git add .gitignore flows/main.json && git add -f flows/forced.json
git commit -qm init
expect_run worktree-ignores 1 '^Found 1 error and 0 warnings in 1 of 2 files' -- check
expect_run worktree-tracked-ignored 1 '^\./flows/forced\.json:1:136: error \[FL101' -- check .
expect_run worktree-subfolder 1 '^flows/forced\.json:1:136' -- check flows
git rm -q --cached flows/forced.json && echo flows/forced.json >> .gitignore
expect_run worktree-untracked-now-ignored 0 'No problems found in 1 file' -- check flows
bad_flow flows/new.json
expect_run worktree-untracked 1 '^flows/new\.json:1:136' -- check flows
expect_run worktree-explicit-ignored-file 1 '^build/generated\.json:1:136' -- check build/generated.json
(cd flows && "$FLOWLINT" check . >out.txt 2>&1); grep -q '^\./new\.json:1:136' flows/out.txt && ok || fail "worktree from a subfolder"
rm -f flows/out.txt flows/new.json

# Outside any repository the folder is walked as before.
mkdir "$work/plain" && bad_flow "$work/plain/mine.json"
expect_run outside-walks 1 'mine\.json:1:136' -- check "$work/plain"

# --- --staged: what the commit will record
new_repo staged
expect_run staged-unborn-empty 0 '^0 files checked: no \*\.json file to check is staged\.$' -- check --staged
bad_flow first.json && git add first.json
expect_run staged-first-commit 1 '^first\.json:1:136: error \[FL101 hardcoded-arn\]' -- check --staged
good_flow first.json
expect_run staged-bad-worktree-good 1 '^first\.json:1:136' -- check --staged
git add first.json && bad_flow first.json
expect_run staged-good-worktree-bad 0 'No problems found in 1 file' -- check --staged
expect_run worktree-sees-bad 1 'first\.json:1:136' -- check first.json
git commit -qm first
expect_run staged-nothing 0 '^0 files checked: no \*\.json file to check is staged\.$' -- check --staged

# Unchanged files are never read: a missing blob of one goes unnoticed.
good_flow other.json && git add other.json && git commit -qm other
blob=$(git rev-parse HEAD:other.json)
rm -f ".git/objects/$(echo "$blob" | cut -c1-2)/$(echo "$blob" | cut -c3-)"
git cat-file -e "$blob" 2>/dev/null && fail "blob removal set-up" || ok
bad_flow first.json && git add first.json
expect_run staged-reads-only-changes 1 'Found 1 error and 0 warnings in 1 of 1 file' -- check --staged
git rm -q --cached other.json && rm other.json && git commit -qm drop-other --no-verify

# Partial staging: only one of two hunks staged.
good_flow first.json
cat > multi.json <<'JSON'
{
  "Version": "2019-10-30",
  "StartAction": "a",
  "Metadata": {
    "note": "v1",
    "k1": 1, "k2": 2, "k3": 3,
    "k4": 4, "k5": 5, "k6": 6,
    "k7": 7, "k8": 8, "k9": 9
  },
  "Filler": [
    1,
    2,
    3,
    4
  ],
  "Actions": [
    {
      "Identifier": "a",
      "Type": "InvokeLambdaFunction",
      "Parameters": {
        "LambdaFunctionARN": "QUEUE"
      },
      "Transitions": {"NextAction": "b", "Errors": [{"NextAction": "b", "ErrorType": "NoMatchingError"}]}
    },
    {"Identifier": "b", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}
  ]
}
JSON
sed -i "s#QUEUE#$PORTABLE#" multi.json
git add multi.json first.json && git commit -qm multi
sed -i "s#\"v1\"#\"v2\"#; s#$PORTABLE#$ARN#" multi.json
printf 'y\nn\n' | git add -p multi.json >/dev/null 2>&1
git diff --cached | grep -q '"v2"' && ! git diff --cached | grep -q 111122223333 && ok || fail "partial staging set-up"
expect_run partial-good-hunk-staged 0 'No problems found in 1 file' -- check --staged
git reset -q multi.json
printf 'n\ny\n' | git add -p multi.json >/dev/null 2>&1
expect_run partial-bad-hunk-staged 1 '^multi\.json:21:30: error \[FL101' -- check --staged
git checkout -q -- multi.json && git reset -q multi.json && git checkout -q -- multi.json

# Rename, delete, paths from a subfolder, symlinks, intent-to-add.
mkdir -p sub && bad_flow sub/b.json && git add sub/b.json && git commit -qm b --no-verify
git mv sub/b.json sub/renamed.json
expect_run staged-rename 1 '^sub/renamed\.json:1:136' -- check --staged
(cd sub && "$FLOWLINT" check --staged >../out.txt 2>&1); grep -q '^sub/renamed\.json:1:136' out.txt && ok || fail "staged paths from a subfolder are root-relative"
(cd sub && "$FLOWLINT" check --staged . >../out.txt 2>&1); grep -q '^sub/renamed\.json' out.txt && ok || fail "staged limited to a folder"
expect_run staged-limited-elsewhere 0 '^0 files checked: no \*\.json file to check is staged under the given paths\.$' -- check --staged first.json
git commit -qm renamed --no-verify
git rm -q sub/renamed.json
expect_run staged-delete 0 '^0 files checked: no \*\.json file to check is staged\.$' -- check --staged
git commit -qm deleted --no-verify
ln -s first.json link.json && git add link.json
expect_run staged-symlink 0 'note: link\.json: a symbolic link in git, not checked' -- check --staged
git rm -q --cached link.json && rm link.json
bad_flow later.json && git add -N later.json
expect_run staged-intent-to-add 0 '^0 files checked: no \*\.json file to check is staged\.$' -- check --staged
git rm -q --cached later.json && rm later.json
printf '{"a": "\000"}' > bin.json && git add bin.json
expect_run staged-binary 0 'note: bin\.json: a binary file, not checked' -- check --staged
git rm -q --cached bin.json && rm bin.json

# --- --changed-since: the merge request's files
new_repo mr
bad_flow old-bad.json && good_flow edited.json && git add . && git commit -qm base
git checkout -q -b feature
bad_flow edited.json && bad_flow added.json && git add . && git commit -qm feature
git checkout -q main && good_flow main-only.json && git add . && git commit -qm main-moves
git checkout -q feature
expect_run changed-since 1 '^Found 2 errors and 0 warnings in 2 of 2 files' -- check --changed-since main
expect_run changed-since-paths 1 '^added\.json:1:136' -- check --changed-since main
good_flow edited.json && bad_flow untracked.json
expect_run changed-since-committed-only 1 '^edited\.json:1:136' -- check --changed-since main
expect_run changed-since-uncommitted 1 '^untracked\.json:1:136' -- check --changed-since main --include-uncommitted
expect_run changed-since-uncommitted-count 1 'Found 2 errors and 0 warnings in 2 of 3 files' -- check --changed-since main --include-uncommitted
expect_run changed-since-unknown 2 "unknown revision 'nope'" -- check --changed-since nope
expect_run uncommitted-needs-since 2 'include-uncommitted needs --changed-since' -- check --include-uncommitted
expect_run staged-and-since 2 'cannot be combined' -- check --staged --changed-since main

# --- errors
cd "$work/plain"
expect_run staged-outside 2 '^flowlint: error: --staged needs a git repository' -- check --staged
expect_run since-outside 2 '^flowlint: error: --changed-since needs a git repository' -- check --changed-since main
cd "$work" && git init -q --bare bare.git && cd bare.git
expect_run staged-bare 2 'is a bare repository' -- check --staged

# A shallow clone without the merge base: the error says how to fetch it.
new_repo deep
good_flow a.json && git add a.json && git commit -qm one &&
	good_flow b.json && git add b.json && git commit -qm two &&
	git checkout -q -b feature && good_flow c.json && git add c.json && git commit -qm three || exit 1
cd "$work" && git clone -q --depth 1 -b feature "file://$work/deep" shallow && cd shallow &&
	git fetch -q --depth 1 origin main:refs/remotes/origin/main || exit 1
expect_run since-shallow 2 "this is a shallow clone.*\(git fetch --unshallow, or GIT_DEPTH: 0 in GitLab CI\)" -- check --changed-since origin/main

finish
