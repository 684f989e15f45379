#!/bin/sh
# flowlint server against a real LSP client: server_lsp.js drives a full
# session with Microsoft's protocol packages (pinned in tests/lsp/).
# Skipped when node, npm or the registry is unavailable.
. "$(dirname "$0")/lib.sh"
src=${FLOWLINT_SOURCE_DIR:?}
. "$src/tests/npm-tools.sh"

need node
npm_tools "$src/tests/lsp" lsp
mkdir repo && git init -q repo && cp "$src/tests/lsp/greeting.json" repo/ || exit 1
# Its Lambda's account is the flow's own (no Connect ARN there says so).
cp "$src/tests/lsp/own-account.flowlint.json" repo/.flowlint.json
if node "$src/tests/cli/server_lsp.js" "$FLOWLINT" "$NPM_TOOLS/node_modules" \
    "$work/repo"; then ok; else fail "the LSP session"; fi
finish
