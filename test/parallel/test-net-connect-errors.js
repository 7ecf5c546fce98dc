'use strict';
// Connection failures: ECONNREFUSED on a closed port with Node's message
// and properties, ENOTFOUND from the host lookup, 'close' with hadError,
// and the argument checks of connect().
const common = require('../common');
const { assert } = common;
const net = require('net');

// A port nobody listens on: bind one, note it, close it.
const probe = net.createServer();
probe.listen(0, '127.0.0.1', common.mustCall(() => {
  const { port } = probe.address();
  probe.close(common.mustCall(() => {
    const c = net.connect(port, '127.0.0.1');
    c.on('connect', common.mustNotCall());
    c.on('error', common.mustCall((err) => {
      assert.strictEqual(err.message, `connect ECONNREFUSED 127.0.0.1:${port}`);
      assert.strictEqual(err.code, 'ECONNREFUSED');
      assert.strictEqual(err.errno, -111);
      assert.strictEqual(err.syscall, 'connect');
      assert.strictEqual(err.address, '127.0.0.1');
      assert.strictEqual(err.port, port);
    }));
    c.on('close', common.mustCall((hadError) => {
      assert.strictEqual(hadError, true);
      assert.strictEqual(c.destroyed, true);
    }));
  }));
}));

// A name that cannot resolve: the lookup error is the socket's error.
const bad = net.connect({ host: 'no-such-host.invalid', port: 80 });
bad.on('lookup', common.mustCall((err, ip, type, host) => {
  assert.strictEqual(host, 'no-such-host.invalid');
  assert.ok(err);
}));
bad.on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(err.syscall, 'getaddrinfo');
  assert.strictEqual(err.hostname, 'no-such-host.invalid');
  assert.strictEqual(err.message, 'getaddrinfo ENOTFOUND no-such-host.invalid');
}));

// Argument checks throw at once.
assert.throws(() => net.connect({ port: -1 }), {
  code: 'ERR_SOCKET_BAD_PORT',
  name: 'RangeError',
});
assert.throws(() => net.connect({ port: 65536 }), { code: 'ERR_SOCKET_BAD_PORT' });
assert.throws(() => net.connect({ port: true }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => net.connect({ port: 80, host: 5 }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => net.connect({ port: 80, localAddress: 'nope' }), {
  code: 'ERR_INVALID_IP_ADDRESS',
  message: 'Invalid IP address: nope',
});
assert.throws(() => new net.Socket().setTimeout(-1), {
  code: 'ERR_OUT_OF_RANGE',
});
assert.throws(() => new net.Socket().setTimeout('1'), {
  code: 'ERR_INVALID_ARG_TYPE',
});

// A socket that never connected: no handle, no addresses; Node calls it
// 'open' (readable and writable) until destroyed.
const lonely = new net.Socket();
assert.strictEqual(lonely.readyState, 'open');
assert.strictEqual(lonely.pending, true);
assert.strictEqual(lonely.remoteAddress, undefined);
assert.strictEqual(lonely.bufferSize, undefined);
lonely.destroy();
lonely.on('close', common.mustCall((...args) => {
  assert.deepStrictEqual(args, []);
}));
