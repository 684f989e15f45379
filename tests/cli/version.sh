#!/bin/sh
# `flowlint --version` prints the project's version and the commit the
# binary was built from: one this repository has, or "unknown" outside
# a git checkout.
. "$(dirname "$0")/lib.sh"
src=${FLOWLINT_SOURCE_DIR:?}

version=$(sed -n 's/^project(flowlint VERSION \([0-9.]*\) .*/\1/p' "$src/CMakeLists.txt")
expect_run version 0 "^flowlint $version \\(commit ([0-9a-f]{12}(-dirty)?|unknown)\\)\$" -- --version
expect_run short-option 0 "^flowlint $version " -- -V
commit=$("$FLOWLINT" --version | sed -n 's/.*(commit \([0-9a-f]*\).*/\1/p')
if command -v git >/dev/null 2>&1 && git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
	if git -C "$src" cat-file -e "$commit^{commit}" 2>/dev/null; then ok; else
		fail "--version names commit '$commit', which $src does not have"
	fi
fi
finish
