#!/bin/sh
# flowlint schema, checked with ajv (pinned in tests/schema/): the schema
# is valid draft 2020-12; every clean flow of the reference monorepo
# validates, both the exported file and the flow-language document in
# its Content; flowlint's own example flows validate; and seeded invalid
# documents are rejected, each for the reason seeded.  Skipped when npm,
# its registry or ../shared is unavailable.
. "$(dirname "$0")/lib.sh"
src=${FLOWLINT_SOURCE_DIR:?}
. "$src/tests/npm-tools.sh"
ref=$src/../shared/corpus/reference-monorepo
[ -d "$ref" ] || { echo "SKIP: no $ref"; exit 77; }
need node

npm_tools "$src/tests/schema" schema
ajv=$NPM_TOOLS/node_modules/.bin/ajv

"$FLOWLINT" schema --builtin > flow.schema.json || fail "schema: exit $?"
if "$ajv" compile --spec=draft2020 --strict=false -s flow.schema.json > compile.log 2>&1; then ok; else
	fail "the schema does not compile"; cat compile.log; fi

# validate WANT FILE...: ajv accepts (WANT=valid) or rejects every FILE;
# what it says goes to ./NAME.log.
validate() {
	want=$1; shift
	for f in "$@"; do
		log=$(basename "$f").log
		if "$ajv" validate --spec=draft2020 --strict=false --all-errors \
		    --errors=text -s flow.schema.json -d "$f" > "$log" 2>&1; then
			got=valid
		else
			got=invalid
		fi
		if [ "$got" = "$want" ]; then ok; else
			fail "$(basename "$f"): $got, want $want"; cat "$log"; fi
	done
}

# The Content of each clean reference flow, as a document of its own;
# the seeded defects are mutations of the main flow's.
mkdir clean seeded
for f in "$ref"/imports/resources/flows/*.json; do
	"$FLOWLINT" check -q "$f" > /dev/null 2>&1 || continue
	cp "$f" clean/
done
node - "$ref/imports/resources/flows/acme_main_AUTO.json" <<'JS' || fail "seeding"
const fs = require('fs');
for (const f of fs.readdirSync('clean')) {
  const doc = JSON.parse(JSON.parse(fs.readFileSync('clean/' + f, 'utf8')).Content);
  fs.writeFileSync('clean/content-' + f, JSON.stringify(doc));
}
const main = JSON.parse(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')).Content);
const seed = (name, mutate) => {
  const doc = JSON.parse(JSON.stringify(main));
  mutate(doc);
  fs.writeFileSync('seeded/' + name + '.json', JSON.stringify(doc));
};
const byType = (doc, type) => doc.Actions.find((a) => a.Type === type);
seed('unknown-type', (d) => { d.Actions[0].Type = 'PlayPromptz'; });
seed('no-identifier', (d) => { delete d.Actions[0].Identifier; });
seed('no-transitions', (d) => { delete d.Actions[0].Transitions; });
seed('wrong-version', (d) => { d.Version = '2019-10-31'; });
seed('no-actions', (d) => { delete d.Actions; });
seed('terminal-with-next', (d) => {
  byType(d, 'DisconnectParticipant').Transitions = { NextAction: d.StartAction };
});
seed('unknown-error-type', (d) => {
  byType(d, 'MessageParticipant').Transitions.Errors[0].ErrorType = 'NoSuchError';
});
seed('message-without-content', (d) => {
  const p = byType(d, 'MessageParticipant').Parameters;
  for (const k of ['Text', 'SSML', 'PromptId', 'Media']) delete p[k];
});
seed('message-with-text-and-ssml', (d) => {
  const p = byType(d, 'MessageParticipant').Parameters;
  p.Text = 'Hello'; p.SSML = '<speak>Hello</speak>';
});
seed('queue-id-not-one-path', (d) => {
  byType(d, 'UpdateContactTargetQueue').Parameters.QueueId = 'q-$.Attributes.queue';
});
seed('parameter-of-closed-action', (d) => {
  byType(d, 'DisconnectParticipant').Parameters.Nonsense = 'x';
});
JS
ls clean/*.json > /dev/null 2>&1 && [ "$(ls clean | wc -l)" -ge 10 ] && ok ||
	fail "fewer clean reference flows than expected: $(ls clean)"
validate valid clean/*.json "$src"/flows/imports/resources/flows/*.json
# reject NAME REASON: ajv rejects seeded/NAME.json, saying REASON.
reject() {
	validate invalid "seeded/$1.json"
	if grep -q -- "$2" "$1.json.log"; then ok; else
		fail "$1: rejected, but not for: $2"; cat "$1.json.log"; fi
}
reject unknown-type "/Type must be equal to one of the allowed values"
reject no-identifier "must have required property 'Identifier'"
reject no-transitions "must have required property 'Transitions'"
reject wrong-version "/Version must be equal to constant"
reject no-actions "must have required property 'Actions'"
reject terminal-with-next "/Transitions must NOT have more than 0 properties"
reject unknown-error-type "/ErrorType must be equal to one of the allowed values"
reject message-without-content "/Parameters must have required property 'Text'"
reject message-with-text-and-ssml "/Parameters must NOT be valid"
reject queue-id-not-one-path "/QueueId must match pattern"
reject parameter-of-closed-action "/Parameters must NOT have additional properties"
[ "$(ls seeded/*.json | wc -l)" = 11 ] && ok || fail "a seeded case has no reason checked"
finish
