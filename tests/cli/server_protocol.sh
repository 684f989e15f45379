#!/bin/sh
# flowlint server on hostile and careless clients, from byte streams
# written here: requests before initialize, a header without
# Content-Length, a body that is not JSON, unknown methods, a request
# cancelled before it was served, requests after shutdown, a client
# that goes away without shutdown or mid-message.  The server answers
# each as the protocol says, never crashes or hangs (timeout), and logs
# to stderr only.
. "$(dirname "$0")/lib.sh"

# msg BODY: one framed message (the bodies here are ASCII).
msg() { printf 'Content-Length: %d\r\n\r\n%s' "${#1}" "$1"; }
init='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":null,"capabilities":{}}}'
shutdown='{"jsonrpc":"2.0","id":99,"method":"shutdown"}'
exit_='{"jsonrpc":"2.0","method":"exit"}'

# serve NAME: runs the server on NAME.in; NAME.out, NAME.err, NAME.rc.
serve() {
	timeout 60 "$FLOWLINT" server < "$1.in" > "$1.out" 2> "$1.err"
	echo $? > "$1.rc"
}
# expect NAME PATTERN: NAME.out holds a message matching grep -E PATTERN.
expect() {
	if grep -Eq -- "$2" "$1.out"; then ok; else
		fail "$1: no message matching /$2/"; cat "$1.out"; echo; fi
}
expect_rc() {
	if [ "$(cat "$1.rc")" = "$2" ]; then ok; else
		fail "$1: exit $(cat "$1.rc"), want $2"; cat "$1.err"; fi
}

{
	msg '{"jsonrpc":"2.0","id":"early","method":"textDocument/hover","params":{}}'
	printf 'X-Nonsense: 1\r\n\r\n'
	msg "$init"
	msg '{"jsonrpc":"2.0","id":2,"method":"initialize","params":{}}'
	msg '{"jsonrpc":"2.0","id":3,"method":'
	msg '{"jsonrpc":"1.0","id":4,"method":"shutdown"}'
	msg '{"jsonrpc":"2.0","method":"flowlint/unknownNotification","params":{}}'
	msg '{"jsonrpc":"2.0","id":5,"method":"flowlint/unknown"}'
	msg '{"jsonrpc":"2.0","id":6,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///nowhere.json"},"position":{"line":0,"character":0}}}'
	msg '{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":6}}'
	msg '{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///nowhere.json"}}}'
	msg '{"jsonrpc":"2.0","id":8,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///nowhere.json"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"context":{"diagnostics":[]}}}'
	msg '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///nowhere.json","version":2},"contentChanges":[{"text":"{}"}]}}'
	msg "$shutdown"
	msg '{"jsonrpc":"2.0","id":10,"method":"textDocument/formatting","params":{}}'
	msg "$exit_"
	msg '{"jsonrpc":"2.0","id":11,"method":"shutdown"}'
} > careless.in
serve careless
expect careless '"id":"early","error":\{"code":-32002'
expect careless '"id":1,"result":\{"capabilities"'
expect careless '"id":2,"error":\{"code":-32600'
expect careless '"id":null,"error":\{"code":-32700'
expect careless '"id":4,"error":\{"code":-32600'
expect careless '"id":5,"error":\{"code":-32601'
expect careless '"id":6,"error":\{"code":-32800'
expect careless '"id":7,"error":\{"code":-32602'
expect careless '"id":8,"result":\[\]'
expect careless '"id":99,"result":null'
expect careless '"id":10,"error":\{"code":-32600'
if grep -q '"id":11' careless.out; then fail "careless: served a message after exit"; else ok; fi
if grep -q 'unknownNotification' careless.out; then fail "careless: answered a notification"; else ok; fi
expect_rc careless 0
if grep -q 'Content-Length' careless.err; then ok; else fail "careless: the bad header is not logged"; fi

# Gone without shutdown: exit 1, said on stderr.
{ msg "$init"; } > gone.in
serve gone
expect_rc gone 1
if grep -q 'closed the connection' gone.err; then ok; else fail "gone: not logged"; cat gone.err; fi

# Gone mid-message: a length longer than what follows.
{ msg "$init"; printf 'Content-Length: 1000\r\n\r\n{"jsonrpc":'; } > cut.in
serve cut
expect_rc cut 1
expect cut '"id":1,"result"'

# exit without shutdown: 1.
{ msg "$init"; msg "$exit_"; } > rude.in
serve rude
expect_rc rude 1

# A reader that is gone: the writes fail (or land in the pipe before
# it closes); either way the server ends, 0 or 1, not killed.
{ msg "$init"; msg "$shutdown"; msg "$exit_"; } > deaf.in
{ timeout 60 "$FLOWLINT" server < deaf.in 2> deaf.err; echo $? > deaf.rc; } | true
case $(cat deaf.rc) in
0|1) ok ;;
*) fail "deaf: exit $(cat deaf.rc)"; cat deaf.err ;;
esac

# Nothing but noise: no answer, no hang.
head -c 100000 /dev/urandom > noise.in 2>/dev/null || printf 'junk\r\n\r\n' > noise.in
serve noise
expect_rc noise 1
finish
