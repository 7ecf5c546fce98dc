'use strict';
// What a connection can tell about its handshake: the Finished messages
// (each side's own is the other's peer one), exported keying material
// (equal on both sides, RFC 5705), the ephemeral key, the shared
// signature algorithms under `sigalgs`, ticket keys shared between
// servers (a ticket of one resumes on the other), setMaxSendFragment's
// limits and getTLSTicket.

const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const tls = require('tls');

const F = (name) => fs.readFileSync(common.fixtures.path('tls', name));
const creds = { key: F('server-key.pem'), cert: F('server-cert.pem') };
const ca = F('ca-cert.pem');

function pair(serverOptions, clientOptions) {
  return new Promise((resolve) => {
    const server = tls.createServer({ ...creds, ...serverOptions }, (s) => {
      server.conn = s;
      s.resume();
    });
    server.listen(0, () => {
      const c = tls.connect({ port: server.address().port, host: 'localhost',
                              ca, ...clientOptions }, () => {
        // The server's side is secure by the time the client reads.
        setImmediate(() => resolve({ server, client: c }));
      });
      c.resume();
    });
  });
}

(async () => {
  let { server, client } = await pair({ sigalgs: 'RSA-PSS+SHA256' },
                                      { maxVersion: 'TLSv1.2' });
  const s = server.conn;
  assert.strictEqual(client.getProtocol(), 'TLSv1.2');
  assert(client.getFinished().length > 0);
  assert.deepStrictEqual(client.getFinished(), s.getPeerFinished());
  assert.deepStrictEqual(client.getPeerFinished(), s.getFinished());
  const k1 = client.exportKeyingMaterial(32, 'EXPERIMENTAL-test',
                                         Buffer.from('ctx'));
  const k2 = s.exportKeyingMaterial(32, 'EXPERIMENTAL-test',
                                    Buffer.from('ctx'));
  assert.strictEqual(k1.length, 32);
  assert.deepStrictEqual(k1, k2);
  assert.notDeepStrictEqual(client.exportKeyingMaterial(32, 'other'), k1);
  const info = client.getEphemeralKeyInfo();
  assert.strictEqual(info.type, 'ECDH');
  assert.strictEqual(typeof info.name, 'string');
  assert(info.size > 0);
  assert.strictEqual(s.getEphemeralKeyInfo(), null);
  assert.deepStrictEqual(s.getSharedSigalgs(), ['RSA-PSS+SHA256']);
  assert.strictEqual(client.setMaxSendFragment(511), false);
  assert.strictEqual(client.setMaxSendFragment(16385), false);
  assert.strictEqual(client.setMaxSendFragment(1024), true);
  assert(Buffer.isBuffer(client.getTLSTicket()));
  client.destroy();
  server.close();

  // Two servers with the same ticket keys: a ticket of one resumes on the
  // other (TLS 1.2 tickets come with the handshake).
  const keys = tls.createServer(creds).getTicketKeys();
  assert.strictEqual(keys.length, 48);
  ({ server, client } = await pair({ ticketKeys: keys },
                                   { maxVersion: 'TLSv1.2' }));
  assert.deepStrictEqual(server.getTicketKeys(), keys);
  const session = client.getSession();
  client.destroy();
  server.close();
  ({ server, client } = await pair({ ticketKeys: keys },
                                   { maxVersion: 'TLSv1.2', session }));
  assert.strictEqual(client.isSessionReused(), true);
  client.destroy();
  server.close();
  // Other keys: no resumption, a full handshake instead.
  ({ server, client } = await pair({}, { maxVersion: 'TLSv1.2', session }));
  assert.strictEqual(client.isSessionReused(), false);
  client.destroy();
  server.close();

  assert.throws(() => tls.createServer({ ...creds, ticketKeys: Buffer.alloc(4) }),
                { code: 'ERR_INVALID_ARG_VALUE' });
})().then(common.mustCall());
