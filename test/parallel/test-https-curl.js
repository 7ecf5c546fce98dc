'use strict';
// curl against our https server: certificate verification with --cacert,
// keep-alive over one connection, a large response, an upload, and a
// refusal without the CA. Skipped (exit 77) without curl.

const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const https = require('https');
const { execFile, spawnSync } = require('child_process');

const probe = spawnSync('curl', ['--version']);
if (probe.error || probe.status !== 0) {
  console.log('1..0 # Skipped: curl is not installed');
  process.exit(77);
}

const F = (name) => fs.readFileSync(common.fixtures.path('tls', name));
const big = Buffer.alloc(2 * 1024 * 1024, 'q');
let connections = 0;

const server = https.createServer({
  key: F('server-key.pem'),
  cert: F('server-cert.pem'),
}, (req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (req.url === '/big') return res.end(big);
    res.end(`${req.method} ${req.url} ${Buffer.concat(chunks).length}`);
  });
});
server.on('secureConnection', () => connections++);

function curl(args) {
  return new Promise((resolve) => {
    execFile('curl', ['-sS', '--http1.1', ...args],
             { maxBuffer: 8 << 20, encoding: 'latin1' },
             (err, stdout, stderr) => resolve({ err, stdout, stderr }));
  });
}

server.listen(0, '127.0.0.1', common.mustCall(async () => {
  const base = `https://localhost:${server.address().port}`;
  const cacert = common.fixtures.path('tls', 'ca-cert.pem');
  const resolve = `localhost:${server.address().port}:127.0.0.1`;

  let r = await curl(['--cacert', cacert, '--resolve', resolve,
                      `${base}/a`, `${base}/b`]);
  assert.ifError(r.err);
  assert.strictEqual(r.stdout, 'GET /a 0GET /b 0');
  assert.strictEqual(connections, 1);

  r = await curl(['--cacert', cacert, '--resolve', resolve, `${base}/big`]);
  assert.ifError(r.err);
  assert.strictEqual(r.stdout.length, big.length);

  r = await curl(['--cacert', cacert, '--resolve', resolve,
                  '--data-binary', 'x'.repeat(100000), `${base}/up`]);
  assert.ifError(r.err);
  assert.strictEqual(r.stdout, 'POST /up 100000');

  // Without the CA, curl refuses our certificate.
  r = await curl(['--resolve', resolve, `${base}/x`]);
  assert(r.err, 'curl should refuse an unknown CA');
  assert.strictEqual(r.err.code, 60);

  server.close();
}));
