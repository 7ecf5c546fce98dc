'use strict';
// Smaller Socket behaviours: resetAndDestroy() makes the peer see
// ECONNRESET; unref'd sockets do not keep the process alive; destroySoon
// waits for pending writes.
const common = require('../common');
const { assert } = common;
const net = require('net');

// resetAndDestroy
const resetServer = net.createServer(common.mustCall((sock) => {
  sock.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ECONNRESET');
    assert.strictEqual(err.syscall, 'read');
  }));
  sock.on('close', common.mustCall(() => resetServer.close()));
  sock.resume();
}));
resetServer.listen(0, '127.0.0.1', common.mustCall(() => {
  const c = net.connect(resetServer.address().port, '127.0.0.1');
  // Without a handle there is nothing to reset: an error instead.
  new net.Socket().resetAndDestroy().on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_SOCKET_CLOSED');
  }));
  c.on('connect', common.mustCall(() => {
    c.setNoDelay(true);
    c.setKeepAlive(true, 1000);
    setTimeout(() => c.resetAndDestroy(), 20);
  }));
  c.on('close', common.mustCall((hadError) => {
    assert.strictEqual(hadError, false);
  }));
}));

// Unref'd sockets and servers do not hold the process.
const idle = net.createServer(common.mustCall((sock) => sock.unref()));
idle.listen(0, '127.0.0.1', common.mustCall(() => {
  const c = net.connect(idle.address().port, '127.0.0.1');
  c.unref();
  idle.unref();
}));

// destroySoon waits for the writes to finish.
const soonServer = net.createServer(common.mustCall((sock) => {
  let n = 0;
  sock.on('data', (d) => { n += d.length; });
  sock.on('end', common.mustCall(() => {
    assert.strictEqual(n, 100000);
    soonServer.close();
  }));
}));
soonServer.listen(0, '127.0.0.1', common.mustCall(() => {
  const c = net.connect(soonServer.address().port, '127.0.0.1');
  c.write(Buffer.alloc(100000));
  c.destroySoon();
  c.on('close', common.mustCall());
}));
