#!/bin/sh
# ci/flowlint.gitlab-ci.yml, validated and run with gitlab-ci-local
# (pinned in tests/gitlab-ci/) in shell mode, in a temporary repository
# that includes it: the job produces the Code Quality, JUnit and SARIF
# files, fails on errors and passes without them, and the variables do
# what the template says, and without a flowlint command the first
# pipeline builds the package and the next takes it from the runner's
# cache, compiling nothing (with cmake and cc that fail, which a ref
# with no cached package does reach: the control).  Skipped when npm, its registry or rsync
# (which gitlab-ci-local needs) is unavailable.
. "$(dirname "$0")/lib.sh"
src=${FLOWLINT_SOURCE_DIR:?}
. "$src/tests/npm-tools.sh"
command -v rsync >/dev/null 2>&1 || { echo "SKIP: rsync is not installed"; exit 77; }
npm_tools "$src/tests/gitlab-ci" gitlab-ci
glcl=$NPM_TOOLS/node_modules/.bin/gitlab-ci-local
export NO_COLOR=1

git_() { git -C repo -c user.name=t -c user.email=t@example.com "$@"; }
mkdir -p repo/ci home && cp -R "$src/flows/imports" "$src/flows/.flowlint.json" "$src/flows/aws" repo/ &&
	cp "$src/ci/flowlint.gitlab-ci.yml" repo/ci/ || exit 1
cat >repo/.gitlab-ci.yml <<'YAML'
include:
  - local: ci/flowlint.gitlab-ci.yml
YAML
printf '.gitlab-ci-local/\n' >repo/.gitignore
git init -q -b main repo && git_ add -A && git_ commit -qm base || exit 1

# run NAME WANT_EXIT ARGS...: runs gitlab-ci-local in repo/; the log is
# in $log, the job's artifacts in $arts.  The runner's cache
# (.gitlab-ci-local/cache) stays from one run to the next.
log=$work/glcl.log
arts=repo/.gitlab-ci-local/artifacts/flowlint
run() {
	name=$1 want=$2
	shift 2
	find repo/.gitlab-ci-local -mindepth 1 -maxdepth 1 ! -name cache \
		-exec rm -rf {} + 2>/dev/null
	(cd repo && "$glcl" --home "$work/home" --no-color --force-shell-executor \
	    --shell-isolation --variable "FLOWLINT=$FLOWLINT" "$@") >"$log" 2>&1
	got=$?
	if [ "$got" = "$want" ]; then ok; else fail "$name: gitlab-ci-local exit $got, want $want"; tail -20 "$log"; fi
}
# entries REPORT: Code Quality entries in the report.
entries() { grep -c '"fingerprint"' "$1"; }

# The template validates against GitLab's schema and defines one job.
run list 0 --list
grep -q '^flowlint ' "$log" && ok || { fail "list: no flowlint job"; cat "$log"; }

# A branch pipeline: the whole repository, the console export's nine
# errors fail the job, and all three reports are artifacts.
run whole-repository 1 flowlint
grep -q 'flowlint: the whole repository' "$log" && ok || fail "whole-repository: scope not logged"
grep -q 'error \[FL101 hardcoded-arn\]' "$log" && ok || fail "whole-repository: findings not in the log"
for f in gl-code-quality-report.json flowlint-junit.xml flowlint.sarif; do
	[ -s "$arts/$f" ] && ok || fail "whole-repository: no $f artifact"
done
[ "$(entries "$arts/gl-code-quality-report.json")" = 9 ] && ok || fail "whole-repository: want 9 Code Quality entries"
grep -q '"path": "imports/resources/flows/nw_billing_console_export.json"' "$arts/gl-code-quality-report.json" &&
	ok || fail "whole-repository: Code Quality paths are not repository-relative"
grep -q '"version": "2.1.0"' "$arts/flowlint.sarif" && ok || fail "whole-repository: SARIF"
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$arts/flowlint-junit.xml" && ok || fail "whole-repository: JUnit is not well-formed"
fi

# FLOWLINT_ARGS reaches flowlint: ignoring FL101 makes the job pass.
run args 0 --variable "FLOWLINT_ARGS=--ignore FL101" flowlint
[ "$(entries "$arts/gl-code-quality-report.json")" = 0 ] && ok || fail "args: findings despite --ignore"

# FLOWLINT_DISABLED takes the job out of the pipeline.
run disabled 0 --variable FLOWLINT_DISABLED=true --list
grep -q '^flowlint ' "$log" && fail "disabled: the job is still listed" || ok

# Without flowlint and without FLOWLINT_GIT_URL the job says what to do.
run not-found 1 --variable FLOWLINT=/nonexistent/flowlint flowlint
grep -q 'set FLOWLINT_DEB_URL or FLOWLINT_GIT_URL' "$log" && ok || fail "not-found: no hint"

# A merge request adding one hardcoded ARN: Code Quality and SARIF still
# cover the whole repository (9 + 1), the gate and JUnit only the change.
# The ARN is a FLOW_OBJECT_MAPS# value, which the deploy step rebuilds,
# so it is a warning and the gate passes.
base=$(git -C repo rev-parse HEAD)
git_ checkout -q -b mr &&
	sed '0,/\${ACCT_ID}/s//123456789012/' repo/imports/resources/flows/nw_main_inbound.json >edit.json &&
	mv edit.json repo/imports/resources/flows/nw_main_inbound.json && git_ commit -qam arn || exit 1
if "$FLOWLINT" check --help | grep -q -- --changed-since; then
	run merge-request 0 --variable CI_PIPELINE_SOURCE=merge_request_event \
	    --variable "CI_MERGE_REQUEST_DIFF_BASE_SHA=$base" flowlint
	grep -q "flowlint: files changed since $base" "$log" && ok || fail "merge-request: scope not logged"
	[ "$(entries "$arts/gl-code-quality-report.json")" = 10 ] && ok || fail "merge-request: Code Quality must cover the whole repository"
	grep -c '<testsuite ' "$arts/flowlint-junit.xml" | grep -qx 1 && ok || fail "merge-request: JUnit must cover the changed file only"
	grep -q 'nw_billing_console_export' "$log" && fail "merge-request: unchanged files in the log" || ok
	grep -q 'warning \[FL101 hardcoded-arn\].*FLOW_OBJECT_MAPS# value' "$log" && ok || fail "merge-request: the new ARN is not reported as a rebuilt map value"
	run merge-request-all 1 --variable CI_PIPELINE_SOURCE=merge_request_event \
	    --variable "CI_MERGE_REQUEST_DIFF_BASE_SHA=$base" --variable FLOWLINT_SCOPE=all flowlint
	grep -q 'flowlint: the whole repository' "$log" && ok || fail "merge-request-all: FLOWLINT_SCOPE=all ignored"
else
	echo "note: merge-request mode not run: this flowlint has no --changed-since yet"
fi

# Without a flowlint command the job builds one from FLOWLINT_GIT_URL
# (a repository made from this source tree's HEAD).
if git -C "$src" rev-parse --verify -q HEAD >/dev/null 2>&1; then
	mkdir flowlint-src && git -C "$src" archive HEAD | tar -x -C flowlint-src &&
		git init -q -b main flowlint-src && git -C flowlint-src add -A &&
		git -C flowlint-src -c user.name=t -c user.email=t@example.com commit -qm src || exit 1
	run build-from-source 1 --variable FLOWLINT=flowlint-not-installed \
	    --variable "FLOWLINT_GIT_URL=$work/flowlint-src" --variable FLOWLINT_REF=main flowlint
	grep -q 'flowlint: building flowlint from main' "$log" && ok || fail "build-from-source: did not build"
	grep -q '^flowlint > flowlint [0-9]' "$log" && ok || fail "build-from-source: no version line"
	[ -s "$arts/gl-code-quality-report.json" ] && ok || fail "build-from-source: no report"
	built=$(entries "$arts/gl-code-quality-report.json")
	# The next pipeline takes the package from the runner's cache: with
	# cmake and cc failing, it does not compile.
	mkdir nocompiler && for tool in cmake cc gcc; do
		printf '#!/bin/sh\necho "%s was run" >&2\nexit 1\n' "$tool" >"nocompiler/$tool"
		chmod +x "nocompiler/$tool"
	done
	PATH="$work/nocompiler:$PATH" run build-cached 1 --variable FLOWLINT=flowlint-not-installed \
	    --variable "FLOWLINT_GIT_URL=$work/flowlint-src" --variable FLOWLINT_REF=main flowlint
	grep -q 'flowlint: using the package built from main (runner cache)' "$log" && ok ||
		fail "build-cached: the package did not come from the cache"
	grep -q 'building flowlint\|was run' "$log" && fail "build-cached: flowlint was built again" || ok
	grep -q '^flowlint > flowlint [0-9]' "$log" && ok || fail "build-cached: no version line"
	[ "$(entries "$arts/gl-code-quality-report.json")" = "$built" ] && ok ||
		fail "build-cached: want the $built Code Quality entries of the first run"
	# The control: a FLOWLINT_REF the cache has no package for builds,
	# and the failing compiler reaches that job, so the check above can
	# fail.
	git -C flowlint-src branch other || exit 1
	PATH="$work/nocompiler:$PATH" run build-control 1 --variable FLOWLINT=flowlint-not-installed \
	    --variable "FLOWLINT_GIT_URL=$work/flowlint-src" --variable FLOWLINT_REF=other flowlint
	grep -q 'flowlint: building flowlint from other' "$log" && grep -q 'cmake was run' "$log" && ok ||
		{ fail "build-control: an uncached ref did not reach the failing cmake"; tail -5 "$log"; }
	# FLOWLINT_DEB_URL: that package, from a URL (curl reads file://).
	cp repo/.gitlab-ci-local/cache/*/.flowlint-cache/flowlint.deb "$work/flowlint.deb" || fail "no package in the cache"
	PATH="$work/nocompiler:$PATH" run deb-url 1 --variable FLOWLINT=flowlint-not-installed \
	    --variable "FLOWLINT_DEB_URL=file://$work/flowlint.deb" flowlint
	grep -q '^flowlint > flowlint [0-9]' "$log" && ok || fail "deb-url: no version line"
	[ "$(entries "$arts/gl-code-quality-report.json")" = "$built" ] && ok || fail "deb-url: want $built entries"
else
	echo "note: building from source not run: $src is not a git checkout"
fi

# The console export fixed (removed): the job passes.
git_ checkout -q main && git_ rm -q imports/resources/flows/nw_billing_console_export.json &&
	git_ commit -qm fixed || exit 1
run clean 0 flowlint
[ "$(entries "$arts/gl-code-quality-report.json")" = 0 ] && ok || fail "clean: findings left"
grep -q 'No problems found' "$log" && ok || fail "clean: no summary in the log"

# A TypeScript project beside the flows (JSON with comments, package.json,
# Terraform): the job still passes and examines flows only.
. "$src/tests/cli/helpers/typescript_repo.sh"
mkdir ts && typescript_repo ts && cp -R ts/lambda ts/.vscode ts/infra repo/ &&
	git_ add -A && git_ commit -qm typescript || exit 1
run typescript 0 flowlint
grep -q 'FL001' "$log" && fail "typescript: JSON with comments reported" || ok
grep -q 'No problems found' "$log" && ok || fail "typescript: no summary in the log"

# A merge request deleting a queue, or renaming a module, that an
# unchanged flow uses fails, naming that flow.
. "$src/tests/cli/helpers/example_repo.sh"
base=$(git -C repo rev-parse HEAD)
git_ checkout -q -b drop-queue && drop_outages repo && git_ commit -qm drop || exit 1
run merge-request-dependent 1 --variable CI_PIPELINE_SOURCE=merge_request_event \
    --variable "CI_MERGE_REQUEST_DIFF_BASE_SHA=$base" flowlint
grep -q 'imports/resources/flows/nw_main_inbound\.json:4:[0-9]*: error \[FL303' "$log" && ok ||
	{ fail "merge-request-dependent: the unchanged flow is not named"; tail -20 "$log"; }
# The same for a module renamed by its Name.
git_ checkout -q main && git_ checkout -q -b rename-module && rename_module repo &&
	git_ commit -qm rename || exit 1
run merge-request-renamed 1 --variable CI_PIPELINE_SOURCE=merge_request_event \
    --variable "CI_MERGE_REQUEST_DIFF_BASE_SHA=$base" flowlint
grep -q 'imports/resources/flows/nw_main_inbound\.json:4:[0-9]*: error \[FL303 dangling-flow-attribute\] .*no flow module is named "nw_auth_module"' "$log" && ok ||
	{ fail "merge-request-renamed: the unchanged flow is not named"; tail -20 "$log"; }

finish
