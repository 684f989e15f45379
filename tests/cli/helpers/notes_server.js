// A stand-in for GitLab's merge-request notes API on 127.0.0.1, for the
// review job's test.  Usage: node notes_server.js PORT_FILE LOG_FILE
// [EXISTING_NOTE_BODY].  Writes the port it listens on to PORT_FILE and
// one JSON line per request to LOG_FILE ({method, url, token, body}).
// GET returns the notes: none, or note 42 with EXISTING_NOTE_BODY.
'use strict';
const fs = require('fs');
const http = require('http');
const [portFile, logFile, existing] = process.argv.slice(2);

const server = http.createServer((req, res) => {
	let body = '';
	req.on('data', (c) => { body += c; });
	req.on('end', () => {
		fs.appendFileSync(logFile, JSON.stringify({
			method: req.method, url: req.url,
			token: req.headers['private-token'] || null,
			body: body ? JSON.parse(body) : null,
		}) + '\n');
		res.setHeader('Content-Type', 'application/json');
		if (req.method === 'GET')
			res.end(JSON.stringify(existing === undefined ? [] :
			    [{ id: 41, body: 'someone else' }, { id: 42, body: existing }]));
		else
			res.end(JSON.stringify({ id: 42 }));
	});
});
server.listen(0, '127.0.0.1', () => {
	fs.writeFileSync(portFile, String(server.address().port));
});
