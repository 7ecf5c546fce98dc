'use strict';
// The server seen from a raw TCP socket: the exact bytes of its default
// responses, pipelining, and what malformed or smuggling requests get
// (400 or 431, then a closed socket, while the server keeps serving).

const common = require('../common');
const assert = require('assert');
const http = require('http');
const net = require('net');

const DATE =
  'Date: \\w{3}, \\d\\d \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT\\r\\n';

let requests = 0;
const server = http.createServer({ maxHeaderSize: 1024 }, (req, res) => {
  requests++;
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c) => body += c);
  req.on('end', () => {
    if (req.url === '/chunked') {
      res.write('ab');
      res.end('cd');
    } else {
      res.end(`${req.method} ${req.url} ${body}`);
    }
  });
});

// Sends `data`, ends the socket's writing side unless `keepOpen`, and
// resolves with everything the server sent until it closed.
function exchange(data, keepOpen) {
  return new Promise((resolve) => {
    const c = net.connect(server.address().port, () => {
      if (keepOpen) c.write(data);
      else c.end(data);
    });
    let out = '';
    c.setEncoding('latin1');
    c.on('data', (d) => out += d);
    c.on('error', () => {});
    c.on('close', () => resolve(out));
  });
}

server.listen(0, common.mustCall(async () => {
  // The default response, byte for byte as Node writes it.
  let out = await exchange('GET /x HTTP/1.1\r\nHost: a\r\n\r\n');
  assert.match(out, new RegExp('^HTTP/1\\.1 200 OK\\r\\n' + DATE +
                               'Connection: keep-alive\\r\\n' +
                               'Keep-Alive: timeout=5\\r\\n' +
                               'Content-Length: 7\\r\\n\\r\\nGET /x $'));

  out = await exchange('GET /chunked HTTP/1.1\r\nHost: a\r\n\r\n');
  assert.match(out, new RegExp('^HTTP/1\\.1 200 OK\\r\\n' + DATE +
                               'Connection: keep-alive\\r\\n' +
                               'Keep-Alive: timeout=5\\r\\n' +
                               'Transfer-Encoding: chunked\\r\\n\\r\\n' +
                               '2\\r\\nab\\r\\n2\\r\\ncd\\r\\n0\\r\\n\\r\\n$'));

  // HTTP/1.0: no length, the end of the connection ends the body.
  out = await exchange('GET /old HTTP/1.0\r\n\r\n');
  assert.match(out, new RegExp('^HTTP/1\\.1 200 OK\\r\\n' + DATE +
                               'Connection: close\\r\\n\\r\\nGET /old $'));

  // Three pipelined requests in one write get three answers in order.
  out = await exchange('GET /1 HTTP/1.1\r\nHost: a\r\n\r\n' +
                       'POST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n' +
                       '\r\nabc' +
                       'GET /3 HTTP/1.1\r\nHost: a\r\n' +
                       'Connection: close\r\n\r\n');
  const bodies = out.split(/HTTP\/1\.1 200 OK\r\n/).slice(1)
    .map((r) => r.slice(r.indexOf('\r\n\r\n') + 4));
  assert.deepStrictEqual(bodies, ['GET /1 ', 'POST /2 abc', 'GET /3 ']);
  assert.match(out, /Connection: close\r\n/);

  // Malformed and smuggling requests: 400 and a closed socket. The
  // listener sees none of them but the last, whose head was valid. (A
  // space before the colon is refused as Node 20's llhttp does; Node 18's
  // let it through.)
  const before = requests;
  const bad = [
    'GARBAGE\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n' +
      'Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    'POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab',
    'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n' +
      'Transfer-Encoding: identity\r\n\r\n',
    'GET / HTTP/1.1\r\nHost : a\r\n\r\n',
    'GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n',
    'GET / HTTP/1.1\r\nX: a\x00b\r\n\r\n',
    'GET / HTTP/9.9\r\n\r\n',
    'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n' +
      'fffffffffffffffff\r\n',
  ];
  for (const req of bad) {
    out = await exchange(req, true);
    assert.strictEqual(out, 'HTTP/1.1 400 Bad Request\r\nConnection: close' +
                       '\r\n\r\n', JSON.stringify(req));
  }
  assert.strictEqual(requests, before + 1);

  // Headers beyond maxHeaderSize: 431.
  out = await exchange('GET / HTTP/1.1\r\nX: ' + 'y'.repeat(2000) + '\r\n\r\n',
                       true);
  assert.strictEqual(out, 'HTTP/1.1 431 Request Header Fields Too Large\r\n' +
                     'Connection: close\r\n\r\n');

  // Garbage after a valid request in the same packet: as in Node, the
  // 400 goes out at once, before the first request's answer was written.
  out = await exchange('GET /ok HTTP/1.1\r\nHost: a\r\n\r\nBAD\r\n\r\n', true);
  assert.strictEqual(out, 'HTTP/1.1 400 Bad Request\r\nConnection: close' +
                     '\r\n\r\n');

  // 'clientError' listeners decide for themselves.
  server.once('clientError', common.mustCall((err, socket) => {
    assert.strictEqual(err.code, 'HPE_INVALID_METHOD');
    assert(Buffer.isBuffer(err.rawPacket));
    socket.end('HTTP/1.1 418 Nope\r\n\r\n');
  }));
  out = await exchange('B@D / HTTP/1.1\r\n\r\n', true);
  assert.strictEqual(out, 'HTTP/1.1 418 Nope\r\n\r\n');

  // Still serving.
  out = await exchange('GET /last HTTP/1.1\r\nConnection: close\r\n\r\n');
  assert.match(out, /GET \/last $/);
  server.close();
}));
