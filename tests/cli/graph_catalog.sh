#!/bin/sh
# graph and diff mark the findings of the action catalog's rules (FL5xx)
# as check reports them: an action type Connect does not have is FL501 on
# its node (Mermaid and DOT) and a finding introduced in the diff; once
# the project's .flowlint.json adds the type to the catalog, it is none.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

flow() { # flow FILE TYPE
	printf '{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"%s","Parameters":{"Text":"hi"},"Transitions":{"NextAction":"b"}},{"Identifier":"b","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}\n' "$2" > "$1"
}
mkdir p && cd p
flow old.json MessageParticipant
flow new.json Brand
expect_run check 1 '^new\.json:1:79: error \[FL501 unknown-action-type\] action type "Brand" is not in the flow language' -- check new.json
expect_run mermaid 0 '^  n1\["Brand<br/>hi<br/>findings: FL501"\]:::finding$' -- graph new.json
expect_run dot 0 '^  n1 \[label="Brand\\nhi\\nfindings: FL501".*color="#d00000"' -- graph --format dot new.json
expect_run diff 1 '^finding introduced: FL501 unknown-action-type at a /Type: action type "Brand" is not in the flow language' -- diff old.json new.json
expect_run base 0 '^  n1\["Brand<br/>hi<br/>findings: FL501"\]:::changedfinding$' -- graph --base old.json new.json

# The project's own catalog entry makes Brand an action like any other.
printf '{"actions": {"Brand": {"source": "our fork", "flow-types": "*"}}}\n' > .flowlint.json
expect_run check-known 0 '' -- check new.json
"$FLOWLINT" graph new.json > known.mmd
grep -q '^  n1\["Brand<br/>hi"\]$' known.mmd && ok || { fail "known: no finding on the node"; cat known.mmd; }
"$FLOWLINT" diff old.json new.json > known.txt
grep -q FL501 known.txt && { fail "known: no FL501 in the diff"; cat known.txt; } || ok
finish
