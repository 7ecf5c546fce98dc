'use strict';
// setTimeout: 'timeout' after the idle time (the socket stays open),
// pushed back by activity, switched off by 0, the connect option
// `timeout`, and the timer never keeps the process alive by itself.
const common = require('../common');
const { assert } = common;
const net = require('net');

const server = net.createServer((sock) => {
  sock.on('data', () => {});
  sock.on('error', () => {});
});
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const { port } = server.address();

  // Idle: one 'timeout', then the socket is still usable.
  const a = net.connect({ port, host: '127.0.0.1', timeout: 50 });
  assert.strictEqual(a.timeout, 50);
  const start = Date.now();
  a.on('timeout', common.mustCall(() => {
    assert.ok(Date.now() - start >= 40);
    assert.strictEqual(a.destroyed, false);
    a.setTimeout(0);
    a.end();
  }));

  // Writes every 20 ms keep a 100 ms timeout from firing; then silence.
  // (Started once connected: writes queued while connecting are no
  // activity yet.)
  const b = net.connect(port, '127.0.0.1');
  let writes = 0;
  let timedOut = false;
  b.on('connect', common.mustCall(() => {
    b.setTimeout(100, common.mustCall(() => {
      timedOut = true;
      assert.strictEqual(writes, 5);
      b.destroy();
    }));
    const iv = setInterval(() => {
      assert.strictEqual(timedOut, false);
      b.write('x');
      if (++writes === 5) clearInterval(iv);
    }, 20);
  }));

  // setTimeout(0, cb) removes cb.
  const c = net.connect(port, '127.0.0.1');
  const never = common.mustNotCall();
  c.setTimeout(10, never);
  c.setTimeout(0, never);
  assert.strictEqual(c.listenerCount('timeout'), 0);
  setTimeout(() => c.destroy(), 40);

  let closed = 0;
  for (const s of [a, b, c]) {
    s.on('close', () => {
      if (++closed === 3) server.close();
    });
  }
}));

// An unconnected socket with a timeout does not hold the process open.
new net.Socket().setTimeout(100000);
