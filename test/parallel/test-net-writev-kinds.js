'use strict';
// Corked writes that go out through the handle's writev: empty chunks in
// between, Latin-1 strings with bytes above 0x7f, and strings too big for
// the native side's stack buffer (UTF-8 with multi-byte characters and
// Latin-1), with their callbacks in order and bytesWritten in bytes.
const common = require('../common');
const { assert } = common;
const net = require('net');

const bigUtf8 = 'é€'.repeat(7000);           // 35000 bytes of UTF-8
const bigLatin1 = '\u00e9x'.repeat(12000);    // 24000 bytes of Latin-1
const expected = Buffer.concat([
  Buffer.from('a'), Buffer.from('\u00ff\u00e9', 'latin1'), Buffer.from([7]),
  Buffer.from(bigUtf8), Buffer.from(bigLatin1, 'latin1'), Buffer.from('z'),
]);

const server = net.createServer(common.mustCall((sock) => {
  const chunks = [];
  sock.on('data', (d) => chunks.push(d));
  sock.on('end', common.mustCall(() => {
    assert.ok(Buffer.concat(chunks).equals(expected));
    sock.end();
    server.close();
  }));
}));

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const c = net.connect(server.address().port, '127.0.0.1');
  const order = [];
  c.on('connect', common.mustCall(() => {
    c.cork();
    c.write('a', () => order.push(1));
    c.write('', () => order.push(2));
    c.write('\u00ff\u00e9', 'latin1', () => order.push(3));
    c.write(Buffer.alloc(0), () => order.push(4));
    c.write(Buffer.from([7]), () => order.push(5));
    c.write(bigUtf8, () => order.push(6));
    c.write(bigLatin1, 'latin1', () => order.push(7));
    c.uncork();
    c.end('z', common.mustCall(() => {
      assert.deepStrictEqual(order, [1, 2, 3, 4, 5, 6, 7]);
      assert.strictEqual(c.bytesWritten, expected.length);
    }));
  }));
  c.resume();
}));
