'use strict';
// 'upgrade' and 'connect' on both sides: the socket leaves HTTP with the
// bytes that followed the head; plus the server's timeouts (keep-alive
// idle, headers) on raw connections.

const common = require('../common');
const assert = require('assert');
const http = require('http');
const net = require('net');

const server = http.createServer(common.mustCall((req, res) => {
  res.end('plain');
}));

server.on('upgrade', common.mustCall((req, socket, head) => {
  assert.strictEqual(req.headers.upgrade, 'echo');
  assert(Buffer.isBuffer(head));
  socket.write('HTTP/1.1 101 Switching Protocols\r\n' +
               'Connection: Upgrade\r\nUpgrade: echo\r\n\r\nhello');
  socket.on('data', (d) => socket.end(d));
}));

server.on('connect', common.mustCall((req, socket, head) => {
  assert.strictEqual(req.method, 'CONNECT');
  assert.strictEqual(req.url, 'example.invalid:443');
  assert.strictEqual(head.length, 0);
  socket.end('HTTP/1.1 200 Connection Established\r\n\r\ntunnel');
}));

server.listen(0, common.mustCall(async () => {
  const port = server.address().port;

  // Upgrade from our client.
  await new Promise((resolve) => {
    const req = http.request({
      port,
      headers: { Connection: 'Upgrade', Upgrade: 'echo' },
    });
    req.on('upgrade', common.mustCall((res, socket, head) => {
      assert.strictEqual(res.statusCode, 101);
      assert.strictEqual(res.headers.upgrade, 'echo');
      let got = head.toString();
      socket.on('data', (d) => got += d);
      socket.on('end', common.mustCall(() => {
        assert.strictEqual(got, 'hellofirst');
        resolve();
      }));
      socket.write('first');
    }));
    req.on('response', common.mustNotCall());
    req.end();
  });

  // CONNECT from our client; the tunnel's data arrives on the socket.
  await new Promise((resolve) => {
    const req = http.request({ port, method: 'CONNECT',
                               path: 'example.invalid:443' });
    req.on('connect', common.mustCall((res, socket, head) => {
      assert.strictEqual(res.statusCode, 200);
      let got = head.toString();
      socket.on('data', (d) => got += d);
      socket.on('end', common.mustCall(() => {
        assert.strictEqual(got, 'tunnel');
        resolve();
      }));
    }));
    req.end();
  });

  // An Upgrade header nobody listens for on a normal server is ignored:
  // server 2 has no 'upgrade' listener.
  const plain = http.createServer((req, res) => res.end(`u=${req.upgrade}`));
  await new Promise((resolve) => plain.listen(0, resolve));
  await new Promise((resolve) => {
    http.get({ port: plain.address().port,
               headers: { Connection: 'Upgrade', Upgrade: 'x' } },
             common.mustCall((res) => {
               res.setEncoding('utf8');
               res.on('data', (d) => assert.strictEqual(d, 'u=false'));
               res.on('end', resolve);
             }));
  });
  plain.close();

  // A normal request on the first server still works.
  await new Promise((resolve) => {
    http.get({ port }, common.mustCall((res) => {
      res.resume();
      res.on('end', resolve);
    }));
  });

  // Timeouts, on a server of their own.
  const timed = http.createServer({ headersTimeout: 100, requestTimeout: 200,
                                    connectionsCheckingInterval: 25 },
                                  (req, res) => res.end('t'));
  timed.keepAliveTimeout = 100;
  await new Promise((resolve) => timed.listen(0, resolve));
  const tport = timed.address().port;

  // An idle keep-alive connection is closed after keepAliveTimeout.
  await new Promise((resolve) => {
    const start = Date.now();
    const c = net.connect(tport, () => c.write('GET / HTTP/1.1\r\n\r\n'));
    let out = '';
    c.on('data', (d) => out += d);
    c.on('close', common.mustCall(() => {
      assert.match(out, /Keep-Alive: timeout=0\r\n/);
      assert(Date.now() - start >= 90);
      resolve();
    }));
  });

  // A head that never completes gets 408.
  await new Promise((resolve) => {
    const c = net.connect(tport, () => c.write('GET / HTTP/1.1\r\nX: 1\r\n'));
    let out = '';
    c.on('data', (d) => out += d);
    c.on('close', common.mustCall(() => {
      assert.strictEqual(out, 'HTTP/1.1 408 Request Timeout\r\n' +
                         'Connection: close\r\n\r\n');
      resolve();
    }));
  });
  timed.close();
  server.close();
}));
