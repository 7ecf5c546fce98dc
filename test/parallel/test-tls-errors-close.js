'use strict';
// Failures around the handshake and closing: a peer that hangs up before
// the handshake (Node's ECONNRESET message), a plain-TCP peer (OpenSSL's
// error as ERR_SSL_*), refused connections, destroy() mid-handshake, the
// server's handshakeTimeout, half-close with allowHalfOpen, and TLS over a
// net.Socket the caller connected.

const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const net = require('net');
const tls = require('tls');

const F = (name) => fs.readFileSync(common.fixtures.path('tls', name));
const creds = { key: F('server-key.pem'), cert: F('server-cert.pem') };
const ca = F('ca-cert.pem');
const listen = (server) =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const errorOf = (socket) => new Promise((resolve) => {
  socket.on('error', resolve);
  socket.on('secureConnect', () => resolve(null));
});

(async () => {
  // A peer that closes as soon as it reads.
  const mute = net.createServer((s) => s.on('data', () => s.destroy()));
  await listen(mute);
  let err = await errorOf(tls.connect(mute.address().port, 'localhost'));
  assert.strictEqual(err.code, 'ECONNRESET');
  assert.strictEqual(err.message, 'Client network socket disconnected ' +
                     'before secure TLS connection was established');
  assert.strictEqual(err.host, 'localhost');
  assert.strictEqual(err.port, mute.address().port);
  mute.close();

  // A peer that answers in plain text.
  const plain = net.createServer((s) => s.end('HTTP/1.1 400 Bad\r\n\r\n'));
  await listen(plain);
  err = await errorOf(tls.connect(plain.address().port, 'localhost'));
  assert.strictEqual(err.code, 'ERR_SSL_WRONG_VERSION_NUMBER');
  assert.strictEqual(err.library, 'SSL routines');
  assert.strictEqual(err.reason, 'wrong version number');
  plain.close();

  // Nobody listening: the TCP error itself.
  const gone = net.createServer();
  await listen(gone);
  const port = gone.address().port;
  await new Promise((resolve) => gone.close(resolve));
  err = await errorOf(tls.connect(port, '127.0.0.1'));
  assert.strictEqual(err.code, 'ECONNREFUSED');

  // The server sees a client that gives up mid-handshake, and one that
  // says nothing within handshakeTimeout.
  const server = tls.createServer({ ...creds, handshakeTimeout: 200 },
                                  common.mustNotCall());
  const clientErrors = [];
  server.on('tlsClientError', (e, socket) => {
    assert(socket instanceof tls.TLSSocket);
    clientErrors.push(e.code);
  });
  await listen(server);
  const firstError = new Promise((resolve) => {
    server.once('tlsClientError', resolve);
  });
  const c = tls.connect(server.address().port, 'localhost', { ca });
  c.on('connect', () => c.destroy());
  await new Promise((resolve) => c.on('close', resolve));
  assert.strictEqual(c.destroyed, true);
  await firstError;
  assert.deepStrictEqual(clientErrors, ['ECONNRESET']);
  const idle = net.connect(server.address().port, '127.0.0.1');
  await new Promise((resolve) => server.once('tlsClientError', resolve));
  assert.deepStrictEqual(clientErrors,
                         ['ECONNRESET', 'ERR_TLS_HANDSHAKE_TIMEOUT']);
  idle.destroy();
  server.close();

  // Half-close: the client ends, the server still answers, then ends.
  const half = tls.createServer({ ...creds, allowHalfOpen: true }, (s) => {
    let got = '';
    s.setEncoding('utf8');
    s.on('data', (d) => { got += d; });
    s.on('end', () => {
      setTimeout(() => s.end(`after end: ${got}`), 20);
    });
  });
  await listen(half);
  // Over a TCP socket the caller made and connected.
  const raw = net.connect(half.address().port, '127.0.0.1');
  await new Promise((resolve) => raw.on('connect', resolve));
  const hc = tls.connect({ socket: raw, servername: 'localhost', ca,
                           allowHalfOpen: true });
  await new Promise((resolve) => hc.on('secureConnect', resolve));
  assert.strictEqual(hc.authorized, true);
  hc.end('question');
  let answer = '';
  hc.setEncoding('utf8');
  hc.on('data', (d) => { answer += d; });
  const closed = new Promise((resolve) => hc.on('close', resolve));
  await new Promise((resolve) => hc.on('end', resolve));
  assert.strictEqual(answer, 'after end: question');
  await closed;
  assert.strictEqual(raw.destroyed, true);
  half.close();

  // A write before the handshake completes is sent after it.
  const echo = tls.createServer(creds, (s) => s.pipe(s));
  await listen(echo);
  const early = tls.connect(echo.address().port, 'localhost', { ca });
  early.write('early ');
  early.end('bird');
  let echoed = '';
  early.setEncoding('utf8');
  early.on('data', (d) => { echoed += d; });
  await new Promise((resolve) => early.on('end', resolve));
  assert.strictEqual(echoed, 'early bird');
  echo.close();
})().then(common.mustCall());
