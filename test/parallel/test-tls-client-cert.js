'use strict';
// Client certificates: requestCert with and without rejectUnauthorized,
// a trusted and an untrusted client, and what each side sees.

const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const tls = require('tls');

const F = (name) => fs.readFileSync(common.fixtures.path('tls', name));

function makeServer(options) {
  const server = tls.createServer({
    key: F('server-key.pem'),
    cert: F('server-cert.pem'),
    ca: F('ca-cert.pem'),
    requestCert: true,
    ...options,
  }, (socket) => {
    const cert = socket.getPeerCertificate();
    socket.end(JSON.stringify({
      authorized: socket.authorized,
      error: socket.authorizationError,
      cn: cert.subject ? cert.subject.CN : null,
    }));
  });
  server.clientErrors = [];
  server.on('tlsClientError', (err) => server.clientErrors.push(err.code));
  return new Promise((resolve) => server.listen(0, () => resolve(server)));
}

// Resolves with what the server answered, or with the client's error.
function ask(server, options) {
  return new Promise((resolve) => {
    const c = tls.connect({ port: server.address().port, host: 'localhost',
                            ca: F('ca-cert.pem'), ...options });
    let body = '';
    c.setEncoding('utf8');
    c.on('data', (d) => { body += d; });
    c.on('end', () => resolve(body ? JSON.parse(body) : 'no answer'));
    c.on('error', (err) => resolve(err));
  });
}

(async () => {
  const lenient = await makeServer({ rejectUnauthorized: false });
  let r = await ask(lenient, { key: F('client-key.pem'),
                               cert: F('client-cert.pem') });
  assert.deepStrictEqual(r, { authorized: true, error: null,
                              cn: 'test client' });
  r = await ask(lenient, {});
  assert.deepStrictEqual(r, { authorized: false,
                              error: 'UNABLE_TO_GET_ISSUER_CERT', cn: null });
  r = await ask(lenient, { key: F('self-key.pem'), cert: F('self-cert.pem') });
  assert.deepStrictEqual(r, { authorized: false,
                              error: 'DEPTH_ZERO_SELF_SIGNED_CERT',
                              cn: 'localhost' });

  const strict = await makeServer({});
  r = await ask(strict, { key: F('client-key.pem'),
                          cert: F('client-cert.pem') });
  assert.strictEqual(r.authorized, true);
  // No certificate: the handshake fails on both sides.
  r = await ask(strict, {});
  assert(r instanceof Error);
  assert.strictEqual(r.code, 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED');
  // An untrusted one: the server drops the connection once it saw it (in
  // TLS 1.3 the client is through its handshake by then).
  r = await ask(strict, { key: F('self-key.pem'), cert: F('self-cert.pem') });
  assert(r === 'no answer' || r instanceof Error, r);
  assert.strictEqual(strict.clientErrors[0],
                     'ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE');

  lenient.close();
  strict.close();
})().then(common.mustCall());
