'use strict';
// A peer nobody here wrote: curl against our server, for keep-alive,
// chunked responses and uploads, a large body and a POST.

const common = require('../common');
const assert = require('assert');
const http = require('http');
const { execFile, spawnSync } = require('child_process');

const probe = spawnSync('curl', ['--version']);
if (probe.error || probe.status !== 0) {
  console.log('1..0 # Skipped: curl is not installed');
  process.exit(0);
}

const big = Buffer.alloc(1024 * 1024, 'x');
let connections = 0;

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (req.url === '/chunked') {
      res.write('abc');
      setTimeout(() => res.end('def'), 5);
    } else if (req.url === '/big') {
      res.end(big);
    } else if (req.url === '/post') {
      res.setHeader('X-Te', req.headers['transfer-encoding'] || 'none');
      res.end(`${req.method} ${body.length} ${body.slice(0, 8)}`);
    } else {
      res.end(`hello ${req.url}`);
    }
  });
});
server.on('connection', () => connections++);

function curl(args) {
  return new Promise((resolve, reject) => {
    execFile('curl', ['-s', '--max-time', '10', ...args],
             { encoding: 'latin1', maxBuffer: 4 * 1024 * 1024 },
             (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
}

server.listen(0, '127.0.0.1', common.mustCall(async () => {
  const base = `http://127.0.0.1:${server.address().port}`;

  // Two URLs in one run share one connection (keep-alive).
  let out = await curl([`${base}/a`, `${base}/b`]);
  assert.strictEqual(out, 'hello /ahello /b');
  assert.strictEqual(connections, 1);

  // The response head as curl prints it.
  out = await curl(['-i', `${base}/c`]);
  assert.match(out, /^HTTP\/1\.1 200 OK\r\nDate: .* GMT\r\n/);
  assert.match(out, /\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n/);
  assert.match(out, /\r\nContent-Length: 8\r\n\r\nhello \/c$/);

  // Chunked: decoded by curl, and raw.
  out = await curl([`${base}/chunked`]);
  assert.strictEqual(out, 'abcdef');
  out = await curl(['--raw', `${base}/chunked`]);
  assert.strictEqual(out, '3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n');

  // A 1 MiB body.
  out = await curl([`${base}/big`]);
  assert.strictEqual(out.length, big.length);
  assert.strictEqual(out, big.toString('latin1'));

  // POST with a length, and a chunked upload of 1 MiB.
  out = await curl(['-i', '-d', 'a=1&b=2', `${base}/post`]);
  assert.match(out, /X-Te: none\r\n/);
  assert.match(out, /POST 7 a=1&b=2$/);
  const tmp = require('path').join(require('os').tmpdir(),
                                   `noderun-curl-${process.pid}`);
  require('fs').writeFileSync(tmp, big);
  try {
    out = await curl(['-i', '-H', 'Transfer-Encoding: chunked',
                      '--data-binary', `@${tmp}`, `${base}/post`]);
  } finally {
    require('fs').unlinkSync(tmp);
  }
  assert.match(out, /X-Te: chunked\r\n/);
  assert.match(out, /POST 1048576 xxxxxxxx$/);

  server.close();
}));
