#!/bin/sh
# flowlint server lints an open document with what the configuration
# says of its file, as check does: a module in two environments that
# holds one's instance is FL105 in the editor too.
. "$(dirname "$0")/lib.sh"
src=${FLOWLINT_SOURCE_DIR:?}

# msg BODY: one framed message (the bodies here are ASCII).
msg() { printf 'Content-Length: %d\r\n\r\n%s' "${#1}" "$1"; }

cp -R "$src/tests/fixtures/FL105-environment-leak/bad-shared-module" repo &&
	chmod -R u+w repo && mkdir repo/.git || exit 1
root=$(cd repo && pwd)
file=$root/connect/modules/dial_extension.json
text=$(tr -d '\n' < "$file" | sed 's/"/\\"/g')
{
	msg '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"file://'"$root"'","capabilities":{}}}'
	msg '{"jsonrpc":"2.0","method":"initialized","params":{}}'
	msg '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file://'"$file"'","languageId":"json","version":1,"text":"'"$text"'"}}}'
	msg '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'
	msg '{"jsonrpc":"2.0","method":"exit"}'
} > open.in
timeout 60 "$FLOWLINT" server < open.in > open.out 2> open.err
[ $? = 0 ] && ok || { fail "server: exit $?"; cat open.err; }
if grep -q '"code":"FL105".*environment \\"staging\\"' open.out ||
    grep -q 'environment \\"staging\\".*"code":"FL105"' open.out; then
	ok
else
	fail "no FL105 for the shared module"; head -c 2000 open.out; echo
fi
finish
