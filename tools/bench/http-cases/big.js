// http server answering every request with a 1 MiB body, for
// tools/bench/http: prints "port N", serves until its stdin closes.
'use strict';
const http = require('http');
const body = Buffer.alloc(1 << 20, 'x');
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/octet-stream',
                       'Content-Length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  console.log('port ' + server.address().port);
});
process.stdin.on('data', () => {});
process.stdin.on('end', () => process.exit(0));
