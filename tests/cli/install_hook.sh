#!/bin/sh
# flowlint install-hook and the native hook (hooks/pre-commit) through
# real `git commit`s: idempotent installs, core.hooksPath, a foreign
# hook never clobbered (--force keeps a backup, --uninstall leaves it),
# and a commit blocked by a hardcoded ARN that passes once it is fixed.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/helpers/git.sh"

expect_run help 0 'usage: flowlint install-hook' -- install-hook --help
mkdir plain && cd plain
expect_run outside 2 'not in a git repository' -- install-hook
cd "$work" && git init -q --bare bare.git && cd bare.git
expect_run bare 2 'is a bare repository' -- install-hook

new_repo r
hook=.git/hooks/pre-commit
expect_run install 0 'installed the flowlint pre-commit hook: .*/\.git/hooks/pre-commit' -- install-hook
[ -x "$hook" ] && cmp -s "$hook" "$FLOWLINT_SOURCE_DIR/hooks/pre-commit" && ok || fail "installed hook is hooks/pre-commit, executable"
expect_run idempotent 0 'already installed' -- install-hook
expect_run extra-argument 2 "unexpected argument 'x'" -- install-hook x
expect_run force-and-uninstall 2 'cannot be combined' -- install-hook --force --uninstall

# An older version of our hook is updated in place.
echo '# older' >> "$hook"
expect_run update 0 'updated the flowlint pre-commit hook' -- install-hook
cmp -s "$hook" "$FLOWLINT_SOURCE_DIR/hooks/pre-commit" && ok || fail "update rewrote the hook"
expect_run uninstall 0 'removed the flowlint pre-commit hook' -- install-hook --uninstall
[ ! -e "$hook" ] && ok || fail "uninstall removed the hook"
expect_run uninstall-nothing 0 'nothing to remove' -- install-hook --uninstall

# A hook someone else wrote.
printf '#!/bin/sh\necho theirs\n' > "$hook" && chmod +x "$hook"
expect_run foreign-refused 2 'did not write it; rerun with --force' -- install-hook
grep -q theirs "$hook" && ok || fail "a refused install left the foreign hook"
expect_run foreign-uninstall 2 'not written by flowlint; leaving it alone' -- install-hook --uninstall
grep -q theirs "$hook" && ok || fail "uninstall left the foreign hook"
expect_run force 0 'moved the existing hook to .*pre-commit\.flowlint-backup' -- install-hook --force
grep -q theirs "$hook.flowlint-backup" && grep -q flowlint-managed-hook "$hook" && ok || fail "force kept a backup"
expect_run uninstall-restores 0 'put the previous hook back' -- install-hook --uninstall
grep -q theirs "$hook" && [ ! -e "$hook.flowlint-backup" ] && ok || fail "uninstall restored the backup"
rm "$hook"
# A symlinked hook is someone else's too.
ln -s /bin/true "$hook"
expect_run foreign-symlink 2 'did not write it' -- install-hook
rm "$hook"

# core.hooksPath, relative to the work tree, created when missing.
git config core.hooksPath tools/hooks
mkdir -p sub && cd sub
expect_run hooks-path 0 'installed the flowlint pre-commit hook: .*/r/tools/hooks/pre-commit' -- install-hook
cd ..
[ -x tools/hooks/pre-commit ] && [ ! -e "$hook" ] && ok || fail "installed into core.hooksPath"

# --- the hook through real commits
export FLOWLINT
mkdir -p flows
bad_flow flows/main.json && git add flows/main.json
if git commit -qm bad >out.txt 2>&1; then fail "a hardcoded ARN was committed"; else ok; fi
grep -q '^flows/main\.json:1:136: error \[FL101 hardcoded-arn\]' out.txt && ok || fail "hook shows the finding"
grep -q "fix flows/main.json" out.txt && ok || fail "hook names the fix command"
git rev-parse -q --verify HEAD >/dev/null && fail "the commit was made" || ok
# Fixed in the work tree only: still blocked, the index is what counts,
# and the hint says so instead of suggesting a fix that changes nothing.
good_flow flows/main.json
git commit -qm still-bad >out.txt 2>&1 && fail "hook read the work tree" || ok
grep -q "fix flows/main.json" out.txt && fail "hint: a fix for a clean work tree" || ok
grep -q "The work tree holds another version of what is staged for:" out.txt && ok || { fail "hint: staged copy"; cat out.txt; }
git add flows/main.json
git commit -qm fixed >out.txt 2>&1 && ok || { fail "the fixed flow was refused"; cat out.txt; }

# git commit -a and git commit PATH use a temporary index (GIT_INDEX_FILE).
bad_flow flows/main.json
git commit -qam bad-a >out.txt 2>&1 && fail "commit -a let the ARN through" || ok
good_flow flows/other.json && git add flows/other.json
git commit -qm other flows/other.json >out.txt 2>&1 && ok || { fail "commit PATH checked unstaged files"; cat out.txt; }
git checkout -q -- flows/main.json

# Paths a shell would split or unquote: the hint is a command that works.
name="flows/it's a \"flow\" *.json"
bad_flow "$name" && git add "$name"
git commit -qm quotes >out.txt 2>&1 && fail "a hardcoded ARN was committed" || ok
hint=$(sed -n 's/^    \(.* fix .*\)$/\1/p' out.txt)
[ -n "$hint" ] && (eval "$hint") >/dev/null 2>&1 && ok || { fail "hint does not run: $hint"; cat out.txt; }
git add "$name" && git commit -qm quotes-fixed >out.txt 2>&1 && ok || { fail "the fixed file was refused"; cat out.txt; }

# Without flowlint the hook says so and stops the commit.
good_flow flows/third.json && git add flows/third.json
FLOWLINT=/nonexistent/flowlint git commit -qm x >out.txt 2>&1 && fail "commit without flowlint" || ok
grep -q "cannot find '/nonexistent/flowlint'" out.txt && ok || fail "hook explains a missing flowlint"
git commit -qm third >/dev/null 2>&1 && ok || fail "commit with flowlint"

finish
