# The merge-request check behind tests/cli/mr_*.sh (sourced after
# lib.sh): GitLab shows as new the Code Quality findings whose
# fingerprints are in the head pipeline's report and not in the base
# pipeline's, and as resolved the reverse.
#
# mr_one_new_finding SRC FILE: copies the repository at SRC, commits it
# as the base, reports on it, replaces the first ${ACCT_ID} in FILE with
# a literal account (one hardcoded ARN) on a branch, reports again, and
# checks that exactly one finding is new (FL101 in FILE) and none is
# resolved.  Both reports cover the whole repository, as the CI template
# makes them.  In the reference layout that ARN is a FLOW_OBJECT_MAPS#
# value, which the deploy step rebuilds: the new finding is a warning
# that says so, and the exit code stays the base's.

# fps REPORT: the report's fingerprints, sorted.
fps() { grep -o '"fingerprint": "[0-9a-f]*"' "$1" | cut -d'"' -f4 | sort; }

mr_one_new_finding() {
	src=$1 file=$2
	# The copy of a read-only source (shared/ in CI) must be writable.
	cp -R "$src" repo && chmod -R u+w repo && git init -q -b main repo &&
		git -C repo add -A &&
		git -C repo -c user.name=t -c user.email=t@example.com commit -qm base || exit 1
	(cd repo && "$FLOWLINT" check -f codequality -o ../base.json . >/dev/null)
	base_exit=$?
	[ $base_exit -le 1 ] && ok || fail "base: flowlint failed"
	grep -q '\${ACCT_ID}' "repo/$file" || { fail "$file has no \${ACCT_ID}"; return; }
	git -C repo checkout -q -b mr &&
		sed '0,/\${ACCT_ID}/s//123456789012/' "repo/$file" >edit.json &&
		mv edit.json "repo/$file" &&
		git -C repo -c user.name=t -c user.email=t@example.com commit -qam "one hardcoded ARN" || exit 1
	(cd repo && "$FLOWLINT" check -f codequality -o ../head.json . >/dev/null)
	head_exit=$?
	[ $head_exit = $base_exit ] && ok ||
		fail "head: exit $head_exit, want the base's $base_exit (a warning)"
	fps base.json >base.fp
	fps head.json >head.fp
	new=$(comm -13 base.fp head.fp)
	resolved=$(comm -23 base.fp head.fp)
	[ "$(printf '%s\n' "$new" | grep -c .)" = 1 ] && ok ||
		fail "want exactly 1 new finding, got: $new"
	[ -z "$resolved" ] && ok || fail "want no resolved finding, got: $resolved"
	if [ -n "$new" ] && grep "\"fingerprint\": \"$new\"" head.json |
	    grep -q "\"description\": \"[^\"]*FLOW_OBJECT_MAPS# value, which the deploy step rebuilds.*\"check_name\": \"FL101 hardcoded-arn\".*\"severity\": \"minor\".*\"path\": \"$file\""; then
		ok
	else
		fail "the new finding is not FL101 in $file"
	fi
	# The merge-request gate, once check has --changed-since.
	if "$FLOWLINT" check --help | grep -q -- --changed-since; then
		out=$(cd repo && "$FLOWLINT" check --changed-since main 2>&1)
		case $out in
		*"$file:"*"warning [FL101 hardcoded-arn]"*"Found 0 errors and "*) ok ;;
		*) fail "--changed-since main: $out" ;;
		esac
	fi
}
