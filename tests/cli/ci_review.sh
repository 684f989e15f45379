#!/bin/sh
# The flowlint-review job of ci/flowlint.gitlab-ci.yml under gitlab-ci-local
# (pinned in tests/gitlab-ci/), in a merge-request pipeline of a temporary
# repository: it writes flowlint-review.md (the block diff, the findings the
# change brings and a Mermaid chart of the changed blocks) as an artifact;
# with FLOWLINT_REVIEW_TOKEN it sends one note request to a stand-in for
# GitLab's API on 127.0.0.1 (helpers/notes_server.js): a POST, or a PUT of
# the note an earlier pipeline posted.  Skipped when npm, its registry or
# rsync is unavailable.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/helpers/chain_flow.sh"
src=${FLOWLINT_SOURCE_DIR:?}
. "$src/tests/npm-tools.sh"
command -v rsync >/dev/null 2>&1 || { echo "SKIP: rsync is not installed"; exit 77; }
for tool in node curl jq; do
	command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
npm_tools "$src/tests/gitlab-ci" gitlab-ci
glcl=$NPM_TOOLS/node_modules/.bin/gitlab-ci-local
export NO_COLOR=1

git_() { git -C repo -c user.name=t -c user.email=t@example.com "$@"; }
mkdir -p repo/ci repo/flows home && cp "$src/ci/flowlint.gitlab-ci.yml" repo/ci/ || exit 1
printf 'include:\n  - local: ci/flowlint.gitlab-ci.yml\n' >repo/.gitlab-ci.yml
printf '.gitlab-ci-local/\n' >repo/.gitignore
chain_flow repo/flows/chain.json 6
git init -q -b main repo && git_ add -A && git_ commit -qm base || exit 1
base=$(git -C repo rev-parse HEAD)
# The merge request: one prompt changed, one transition to a block that
# does not exist (a finding it introduces).
git_ checkout -q -b mr
sed -e 's/\\"NextAction\\":\\"b3\\"/\\"NextAction\\":\\"nowhere\\"/' -e 's/Prompt 4/Prompt four/' \
	repo/flows/chain.json >edit.json && mv edit.json repo/flows/chain.json
git_ commit -qam change || exit 1

log=$work/glcl.log
arts=repo/.gitlab-ci-local/artifacts/flowlint-review
run() {
	name=$1 want=$2
	shift 2
	rm -rf repo/.gitlab-ci-local
	(cd repo && "$glcl" --home "$work/home" --no-color --force-shell-executor \
	    --shell-isolation --variable "FLOWLINT=$FLOWLINT" "$@") >"$log" 2>&1
	got=$?
	if [ "$got" = "$want" ]; then ok; else fail "$name: gitlab-ci-local exit $got, want $want"; tail -20 "$log"; fi
}
mr="--variable CI_PIPELINE_SOURCE=merge_request_event --variable CI_MERGE_REQUEST_DIFF_BASE_SHA=$base"

# Only in merge-request pipelines.
run list-branch 0 --list
grep -q '^flowlint-review ' "$log" && fail "the review job runs outside merge requests" || ok
run list-mr 0 $mr --list
grep -q '^flowlint-review ' "$log" && ok || { fail "no review job in a merge request"; cat "$log"; }

run review 0 $mr flowlint-review
md=$arts/flowlint-review.md
[ -s "$md" ] && ok || fail "no flowlint-review.md artifact"
grep -qx '<!-- flowlint-review -->' "$md" && ok || fail "the marker line"
grep -qF "#### \`$base:flows/chain.json\` → \`flows/chain.json\`" "$md" && ok || { fail "the flow's heading"; cat "$md"; }
grep -qF -- '- `b2` (MessageParticipant): transition `next`: `b3` → `nowhere`' "$md" && ok || fail "the rewired transition"
grep -qF -- '- `b4` (MessageParticipant): `Parameters.Text`: `"Prompt 4"` → `"Prompt four"`' "$md" && ok || fail "the changed parameter"
grep -q -- '^- finding introduced: FL301 dangling-transition at `b2`' "$md" && ok || fail "the finding introduced"
grep -qx '```mermaid' "$md" && grep -q ':::changed' "$md" && grep -q 'missing: nowhere' "$md" && ok || { fail "the chart"; cat "$md"; }
grep -q 'wrote flowlint-review.md (1 flows)' "$log" && ok || fail "the job's log line"
grep -q 'posted the review note' "$log" && fail "a note was posted without a token" || ok

# With a token: one POST of the note to the API, then a PUT of our note.
start_server() {
	rm -f port.txt requests.log
	node "$here/helpers/notes_server.js" port.txt requests.log "$@" &
	server=$!
	i=0
	while [ ! -s port.txt ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	api="http://127.0.0.1:$(cat port.txt)/api/v4"
}
note_run() {
	run "$1" 0 $mr --variable "CI_API_V4_URL=$api" --variable CI_PROJECT_ID=17 \
	    --variable CI_MERGE_REQUEST_IID=3 --variable FLOWLINT_REVIEW_TOKEN=s3cret flowlint-review
	kill "$server" 2>/dev/null; wait "$server" 2>/dev/null
}
start_server
note_run post
[ "$(grep -c '"method":"POST"' requests.log)" = 1 ] && [ "$(grep -vc '"method":"GET"' requests.log)" = 1 ] && ok ||
	{ fail "post: want one POST"; cat requests.log; }
jq -e 'select(.method == "POST") | .url == "/api/v4/projects/17/merge_requests/3/notes" and .token == "s3cret" and (.body.body | startswith("<!-- flowlint-review -->\n## flowlint"))' requests.log >/dev/null &&
	ok || { fail "post: the request"; cat requests.log; }
jq -j 'select(.method == "POST") | .body.body' requests.log > posted.md && cmp -s posted.md "$md" && ok || fail "post: the note is the artifact"
start_server '<!-- flowlint-review -->
an older review'
note_run update
[ "$(grep -c '"method":"PUT"' requests.log)" = 1 ] && [ "$(grep -vc '"method":"GET"' requests.log)" = 1 ] &&
	jq -e 'select(.method == "PUT") | .url == "/api/v4/projects/17/merge_requests/3/notes/42"' requests.log >/dev/null &&
	ok || { fail "update: want one PUT of note 42"; cat requests.log; }
finish
