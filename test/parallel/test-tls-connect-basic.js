'use strict';
// A TLS round trip on loopback: the handshake's results on both sides
// (protocol, cipher, certificates, authorization), data both ways and a
// graceful end with close_notify, then the byte counts.

const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const tls = require('tls');

const F = (name) => fs.readFileSync(common.fixtures.path('tls', name));

const server = tls.createServer({
  key: F('server-key.pem'),
  cert: F('server-cert.pem'),
}, common.mustCall((socket) => {
  assert.strictEqual(socket.encrypted, true);
  assert.strictEqual(socket.authorized, false);
  assert.strictEqual(socket.getProtocol(), 'TLSv1.3');
  assert.deepStrictEqual(socket.getPeerCertificate(), {});
  assert.strictEqual(socket.getCertificate().subject.CN, 'localhost');
  let got = '';
  socket.setEncoding('utf8');
  socket.on('data', (d) => { got += d; });
  socket.on('end', common.mustCall(() => {
    assert.strictEqual(got, 'ping');
    assert.strictEqual(socket.bytesRead, 4);
    socket.end('pong');
  }));
}));
server.on('connection', common.mustCall((raw) => {
  // 'connection' carries the raw TCP socket.
  assert.strictEqual(raw.encrypted, undefined);
}));

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const { port } = server.address();
  const client = tls.connect({
    port,
    host: 'localhost',
    ca: F('ca-cert.pem'),
  }, common.mustCall(() => {
    assert.strictEqual(client.authorized, true);
    assert.strictEqual(client.authorizationError, null);
    assert.strictEqual(client.encrypted, true);
    assert.strictEqual(client.getProtocol(), 'TLSv1.3');
    const cipher = client.getCipher();
    assert.strictEqual(typeof cipher.name, 'string');
    assert.strictEqual(cipher.version, 'TLSv1.3');
    assert.strictEqual(client.remotePort, port);
    assert.strictEqual(client.remoteAddress, '127.0.0.1');

    const cert = client.getPeerCertificate();
    assert.strictEqual(Object.getPrototypeOf(cert.subject), null);
    assert.strictEqual(cert.subject.CN, 'localhost');
    assert.strictEqual(cert.subject.OU, 'server');
    assert.strictEqual(cert.issuer.CN, 'noderun test CA');
    assert.strictEqual(cert.subjectaltname,
                       'DNS:localhost, IP Address:127.0.0.1');
    assert.strictEqual(cert.serialNumber, '1001');
    assert.strictEqual(cert.ca, false);
    assert.strictEqual(cert.bits, 2048);
    assert.strictEqual(cert.exponent, '0x10001');
    assert.match(cert.modulus, /^[0-9A-F]{512}$/);
    assert.match(cert.fingerprint, /^([0-9A-F]{2}:){19}[0-9A-F]{2}$/);
    assert.match(cert.fingerprint256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    assert.match(cert.valid_from, /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT$/);
    assert.deepStrictEqual(cert.ext_key_usage, ['1.3.6.1.5.5.7.3.1']);
    assert(Buffer.isBuffer(cert.raw));
    assert(Buffer.isBuffer(cert.pubkey));
    assert.strictEqual(cert.issuerCertificate, undefined);
    // The fingerprint is the SHA-1 of the DER form.
    const crypto = require('crypto');
    const sha1 = crypto.createHash('sha1').update(cert.raw).digest('hex');
    assert.strictEqual(cert.fingerprint.replace(/:/g, '').toLowerCase(), sha1);

    // Detailed: the chain up to the trusted CA, which is its own issuer.
    const detailed = client.getPeerCertificate(true);
    const ca = detailed.issuerCertificate;
    assert.strictEqual(ca.subject.CN, 'noderun test CA');
    assert.strictEqual(ca.ca, true);
    assert.strictEqual(ca.issuerCertificate, ca);

    client.end('ping');
  }));
  let reply = '';
  client.setEncoding('utf8');
  client.on('data', (d) => { reply += d; });
  client.on('end', common.mustCall(() => {
    assert.strictEqual(reply, 'pong');
  }));
  client.on('close', common.mustCall((hadError) => {
    assert.strictEqual(hadError, false);
    assert.strictEqual(client.bytesWritten, 4);
    server.close();
  }));
}));
