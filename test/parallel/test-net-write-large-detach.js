// Flags: --expose-gc
'use strict';
// A large write the kernel cannot take at once keeps the written memory
// (it is not copied): the bytes arrive intact even when the Buffer's
// ArrayBuffer is transferred away and collected while the write waits
// (Node 18 fails such a write with EFAULT; reading freed memory is no
// option for us).
const common = require('../common');
const { assert } = common;
const net = require('net');

const SIZE = 8 * 1024 * 1024;
function pattern(i) {
  return (i * 7 + (i >> 12)) & 0xff;
}

const server = net.createServer(common.mustCall((sock) => {
  sock.pause();
  const chunks = [];
  // Let the writer fill the socket buffers before reading anything.
  setTimeout(() => {
    sock.on('data', (d) => chunks.push(d));
    sock.resume();
  }, 100);
  sock.on('end', common.mustCall(() => {
    const all = Buffer.concat(chunks);
    assert.strictEqual(all.length, SIZE);
    for (let i = 0; i < SIZE; i += 4093) {
      assert.strictEqual(all[i], pattern(i), `byte ${i}`);
    }
    server.close();
  }));
}));

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.on('connect', common.mustCall(() => {
    let buf = Buffer.alloc(SIZE);
    for (let i = 0; i < SIZE; i++) buf[i] = pattern(i);
    const queued = !c.write(buf, common.mustCall((err) => assert.ifError(err)));
    assert.ok(queued || c.writableLength === 0);
    // Move the memory to another ArrayBuffer, then drop that one too.
    let moved = structuredClone(buf.buffer, { transfer: [buf.buffer] });
    assert.strictEqual(buf.length, 0);
    moved = buf = null;
    global.gc();
    setImmediate(() => global.gc());
    c.end();
  }));
}));
