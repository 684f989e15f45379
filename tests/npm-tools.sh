# Helpers for tests that need tools from the npm registry (sourced).
#
# npm_tools SPEC_DIR NAME installs the exact versions pinned in
# SPEC_DIR/package.json and SPEC_DIR/package-lock.json with `npm ci`
# into a cache folder, once, and sets NPM_TOOLS to that folder (its
# node_modules/.bin holds the commands).  The cache is
# $FLOWLINT_TEST_TOOLS/NAME, by default test-tools/NAME beside the
# flowlint binary under test, and is reinstalled when the lockfile
# changes.  When npm is not installed or the registry cannot be reached,
# the test is skipped (exit 77, SKIP_RETURN_CODE in tests/CMakeLists.txt);
# any other install failure fails it.

npm_tools() {
	spec=$1 name=$2
	base=${FLOWLINT_TEST_TOOLS:-$(dirname "$FLOWLINT")/test-tools}
	NPM_TOOLS=$base/$name
	want=$(cksum <"$spec/package-lock.json")
	if [ -f "$NPM_TOOLS/.installed" ] && [ "$(cat "$NPM_TOOLS/.installed")" = "$want" ]; then
		return 0
	fi
	if ! command -v npm >/dev/null 2>&1; then
		echo "SKIP: npm is not installed"
		exit 77
	fi
	if ! timeout 60 npm ping >/dev/null 2>&1; then
		echo "SKIP: the npm registry cannot be reached"
		exit 77
	fi
	mkdir -p "$base" || exit 1
	tmp=$(mktemp -d "$base/.$name.XXXXXX") || exit 1
	cp "$spec/package.json" "$spec/package-lock.json" "$tmp/" || exit 1
	echo "installing $name test tools with npm ci (once)"
	if ! (cd "$tmp" && timeout 600 npm ci --ignore-scripts --no-audit \
	    --no-fund --fetch-retries=1 >npm.log 2>&1); then
		tail -20 "$tmp/npm.log"
		rm -rf "$tmp"
		echo "FAIL: npm ci failed for $spec"
		exit 1
	fi
	echo "$want" >"$tmp/.installed"
	rm -rf "$NPM_TOOLS"
	mv "$tmp" "$NPM_TOOLS" || exit 1
}
