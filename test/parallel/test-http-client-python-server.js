'use strict';
// Our client against a server nobody here wrote: Python's http.server on
// loopback (skipped with a message when python3 is missing). HTTP/1.0
// responses that end with the connection, a file body, 404, HEAD.

const common = require('../common');
const assert = require('assert');
const http = require('http');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const probe = spawnSync('python3', ['-c', 'import http.server']);
if (probe.error || probe.status !== 0) {
  console.log('1..0 # Skipped: python3 with http.server is not available');
  process.exit(0);
}

const dir = path.join(os.tmpdir(), `noderun-pyhttp-${process.pid}`);
fs.mkdirSync(dir, { recursive: true });
const body = 'line\n'.repeat(50000);
fs.writeFileSync(path.join(dir, 'file.txt'), body);

const child = spawn('python3', ['-u', '-m', 'http.server', '0',
                                '--bind', '127.0.0.1', '--directory', dir],
                    { stdio: ['ignore', 'pipe', 'ignore'] });
let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  child.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.on('exit', cleanup);

let out = '';
child.stdout.setEncoding('utf8');
child.stdout.on('data', function onData(d) {
  out += d;
  const m = /port (\d+)/.exec(out);
  if (!m) return;
  child.stdout.removeListener('data', onData);
  child.stdout.resume();
  run(Number(m[1])).then(common.mustCall(cleanup));
});

function get(port, options) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, ...options }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function run(port) {
  let { res, body: got } = await get(port, { path: '/file.txt' });
  assert.strictEqual(res.statusCode, 200);
  assert.strictEqual(res.headers['content-length'], String(body.length));
  assert.match(res.headers.server, /Python/);
  assert.strictEqual(got.toString(), body);

  ({ res, body: got } = await get(port, { path: '/missing' }));
  assert.strictEqual(res.statusCode, 404);
  assert(got.length > 0);

  ({ res, body: got } = await get(port, { path: '/file.txt',
                                          method: 'HEAD' }));
  assert.strictEqual(res.statusCode, 200);
  assert.strictEqual(got.length, 0);

  // The directory listing has no Content-Length in some versions: its end
  // is the end of the connection.
  ({ res, body: got } = await get(port, { path: '/' }));
  assert.strictEqual(res.statusCode, 200);
  assert.match(got.toString(), /file\.txt/);
}
