#!/bin/sh
# The pre-commit framework (Debian's pre-commit) with this repository as
# the hook repository: the manifest validates, `try-repo` from a clean
# clone builds flowlint and fails a repository with a hardcoded ARN,
# another clone reuses that build, a failed build keeps its log, the
# flowlint-system hook runs the installed flowlint; a clean repository
# passes; `pre-commit install` plus a real `git commit`; and a formatter
# hook that rewrites a file.  Skipped without pre-commit.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/helpers/git.sh"
if ! command -v pre-commit >/dev/null 2>&1; then
	echo "SKIP: pre-commit is not installed"
	exit 77
fi
src=${FLOWLINT_SOURCE_DIR:?}
if ! git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	echo "SKIP: $src is not a git work tree"
	exit 77
fi
unset PRE_COMMIT_HOME
export PRE_COMMIT_COLOR=never
# hooks/run-flowlint caches its builds here (a private HOME: git.sh).
export XDG_CACHE_HOME="$HOME/.cache"

# The hook repository: the source as it is now (tracked and untracked
# files, not ignored ones such as build folders), committed afresh.
mkdir hookrepo
(cd "$src" && git ls-files -z --cached --others --exclude-standard |
	xargs -0 sh -c 'for f; do [ -f "$f" ] && printf "%s\0" "$f"; done' sh |
	tar --null -T - -cf -) | (cd hookrepo && tar -xf -)
(cd hookrepo && git init -q && git add -A && git commit -qm source) || fail "hook repository"
rev=$(git -C hookrepo rev-parse HEAD)

(cd hookrepo && pre-commit validate-manifest .pre-commit-hooks.yaml) >out.txt 2>&1 && ok || { fail "validate-manifest"; cat out.txt; }

# try-repo clones the hook repository; the first use builds flowlint.
new_repo failing
bad_flow flow.json && git add flow.json
pre-commit try-repo "$work/hookrepo" flowlint --all-files >out.txt 2>&1
got=$?
[ "$got" = 1 ] && ok || { fail "try-repo on a failing repository: exit $got, want 1"; tail -20 out.txt; }
grep -q 'building flowlint .*for pre-commit' out.txt && ok || fail "try-repo built flowlint"
grep -q '^flow\.json:1:136: error \[FL101 hardcoded-arn\]' out.txt && ok || { fail "try-repo shows the finding"; tail -20 out.txt; }

# Another clone of the same commit reuses that build.
pre-commit try-repo "$work/hookrepo" flowlint --all-files >out.txt 2>&1
got=$?
[ "$got" = 1 ] && ok || { fail "second try-repo: exit $got, want 1"; tail -20 out.txt; }
grep -q 'building flowlint' out.txt && fail "second try-repo built flowlint again" || ok
[ -x "$XDG_CACHE_HOME/flowlint/pre-commit/$(sed -n 's/^project(flowlint VERSION \([0-9.]*\) .*/\1/p' $work/hookrepo/CMakeLists.txt)-$(git -C "$work/hookrepo" rev-parse --short=12 HEAD)/flowlint" ] &&
	ok || fail "no build in the cache, keyed by version and commit"

# A build that fails names its log, which outlives try-repo's clone.
broken=$work/brokenrepo
mkdir "$broken" && git -C "$work/hookrepo" archive HEAD | tar -xf - -C "$broken" &&
	echo 'this is not cmake(' >>"$broken/CMakeLists.txt" &&
	(cd "$broken" && git init -q && git add -A && git commit -qm broken) || fail "broken hook repository"
pre-commit try-repo "$broken" flowlint --all-files >out.txt 2>&1 && fail "a failed build passed" || ok
log=$(sed -n 's/.*its log is \([^ ]*build\.log\)\..*/\1/p' out.txt)
[ -n "$log" ] && grep -q 'CMake Error' "$log" && ok ||
	{ fail "the failed build's log ('$log') is gone or says nothing"; tail -20 out.txt; }

# flowlint-system runs the flowlint on PATH: no build, no compiler.
mkdir "$work/bin" && ln -s "$FLOWLINT" "$work/bin/flowlint"
PATH="$work/bin:$PATH" pre-commit try-repo "$work/hookrepo" flowlint-system --all-files >out.txt 2>&1
got=$?
[ "$got" = 1 ] && grep -q '^flow\.json:1:136: error \[FL101' out.txt && ok ||
	{ fail "flowlint-system: exit $got, want 1 and the finding"; tail -20 out.txt; }
grep -q 'building flowlint' out.txt && fail "flowlint-system built flowlint" || ok

# The rest runs the binary under test instead of building again.
export FLOWLINT
new_repo passing
good_flow flow.json && echo '{"name": "not a flow"}' > package.json && git add .
pre-commit try-repo "$work/hookrepo" flowlint --all-files >out.txt 2>&1 && ok || { fail "try-repo on a passing repository"; tail -20 out.txt; }

# hooks_config ID...: a .pre-commit-config.yaml using these hooks.
hooks_config() {
	printf 'repos:\n- repo: %s\n  rev: %s\n  hooks:\n' "$work/hookrepo" "$rev" > .pre-commit-config.yaml
	for id; do printf '  - id: %s\n' "$id"; done >> .pre-commit-config.yaml
}

# pre-commit install, then real commits.
new_repo installed
export PRE_COMMIT_HOME="$work/pre-commit-home"
hooks_config flowlint
git add .pre-commit-config.yaml
pre-commit install >out.txt 2>&1 && ok || { fail "pre-commit install"; cat out.txt; }
bad_flow flow.json && git add flow.json
git commit -qm bad >out.txt 2>&1 && fail "pre-commit let a hardcoded ARN through" || ok
grep -q 'flow\.json:1:136: error \[FL101' out.txt && ok || { fail "commit output shows the finding"; tail -20 out.txt; }
good_flow flow.json && git add flow.json
git commit -qm good >out.txt 2>&1 && ok || { fail "the fixed flow was refused"; tail -20 out.txt; }

# The formatter hook rewrites a file: pre-commit reports it and fails.
if "$FLOWLINT" format --help >/dev/null 2>&1; then
	new_repo formatted
	printf '{"Name": "flow", "Type": "CONTACT_FLOW", "Content": "{\\"Version\\":\\"2019-10-30\\",\\"StartAction\\":\\"a\\",\\"Actions\\":[{\\"Identifier\\":\\"a\\",\\"Type\\":\\"DisconnectParticipant\\",\\"Parameters\\":{},\\"Transitions\\":{}}]}"}\n' > flow.json
	git add flow.json
	pre-commit try-repo "$work/hookrepo" flowlint-format --all-files >out.txt 2>&1
	got=$?
	[ "$got" = 1 ] && grep -q 'files were modified by this hook' out.txt && ok ||
		{ fail "format hook: exit $got"; tail -20 out.txt; }
	git diff --quiet flow.json && fail "format hook left the file alone" || ok
else
	echo "skipped: the formatter hook (this flowlint has no format command)"
fi

# Flows beside a TypeScript project: the three hooks pass a real commit
# of every file, and change none but the flows.
. "$here/helpers/typescript_repo.sh"
new_repo typescript
typescript_repo .
hooks_config flowlint flowlint-fix flowlint-format
git add -A
pre-commit install >"$work/out.txt" 2>&1 || { fail "pre-commit install (typescript)"; cat "$work/out.txt"; }
nonflow_sums . > "$work/sums.before"
git commit -qm "flows beside TypeScript" >"$work/out.txt" 2>&1 && ok || { fail "typescript: commit refused"; tail -20 "$work/out.txt"; }
grep -q 'not a contact flow' "$work/out.txt" && fail "typescript: notes about non-flow JSON" || ok
nonflow_sums . > "$work/sums.after"
expect_same typescript-nothing-else-changed "$work/sums.before" "$work/sums.after"
git status --porcelain | grep -q . && fail "typescript: the hooks left changes" || ok

finish
