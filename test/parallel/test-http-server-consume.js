'use strict';
// The server's parser takes a plain TCP socket's reads in C (no 'data'
// event per read). What users see must not change: bodies arrive as
// Buffers, bytesRead counts every byte, a 'data' listener of their own
// gets the socket's later bytes, pipelined requests under backpressure
// are all answered in order, an upgrade's head keeps the bytes after it,
// and a parse error carries the bytes it came in.

const common = require('../common');
const assert = require('assert');
const http = require('http');
const net = require('net');

// Connects, writes each piece of `pieces` (a short pause between them),
// and resolves with all the server sent until it closed.
function talk(port, pieces) {
  return new Promise((resolve) => {
    const c = net.connect(port, async () => {
      for (const p of pieces) {
        c.write(p);
        await new Promise((r) => setTimeout(r, 20));
      }
      c.end();
    });
    const got = [];
    c.on('data', (d) => got.push(d));
    c.on('error', () => {});
    c.on('close', () => resolve(Buffer.concat(got).toString('latin1')));
  });
}

async function bodiesAndBytesRead() {
  const seen = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => {
      assert.ok(Buffer.isBuffer(c));
      chunks.push(c);
    });
    req.on('end', () => {
      seen.push(Buffer.concat(chunks).toString());
      res.end(`${req.socket.bytesRead}`);
    });
  });
  await new Promise((r) => server.listen(0, r));
  const head1 = 'POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n';
  const head2 = 'POST /b HTTP/1.1\r\nHost: x\r\n' +
                'Transfer-Encoding: chunked\r\n\r\n';
  const body2 = '3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n';
  // The first body arrives in two reads; a header line is split too.
  const out = await talk(server.address().port, [
    head1 + 'hello', 'world' + head2.slice(0, 20), head2.slice(20) + body2,
  ]);
  assert.deepStrictEqual(seen, ['helloworld', 'abcde']);
  const counts = out.match(/\r\n\r\n\d+/g).map((s) => Number(s.slice(4)));
  // Each response shows the bytes read up to its request's end.
  assert.strictEqual(counts[0], head1.length + 10 + 20);
  assert.strictEqual(counts[1], head1.length + 10 + head2.length +
                     body2.length);
  server.close();
}

async function ownDataListener() {
  let raw = '';
  const server = http.createServer(common.mustCall((req, res) => {
    res.end('ok');
    req.socket.on('data', (d) => { raw += d; });
  }));
  await new Promise((r) => server.listen(0, r));
  await talk(server.address().port,
             ['GET / HTTP/1.1\r\nHost: x\r\n\r\n', 'after the request']);
  assert.strictEqual(raw, 'after the request');
  server.close();
}

async function pipelinedUnderBackpressure() {
  const big = 'x'.repeat(256 * 1024);
  let n = 0;
  const server = http.createServer((req, res) => {
    res.end(`${req.url}:${n++}:${big}`);
  });
  await new Promise((r) => server.listen(0, r));
  const count = 20;
  let reqs = '';
  for (let i = 0; i < count; i++) reqs += `GET /${i} HTTP/1.1\r\nHost: x\r\n\r\n`;
  const out = await new Promise((resolve) => {
    const c = net.connect(server.address().port, () => {
      c.write(reqs);
      // Read slowly at first so that the server's writes back up.
      c.pause();
      setTimeout(() => c.resume(), 200);
    });
    let text = '';
    let seen = 0;
    c.setEncoding('latin1');
    c.on('data', (d) => {
      text += d;
      seen = (text.match(/HTTP\/1\.1 200/g) || []).length;
      if (seen === count && text.endsWith(big)) c.end();
    });
    c.on('close', () => resolve(text));
  });
  const order = [...out.matchAll(/\r\n\r\n\/(\d+):(\d+):/g)]
    .map((m) => [Number(m[1]), Number(m[2])]);
  assert.strictEqual(order.length, count);
  order.forEach(([url, seq], i) => {
    assert.strictEqual(url, i);
    assert.strictEqual(seq, i);
  });
  server.close();
}

async function upgradeHead() {
  const server = http.createServer(common.mustNotCall());
  server.on('upgrade', common.mustCall((req, socket, head) => {
    assert.ok(Buffer.isBuffer(head));
    assert.strictEqual(head.toString(), 'early');
    socket.once('data', common.mustCall((d) => {
      assert.strictEqual(d.toString(), 'later');
      socket.end('bye');
    }));
  }));
  await new Promise((r) => server.listen(0, r));
  const out = await talk(server.address().port, [
    'GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\n' +
    'Upgrade: test\r\n\r\nearly',
    'later',
  ]);
  assert.strictEqual(out, 'bye');
  server.close();
}

async function parseErrorPacket() {
  const server = http.createServer(common.mustNotCall());
  server.on('clientError', common.mustCall((err, socket) => {
    assert.strictEqual(err.code, 'HPE_INVALID_METHOD');
    assert.ok(Buffer.isBuffer(err.rawPacket));
    assert.strictEqual(err.rawPacket.toString(), 'BAD\x01 / HTTP/1.1\r\n\r\n');
    socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
  }));
  await new Promise((r) => server.listen(0, r));
  const out = await talk(server.address().port,
                         ['BAD\x01 / HTTP/1.1\r\n\r\n']);
  assert.strictEqual(out, 'HTTP/1.1 400 Bad Request\r\n\r\n');
  server.close();
}

(async () => {
  await bodiesAndBytesRead();
  await ownDataListener();
  await pipelinedUnderBackpressure();
  await upgradeHead();
  await parseErrorPacket();
})().then(common.mustCall());
