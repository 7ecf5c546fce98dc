'use strict';
// net.Server: the argument forms of listen(), 'listening', address(),
// listening, getConnections, maxConnections with 'drop', close() with and
// without a running server, EADDRINUSE, listening twice, ref/unref.
const common = require('../common');
const { assert } = common;
const net = require('net');

assert.throws(() => net.createServer().listen({}), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: /must have the property "port" or "path"/,
});
assert.throws(() => net.createServer().listen({ port: -1 }), {
  code: 'ERR_SOCKET_BAD_PORT',
});
assert.throws(() => net.createServer().listen(65536), {
  code: 'ERR_SOCKET_BAD_PORT',
});
assert.throws(() => net.createServer('x'), { code: 'ERR_INVALID_ARG_TYPE' });

// close() on a server that never listened.
net.createServer().close(common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_SERVER_NOT_RUNNING');
  assert.strictEqual(err.message, 'Server is not running.');
}));

// address() before listening.
assert.strictEqual(net.createServer().address(), null);

// listen(cb) and listen({ port: 0, host }) with a callback.
const s1 = net.createServer();
s1.listen(common.mustCall(function() {
  assert.strictEqual(this, s1);
  const { port, family, address } = s1.address();
  assert.ok(port > 0);
  assert.ok((family === 'IPv6' && address === '::') ||
            (family === 'IPv4' && address === '0.0.0.0'));
  assert.throws(() => s1.listen(0), {
    code: 'ERR_SERVER_ALREADY_LISTEN',
    message: 'Listen method has been called more than once without ' +
             'closing.',
  });
  // The same port a second time: EADDRINUSE as an 'error' event.
  const s2 = net.createServer();
  s2.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(err.syscall, 'listen');
    assert.strictEqual(err.port, port);
    assert.match(err.message, /^listen EADDRINUSE: address already in use/);
    assert.strictEqual(s2.listening, false);
    s1.close(common.mustCall());
  }));
  s2.listen(port);
}));

// maxConnections: the extra connection is dropped with a 'drop' event.
const s3 = net.createServer();
s3.maxConnections = 1;
const held = [];
s3.on('connection', common.mustCall((sock) => {
  held.push(sock);
  s3.getConnections(common.mustCall((err, n) => {
    assert.strictEqual(err, null);
    assert.strictEqual(n, 1);
  }));
}, 1));
s3.on('drop', common.mustCall((data) => {
  assert.strictEqual(data.localPort, s3.address().port);
  assert.strictEqual(data.remoteAddress, '127.0.0.1');
  assert.strictEqual(data.remoteFamily, 'IPv4');
  assert.strictEqual(typeof data.remotePort, 'number');
  for (const s of held) s.destroy();
  s3.close();
}));
s3.listen({ port: 0, host: '127.0.0.1', backlog: 10 }, common.mustCall(() => {
  const { port } = s3.address();
  const a = net.connect(port, '127.0.0.1', common.mustCall(() => {
    const b = net.connect(port, '127.0.0.1');
    b.on('error', () => {});
    b.resume();
  }));
  a.on('error', () => {});
  a.resume();
}));

// An unref'd server does not keep the process alive; 'listening' still
// comes, and ref() works on it.
const s4 = net.createServer();
s4.unref();
s4.listen(0, '127.0.0.1', common.mustCall(() => {
  assert.strictEqual(s4.listening, true);
  s4.ref();
  s4.unref();
}));

// listen(port, host, backlog, cb)
const s5 = net.createServer();
s5.listen(0, 'localhost', 5, common.mustCall(() => {
  assert.ok(['127.0.0.1', '::1'].includes(s5.address().address));
  s5.close(common.mustCall((err) => assert.strictEqual(err, undefined)));
}));

// A host that does not resolve is an 'error' event.
const s6 = net.createServer();
s6.on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ENOTFOUND');
}));
s6.listen(0, 'no-such-host.invalid', common.mustNotCall());
