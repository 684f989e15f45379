// What the reference exporter writes for a file: JSON.stringify(doc,
// null, 2) and a newline, with a wrapped flow's string Content made
// compact.  Exits 3 when the file is not JSON to JSON.parse.
// Usage: node format_oracle.js FILE
'use strict';
const fs = require('fs');
const FLOW_TYPES = ['CONTACT_FLOW', 'CUSTOMER_QUEUE', 'CUSTOMER_HOLD',
  'CUSTOMER_WHISPER', 'AGENT_HOLD', 'AGENT_WHISPER', 'OUTBOUND_WHISPER',
  'AGENT_TRANSFER', 'QUEUE_TRANSFER', 'CAMPAIGN'];
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

let text = fs.readFileSync(process.argv[2], 'utf8');
if (text.charCodeAt(0) === 0xfeff)
  text = text.slice(1);
let doc;
try {
  doc = JSON.parse(text);
} catch (e) {
  process.exit(3);
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
process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
