// http hello-world server for tools/bench/http: listens on an ephemeral
// port, prints "port N" and serves until its stdin closes.
'use strict';
const http = require('http');
const body = Buffer.from('hello world\n');
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain',
                       'Content-Length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  console.log('port ' + server.address().port);
});
process.stdin.on('data', () => {});
process.stdin.on('end', () => process.exit(0));
