// Applies SARIF fixes the way a viewer would, for tests/cli/sarif_fixes.sh.
// usage: node sarif_apply.js REPORT.sarif ROOT OUTDIR
// For every result with a fix, writes OUTDIR/<ruleId>-<n>-<basename>: the
// artifact under ROOT with that fix's replacements applied.  Regions are
// read as the run's columnKind says (utf16CodeUnits: JavaScript string
// indices), lines split at LF.
'use strict';
const fs = require('fs');
const path = require('path');

const [report, root, outdir] = process.argv.slice(2);
const run = JSON.parse(fs.readFileSync(report, 'utf8')).runs[0];
if (run.columnKind !== 'utf16CodeUnits')
	throw new Error('unexpected columnKind ' + run.columnKind);

function offset(lineStarts, line, col) {
	if (line < 1 || line > lineStarts.length)
		throw new Error('line ' + line + ' outside the file');
	return lineStarts[line - 1] + col - 1;
}

let n = 0;
for (const res of run.results) {
	for (const fix of res.fixes || []) {
		for (const change of fix.artifactChanges) {
			const uri = decodeURIComponent(change.artifactLocation.uri);
			let text = fs.readFileSync(path.join(root, uri), 'utf8');
			const starts = [0];
			for (let i = 0; i < text.length; i++)
				if (text[i] === '\n')
					starts.push(i + 1);
			// Apply from the end so earlier offsets stay valid.
			const reps = change.replacements.map((r) => {
				const d = r.deletedRegion;
				return {
					start: offset(starts, d.startLine, d.startColumn),
					end: offset(starts, d.endLine, d.endColumn),
					text: r.insertedContent ? r.insertedContent.text : '',
				};
			}).sort((a, b) => b.start - a.start);
			for (const r of reps)
				text = text.slice(0, r.start) + r.text + text.slice(r.end);
			fs.writeFileSync(path.join(outdir, res.ruleId + '-' + (n++) +
			    '-' + path.basename(uri)), text);
		}
	}
}
console.log(n);
