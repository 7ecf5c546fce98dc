'use strict';
// How a client judges the server's certificate: Node's error codes for
// each failure, rejectUnauthorized:false letting the connection go on with
// authorizationError set, and host name checks (ERR_TLS_CERT_ALTNAME_INVALID).

const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const tls = require('tls');

const F = (name) => fs.readFileSync(common.fixtures.path('tls', name));

function serve(options) {
  const server = tls.createServer(options, (socket) => socket.end('ok'));
  // Clients that reject the server hang up during the handshake.
  server.on('tlsClientError', () => {});
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// Connects; resolves with the error, or with the socket when it got
// through the handshake.
function attempt(port, options) {
  return new Promise((resolve) => {
    const c = tls.connect({ port, ...options }, () => {
      c.resume();
      c.on('end', () => resolve(c));
    });
    c.on('error', (err) => resolve(err));
  });
}

(async () => {
  const signed = await serve({ key: F('server-key.pem'),
                               cert: F('server-cert.pem') });
  const self = await serve({ key: F('self-key.pem'), cert: F('self-cert.pem') });
  const chain = await serve({ key: F('server-key.pem'),
                              cert: F('server-chain.pem') });
  const p1 = signed.address().port;

  // No CA given: the system roots do not know ours.
  let r = await attempt(p1, { host: 'localhost' });
  assert.strictEqual(r.code, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  assert.strictEqual(r.message, 'unable to verify the first certificate');

  r = await attempt(self.address().port, { host: 'localhost' });
  assert.strictEqual(r.code, 'DEPTH_ZERO_SELF_SIGNED_CERT');
  assert.strictEqual(r.message, 'self-signed certificate');

  // The server sends its CA along, which nobody trusts.
  r = await attempt(chain.address().port, { host: 'localhost' });
  assert.strictEqual(r.code, 'SELF_SIGNED_CERT_IN_CHAIN');

  // A CA that did not sign the certificate.
  r = await attempt(p1, { host: 'localhost', ca: F('self-cert.pem') });
  assert.strictEqual(r.code, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');

  // Trusted, but for another name.
  r = await attempt(p1, { host: '127.0.0.1', servername: 'example.com',
                          ca: F('ca-cert.pem') });
  assert.strictEqual(r.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
  assert.strictEqual(r.message, "Hostname/IP does not match certificate's " +
    "altnames: Host: example.com. is not in the cert's altnames: " +
    'DNS:localhost, IP Address:127.0.0.1');
  assert.strictEqual(r.host, 'example.com');
  assert.strictEqual(r.cert.subject.CN, 'localhost');

  // An IP address is checked against the IP entries.
  r = await attempt(p1, { host: '127.0.0.1', ca: F('ca-cert.pem') });
  assert.strictEqual(r.authorized, true);

  // rejectUnauthorized:false: the connection stands, flagged.
  r = await attempt(self.address().port, { host: 'localhost',
                                           rejectUnauthorized: false });
  assert.strictEqual(r.authorized, false);
  assert.strictEqual(r.authorizationError, 'DEPTH_ZERO_SELF_SIGNED_CERT');

  r = await attempt(p1, { host: '127.0.0.1', servername: 'example.com',
                          ca: F('ca-cert.pem'), rejectUnauthorized: false });
  assert.strictEqual(r.authorized, false);
  assert.strictEqual(r.authorizationError, 'ERR_TLS_CERT_ALTNAME_INVALID');

  // A trusted self-signed certificate, and a custom identity check.
  r = await attempt(self.address().port, { host: 'localhost',
                                           ca: F('self-cert.pem') });
  assert.strictEqual(r.authorized, true);
  const seen = [];
  r = await attempt(p1, {
    host: 'localhost',
    ca: F('ca-cert.pem'),
    checkServerIdentity(host, cert) {
      seen.push(host, cert.subject.CN);
      return new Error('no thanks');
    },
  });
  assert.strictEqual(r.message, 'no thanks');
  assert.deepStrictEqual(seen, ['localhost', 'localhost']);

  // NODE_TLS_REJECT_UNAUTHORIZED=0 turns the default off.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  process.emitWarning = () => {};
  r = await attempt(self.address().port, { host: 'localhost' });
  assert.strictEqual(r.authorized, false);
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;

  signed.close();
  self.close();
  chain.close();
})().then(common.mustCall());
