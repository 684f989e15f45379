// What the reference exporter writes for a file: JSON.stringify(doc,
// null, 2) and a newline when the file ended in one, with a wrapped flow's string Content made
// compact.  For the N-th FILE it writes OUTDIR/N.json, or nothing when
// the file is not JSON to JSON.parse.  One process for every file: node
// takes far longer to start than to format a flow.
// Usage: node format_oracle.js OUTDIR FILE...
'use strict';
const fs = require('fs');
const FLOW_TYPES = ['CONTACT_FLOW', 'CUSTOMER_QUEUE', 'CUSTOMER_HOLD',
  'CUSTOMER_WHISPER', 'AGENT_HOLD', 'AGENT_WHISPER', 'OUTBOUND_WHISPER',
  'AGENT_TRANSFER', 'QUEUE_TRANSFER', 'CAMPAIGN'];
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function oracle(file) {
  let text = fs.readFileSync(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff)
    text = text.slice(1);
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return null;
  }
  if (isObject(doc)) {
    const w = isObject(doc.ContactFlow) ? doc.ContactFlow : doc;
    const typed = 'Type' in w || 'ContactFlowType' in w;
    const type = 'Type' in w ? w.Type : w.ContactFlowType;
    const flow = typed ? FLOW_TYPES.includes(type) : typeof w.Name === 'string';
    if (flow && typeof w.Content === 'string' && w.Content.charCodeAt(0) !== 0xfeff) {
      try {
        w.Content = JSON.stringify(JSON.parse(w.Content));
      } catch (e) {
        // Kept as it is, as flowlint keeps it.
      }
    }
  }
  return JSON.stringify(doc, null, 2) + (text.endsWith('\n') ? '\n' : '');
}

const out = process.argv[2];
process.argv.slice(3).forEach((file, n) => {
  const want = oracle(file);
  if (want !== null)
    fs.writeFileSync(`${out}/${n}.json`, want);
});
