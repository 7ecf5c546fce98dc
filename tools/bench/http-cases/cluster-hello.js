// 2-worker cluster http hello-world for tools/bench/http: the primary
// prints "port N" once both workers listen, and stops them all when its
// stdin closes.
'use strict';
const cluster = require('cluster');
const http = require('http');
const WORKERS = 2;

if (cluster.isPrimary) {
  const ports = new Set();
  let listening = 0;
  for (let i = 0; i < WORKERS; i++) cluster.fork();
  cluster.on('listening', (worker, address) => {
    ports.add(address.port);
    if (++listening < WORKERS) return;
    // listen(0) in every worker shares one port through the primary.
    if (ports.size !== 1) throw new Error('workers got ports ' + [...ports]);
    console.log('port ' + address.port);
  });
  process.stdin.on('data', () => {});
  process.stdin.on('end', () => {
    for (const id in cluster.workers) cluster.workers[id].process.kill();
    process.exit(0);
  });
} else {
  const body = Buffer.from('hello world\n');
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain',
                         'Content-Length': body.length });
    res.end(body);
  });
  server.listen(0, '127.0.0.1');
}
