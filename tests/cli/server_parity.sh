#!/bin/sh
# flowlint server diagnoses open flows with check's rules, configuration
# and suppressions (issue #18): in a repository whose .flowlint.json
# overrides a severity, ignores a rule per file, suppresses a finding,
# holds a suppression that matches nothing and names environments,
# server_parity.js opens each flow and asserts the server publishes what
# `check --format json` reports for it, non-ASCII prompt text before the
# findings inside Content included.  FL007 (a whole-run finding, at the
# configuration's line) is check's alone, as the README says.
. "$(dirname "$0")/lib.sh"
src=${FLOWLINT_SOURCE_DIR:?}
need node

cp -R "$src/tests/fixtures/FL105-environment-leak/bad-shared-module" repo &&
	chmod -R u+w repo && git init -q repo && mkdir repo/connect/flows || exit 1
for f in greeting suppressed legacy_greeting; do
	cp "$src/tests/lsp/greeting.json" "repo/connect/flows/$f.json"
done
# A prompt text that the Content-level findings come after.
sed 's/welcome, ¿qué tal?/wélcome, ¿qué tal? 𝄞/' "$src/tests/lsp/greeting.json" \
	> repo/connect/flows/greeting.json
cat > repo/.flowlint.json <<'JSON'
{
  "severity": {"FL101": "warning"},
  "per-file-ignores": {"connect/flows/legacy_*.json": ["FL101"]},
  "suppressions": [
    {"rule": "FL101", "path": "connect/flows/suppressed.json",
     "action": "lookup", "reason": "the shared account's function"},
    {"rule": "FL102", "path": "connect/flows/greeting.json",
     "reason": "matches nothing"}
  ],
  "environments": {
    "staging": {
      "accounts": ["201706955376"],
      "instances": ["658aa90c-6c92-4798-a30d-dc8941d65d27"],
      "paths": ["connect/environments/staging", "connect/modules"]
    },
    "production": {
      "accounts": ["201706955376"],
      "instances": ["arn:aws:connect:us-east-1:201706955376:instance/03103f71-db62-4f61-9432-4bfae356b3e3"],
      "paths": ["connect/environments/production", "connect/modules"]
    }
  }
}
JSON
root=$(cd repo && pwd)
cd repo
files="connect/flows/greeting.json connect/flows/suppressed.json connect/flows/legacy_greeting.json connect/modules/dial_extension.json connect/environments/staging/routing.json connect/environments/production/routing.json"

# The configuration is in force: otherwise the parity proves little.
# shellcheck disable=SC2086
"$FLOWLINT" check --format json $files > check.json
# has CODE PATH [SEVERITY]: check.json reports CODE in PATH.
has() {
	grep -Eq "\"code\": ?\"$1\", ?\"rule\": ?\"[a-z-]*\", ?\"severity\": ?\"${3:-[a-z]*}\", ?\"path\": ?\"$2\"" check.json
}
has FL101 connect/flows/greeting.json warning && ok || fail "check: FL101 at warning in greeting.json"
has FL101 'connect/flows/(suppressed|legacy_greeting)\.json' && fail "check: FL101 suppressed and ignored" || ok
has FL105 'connect/modules/dial_extension\.json' && ok || fail "check: FL105 for the shared module"
has FL007 '\.flowlint\.json' && ok || fail "check: FL007 for the unused suppression"

# shellcheck disable=SC2086
if node "$src/tests/cli/server_parity.js" "$FLOWLINT" "$root" $files; then ok; else fail "server and check"; fi
finish
