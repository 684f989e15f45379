// Usage: node mermaid_parse.mjs NODE_MODULES FILE...  Parses each file
// with mermaid's own parser (the one GitLab's renderer runs) and prints
// "FILE: error" for each it refuses; exits 1 if any.  Mermaid sanitizes
// labels with DOMPurify, which needs a DOM: jsdom provides it.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [modules, ...files] = process.argv.slice(2);
const require = createRequire(path.join(modules, 'x.js'));
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
const entry = require.resolve('mermaid/dist/mermaid.core.mjs');
const { default: mermaid } = await import(pathToFileURL(entry).href);
mermaid.initialize({ startOnLoad: false });

let bad = 0;
for (const f of files) {
	try {
		const ok = await mermaid.parse(readFileSync(f, 'utf8'));
		if (ok === false)
			throw new Error('not a diagram mermaid knows');
	} catch (e) {
		bad++;
		console.log(`${f}: ${String(e.message || e).split('\n').slice(0, 4).join(' ')}`);
	}
}
process.exit(bad > 0 ? 1 : 0);
