'use strict';
// ALPN (the server's pick among the client's protocols, none without an
// overlap), SNI (only an explicit servername is sent, as in Node; the
// SNICallback chooses the context, asynchronously) and session resumption.

const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const tls = require('tls');

const F = (name) => fs.readFileSync(common.fixtures.path('tls', name));

function once(server, options) {
  return new Promise((resolve, reject) => {
    const c = tls.connect({ port: server.address().port, ...options }, () => {
      const result = {
        alpn: c.alpnProtocol,
        cn: (c.getPeerCertificate().subject || {}).CN,
        reused: c.isSessionReused(),
        session: c.getSession(),
      };
      c.on('end', () => resolve(result));
      c.resume();
      c.end();
    });
    c.on('error', reject);
  });
}

(async () => {
  const seen = [];
  const server = tls.createServer({
    key: F('server-key.pem'),
    cert: F('server-cert.pem'),
    ALPNProtocols: ['h2', 'http/1.1'],
    SNICallback: common.mustCallAtLeast((name, cb) => {
      seen.push(name);
      // The self-signed context for "self.test", the default otherwise.
      setTimeout(() => {
        if (name === 'self.test') {
          cb(null, tls.createSecureContext({ key: F('self-key.pem'),
                                             cert: F('self-cert.pem') }));
        } else {
          cb(null, null);
        }
      }, 1);
    }),
  }, (socket) => {
    socket.end(String(socket.alpnProtocol));
  });
  await new Promise((resolve) => server.listen(0, resolve));

  const ca = F('ca-cert.pem');
  let r = await once(server, { host: 'localhost', ca,
                               ALPNProtocols: ['http/1.1', 'h2'] });
  assert.strictEqual(r.alpn, 'h2');
  r = await once(server, { host: 'localhost', ca,
                           ALPNProtocols: ['spdy', 'http/1.1'] });
  assert.strictEqual(r.alpn, 'http/1.1');
  // No overlap: the connection goes on without a protocol.
  r = await once(server, { host: 'localhost', ca, ALPNProtocols: ['x'] });
  assert.strictEqual(r.alpn, false);
  r = await once(server, { host: 'localhost', ca });
  assert.strictEqual(r.alpn, false);
  // Buffer in wire format.
  r = await once(server, { host: 'localhost', ca,
                           ALPNProtocols: Buffer.from('\x02h2') });
  assert.strictEqual(r.alpn, 'h2');

  // SNICallback picks the self-signed certificate for self.test.
  r = await once(server, { host: 'localhost', servername: 'self.test',
                           ca: F('self-cert.pem'),
                           checkServerIdentity: () => undefined });
  assert.strictEqual(r.cn, 'localhost');
  assert.deepStrictEqual(seen, ['self.test']);
  r = await once(server, { host: 'localhost', servername: 'localhost', ca });
  assert.deepStrictEqual(seen, ['self.test', 'localhost']);

  // Resumption: the session of one connection resumes the next.
  let session;
  await new Promise((resolve, reject) => {
    const c = tls.connect({ port: server.address().port, host: 'localhost',
                            ca });
    c.once('session', (s) => {
      session = s;
      c.end();
    });
    c.resume();
    c.on('close', resolve);
    c.on('error', reject);
  });
  assert(Buffer.isBuffer(session));
  r = await once(server, { host: 'localhost', ca, session });
  assert.strictEqual(r.reused, true);

  server.close();
})().then(common.mustCall());
