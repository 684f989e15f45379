#!/bin/sh
# Configuration, inventory sources and the baseline through the CLI:
# .flowlint.json found from the checked path, --config, precise errors
# (exit 2), --show-config, --verbose, saved AWS CLI output as a source,
# include/exclude, per-file-ignores, suppressions with FL007, and a
# baseline that survives a line shift and drops fixed findings.
. "$(dirname "$0")/lib.sh"
src=${FLOWLINT_SOURCE_DIR:?}
fx=$src/tests/fixtures

mkdir -p repo/.git repo/imports/resources/flows repo/imports/resources/queues \
	repo/inventory repo/templates
cd repo || exit 1
cp "$fx/FL303-dangling-flow-attribute/imports/resources/queues/sales.json" \
	imports/resources/queues/
cp "$fx/FL303-dangling-flow-attribute/imports/resources/flows/after_hours.json" \
	imports/resources/flows/
sed 's/"good-resolved"/"main"/' "$fx/FL303-dangling-flow-attribute/good-resolved.json" \
	> imports/resources/flows/main.json
sed 's/"bad-missing-queue"/"broken"/' "$fx/FL303-dangling-flow-attribute/bad-missing-queue.json" \
	> imports/resources/flows/broken.json
sed 's/"bad-bare-queue-id"/"bare"/' "$fx/FL102-hardcoded-resource-id/bad-bare-queue-id.json" \
	> imports/resources/flows/bare.json
cp imports/resources/flows/broken.json templates/broken.json
cp "$src"/tests/data/awscli/*.json inventory/

# No configuration: the layout alone; FL303 at the exact position.
expect_run no-config 1 '^imports/resources/flows/broken\.json:4:842: error \[FL303 dangling-flow-attribute\]' -- check imports
expect_run verbose-no-source 1 'note: inventory: no source of kind "prompt": prompt references are not checked' -- check -v imports
expect_run verbose-layout 1 'note: inventory: reference layout in imports/resources' -- check --verbose imports
expect_run show-config-default 0 '"config": null' -- check --show-config
expect_run show-config-kinds 0 '"queue": \{"resources": 1, "sources": \["imports/resources/queues"\]\}' -- check --show-config imports
# From a subfolder, the repository's layout is still found.
(cd imports/resources/flows && "$FLOWLINT" check broken.json >../../../sub.out 2>&1)
if grep -q 'FL303' sub.out; then ok; else fail "layout found from a subfolder"; cat sub.out; fi

# Configuration errors: file, line, column, key, reason; exit 2.
printf '{\n  "exclude": ["templates"],\n  "selcet": ["FL101"]\n}\n' > .flowlint.json
expect_run unknown-key 2 '^flowlint: error: \.flowlint\.json:3:3: unknown key "selcet" \(expected one of: select, ignore,' -- check imports
printf '{"severity": {"FL204": "fatal"}}' > .flowlint.json
expect_run bad-severity 2 '\.flowlint\.json:1:24: severity\.FL204: expected "error", "warning" or "info"' -- check imports
printf '{"exclude": ["a/[b"]}' > .flowlint.json
expect_run bad-glob 2 '\.flowlint\.json:1:14: exclude\[0\]: bad glob "a/\[b": a .\[. is not closed by .\].' -- check imports
printf '{"inventory": {"sources": [{"aws": "inventory/nope.json"}]}}' > .flowlint.json
expect_run missing-source 2 '\.flowlint\.json:1:28: inventory source: .*nope\.json' -- check imports
printf '{"inventory": {"sources": [{"kind": "prompt", "aws": "inventory/list-queues.json"}]}}' > .flowlint.json
expect_run wrong-kind-source 2 'inventory/list-queues\.json:2:5: "QueueSummaryList" lists queue resources, but the source is declared as kind "prompt"' -- check imports
printf '{"patterns": "nope.json"}' > .flowlint.json
expect_run missing-patterns 2 'nope\.json' -- check imports
expect_run show-config-error 2 'unknown key|nope' -- check --show-config imports
expect_run missing-config 2 "cannot read configuration 'nowhere\\.json'" -- check --config nowhere.json imports

# Malformed environments and stages: file, position, key, reason.
printf '{"environments": {"staging": {"accounts": ["12345"]}}}' > .flowlint.json
expect_run bad-env-account 2 '\.flowlint\.json:1:44: environments\.staging\.accounts\[0\]: "12345" is not a 12-digit AWS account ID' -- check imports
printf '{"environments": {"staging": {"instances": ["arn:aws:connect:us-east-1:111122223333:instance/nope"]}}}' > .flowlint.json
expect_run bad-env-instance 2 'environments\.staging\.instances\[0\]: .* is not a Connect instance ID or instance ARN' -- check imports
printf '{"environments": {"staging": {"regions": ["useast1"]}}}' > .flowlint.json
expect_run bad-env-region 2 'environments\.staging\.regions\[0\]: "useast1" is not an AWS region' -- check imports
printf '{"environments": {"staging": {"paths": ["staging"]}}}' > .flowlint.json
expect_run env-without-ids 2 '\.flowlint\.json:1:30: environments\.staging: needs at least one of "accounts", "instances" and "regions"' -- check imports
printf '{"environments": {"staging": {"acounts": ["111122223333"]}}}' > .flowlint.json
expect_run env-unknown-key 2 'environments\.staging: unknown key "acounts" \(expected one of: accounts, instances, regions, paths\)' -- check imports
printf '{"environments": {"staging": {"regions": ["us-east-1"], "paths": ["a/[b"]}}}' > .flowlint.json
expect_run env-bad-glob 2 'environments\.staging\.paths\[0\]: bad glob' -- check imports
printf '{"environments": ["staging"]}' > .flowlint.json
expect_run env-not-object 2 'environments: expected an object mapping environment names' -- check imports
printf '{"stages": ["dev-1"]}' > .flowlint.json
expect_run bad-stage 2 '\.flowlint\.json:1:13: stages\[0\]: "dev-1" is not a stage token' -- check imports
printf '{"exporter-named": "flows"}' > .flowlint.json
expect_run exporter-named-not-list 2 '\.flowlint\.json:1:20: exporter-named: expected an array of globs, not a string' -- check imports
printf '{"stages": []}' > .flowlint.json
expect_run empty-stages 2 'stages: must not be empty' -- check imports

# --show-config prints environments, stages and exporter-named as read.
rm .flowlint.json
expect_run show-config-no-stages 0 '^  "stages": "patterns",$' -- check --show-config imports
printf '{"environments": {"prod": {"instances": ["arn:aws:connect:us-east-1:111122223333:instance/0b3e4a6c-1f2d-4e5a-9b8c-7d6e5f4a3b2c"], "paths": ["prod/**"]}}, "stages": ["dev", "prod"], "exporter-named": ["connect/flows"]}' > .flowlint.json
expect_run show-config-environments 0 '^    "prod": \{"accounts": \[\], "instances": \["0b3e4a6c-1f2d-4e5a-9b8c-7d6e5f4a3b2c"\], "regions": \[\], "paths": \["prod/\*\*"\]\}$' -- check --show-config imports
expect_run show-config-stages 0 '^  "stages": \["dev", "prod"\],$' -- check --show-config imports
expect_run show-config-exporter-named 0 '^  "exporter-named": \["connect/flows"\],$' -- check --show-config imports

# Stages replace the built-in dev, qa, prod.
mkdir -p envtest
cp "$fx/FL107-stage-in-resource-name/bad-dev-prefix.json" envtest/stage.json
printf '{"stages": ["ccaas"]}' > .flowlint.json
expect_run stages-configured 0 'FL107 stage-in-resource-name\] Lambda function dev-ccaas-callback-fn names the stage "ccaas"' -- check envtest
printf '{"stages": ["test"]}' > .flowlint.json
expect_run stages-replace-default 0 'No problems found' -- check envtest
rm envtest/stage.json
# An account the file's environment does not list never becomes ${ACCT_ID}.
cp "$fx/FL107-stage-in-resource-name/bad-with-literal-account.json" envtest/acct.json
printf '{"environments": {"prod": {"accounts": ["111122223333"], "paths": ["envtest"]}}}' > .flowlint.json
expect_run env-foreign-account 1 'hardcodes account 210987654321, region us-east-1; no automatic fix: account 210987654321 is not one of the file.s environments' -- check envtest
# An editor's unsaved buffer is judged as the file it names.
if "$FLOWLINT" check --help | grep -q -- --stdin-filename; then
	out=$("$FLOWLINT" check --stdin-filename envtest/acct.json - < envtest/acct.json 2>&1)
	case $out in
	*"is not one of the file's environments"*) ok ;;
	*) fail "env-stdin: $out" ;;
	esac
fi
printf '{"environments": {"prod": {"accounts": ["210987654321"], "paths": ["envtest"]}}}' > .flowlint.json
expect_run env-own-account 1 '"code": "FL101".*"fixable": true' -- check --format json envtest
printf '{"environments": {"prod": {"accounts": ["111122223333"], "paths": ["elsewhere"]}}}' > .flowlint.json
expect_run env-not-member 1 '"code": "FL101".*"fixable": true' -- check --format json envtest
rm -r envtest .flowlint.json

# AWS CLI outputs as sources; include/exclude; FL102 names the queue.
cat > .flowlint.json <<'EOF'
{
  "include": ["imports/resources/flows", "templates"],
  "exclude": ["templates"],
  "inventory": {
    "sources": [
      {"aws": "inventory/list-queues.json"},
      {"aws": "inventory/list-contact-flows.json"},
      {"kind": "prompt", "aws": "inventory/list-prompts.json"},
      {"aws": "inventory/list-functions.json"},
      {"aws": "inventory/list-bots.json"},
      {"aws": "inventory/list-bot-aliases.json"}
    ]
  }
}
EOF
expect_run aws-names-the-id 1 'bare\.json:4:335: error \[FL102 hardcoded-resource-id\] bare queue ID 0b3e4a6c-1f2d-4e5a-9b8c-7d6e5f4a3b2c in QueueId: .*it is the queue "sales"' -- check .
expect_run excluded 1 'in 2 of 4 files' -- check .
expect_run show-config-aws 0 '"lex-bot": \{"resources": 4, "sources": \["inventory/list-bots\.json", "inventory/list-bot-aliases\.json"\]\}' -- check --show-config
expect_run show-config-file 0 '"config": "\.flowlint\.json"' -- check --show-config
expect_run verbose-config 1 'note: configuration: \.flowlint\.json' -- check -v .
# --config FILE replaces the file found.
printf '{"ignore": ["FL303", "FL102"]}' > other.json
expect_run config-option 0 'No problems found in 4 files' -- check --config other.json imports
expect_run select-on-cli-wins 1 'FL303' -- check --config other.json --select FL303 imports

# per-file-ignores and suppressions; an unused suppression is FL007.
cat > .flowlint.json <<'EOF'
{
  "per-file-ignores": {"imports/resources/flows/bare.json": ["FL102"]},
  "suppressions": [
    {"rule": "FL303", "path": "broken.json", "action": "set-queue",
     "reason": "the sales team queue is created by the admin pipeline"},
    {"rule": "FL303", "path": "imports/resources/flows/main.json",
     "reason": "left over"}
  ]
}
EOF
expect_run suppressed 0 '^\.flowlint\.json:6:5: warning \[FL007 unused-suppression\] suppression of FL303 dangling-flow-attribute for "imports/resources/flows/main\.json" matched no finding; remove it' -- check imports
expect_run suppressed-note 0 'note: 1 finding suppressed' -- check imports
expect_run suppressed-json 0 '"code": "FL007".*"pointer": "/suppressions/1"' -- check --format json imports
expect_run unused-fails-on-warning 1 'FL007' -- check --fail-on warning imports
expect_run one-file-no-stale 0 'No problems found in 1 file' -- check imports/resources/flows/broken.json
rm .flowlint.json

# Baseline: record, then only new findings; line shifts keep it.
expect_run write-baseline 0 'note: recorded 2 findings in base\.json' -- check --write-baseline base.json imports
grep -q '"line"' base.json && fail "baseline holds a line number"
grep -q '"fingerprint": "[0-9a-f]\{64\}", "code": "FL303", "path": "imports/resources/flows/broken.json", "flow": "broken", "action": "set-queue", "pointer": "/Parameters/QueueId", "message": ' base.json && ok || { fail "baseline entry"; cat base.json; }
# The baseline holds exactly the Code Quality fingerprints of the findings.
"$FLOWLINT" check --format codequality imports > cq.json
grep -o '"fingerprint": "[0-9a-f]*"' cq.json | sort > cq.fp
grep -o '"fingerprint": "[0-9a-f]*"' base.json | sort > base.fp
[ -s cq.fp ] && cmp -s cq.fp base.fp && ok || { fail "baseline fingerprints differ from Code Quality"; diff cq.fp base.fp; }
expect_run baseline-quiet 0 'No problems found in 4 files' -- check --baseline base.json imports
expect_run baseline-note 0 'note: 2 findings in the baseline not shown' -- check --baseline base.json imports
# Shift every line of broken.json down by one.
sed 's/^  "Name": "broken",/  "Description": "moved down",\n  "Name": "broken",/' \
	imports/resources/flows/broken.json > tmp.json && mv tmp.json imports/resources/flows/broken.json
expect_run moved-line 1 'broken\.json:5:' -- check imports
expect_run baseline-survives-shift 0 'No problems found in 4 files' -- check --baseline base.json imports
# A new finding is reported; the old ones are not.
sed 's/"main"/"newone"/; s/FlowAttributes.sales\\"/FlowAttributes.sales_new\\"/' \
	imports/resources/flows/main.json > imports/resources/flows/newone.json
expect_run new-finding 1 '^imports/resources/flows/newone\.json:4:[0-9]+: error \[FL303' -- check --baseline base.json imports
expect_run only-new 1 'Found 1 error and 1 warning in 1 of 5 files' -- check --baseline base.json imports
rm imports/resources/flows/newone.json
# Fixed findings drop out when the baseline is rewritten.
rm imports/resources/flows/bare.json
expect_run stale-entry-note 0 'note: 1 baseline entry is no longer found; rewrite it with --write-baseline' -- check --baseline base.json imports
expect_run rewrite 0 'recorded 1 finding in base\.json' -- check --write-baseline base.json imports
grep -q 'FL102' base.json && fail "fixed finding still in the baseline" || ok
expect_run unwritable-baseline 2 'nodir/b\.json: cannot create' -- check --write-baseline nodir/b.json imports
expect_run both-baseline-options 2 'give one of --baseline and --write-baseline' -- check --baseline a.json --write-baseline b.json imports
printf '{"version": 7, "findings": []}' > bad.json
expect_run bad-baseline 2 'bad\.json:1:13: unsupported baseline version' -- check --baseline bad.json imports
expect_run missing-baseline 2 'nowhere\.json' -- check --baseline nowhere.json imports
expect_run help 0 '--write-baseline FILE' -- check --help

# The README's complete example configuration is valid.
awk '/^### `\.flowlint\.json`/ { on = 1 } on && /^```$/ && started { exit }
	on && started { print } on && /^```json$/ { started = 1 }' \
	"$src/README.md" > readme.json
mkdir -p admin/queues ci
printf 'acme-shared-audit\n' > inventory/shared-lambdas.txt
cp "$src/rules/data/patterns.json" ci/replacer-patterns.json
expect_run readme-example 0 '"assistant": \{"resources": 1, "sources": \["readme\.json:[0-9]+:[0-9]+"\]\}' -- check --config readme.json --show-config imports
expect_run readme-example-runs 1 'broken\.json:5:842: error \[FL303' -- check --config readme.json imports
# A bad extension of the action catalog is a configuration error at its
# position, in every command that reads the configuration.
printf '{"actions": {"Brand": {"source": "our fork",\n  "flow-types": "*", "takes-input": "yes"}}}\n' > bad-actions.json
expect_run bad-actions 2 '^flowlint: error: .*bad-actions\.json:2:37: actions\.Brand\.takes-input: expected true or false$' -- check --config bad-actions.json imports
expect_run bad-actions-explain-error 2 'bad-actions\.json:2:37: actions\.Brand\.takes-input: expected true or false' -- explain-error --config bad-actions.json imports/resources/flows/broken.json bad-actions.json
printf '{"actions": {"Brand": {"source": "our fork", "flow-types": ["INBOUND"]}}}\n' > bad-kind.json
expect_run bad-actions-kind 2 'bad-kind\.json:1:61: actions\.Brand\.flow-types: expected a flow type' -- check --config bad-kind.json imports
finish
