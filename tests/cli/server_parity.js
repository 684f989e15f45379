// `flowlint server` publishes, for each open flow, exactly the findings
// `flowlint check --format json` reports for that file: codes, severities,
// messages, and start positions converted from check's byte columns to
// UTF-16 here (JavaScript's own strings), never taken from the server.
// A plain LSP client over stdio: no npm package needed.
//
// usage: node server_parity.js FLOWLINT ROOT FILE...  (FILEs relative to
// ROOT).  Prints FAIL lines and "N passed, N failed"; exits 1 on a failure.
'use strict';
const path = require('path');
const fs = require('fs');
const cp = require('child_process');
const [flowlint, root, ...files] = process.argv.slice(2);

let failed = 0, passed = 0;
function check(cond, what) {
  if (cond) passed++;
  else { failed++; console.log('FAIL: ' + what); }
}

// check's report, by path relative to ROOT.
const report = JSON.parse(cp.spawnSync(flowlint,
  ['check', '--format', 'json', ...files], { cwd: root, encoding: 'utf8' }).stdout);
const byPath = new Map();
for (const d of report.diagnostics) {
  if (!byPath.has(d.path)) byPath.set(d.path, []);
  byPath.get(d.path).push(d);
}

const severity = { error: 1, warning: 2, info: 3 };
// check's 1-based line and byte column as an LSP position in `text`.
function position(text, line, column) {
  const bytes = Buffer.from(text.split('\n')[line - 1], 'utf8');
  return { line: line - 1,
    character: bytes.subarray(0, column - 1).toString('utf8').length };
}
const key = (d) => JSON.stringify(d);
function expected(file, text) {
  return (byPath.get(file) || []).map((d) => key({ code: d.code,
    severity: severity[d.severity], start: position(text, d.line, d.column),
    message: d.message })).sort();
}
function got(diags) {
  return diags.map((d) => key({ code: d.code, severity: d.severity,
    start: d.range.start, message: d.message })).sort();
}

// Framing: Content-Length headers, bodies counted in bytes.
const server = cp.spawn(flowlint, ['server', '--debounce', '0'],
  { stdio: ['pipe', 'pipe', 'inherit'] });
function send(msg) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
  server.stdin.write('Content-Length: ' + body.length + '\r\n\r\n');
  server.stdin.write(body);
}
const published = new Map();
let input = Buffer.alloc(0), done = null;
server.stdout.on('data', (chunk) => {
  input = Buffer.concat([input, chunk]);
  for (;;) {
    const head = input.indexOf('\r\n\r\n');
    if (head < 0) return;
    const len = Number(/Content-Length: *(\d+)/i.exec(input.subarray(0, head))[1]);
    if (input.length < head + 4 + len) return;
    const msg = JSON.parse(input.subarray(head + 4, head + 4 + len).toString('utf8'));
    input = input.subarray(head + 4 + len);
    if (msg.method === 'textDocument/publishDiagnostics')
      published.set(msg.params.uri, msg.params.diagnostics);
    if (msg.id === 2 && done) done();
  }
});
const timer = setTimeout(() => { console.log('FAIL: no answer in 60 s'); process.exit(1); }, 60000);

send({ id: 1, method: 'initialize', params: { processId: process.pid,
  rootUri: 'file://' + root, capabilities: {} } });
send({ method: 'initialized', params: {} });
const texts = new Map();
for (const file of files) {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  texts.set(file, text);
  send({ method: 'textDocument/didOpen', params: { textDocument: {
    uri: 'file://' + path.join(root, file), languageId: 'json', version: 1, text } } });
}
// The server answers in order: once shutdown is answered, every open
// has been published.
new Promise((resolve) => { done = resolve; send({ id: 2, method: 'shutdown' }); })
  .then(() => {
    send({ method: 'exit' });
    clearTimeout(timer);
    for (const file of files) {
      const diags = published.get('file://' + path.join(root, file));
      check(diags !== undefined, file + ': no diagnostics published');
      if (diags === undefined) continue;
      const want = expected(file, texts.get(file)), have = got(diags);
      check(key(want) === key(have), file + ': server and check differ\n  check:  ' +
        want.join('\n          ') + '\n  server: ' + have.join('\n          '));
    }
    console.log(passed + ' passed, ' + failed + ' failed');
    process.exitCode = failed > 0 ? 1 : 0;
  });
