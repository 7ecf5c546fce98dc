'use strict';
// https end to end on loopback: a server, https.get and https.request with
// the `ca` option, with rejectUnauthorized:false, a verification failure,
// a POST body both ways, and keep-alive reuse through an https.Agent.

const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const https = require('https');

const F = (name) => fs.readFileSync(common.fixtures.path('tls', name));
const ca = F('ca-cert.pem');

const server = https.createServer({
  key: F('server-key.pem'),
  cert: F('server-cert.pem'),
}, (req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    res.setHeader('x-encrypted', String(req.socket.encrypted));
    res.setHeader('x-alpn', String(req.socket.alpnProtocol));
    res.end(`${req.method} ${req.url} ${body.length}`);
  });
});
let connections = 0;
server.on('secureConnection', () => connections++);

function fetch(options, body) {
  return new Promise((resolve, reject) => {
    const req = https.request(options, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({
        status: res.statusCode,
        headers: res.headers,
        body: Buffer.concat(chunks).toString(),
        reused: req.reusedSocket,
      }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

server.listen(0, common.mustCall(async () => {
  const { port } = server.address();
  assert(server instanceof require('tls').Server);

  let r = await new Promise((resolve, reject) => {
    https.get(`https://localhost:${port}/first`, { ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ res, body }));
    }).on('error', reject);
  });
  assert.strictEqual(r.res.statusCode, 200);
  assert.strictEqual(r.body, 'GET /first 0');
  assert.strictEqual(r.res.headers['x-encrypted'], 'true');
  assert.strictEqual(r.res.headers['x-alpn'], 'false');

  const big = Buffer.alloc(1 << 20, 'z');
  r = await fetch({ port, host: 'localhost', method: 'POST', path: '/up',
                    ca }, big);
  assert.strictEqual(r.body, `POST /up ${big.length}`);

  // Unverified certificate: an error unless verification is off.
  await assert.rejects(fetch({ port, host: 'localhost', path: '/' }),
                       { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  r = await fetch({ port, host: '127.0.0.1', path: '/insecure',
                    rejectUnauthorized: false });
  assert.strictEqual(r.body, 'GET /insecure 0');

  // Keep-alive: three requests in a row over one connection.
  const agent = new https.Agent({ keepAlive: true, ca });
  assert.strictEqual(agent.defaultPort, 443);
  assert.strictEqual(agent.protocol, 'https:');
  const before = connections;
  const reused = [];
  for (const path of ['/k1', '/k2', '/k3']) {
    r = await fetch({ port, host: 'localhost', path, agent });
    assert.strictEqual(r.body, `GET ${path} 0`);
    reused.push(r.reused);
  }
  assert.deepStrictEqual(reused, [false, true, true]);
  assert.strictEqual(connections - before, 1);
  // Sockets for other TLS options are pooled apart.
  const name1 = agent.getName({ host: 'localhost', port, servername: 'a' });
  const name2 = agent.getName({ host: 'localhost', port, servername: 'b' });
  assert.notStrictEqual(name1, name2);
  agent.destroy();

  // http URLs are refused by https.
  assert.throws(() => https.get(`http://localhost:${port}/`),
                { code: 'ERR_INVALID_PROTOCOL' });

  server.close();
}));
