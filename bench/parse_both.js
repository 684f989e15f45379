// The Node baseline of bench/run: JSON.parse every file named in a
// NUL-separated list, and the flow-language document inside a string
// Content too (both layers, as the deploy replacer reads them).  Prints
// how many documents it parsed; a file that is not valid JSON is counted
// and skipped.
'use strict';
const fs = require('fs');

const list = fs.readFileSync(process.argv[2], 'utf8').split('\0').filter(Boolean);
let outer = 0, inner = 0, bad = 0;
for (const path of list) {
	let doc;
	try {
		doc = JSON.parse(fs.readFileSync(path, 'utf8'));
	} catch (e) {
		bad++;
		continue;
	}
	outer++;
	const wrapper = doc && doc.ContactFlow ? doc.ContactFlow : doc;
	if (wrapper && typeof wrapper.Content === 'string') {
		try {
			JSON.parse(wrapper.Content);
			inner++;
		} catch (e) {
			bad++;
		}
	}
}
console.log(`${outer} files, ${inner} Content documents, ${bad} invalid`);
