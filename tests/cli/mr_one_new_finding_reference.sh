#!/bin/sh
# The same on the reference monorepo itself (../shared/corpus), when
# this checkout has it beside it; skipped otherwise.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helpers/git.sh"
src=${FLOWLINT_SOURCE_DIR:?}
. "$src/tests/mr-diff.sh"

ref=$src/../shared/corpus/reference-monorepo
[ -d "$ref/imports/resources/flows" ] || { echo "SKIP: $ref is absent"; exit 77; }
mr_one_new_finding "$ref" imports/resources/flows/acme_main_AUTO.json
finish
