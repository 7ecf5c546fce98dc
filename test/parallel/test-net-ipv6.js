'use strict';
// IPv6 over loopback (::1): listen, connect, addresses and families; the
// dual-stack default listen accepts IPv4 clients too.
const common = require('../common');
const { assert } = common;
const net = require('net');

const server = net.createServer(common.mustCall((sock) => {
  assert.strictEqual(sock.remoteAddress, '::1');
  assert.strictEqual(sock.remoteFamily, 'IPv6');
  assert.strictEqual(sock.localFamily, 'IPv6');
  sock.end('six');
}));
server.on('error', (err) => {
  // A machine without IPv6 loopback: nothing to test.
  assert.ok(['EADDRNOTAVAIL', 'EAFNOSUPPORT'].includes(err.code));
});
server.listen(0, '::1', common.mustCall(() => {
  const addr = server.address();
  assert.strictEqual(addr.address, '::1');
  assert.strictEqual(addr.family, 'IPv6');
  const c = net.connect({ port: addr.port, host: '::1' });
  c.on('connect', common.mustCall(() => {
    assert.strictEqual(c.remoteAddress, '::1');
    assert.strictEqual(c.remoteFamily, 'IPv6');
    assert.strictEqual(c.localAddress, '::1');
  }));
  let got = '';
  c.on('data', (d) => { got += d; });
  c.on('close', common.mustCall(() => {
    assert.strictEqual(got, 'six');
    server.close();
  }));
}));

// No host: '::' when the system has IPv6, and IPv4 clients still reach it.
const any = net.createServer(common.mustCall((sock) => {
  assert.match(sock.remoteAddress, /^(::ffff:)?127\.0\.0\.1$/);
  sock.destroy();
  any.close();
}));
any.listen(0, common.mustCall(() => {
  net.connect(any.address().port, '127.0.0.1').on('error', () => {}).resume();
}));

// Connecting to an IPv6 port nobody listens on.
const probe = net.createServer().listen(0, '::1', common.mustCall(() => {
  const { port } = probe.address();
  probe.close(() => {
    net.connect(port, '::1').on('error', common.mustCall((err) => {
      assert.strictEqual(err.code, 'ECONNREFUSED');
      assert.strictEqual(err.message, `connect ECONNREFUSED ::1:${port}`);
      assert.strictEqual(err.address, '::1');
    }));
  });
}));
