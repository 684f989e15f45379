#!/bin/sh
# Bad input never crashes or hangs: each case is a finding or exit 2,
# with the file, position where there is one, and the reason.
. "$(dirname "$0")/lib.sh"

: > empty.json
expect_run empty 1 '^empty\.json:1:1: error \[FL001 invalid-json\] empty document' -- check empty.json

printf '{"a": "\377"}' > utf8.json
expect_run invalid-utf8 1 '^utf8\.json:1:8: error \[FL001 invalid-json\] invalid UTF-8 byte 0xff' -- check utf8.json

printf '{"Version": "2019-10-30", "Actions": [' > trunc.json
expect_run truncated 1 '^trunc\.json:1:[0-9]+: error \[FL001 invalid-json\] unexpected end of input' -- check trunc.json

printf '{"Name":"c","Type":"CONTACT_FLOW","Content":"{\\"Version\\":\\"2019-10-30\\",\\"Act"}' > content.json
expect_run truncated-content 1 '^content\.json:1:[0-9]+: error \[FL002 invalid-content\] "Content" is not valid JSON: unexpected end of input' -- check content.json

printf '{"Name":"c","Type":"CONTACT_FLOW","Content":"hello"}' > notjson.json
expect_run content-not-json 1 '\[FL002 invalid-content\] "Content" is not valid JSON' -- check notjson.json

awk 'BEGIN { for (i = 0; i < 1500; i++) printf "["; for (i = 0; i < 1500; i++) printf "]" }' > deep.json
expect_run deep-nesting 1 '^deep\.json:1:1001: error \[FL001 invalid-json\] nesting deeper than 1000 levels' -- check deep.json

awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; }' > deeper.json
expect_run deep-nesting-100k 1 'FL001 invalid-json.*nesting deeper' -- check deeper.json

truncate -s 200M big.json
expect_run too-big 2 'big\.json: file is larger than the 64 MiB limit' -- check big.json

mkdir dir.json
printf '{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"DisconnectParticipant","Transitions":{}}]}' > dir.json/inner.json
expect_run directory-named-json 0 'No problems found in 1 file' -- check dir.json

printf '{}' > unreadable.json
chmod 000 unreadable.json
if [ "$(id -u)" != 0 ]; then
	expect_run unreadable 2 'unreadable\.json: cannot open: Permission denied' -- check unreadable.json
fi
chmod 644 unreadable.json

ln -s loop1.json loop2.json
ln -s loop2.json loop1.json
expect_run symlink-loop 2 'loop1\.json: .*(Too many levels of symbolic links|symbolic link)' -- check loop1.json
mkdir walk && ln -s .. walk/up && cp dir.json/inner.json walk/flow.json
expect_run symlink-dir-loop-in-walk 0 'No problems found in 1 file' -- check walk

printf '{"Version":"2019-10-30","StartAction":"a","StartAction":"a","Actions":[{"Identifier":"a","Type":"DisconnectParticipant","Transitions":{}}]}' > dup.json
expect_run duplicate-key 1 '^dup\.json:1:43: error \[FL004 duplicate-key\] duplicate key "StartAction"' -- check dup.json

printf '{"Version":"2019-10-30","StartAction":"a","Metadata":{"x":1e999},"Actions":[{"Identifier":"a","Type":"DisconnectParticipant","Transitions":{}}]}' > num.json
expect_run number-overflow 0 '^num\.json:1:[0-9]+: warning \[FL005 number-out-of-range\] number 1e999 is out of range' -- check num.json

printf '{"a":"x\000y"}' > nul.json
expect_run raw-nul-byte 1 '^nul\.json:1:8: error \[FL001 invalid-json\] control character 0x00' -- check nul.json

printf '{"Name":"n","Type":"CONTACT_FLOW","Content":"{\\"Version\\":\\"2019-10-30\\\\u0000\\"}"}' > nulcontent.json
expect_run nul-escape-in-content 1 'FL002 invalid-content' -- check nulcontent.json

printf '{"Name":"sales","Status":"ENABLED"}' > queue.json
expect_run not-a-flow-explicit 0 'note: queue\.json: not a contact flow, skipped' -- check queue.json

expect_run missing-file 2 'nope\.json: .*No such file or directory' -- check nope.json
expect_run unknown-option 2 "unknown option '--bogus'" -- check --bogus
expect_run unknown-rule 2 "unknown rule 'FL999'" -- check --select FL999 .
expect_run unknown-command 2 "unknown command 'chek' \(did you mean 'check'\?\)" -- chek
expect_run unknown-command-no-guess 2 "unknown command 'zzz'$" -- zzz

finish
