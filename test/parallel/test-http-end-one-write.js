'use strict';
// res.end(chunk) right after the head: the bytes on the wire are the head
// then the body, 'finish' and end's callback come once, after the data;
// for a body above the size copied behind the head, a HEAD request (no
// body), a chunked response and a response whose socket the user corked.
const common = require('../common');
const { assert } = common;
const http = require('http');
const net = require('net');

const big = Buffer.alloc(20000, 'b');
const cases = {
  '/small': (res) => {
    res.writeHead(200, { 'Content-Length': 5 });
    res.end(Buffer.from('hello'), common.mustCall());
  },
  '/implicit': (res) => res.end('hi', common.mustCall()),
  '/big': (res) => {
    res.writeHead(200, { 'Content-Length': big.length });
    res.end(big, common.mustCall());
  },
  '/head': (res) => {
    res.writeHead(200, { 'Content-Length': 5 });
    res.end(Buffer.from('hello'), common.mustCall());
  },
  '/chunked': (res) => {
    res.setHeader('Transfer-Encoding', 'chunked');
    res.end(Buffer.from('abc'), common.mustCall());
  },
  '/corked': (res) => {
    res.socket.cork();
    res.writeHead(200, { 'Content-Length': 3 });
    res.end('xyz', common.mustCall());
  },
};

const server = http.createServer((req, res) => {
  let finished = 0;
  res.on('finish', common.mustCall(() => finished++));
  res.on('close', common.mustCall(() => assert.strictEqual(finished, 1)));
  cases[req.url](res);
  assert.strictEqual(res.writableEnded, true);
});

// Sends one request on a raw connection; resolves with everything read
// until the server has sent `want` body bytes after the head.
function get(port, method, path) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1');
    c.write(`${method} ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    const chunks = [];
    c.on('data', (d) => chunks.push(d));
    c.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}

function body(text) {
  const i = text.indexOf('\r\n\r\n');
  assert.ok(i > 0, text);
  return [text.slice(0, i), text.slice(i + 4)];
}

server.listen(0, '127.0.0.1', common.mustCall(async () => {
  const port = server.address().port;
  let [head, b] = body(await get(port, 'GET', '/small'));
  assert.match(head, /^HTTP\/1\.1 200 OK\r\n/);
  assert.match(head, /\r\nContent-Length: 5/);
  assert.strictEqual(b, 'hello');

  [head, b] = body(await get(port, 'GET', '/implicit'));
  assert.match(head, /\r\nContent-Length: 2/);
  assert.strictEqual(b, 'hi');

  [head, b] = body(await get(port, 'GET', '/big'));
  assert.strictEqual(b, big.toString('latin1'));

  [head, b] = body(await get(port, 'HEAD', '/head'));
  assert.match(head, /\r\nContent-Length: 5/);
  assert.strictEqual(b, '');

  [head, b] = body(await get(port, 'GET', '/chunked'));
  assert.match(head, /\r\nTransfer-Encoding: chunked/);
  assert.strictEqual(b, '3\r\nabc\r\n0\r\n\r\n');

  [head, b] = body(await get(port, 'GET', '/corked'));
  assert.strictEqual(b, 'xyz');
  server.close();
}));
