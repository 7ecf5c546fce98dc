'use strict';
// Random, truncated and mangled requests (from a fixed seed): each one
// gets a complete answer (2xx or 4xx) or a closed socket, never a crash
// or a hang, and the server keeps serving valid requests afterwards.

const common = require('../common');
const assert = require('assert');
const http = require('http');
const net = require('net');

let seed = 0x2545f491;
function random(n) {
  // xorshift32: the same cases on every run.
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
}

const valid = [
  'GET / HTTP/1.1\r\nHost: a\r\n\r\n',
  'POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello',
  'PUT /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n' +
    '5\r\nhello\r\n0\r\n\r\n',
  'GET /q?x=1 HTTP/1.0\r\nUser-Agent: z\r\n\r\n',
];
const junk = ['\r', '\n', ' ', ':', '\0', '\x7f', '\xff', 'chunked', '0',
              'Content-Length: 9\r\n', 'Transfer-Encoding: x\r\n', '\r\n\r\n',
              'GET', 'HTTP/1.1', '%', '-1', 'ffffffff'];

function mutate(s) {
  const kind = random(4);
  const at = random(s.length + 1);
  if (kind === 0) return s.slice(0, at);                      // truncate
  if (kind === 1) return s.slice(0, at) + s.slice(at + 1 + random(4));
  if (kind === 2) return s.slice(0, at) + junk[random(junk.length)] +
    s.slice(at);                                              // insert
  let out = '';                                               // noise
  for (let i = 0, n = 1 + random(60); i < n; i++) {
    out += String.fromCharCode(random(256));
  }
  return out;
}

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => res.end('ok'));
  req.on('error', () => {});
});
server.headersTimeout = 1000;

function send(data) {
  return new Promise((resolve) => {
    const c = net.connect(server.address().port, () => c.end(data, 'latin1'));
    let out = '';
    c.setEncoding('latin1');
    c.on('data', (d) => out += d);
    c.on('error', () => {});
    c.on('close', () => resolve(out));
    // A truncated request may wait for more bytes: the end of our side
    // closes it on the server.
    c.setTimeout(3000, () => c.destroy());
  });
}

server.listen(0, common.mustCall(async () => {
  const cases = [];
  for (let i = 0; i < 150; i++) cases.push(mutate(valid[random(valid.length)]));
  // A few at a time, to be quick but not flood the machine.
  for (let i = 0; i < cases.length; i += 10) {
    const outs = await Promise.all(cases.slice(i, i + 10).map(send));
    for (let j = 0; j < outs.length; j++) {
      const out = outs[j];
      const what = JSON.stringify(cases[i + j]);
      // Nothing, or only whole responses with sane status codes.
      const statuses = out.match(/^HTTP\/1\.1 (\d\d\d) /gm) || [];
      if (out !== '') assert(statuses.length > 0, `${what} -> ${out}`);
      for (const s of statuses) {
        const code = Number(s.slice(9, 12));
        assert(code === 200 || (code >= 400 && code < 500), `${what} -> ${s}`);
      }
    }
  }
  // Still serving.
  const out = await send('GET / HTTP/1.1\r\nConnection: close\r\n\r\n');
  assert.match(out, /^HTTP\/1\.1 200 OK\r\n[^]*\r\n\r\nok$/);
  server.close();
}));
