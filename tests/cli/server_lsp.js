// A full editor session against `flowlint server`, driven by Microsoft's
// LSP client packages (tests/lsp/package.json): initialize, open a flow
// whose Content holds non-ASCII prompt text before a hardcoded Lambda
// ARN, FL101 at the right UTF-16 range, hover, code actions, the quick
// fix applied, no diagnostics left, formatting, files that are not flows
// (valid JSON, and JSON with comments), an unknown method, shutdown and
// exit.
//
// usage: node server_lsp.js FLOWLINT NODE_MODULES WORKDIR
// WORKDIR is a git repository holding greeting.json.  Expected texts
// come from the CLI (`flowlint fix`, `flowlint format -`), positions
// from JavaScript's own UTF-16 strings, never from the server.
'use strict';
const path = require('path');
const fs = require('fs');
const cp = require('child_process');
const [flowlint, modules, work] = process.argv.slice(2);
const rpc = require(path.join(modules, 'vscode-languageserver-protocol/node'));

let failed = 0, passed = 0;
function check(cond, what) {
  if (cond) passed++;
  else { failed++; console.log('FAIL: ' + what); }
}

const server = cp.spawn(flowlint, ['server', '--debounce', '0'],
  { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = rpc.createProtocolConnection(
  new rpc.StreamMessageReader(server.stdout),
  new rpc.StreamMessageWriter(server.stdin));
const published = [];
let waiter = null;
conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
  published.push(p);
  if (waiter) waiter();
});
conn.listen();

// The next publishDiagnostics for `uri`.
async function diagnostics(uri) {
  for (;;) {
    const i = published.findIndex((p) => p.uri === uri);
    if (i >= 0) return published.splice(i, 1)[0];
    await new Promise((resolve) => { waiter = resolve; });
  }
}

// Applies LSP TextEdits (UTF-16 positions) to a JavaScript string.
function apply(text, edits) {
  const lines = text.split('\n');
  const offset = (pos) => lines.slice(0, pos.line)
    .reduce((n, l) => n + l.length + 1, 0) + pos.character;
  const sorted = edits.map((e) => [offset(e.range.start), offset(e.range.end), e.newText])
    .sort((a, b) => b[0] - a[0]);
  for (const [s, e, t] of sorted) text = text.slice(0, s) + t + text.slice(e);
  return text;
}

async function main() {
  const file = path.join(work, 'greeting.json');
  const uri = 'file://' + file;
  const text = fs.readFileSync(file, 'utf8');

  const init = await conn.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid, rootUri: 'file://' + work,
    capabilities: {}, workspaceFolders: null,
  });
  const caps = init.capabilities;
  check(caps.textDocumentSync.change === rpc.TextDocumentSyncKind.Full, 'full sync declared');
  check(caps.documentFormattingProvider === true && caps.hoverProvider === true,
    'formatting and hover declared');
  check(caps.codeActionProvider.codeActionKinds.includes('quickfix'), 'quick fixes declared');
  conn.sendNotification(rpc.InitializedNotification.type, {});

  conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'json', version: 1, text } });
  const open = await diagnostics(uri);
  check(open.diagnostics.length === 1, 'one diagnostic on open, got ' +
    JSON.stringify(open.diagnostics));
  const d = open.diagnostics[0];
  // Where the ARN's value (its escaped quotes included) is, in UTF-16.
  const lineNo = text.split('\n').findIndex((l) => l.includes('arn:aws:lambda'));
  const line = text.split('\n')[lineNo];
  const value = '\\"arn:aws:lambda:us-east-1:123456789012:function:acme-lookup\\"';
  const start = line.indexOf(value);
  check(Buffer.byteLength(line.slice(0, start)) !== start,
    'the fixture has non-ASCII text before the ARN');
  check(d.code === 'FL101' && d.source === 'flowlint', 'FL101 from flowlint');
  check(d.severity === rpc.DiagnosticSeverity.Error, 'an error');
  check(d.range.start.line === lineNo && d.range.start.character === start &&
    d.range.end.line === lineNo && d.range.end.character === start + value.length,
    `range ${JSON.stringify(d.range)}, want line ${lineNo} ${start}-${start + value.length}`);
  check(/rules\/FL101-hardcoded-arn\.md$/.test(d.codeDescription.href), 'codeDescription');

  const hover = await conn.sendRequest(rpc.HoverRequest.type,
    { textDocument: { uri }, position: d.range.start });
  check(hover && /FL101 hardcoded-arn/.test(hover.contents.value) &&
    /## What it does/.test(hover.contents.value), 'hover shows the rule page');

  const actions = await conn.sendRequest(rpc.CodeActionRequest.type, {
    textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  const quick = actions.find((a) => a.kind === 'quickfix');
  check(quick && /FL101/.test(quick.title), 'a quick fix for FL101');
  check(actions.some((a) => a.kind === 'source.fixAll.flowlint'), 'a fix-all action');
  const fixed = apply(text, quick.edit.changes[uri]);
  fs.copyFileSync(file, path.join(work, 'cli-fixed.json'));
  cp.execFileSync(flowlint, ['fix', 'cli-fixed.json'], { cwd: work });
  check(fixed === fs.readFileSync(path.join(work, 'cli-fixed.json'), 'utf8'),
    'the quick fix gives what flowlint fix writes');

  conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
  const after = await diagnostics(uri);
  check(after.version === 2 && after.diagnostics.length === 0,
    'no diagnostics after the fix, got ' + JSON.stringify(after));

  const messy = JSON.stringify(JSON.parse(fixed), null, 4);
  conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 3 }, contentChanges: [{ text: messy }] });
  await diagnostics(uri);
  const edits = await conn.sendRequest(rpc.DocumentFormattingRequest.type, {
    textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
  const want = cp.execFileSync(flowlint, ['format', '-'], { input: messy }).toString();
  check(edits.length === 1 && apply(messy, edits) === want,
    'formatting gives what flowlint format writes');

  const other = 'file://' + path.join(work, 'package.json');
  conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
    textDocument: { uri: other, languageId: 'json', version: 1, text: '{"name": "x"}\n' } });
  check((await diagnostics(other)).diagnostics.length === 0, 'no diagnostics for a non-flow');
  const broken = 'file://' + path.join(work, 'tsconfig.json');
  conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
    textDocument: { uri: broken, languageId: 'jsonc', version: 1,
      text: '{\n  // comments: not JSON, and not a flow\n  "strict": true\n}\n' } });
  check((await diagnostics(broken)).diagnostics.length === 0,
    'no diagnostics for broken JSON that is not a flow');
  check((await conn.sendRequest(rpc.DocumentFormattingRequest.type, {
    textDocument: { uri: other }, options: { tabSize: 2, insertSpaces: true } })).length === 0,
    'no edits for a non-flow');

  try {
    await conn.sendRequest('flowlint/nonsense', {});
    check(false, 'an unknown method fails');
  } catch (e) {
    check(e.code === rpc.ErrorCodes.MethodNotFound, 'MethodNotFound, got ' + e.code);
  }

  await conn.sendRequest(rpc.ShutdownRequest.type);
  const exited = new Promise((resolve) => server.on('exit', resolve));
  conn.sendNotification(rpc.ExitNotification.type);
  check(await exited === 0, 'exit status 0 after shutdown and exit');
}

const guard = setTimeout(() => { console.log('FAIL: timed out'); process.exit(1); }, 60000);
main().catch((e) => { failed++; console.log('FAIL: ' + (e.stack || e)); }).finally(() => {
  clearTimeout(guard);
  conn.dispose();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
});
