#!/bin/sh
# A merge request that adds one hardcoded ARN to a repository in the
# reference layout (the example in flows/, whose console export already
# has nine findings) shows exactly one new Code Quality finding.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helpers/git.sh"
src=${FLOWLINT_SOURCE_DIR:?}
. "$src/tests/mr-diff.sh"

mr_one_new_finding "$src/flows" imports/resources/flows/nw_main_inbound.json
finish
