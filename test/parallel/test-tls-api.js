'use strict';
// The tls module's surface: its constants and lists, createSecureContext's
// argument checks, and TLS over plain Duplex streams (no TCP at all), both
// ends made with new tls.TLSSocket().

const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const { Duplex } = require('stream');
const tls = require('tls');

const F = (name) => fs.readFileSync(common.fixtures.path('tls', name));

assert.strictEqual(tls.DEFAULT_MIN_VERSION, 'TLSv1.2');
assert.strictEqual(tls.DEFAULT_MAX_VERSION, 'TLSv1.3');
assert.strictEqual(tls.DEFAULT_ECDH_CURVE, 'auto');
assert(tls.DEFAULT_CIPHERS.startsWith('TLS_AES_256_GCM_SHA384:'));
const ciphers = tls.getCiphers();
assert(ciphers.includes('tls_aes_128_gcm_sha256'));
assert(ciphers.includes('ecdhe-rsa-aes128-gcm-sha256'));
assert.deepStrictEqual(ciphers, [...ciphers].sort());
assert(Object.isFrozen(tls.rootCertificates));
assert.strictEqual(tls.rootCertificates, tls.rootCertificates);
for (const pem of tls.rootCertificates) {
  assert.match(pem, /^-----BEGIN CERTIFICATE-----\n[^]*\n-----END CERTIFICATE-----$/);
}

assert.throws(() => tls.createSecureContext({ minVersion: 'TLSv9' }), {
  code: 'ERR_TLS_INVALID_PROTOCOL_VERSION',
  message: '"TLSv9" is not a valid minimum TLS protocol version',
});
assert.throws(() => tls.createSecureContext({ key: 42 }),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => tls.createSecureContext({ cert: 'not a certificate' }),
              { code: /^ERR_OSSL_/ });
assert.throws(() => tls.createSecureContext({ key: 'garbage' }),
              { code: /^ERR_OSSL_/ });
// A key that does not belong to the certificate.
assert.throws(() => tls.createSecureContext({ cert: F('server-cert.pem'),
                                              key: F('client-key.pem') }),
              /key values mismatch/);
assert.throws(() => tls.createSecureContext({ ciphers: 'NOPE' }),
              { code: /^ERR_SSL_|^ERR_OSSL_/ });
assert(tls.createSecureContext() instanceof tls.SecureContext);

// Two Duplex ends joined back to back.
function pair() {
  const a = new Duplex({ read() {}, write(c, e, cb) { b.push(c); cb(); },
                         final(cb) { b.push(null); cb(); } });
  const b = new Duplex({ read() {}, write(c, e, cb) { a.push(c); cb(); },
                         final(cb) { a.push(null); cb(); } });
  return [a, b];
}

const [left, right] = pair();
const serverSide = new tls.TLSSocket(right, {
  isServer: true,
  secureContext: tls.createSecureContext({ key: F('server-key.pem'),
                                           cert: F('server-cert.pem') }),
});
const client = tls.connect({
  socket: left,
  servername: 'localhost',
  ca: F('ca-cert.pem'),
}, common.mustCall(() => {
  assert.strictEqual(client.authorized, true);
  client.end('over a Duplex');
}));
serverSide.on('secure', common.mustCall());
let got = '';
serverSide.setEncoding('utf8');
serverSide.on('data', (d) => { got += d; });
serverSide.on('end', common.mustCall(() => {
  assert.strictEqual(got, 'over a Duplex');
  serverSide.end('bye');
}));
let reply = '';
client.setEncoding('utf8');
client.on('data', (d) => { reply += d; });
client.on('end', common.mustCall(() => assert.strictEqual(reply, 'bye')));
